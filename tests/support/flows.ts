import { expect, type FrameLocator, type Page } from '@playwright/test';
import type { HostConfig } from '../../src/preview/lms-host.ts';
import { loadCourse } from '../../src/content/load-course.ts';
import type { Course, Question, Quiz } from '../../src/course/types.ts';
import { answerShownQuestions } from './learner.ts';
import { launchCourse, type Version } from './lms.ts';
import { ROOT } from './paths.ts';

let loaded: Promise<Course> | undefined;
/** The compiled course, as the package holds it. */
export function courseData(): Promise<Course> {
  loaded ??= loadCourse(ROOT).then((r) => r.course);
  return loaded;
}

export async function exam(): Promise<Quiz> {
  const course = await courseData();
  const quiz = course.quizzes.find((q) => q.id === course.gradedQuiz);
  if (!quiz) throw new Error('no graded quiz');
  return quiz;
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/** Opens an item from the course contents menu. */
export async function openFromMenu(frame: FrameLocator, title: string): Promise<void> {
  await frame
    .getByRole('navigation')
    .getByRole('button', { name: new RegExp(`^${escapeRe(title)} `) })
    .click();
  await expect(frame.getByRole('heading', { level: 1, name: title })).toBeVisible();
}

/**
 * Launches the course with Playwright's clock installed (so tests move time instead of
 * waiting) and, once the course says it is ready for input, presses Start.
 */
export async function startWithClock(page: Page, version: Version, config: HostConfig = {}): Promise<FrameLocator> {
  await page.clock.install({ time: new Date('2026-11-25T09:00:00Z') });
  const frame = await launchCourse(page, version, config);
  await frame.getByRole('button', { name: 'Start the course' }).click();
  return frame;
}

/** Reads every lesson to its end. */
export async function readAllLessons(frame: FrameLocator): Promise<void> {
  for (const lesson of (await courseData()).lessons) {
    await openFromMenu(frame, lesson.title);
    await frame.locator('lesson-view .end').scrollIntoViewIfNeeded();
    await expect(frame.getByText('You have read this lesson.')).toBeVisible();
  }
}

/** Opens the graded exam and starts an attempt (announcing its time limit first). */
export async function startExam(frame: FrameLocator): Promise<Quiz> {
  const quiz = await exam();
  await openFromMenu(frame, quiz.title);
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  // One question per screen: the first, with the way on.
  await expect(frame.locator('quiz-view .pager').getByRole('button', { name: 'Next', exact: true })).toBeVisible();
  return quiz;
}

/** Answers the exam's drawn questions (wrongly where `wrong` says) and submits. */
export async function finishExam(frame: FrameLocator, wrong: (q: Question) => boolean = () => false): Promise<Question[]> {
  // An attempt is on screen (not the previous one's review) once its question list is there.
  await expect(frame.locator('quiz-view [data-jump]').first()).toBeAttached();
  const shown = await answerShownQuestions(frame, await exam(), wrong);
  await submitExam(frame);
  return shown;
}

/** The heading of a submitted attempt's result. */
export const resultHeading = (frame: FrameLocator) => frame.getByRole('heading', { name: /^You (passed|did not pass)$/ });

/**
 * Opens "Check your answers before submitting" (Submit answers after the last question, else
 * from the question list), then confirms.
 */
export async function submitExam(frame: FrameLocator): Promise<void> {
  const submit = frame.getByRole('button', { name: 'Submit answers', exact: true });
  if (await submit.isVisible()) await submit.click();
  else {
    const toggle = frame.locator('quiz-view .bar .toggle');
    if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
    await frame.getByRole('button', { name: 'Check your answers and submit' }).click();
  }
  await expect(frame.getByRole('heading', { name: 'Check your answers before submitting' })).toBeFocused();
  await frame.getByRole('button', { name: 'Submit answers now' }).click();
  await expect(resultHeading(frame)).toBeVisible();
}

/** The question ids of the attempt on screen, in the order shown (the exam's from its question list). */
export async function shownOrder(frame: FrameLocator): Promise<string[]> {
  const list = frame.locator('quiz-view [data-jump]');
  if (await list.count()) return list.evaluateAll((els) => els.map((e) => e.getAttribute('data-jump') ?? ''));
  return frame.locator('[data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-question') ?? ''));
}

/**
 * On the evaluation screen: answers every question shown (each radio group's second-to-last
 * point, a sentence for text (or `text(maxLength)`), 45 for a number) and submits; ends on the
 * thank-you panel.
 */
export async function completeEvaluation(frame: FrameLocator, text?: (maxLength: number) => string): Promise<void> {
  await expect(frame.getByRole('heading', { level: 1, name: 'Evaluate this activity' })).toBeVisible();
  const view = frame.locator('evaluation-view');
  const names = await view.locator('input[type=radio]').evaluateAll((els) => [...new Set(els.map((e) => (e as HTMLInputElement).name))]);
  for (const name of names) {
    const radios = view.locator(`input[type=radio][name="${name}"]`);
    // A question the test answered itself (the profession, say) is left as it is.
    if (await view.locator(`input[type=radio][name="${name}"]:checked`).count()) continue;
    await radios.nth(Math.max(0, (await radios.count()) - 2)).check();
  }
  const texts = view.locator('textarea');
  for (let i = 0; i < (await texts.count()); i++) {
    const max = Number(await texts.nth(i).getAttribute('maxlength'));
    await texts.nth(i).fill(text ? text(max) : 'Ask every caller about bladder changes and saddle numbness.');
  }
  const numbers = view.locator('input[inputmode=numeric]');
  for (let i = 0; i < (await numbers.count()); i++) await numbers.nth(i).fill('45');
  await frame.getByRole('button', { name: 'Submit evaluation' }).click();
  await expect(frame.getByRole('heading', { name: 'Thank you' })).toBeVisible();
}

/** From a passed exam's result to the certificate, through the evaluation when the course has one. */
export async function goToCertificate(frame: FrameLocator): Promise<void> {
  const toEvaluation = frame.getByRole('button', { name: 'Continue: Evaluation' });
  await expect(toEvaluation.or(frame.getByRole('button', { name: /Continue: Certificate/ }))).toBeVisible();
  if (await toEvaluation.count()) {
    await toEvaluation.click();
    await completeEvaluation(frame);
  }
  await frame.getByRole('button', { name: /Continue: Certificate/ }).click();
  await expect(frame.getByRole('heading', { level: 1, name: /certificate/i })).toBeVisible();
}
