import type { QuestionBase } from './base.ts';
import { questionKind } from './kind.ts';

export interface NumericQuestion extends QuestionBase {
  type: 'numeric';
  answer: number;
  /** Accepted distance from the answer. */
  tolerance: number;
  unit?: string;
}

/** Reads a number as a learner types it ("4", "4.5", "4,5"). */
export function readNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

/** The field keeps 40 characters. */
const MAX_LENGTH = 40;

/** A number typed in a field. Reported as a SCORM `numeric`. */
export default questionKind<NumericQuestion>({
  type: 'numeric',
  label: 'Numeric',
  schema: ({ z, base, text }) =>
    z.strictObject({
      ...base,
      type: z.literal('numeric'),
      answer: z.number({ error: 'must be the correct number' }),
      tolerance: z.number({ error: 'must be a number' }).min(0, { error: 'must be 0 or more' }).default(0),
      unit: text('the unit, e.g. "vertebrae"').optional(),
    }),
  answered: (_q, a) => readNumber(a[0] ?? '') !== null,
  valid: (_q, a) => a.length === 1 && (a[0] as string).length <= MAX_LENGTH,
  score(q, a) {
    const n = readNumber(a[0] ?? '');
    return n !== null && Math.abs(n - q.answer) <= q.tolerance + 1e-9 ? 1 : 0;
  },
  correctAnswer: (q) => [String(q.answer)],
  optionOrder: () => [],
  report: (q, a) => ({
    type: 'numeric',
    response: String(readNumber(a[0] ?? '') ?? ''),
    min: q.answer - q.tolerance,
    max: q.answer + q.tolerance,
  }),
  describe(q, a) {
    const v = a[0]?.trim();
    return v ? `${v}${q.unit ? ` ${q.unit}` : ''}` : '';
  },
  describeCorrect: (q) => `${q.tolerance ? `${q.answer} (±${q.tolerance})` : String(q.answer)}${q.unit ? ` ${q.unit}` : ''}`,
  texts: (q) => [q.prompt],
  longestAnswer: () => ['-' + '9'.repeat(MAX_LENGTH - 1)],
  vocabulary: (q) => ({ sources: [], ...(q.unit ? { unit: q.unit } : {}) }),
});
