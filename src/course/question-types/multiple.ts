import { shuffle } from '../random.ts';
import type { Choice, QuestionBase, Scoring } from './base.ts';
import { ids, questionKind, textOf } from './kind.ts';

export interface MultipleResponseQuestion extends QuestionBase {
  type: 'multiple';
  choices: Choice[];
  /** Ids of every correct choice. */
  correct: string[];
  scoring: Scoring;
}

/** Every answer that applies, from a list. Reported as a SCORM `choice`. */
export default questionKind<MultipleResponseQuestion>({
  type: 'multiple',
  label: 'Multiple response',
  schema: ({ z, base, id, list, choice, scoring }) =>
    z
      .strictObject({
        ...base,
        type: z.literal('multiple'),
        choices: list(choice, 'choices'),
        correct: z
          .array(id, { error: 'must be the list of correct choice ids, e.g. [a, c]' })
          .min(1, { error: 'must name at least one correct choice' }),
        scoring,
      })
      .superRefine((q, ctx) => {
        const known = ids(q.choices);
        q.correct.forEach((c, i) => {
          if (!known.includes(c))
            ctx.addIssue({ code: 'custom', path: ['correct', i], message: `"${c}" is not one of the choice ids ${known.join(', ')}` });
        });
      }),
  answered: (_q, a) => a.length > 0,
  valid: (q, a) => new Set(a).size === a.length && a.every((id) => ids(q.choices).includes(id)),
  score(q, a) {
    const hits = a.filter((id) => q.correct.includes(id)).length;
    const wrong = a.length - hits;
    if (q.scoring === 'partial') return Math.max(0, (hits - wrong) / q.correct.length);
    return hits === q.correct.length && wrong === 0 ? 1 : 0;
  },
  correctAnswer: (q) => ids(q.choices).filter((id) => q.correct.includes(id)),
  optionOrder: (q, { random, shuffleChoices }) => ids(shuffleChoices ? shuffle(q.choices, random) : q.choices),
  report: (q, a) => ({
    type: 'choice',
    options: ids(q.choices),
    response: ids(q.choices).filter((id) => a.includes(id)),
    correct: ids(q.choices).filter((id) => q.correct.includes(id)),
  }),
  describe: (q, a) => a.map((id) => textOf(q.choices, id)).join('; '),
  texts: (q) => [q.prompt, ...q.choices.map((c) => c.text)],
  longestAnswer: (q) => ids(q.choices),
  vocabulary: (q) => ({ sources: q.choices }),
});
