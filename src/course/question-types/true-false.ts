import type { QuestionBase } from './base.ts';
import { questionKind } from './kind.ts';

export interface TrueFalseQuestion extends QuestionBase {
  type: 'true_false';
  correct: boolean;
}

const WORDS = [
  { id: 'true', text: 'True' },
  { id: 'false', text: 'False' },
];

/** A statement to judge. Reported as a SCORM `true-false`. */
export default questionKind<TrueFalseQuestion>({
  type: 'true_false',
  label: 'True/false',
  schema: ({ z, base }) =>
    z.strictObject({ ...base, type: z.literal('true_false'), correct: z.boolean({ error: 'must be true or false' }) }),
  answered: (_q, a) => a.length === 1,
  valid: (_q, a) => a.length === 1 && (a[0] === 'true' || a[0] === 'false'),
  score: (q, a) => (a[0] === String(q.correct) ? 1 : 0),
  correctAnswer: (q) => [String(q.correct)],
  optionOrder: () => [],
  report: (q, a) => ({ type: 'true-false', response: a[0] === undefined ? null : a[0] === 'true', correct: q.correct }),
  describe: (_q, a) => WORDS.find((w) => w.id === a[0])?.text ?? '',
  texts: (q) => [q.prompt],
  longestAnswer: () => ['false'],
  vocabulary: () => ({ sources: WORDS }),
});
