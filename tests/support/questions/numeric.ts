import { expect } from '@playwright/test';
import type { NumericQuestion } from '../../../src/course/question-types/numeric.ts';
import { ANY, escapeRe, type QuestionHarness } from './harness.ts';

/** One text field. */
export default {
  async give(group, _q, answer) {
    const field = group.getByRole('textbox');
    await field.fill(answer[0] ?? '');
    await field.blur();
  },
  async byKeyboard(k, _q, answer) {
    await k.tabTo((f) => f.tag === 'input', 'the answer field');
    await k.page.keyboard.type(answer[0] ?? '');
  },
  wrong: (q) => [String(q.answer + q.tolerance + 1)],
  async expectReview(group, q, given, revealed) {
    const right = Math.abs(Number(given[0]) - q.answer) <= q.tolerance;
    await expect(group).toContainText(new RegExp(`${escapeRe(given[0] ?? '')}${ANY}Your answer — ${right ? 'Correct' : 'Incorrect'}`));
    await expect(group.getByText('Correct answer', { exact: true })).toHaveCount(revealed && !right ? 1 : 0);
    if (revealed && !right) await expect(group).toContainText(new RegExp(`${q.answer}${ANY}Correct answer`));
    await expect(group.getByRole('textbox')).toHaveCount(0);
  },
} satisfies QuestionHarness<NumericQuestion>;
