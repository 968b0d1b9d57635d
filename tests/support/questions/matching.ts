import type { MatchingQuestion } from '../../../src/course/question-types/matching.ts';
import { expectPairsReview, pickByKeyboard, targetIn, textOf, type QuestionHarness } from './harness.ts';

/** One select per item, named by the item. */
export default {
  async give(group, q, answer) {
    for (const item of q.items) {
      const target = targetIn(answer, item.id);
      if (target) await group.getByRole('combobox', { name: item.text, exact: true }).selectOption({ label: textOf(q.targets, target) });
    }
  },
  async byKeyboard(k, q, answer) {
    for (const item of q.items) {
      await k.tabTo((f) => f.tag === 'select' && f.label.startsWith(item.text), `the match for ${item.text}`);
      await pickByKeyboard(k, k.host.getByRole('combobox', { name: item.text, exact: true }), textOf(q.targets, targetIn(answer, item.id)));
    }
  },
  wrong: (q) => q.items.map((item) => `${item.id}.${q.targets.find((t) => t.id !== item.match)?.id ?? item.match}`),
  expectReview: (group, q, given, revealed) => expectPairsReview(group, q.items, q.targets, given, revealed),
} satisfies QuestionHarness<MatchingQuestion>;
