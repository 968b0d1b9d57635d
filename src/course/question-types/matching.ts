import { shuffle } from '../random.ts';
import type { Answer, Choice, QuestionBase, Scoring } from './base.ts';
import { ids, longest, pair, questionKind, textOf, unique } from './kind.ts';

export interface MatchingQuestion extends QuestionBase {
  type: 'matching';
  /** The items to match, each with the id of its correct target. */
  items: (Choice & { match: string })[];
  /** What the items are matched to (may hold distractors). */
  targets: Choice[];
  scoring: Scoring;
}

/** In a pairing answer (`item.target`), the target chosen for `source`, or ''. */
export function chosenTarget(answer: Answer | undefined, source: string): string {
  const p = (answer ?? []).find((x) => pair(x)[0] === source);
  return p ? pair(p)[1] : '';
}

/** The answer with `source` paired to `target` (or unpaired when ''), pairs in the order of `sources`. */
export function withPair(answer: Answer | undefined, sources: string[], source: string, target: string): Answer {
  const next = (answer ?? []).filter((x) => pair(x)[0] !== source);
  if (target) next.push(`${source}.${target}`);
  return sources.flatMap((id) => next.filter((x) => pair(x)[0] === id));
}

/**
 * Rules shared by every type whose answer pairs sources with targets (`item.target`):
 * matching, and labelling a diagram.
 */
export function pairing<Q extends QuestionBase & { scoring: Scoring }>(
  sources: (q: Q) => (Choice & { match: string })[],
  targets: (q: Q) => Choice[],
) {
  return {
    answered: (q: Q, a: string[]) => sources(q).every((s) => a.some((p) => pair(p)[0] === s.id)),
    valid: (q: Q, a: string[]) =>
      unique(a.map((p) => pair(p)[0])) && a.every((p) => ids(sources(q)).includes(pair(p)[0]) && ids(targets(q)).includes(pair(p)[1])),
    score(q: Q, a: string[]) {
      const right = sources(q).filter((s) => a.includes(`${s.id}.${s.match}`)).length;
      if (q.scoring === 'partial') return right / sources(q).length;
      return right === sources(q).length ? 1 : 0;
    },
    correctAnswer: (q: Q) => sources(q).map((s) => `${s.id}.${s.match}`),
    report: (q: Q, a: string[]) => ({
      type: 'matching' as const,
      sources: ids(sources(q)),
      targets: ids(targets(q)),
      response: sources(q).flatMap((s) => a.filter((p) => pair(p)[0] === s.id).map(pair)),
      correct: sources(q).map((s): [string, string] => [s.id, s.match]),
    }),
    describe: (q: Q, a: string[]) =>
      sources(q)
        .map((s) => {
          const t = a.find((p) => pair(p)[0] === s.id);
          return t ? `${s.text}: ${textOf(targets(q), pair(t)[1])}` : '';
        })
        .filter(Boolean)
        .join('; '),
    longestAnswer: (q: Q) => sources(q).map((s) => `${s.id}.${longest(ids(targets(q)))}`),
    vocabulary: (q: Q) => ({ sources: sources(q), targets: targets(q) }),
  };
}

const rules = pairing<MatchingQuestion>(
  (q) => q.items,
  (q) => q.targets,
);

/** Match each item to a target. Reported as a SCORM `matching`. */
export default questionKind<MatchingQuestion>({
  type: 'matching',
  label: 'Matching',
  schema: ({ z, base, id, text, list, choice, scoring }) =>
    z
      .strictObject({
        ...base,
        type: z.literal('matching'),
        items: list(z.strictObject({ id, text: text('the item'), match: id }), 'items'),
        targets: list(choice, 'targets', 12),
        scoring,
      })
      .superRefine((q, ctx) => {
        const known = ids(q.targets);
        q.items.forEach((item, i) => {
          if (!known.includes(item.match))
            ctx.addIssue({
              code: 'custom',
              path: ['items', i, 'match'],
              message: `"${item.match}" is not one of the target ids ${known.join(', ')}`,
            });
        });
      }),
  ...rules,
  optionOrder: (q, { random, shuffleChoices }) => ids(shuffleChoices ? shuffle(q.targets, random) : q.targets),
  texts: (q) => [q.prompt, ...q.items.map((i) => i.text), ...q.targets.map((t) => t.text)],
});
