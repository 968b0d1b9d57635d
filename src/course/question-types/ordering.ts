import { shuffle } from '../random.ts';
import type { Choice, QuestionBase } from './base.ts';
import { ids, questionKind, textOf, unique } from './kind.ts';

export interface OrderingQuestion extends QuestionBase {
  type: 'ordering';
  /** The items in their correct order. */
  items: Choice[];
}

/**
 * Put items in order. Reported as a SCORM `sequencing`. Every attempt starts unanswered, in a
 * shuffled order that is never the right one; that order becomes an answer only when the
 * learner moves an item or confirms it.
 */
export default questionKind<OrderingQuestion>({
  type: 'ordering',
  label: 'Ordering',
  schema: ({ z, base, list, choice }) =>
    z.strictObject({ ...base, type: z.literal('ordering'), items: list(choice, 'items, listed in the correct order,') }),
  answered: (q, a) => a.length === q.items.length,
  valid: (q, a) => a.length === q.items.length && unique(a) && a.every((id) => ids(q.items).includes(id)),
  score: (q, a) => (ids(q.items).every((id, i) => a[i] === id) ? 1 : 0),
  correctAnswer: (q) => ids(q.items),
  optionOrder(q, { random }) {
    const order = ids(shuffle(q.items, random));
    // Never start in the correct order: rotate by one if the shuffle happened to.
    return order.every((id, i) => id === q.items[i]?.id) ? [...order.slice(1), order[0] as string] : order;
  },
  report: (q, a) => ({ type: 'sequencing', options: ids(q.items), response: a, correct: ids(q.items) }),
  describe: (q, a) => a.map((id) => textOf(q.items, id)).join(', '),
  texts: (q) => [q.prompt, ...q.items.map((i) => i.text)],
  longestAnswer: (q) => ids(q.items),
  vocabulary: (q) => ({ sources: q.items }),
});
