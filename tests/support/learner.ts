import { expect, type FrameLocator, type Locator } from '@playwright/test';
import { correctAnswer } from '../../src/course/questions.ts';
import { criticalObjectives } from '../../src/course/state.ts';
import type { Answer, Question, Quiz } from '../../src/course/types.ts';
import { harnessOf } from './questions/index.ts';

/**
 * Answers questions through the course's own controls, as a learner with a mouse
 * or keyboard would, for any question type.
 */
export function questionGroup(frame: FrameLocator, q: Question): Locator {
  return frame.getByRole('group', { name: q.prompt });
}

/** The exam's question list (one question per screen): its buttons carry the attempt's question ids in order. */
const jumps = (frame: FrameLocator) => frame.locator('quiz-view [data-jump]');

/** In the exam, moves to question `n` (1-based) through the question list in the bar, as a learner would. */
export async function goToQuestion(frame: FrameLocator, n: number): Promise<void> {
  const toggle = frame.locator('quiz-view .bar .toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  const id = await jumps(frame)
    .nth(n - 1)
    .getAttribute('data-jump');
  await jumps(frame)
    .nth(n - 1)
    .click();
  await expect(frame.locator(`[data-question="${id}"]`)).toBeVisible();
}

/** Puts `q` on screen: in the exam, through the question list when another question is shown. */
export async function showQuestion(frame: FrameLocator, q: Question): Promise<void> {
  if (await frame.locator(`[data-question="${q.id}"]`).count()) return;
  const order = await jumps(frame).evaluateAll((els) => els.map((e) => e.getAttribute('data-jump') ?? ''));
  const n = order.indexOf(q.id);
  if (n >= 0) await goToQuestion(frame, n + 1);
}

/** Gives `answer` through the question's own controls (see its harness in questions/), moving to the question first if needed. */
export async function giveAnswer(frame: FrameLocator, q: Question, answer: Answer): Promise<void> {
  await showQuestion(frame, q);
  await harnessOf(q).give(questionGroup(frame, q), q, answer);
}

/**
 * Answers every question of the attempt on screen correctly (or wrongly, when `wrong` says so).
 * The exam shows one question at a time: it is paged through with Next from the first question.
 */
export async function answerShownQuestions(
  frame: FrameLocator,
  quiz: Quiz,
  wrong: (q: Question) => boolean = () => false,
): Promise<Question[]> {
  const byId = (id: string) => quiz.questions.find((q) => q.id === id);
  const answerOne = async (q: Question) => {
    await harnessOf(q).give(questionGroup(frame, q), q, wrong(q) ? wrongAnswer(q) : correctAnswer(q));
    if (quiz.feedback === 'immediate') await frame.locator(`[data-check="${q.id}"]`).click();
  };
  const order = await jumps(frame).evaluateAll((els) => els.map((e) => e.getAttribute('data-jump') ?? ''));
  if (order.length) {
    const first = byId(order[0] ?? '');
    if (first) await showQuestion(frame, first);
    const shown: Question[] = [];
    for (const [i, id] of order.entries()) {
      const q = byId(id);
      if (!q) continue;
      await expect(frame.locator(`[data-question="${id}"]`)).toBeVisible();
      shown.push(q);
      await answerOne(q);
      if (i < order.length - 1) await frame.locator('quiz-view .pager').getByRole('button', { name: 'Next', exact: true }).click();
    }
    return shown;
  }
  const shown: Question[] = [];
  // The questions on screen, in one read rather than one query per question of the bank.
  const ids = await frame.locator('[data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-question') ?? ''));
  for (const q of quiz.questions) {
    if (!ids.includes(q.id)) continue;
    shown.push(q);
    await answerOne(q);
  }
  return shown;
}

/** A complete answer that scores 0. */
export const wrongAnswer = (q: Question): Answer => harnessOf(q).wrong(q);

/** After checking or submitting: the review marks the answer given, and the correct one when `revealed`, in words. */
export async function expectReview(frame: FrameLocator, q: Question, given: Answer, revealed: boolean): Promise<void> {
  await harnessOf(q).expectReview(questionGroup(frame, q), q, given, revealed);
}

/** A question on a critical objective of its quiz: answering it wrongly fails the attempt whatever the score. */
export function isCritical(quiz: Quiz, q: Question): boolean {
  const critical = criticalObjectives(quiz);
  return q.objectives.some((o) => critical.includes(o));
}
