import { expect } from '@playwright/test';
import type { MultipleResponseQuestion } from '../../../src/course/question-types/multiple.ts';
import { correctAnswer } from '../../../src/course/questions.ts';
import type { QuestionHarness } from './harness.ts';

/** Checkboxes, named by their text. */
export default {
  async give(group, q, answer) {
    for (const c of q.choices) await group.getByRole('checkbox', { name: c.text, exact: true }).setChecked(answer.includes(c.id));
  },
  async byKeyboard(k, q, answer) {
    // In the order shown, so that Tab only ever moves forward.
    const shown = (
      await k.host.getByRole('checkbox').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? ''))
    ).map((t) => t.replace(/\s+/g, ' ').trim());
    for (const label of shown) {
      if (!q.choices.some((c) => c.text === label && answer.includes(c.id))) continue;
      await k.tabTo((f) => f.type === 'checkbox' && f.label === label, `"${label}"`);
      await k.page.keyboard.press('Space');
    }
  },
  wrong: (q) =>
    q.choices
      .filter((c) => !q.correct.includes(c.id))
      .map((c) => c.id)
      .slice(0, 1),
  async expectReview(group, q, given, revealed) {
    // The choices whose checkbox is named with the mark.
    const marked = async (mark: RegExp) =>
      (
        await group
          .getByRole('checkbox', { name: mark })
          .evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? ''))
      )
        .map((label) => q.choices.find((c) => label.includes(c.text))?.id)
        .sort();
    const right = correctAnswer(q);
    const sorted = (ids: readonly string[]) => [...ids].sort();
    expect(await marked(/Your answer/)).toEqual(sorted(given));
    // Each choice is judged when the answers are shown, or when the verdict says the same (all right).
    const judged = revealed || sorted(given).join() === sorted(right).join();
    expect(await marked(/Your answer — Correct$/)).toEqual(judged ? sorted(given.filter((id) => right.includes(id))) : []);
    expect(await marked(/Your answer — Incorrect$/)).toEqual(judged ? sorted(given.filter((id) => !right.includes(id))) : []);
    expect(await marked(/Correct answer$/)).toEqual(revealed ? sorted(right.filter((id) => !given.includes(id))) : []);
  },
} satisfies QuestionHarness<MultipleResponseQuestion>;
