import { expect } from '@playwright/test';
import type { OrderingQuestion } from '../../../src/course/question-types/ordering.ts';
import { button } from '../keyboard.ts';
import { textOf, type QuestionHarness } from './harness.ts';

/** Items with Move up / Move down buttons, and "Use this order" while untouched. */
export default {
  async give(group, q, answer) {
    for (let i = 0; i < answer.length; i++) {
      const want = textOf(q.items, answer[i] ?? '');
      const current = (await group.getByRole('listitem').allTextContents()).map((t) => t.replace(/↑ Up|↓ Down/g, '').trim());
      for (let j = current.indexOf(want); j > i; j--) await group.getByRole('button', { name: `Move up: ${want}`, exact: true }).click();
    }
    // Nothing moved because the order shown was already the one wanted: confirm it.
    if (await group.getByRole('button', { name: 'Use this order' }).count())
      await group.getByRole('button', { name: 'Use this order' }).click();
  },
  async byKeyboard(k, q, answer) {
    for (let i = 0; i < answer.length; i++) {
      const want = textOf(q.items, answer[i] ?? '');
      const order = (await k.host.getByRole('listitem').allTextContents()).map((t) => t.replace(/↑ Up|↓ Down/g, '').trim());
      const at = order.indexOf(want);
      if (at <= i) continue;
      await k.tabTo(button(`Move up: ${want}`), `Move up: ${want}`);
      // Focus stays on the moved item's button, so repeated presses keep moving it.
      for (let n = at; n > i; n--) await k.page.keyboard.press('Enter');
    }
    if (await k.host.getByRole('button', { name: 'Use this order' }).count()) {
      await k.tabTo(button('Use this order'), 'Use this order');
      await k.page.keyboard.press('Enter');
    }
  },
  wrong: (q) => [...q.items].reverse().map((i) => i.id),
  async expectReview(group, q, given, revealed) {
    const lists = group.getByRole('list');
    const texts = async (n: number) => (await lists.nth(n).getByRole('listitem').allTextContents()).map((t) => t.trim());
    const right = given.join() === q.items.map((i) => i.id).join();
    // One order, so the question's verdict is the answer's.
    await expect(group.getByText(`Your answer — ${right ? 'Correct' : 'Incorrect'}`, { exact: true })).toBeVisible();
    expect(await texts(0)).toEqual(given.map((id) => textOf(q.items, id)));
    await expect(group.getByText('Correct answer', { exact: true })).toHaveCount(revealed && !right ? 1 : 0);
    if (revealed && !right) expect(await texts(1)).toEqual(q.items.map((i) => i.text));
    await expect(group.getByRole('button')).toHaveCount(0);
  },
} satisfies QuestionHarness<OrderingQuestion>;
