import { expect, type Locator } from '@playwright/test';
import { correctAnswer } from '../../../src/course/questions.ts';
import type { SingleChoiceQuestion } from '../../../src/course/question-types/single.ts';
import { focused } from '../keyboard.ts';
import { escapeRe, textOf, type KeyboardLearner, type QuestionHarness } from './harness.ts';

/** Radio buttons, named by their text; Tab reaches the group once and arrow keys move within it. */
export default {
  async give(group, q, answer) {
    await group.getByRole('radio', { name: textOf(q.choices, answer[0] ?? ''), exact: true }).check();
  },
  async byKeyboard(k, q, answer) {
    await radiosByKeyboard(k, textOf(q.choices, answer[0] ?? ''));
  },
  wrong: (q) => [q.choices.find((c) => c.id !== q.correct)?.id ?? ''],
  async expectReview(group, q, given, revealed) {
    await expectRadioReview(group, textOf(q.choices, given[0] ?? ''), textOf(q.choices, correctAnswer(q)[0] ?? ''), revealed);
  },
} satisfies QuestionHarness<SingleChoiceQuestion>;

/** Tab to the radio group, then Space and arrows to the wanted option. */
export async function radiosByKeyboard(k: KeyboardLearner, wanted: string): Promise<void> {
  const labels = (
    await k.host.getByRole('radio').evaluateAll((els) => els.map((e) => (e as HTMLInputElement).labels?.[0]?.textContent ?? ''))
  ).map((t) => t.replace(/\s+/g, ' ').trim());
  await k.tabTo((f) => f.type === 'radio', 'the choices');
  // Tab lands on the first choice, or on the last when the group was left backwards before.
  const landed = labels.indexOf((await focused(k.frame))?.label ?? '');
  await k.page.keyboard.press('Space');
  const steps = labels.indexOf(wanted) - landed;
  for (let i = 0; i < Math.abs(steps); i++) await k.page.keyboard.press(steps > 0 ? 'ArrowDown' : 'ArrowUp');
}

/**
 * The learner's option says "Your answer — Correct" or "Your answer — Incorrect" as part of its
 * name; the right one, when it was not chosen and answers are shown, "Correct answer".
 */
export async function expectRadioReview(group: Locator, mine: string, right: string, revealed: boolean): Promise<void> {
  const verdict = mine === right ? 'Correct' : 'Incorrect';
  const chosen = group.getByRole('radio', { name: /Your answer/ });
  await expect(chosen).toHaveAccessibleName(new RegExp(`^${escapeRe(mine)}\\W*Your answer — ${verdict}$`));
  await expect(chosen).toBeChecked();
  await expect(group.getByRole('radio', { name: /Correct answer/ })).toHaveCount(revealed && mine !== right ? 1 : 0);
  if (revealed && mine !== right)
    await expect(group.getByRole('radio', { name: /Correct answer/ })).toHaveAccessibleName(
      new RegExp(`^${escapeRe(right)}\\W*Correct answer$`),
    );
}
