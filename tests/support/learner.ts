import type { FrameLocator, Locator } from '@playwright/test';
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

/** Gives `answer` through the question's own controls (see its harness in questions/). */
export async function giveAnswer(frame: FrameLocator, q: Question, answer: Answer): Promise<void> {
  await harnessOf(q).give(questionGroup(frame, q), q, answer);
}

/** Answers every question of the attempt on screen correctly (or wrongly, when `wrong` says so). */
export async function answerShownQuestions(
  frame: FrameLocator,
  quiz: Quiz,
  wrong: (q: Question) => boolean = () => false,
): Promise<Question[]> {
  const shown: Question[] = [];
  // The questions on screen, in one read rather than one query per question of the bank.
  const ids = await frame.locator('[data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-question') ?? ''));
  for (const q of quiz.questions) {
    if (!ids.includes(q.id)) continue;
    shown.push(q);
    await giveAnswer(frame, q, wrong(q) ? wrongAnswer(q) : correctAnswer(q));
    if (quiz.feedback === 'immediate') await frame.locator(`[data-check="${q.id}"]`).click();
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
