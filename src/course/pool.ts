import { seededRandom, shuffle } from './random.ts';
import type { Quiz } from './types.ts';

/**
 * The question ids an attempt shows, in order: drawn from the bank and shuffled by its seed.
 * Drawn per objective, blueprint objectives come first (their `always` questions, one of their
 * `one_of` questions, then random ones up to their `draw`), then every other objective gets `drawPerObjective`. A question
 * drawn for one objective also counts for the others it assesses.
 */
export function drawQuestions(quiz: Quiz, seed: number): string[] {
  const random = seededRandom(seed);
  const bank = quiz.questions.map((q) => q.id);
  let chosen: string[];
  if (quiz.drawPerObjective !== null) {
    const planned = new Map(quiz.blueprint.map((b) => [b.objective, b]));
    const objectives = [...new Set([...planned.keys(), ...quiz.questions.flatMap((q) => q.objectives)])];
    const picked = new Set<string>();
    for (const objective of objectives) {
      const entry = planned.get(objective);
      for (const id of entry?.always ?? []) picked.add(id);
      const oneOf = entry?.oneOf ?? [];
      if (oneOf.length && !oneOf.some((id) => picked.has(id))) picked.add(shuffle(oneOf, random)[0]!);
      const target = entry?.draw ?? quiz.drawPerObjective;
      const already = quiz.questions.filter((q) => picked.has(q.id) && q.objectives.includes(objective)).length;
      const candidates = shuffle(
        quiz.questions.filter((q) => !picked.has(q.id) && q.objectives.includes(objective)),
        random,
      );
      for (const q of candidates.slice(0, Math.max(0, target - already))) picked.add(q.id);
    }
    chosen = bank.filter((id) => picked.has(id));
  } else if (quiz.draw !== null && quiz.draw < bank.length) {
    const picked = new Set(shuffle(bank, random).slice(0, quiz.draw));
    chosen = bank.filter((id) => picked.has(id));
  } else {
    chosen = bank;
  }
  return quiz.shuffleQuestions ? shuffle(chosen, random) : chosen;
}
