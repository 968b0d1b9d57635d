import { shuffle } from '../random.ts';
import type { Choice, QuestionBase } from './base.ts';
import { ids, longest, questionKind, textOf } from './kind.ts';

export interface SingleChoiceQuestion extends QuestionBase {
  type: 'single';
  choices: Choice[];
  /** Id of the one correct choice. */
  correct: string;
}

/** One answer from a list. Reported as a SCORM `choice`. */
export default questionKind<SingleChoiceQuestion>({
  type: 'single',
  label: 'Single choice',
  schema: ({ z, base, id, list, choice }) =>
    z.strictObject({ ...base, type: z.literal('single'), choices: list(choice, 'choices'), correct: id }).superRefine((q, ctx) => {
      const known = ids(q.choices);
      if (!known.includes(q.correct))
        ctx.addIssue({ code: 'custom', path: ['correct'], message: `"${q.correct}" is not one of the choice ids ${known.join(', ')}` });
    }),
  answered: (_q, a) => a.length === 1,
  valid: (q, a) => a.length === 1 && ids(q.choices).includes(a[0] as string),
  score: (q, a) => (a.length === 1 && a[0] === q.correct ? 1 : 0),
  correctAnswer: (q) => [q.correct],
  optionOrder: (q, { random, shuffleChoices }) => ids(shuffleChoices ? shuffle(q.choices, random) : q.choices),
  report: (q, a) => ({ type: 'choice', options: ids(q.choices), response: a, correct: [q.correct] }),
  describe: (q, a) => (a[0] ? textOf(q.choices, a[0]) : ''),
  texts: (q) => [q.prompt, ...q.choices.map((c) => c.text)],
  longestAnswer: (q) => [longest(ids(q.choices))],
  vocabulary: (q) => ({ sources: q.choices }),
});
