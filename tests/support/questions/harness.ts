import { expect, type Frame, type Locator, type Page } from '@playwright/test';
import type { Answer, Choice, Question } from '../../../src/course/types.ts';
import { tabTo, type Focused } from '../keyboard.ts';

/** A keyboard-only learner at one question: Tab to reach controls, keys to answer. */
export interface KeyboardLearner {
  page: Page;
  frame: Frame;
  /** The question's element. */
  host: Locator;
  /** Presses Tab until a control of this question matches. */
  tabTo(matches: (f: Focused) => boolean, what: string): Promise<void>;
}

export function keyboardLearner(page: Page, frame: Frame, q: Question): KeyboardLearner {
  return {
    page,
    frame,
    host: frame.locator(`[data-question="${q.id}"]`),
    tabTo: (matches, what) => tabTo(page, frame, (f) => f.question === q.id && matches(f), what),
  };
}

/**
 * How tests answer one question type and read its review, through what a learner sees
 * (roles, names, words), one module per type in this folder, named for the type.
 */
export interface QuestionHarness<Q extends Question> {
  /** Gives `answer` with the pointer. `group` is the question's fieldset. */
  give(group: Locator, q: Q, answer: Answer): Promise<void>;
  /** Gives `answer` with the keyboard alone. */
  byKeyboard(k: KeyboardLearner, q: Q, answer: Answer): Promise<void>;
  /** A complete answer that scores 0. */
  wrong(q: Q): Answer;
  /** After checking or submitting: the answer given, and the correct one when `revealed`, are marked in words. */
  expectReview(group: Locator, q: Q, given: Answer, revealed: boolean): Promise<void>;
}

export const textOf = (list: readonly Choice[], id: string): string => list.find((c) => c.id === id)?.text ?? id;
/** Any text between two words of an element's text, across the line breaks of its template. */
export const ANY = '[\\s\\S]*';
export const escapeRe = (s: string): string => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** `item.target` answers: the target chosen for an item. */
export const targetIn = (answer: Answer, item: string): string =>
  answer.find((p) => p.startsWith(`${item}.`))?.slice(item.length + 1) ?? '';

/**
 * Shared by the pairing types: review rows in words, one per item or part, and no select left.
 * Each row's answer says "Your answer — Correct" or "— Incorrect" when the answers are shown or
 * all are right (a hidden review does not judge part by part); a wrong row shows "Correct answer".
 */
export async function expectPairsReview(
  group: Locator,
  rows: { text: string; id: string; match: string }[],
  targets: Choice[],
  given: Answer,
  revealed: boolean,
) {
  const allRight = rows.every((r) => targetIn(given, r.id) === r.match);
  const judged = revealed || allRight;
  await expect(group.getByText('Your answer').first()).toBeVisible();
  const missed = rows.filter((r) => targetIn(given, r.id) !== r.match).length;
  await expect(group.getByText('Correct answer', { exact: true })).toHaveCount(revealed ? missed : 0);
  for (const r of rows) {
    const row = group.getByRole('listitem').filter({ hasText: r.text });
    const chosen = targetIn(given, r.id);
    const mark = judged ? `Your answer — ${chosen === r.match ? 'Correct' : 'Incorrect'}` : 'Your answer';
    await expect(row).toContainText(new RegExp(`${escapeRe(textOf(targets, chosen))}${ANY}${mark}`));
    if (!judged) await expect(row).not.toContainText(/Your answer — /);
    if (revealed && chosen !== r.match)
      await expect(row).toContainText(new RegExp(`${escapeRe(textOf(targets, r.match))}${ANY}Correct answer`));
  }
  await expect(group.getByRole('combobox')).toHaveCount(0);
}

/** Moves a native select to the option with this text, by keyboard (arrow keys from the first). */
export async function pickByKeyboard(k: KeyboardLearner, select: Locator, text: string): Promise<void> {
  const options = (await select.locator('option').allTextContents()).map((t) => t.trim());
  const index = options.indexOf(text);
  if (index < 0) throw new Error(`no option "${text}" in ${options.join(', ')}`);
  for (let i = 0; i < index; i++) await k.page.keyboard.press('ArrowDown');
}
