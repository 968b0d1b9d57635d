import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { correctAnswer } from '../../src/course/questions.ts';
import { chooseScheme } from '../../tests/support/color-scheme.ts';
import { courseData, exam, finishExam, goToCertificate, openFromMenu, shownOrder, startExam } from '../../tests/support/flows.ts';
import { answerShownQuestions, giveAnswer, goToQuestion, isCritical } from '../../tests/support/learner.ts';
import { launchCourse } from '../../tests/support/lms.ts';
import { OUT, SCHEMES, SCREENS, SIZES, shotName, type ScreenId } from './sheet.ts';

/** Where the course is narrow, the contents are behind a button in the header. */
async function showContents(frame: FrameLocator): Promise<void> {
  const toggle = frame.getByRole('button', { name: 'Show course contents' });
  if (await toggle.isVisible()) await toggle.click();
}

async function fromMenu(frame: FrameLocator, title: string): Promise<void> {
  await showContents(frame);
  await openFromMenu(frame, title);
}

/** Reads every lesson to its end, opening the contents each time where they are behind a button. */
async function readAllLessons(frame: FrameLocator): Promise<void> {
  for (const lesson of (await courseData()).lessons) {
    await fromMenu(frame, lesson.title);
    await frame.locator('lesson-view .end').scrollIntoViewIfNeeded();
    await expect(frame.getByText('You have read this lesson.')).toBeVisible();
  }
}

/** Starts the exam and answers its first three questions, flagging the second; ends on the third. */
async function answerSome(frame: FrameLocator): Promise<void> {
  const quiz = await startExam(frame);
  const order = await shownOrder(frame);
  for (const [i, id] of order.slice(0, 3).entries()) {
    const q = quiz.questions.find((x) => x.id === id);
    if (q) await giveAnswer(frame, q, correctAnswer(q));
    if (i === 1) await frame.getByRole('button', { name: /^Flag for review/ }).click();
  }
  await goToQuestion(frame, 3);
}

/** Opens the question list in the exam's bar. */
async function openQuestionList(frame: FrameLocator): Promise<void> {
  const toggle = frame.locator('quiz-view .bar .toggle');
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
}

/** Reaches each screen as a learner would, from the start screen. */
const REACH: Record<ScreenId, (frame: FrameLocator, page: Page) => Promise<void>> = {
  start: async () => {},
  'lesson-care-card': async (frame) => {
    await frame.getByRole('button', { name: 'Start the course' }).click();
    const lesson = (await courseData()).lessons.find((l) => l.id === 'stenosis');
    await fromMenu(frame, lesson?.title ?? '');
    await frame
      .locator('lesson-view .care-card')
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  },
  'knowledge-check': async (frame) => {
    const check = (await courseData()).quizzes.find((q) => !q.graded);
    if (!check) throw new Error('no knowledge check');
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await fromMenu(frame, check.title);
    await answerShownQuestions(frame, check, (q) => q.id === check.questions[0]?.id);
    await frame
      .locator('quiz-view [data-question]')
      .first()
      .evaluate((el) => el.scrollIntoView({ block: 'start' }));
  },
  'exam-question': async (frame) => {
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await showContents(frame);
    await answerSome(frame);
  },
  'exam-navigator': async (frame) => {
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await showContents(frame);
    await answerSome(frame);
    await openQuestionList(frame);
  },
  'submit-summary': async (frame) => {
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await showContents(frame);
    await answerSome(frame);
    await openQuestionList(frame);
    await frame.getByRole('button', { name: 'Check your answers and submit' }).click();
    await expect(frame.getByRole('heading', { name: 'Check your answers before submitting' })).toBeVisible();
  },
  'result-pass': async (frame) => {
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await showContents(frame);
    await startExam(frame);
    await finishExam(frame);
  },
  'result-fail': async (frame) => {
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await showContents(frame);
    await startExam(frame);
    // Every other question wrong, none of them critical where that can be helped: below the pass mark.
    const quiz = await exam();
    let n = 0;
    await finishExam(frame, (q) => !isCritical(quiz, q) && n++ % 2 === 0);
  },
  'result-critical': async (frame) => {
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await showContents(frame);
    await startExam(frame);
    const quiz = await exam();
    let missed = false;
    await finishExam(frame, (q) => !missed && isCritical(quiz, q) && (missed = true));
  },
  evaluation: async (frame) => {
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await readAllLessons(frame);
    await showContents(frame);
    await startExam(frame);
    await finishExam(frame);
    await frame.getByRole('button', { name: 'Continue: Evaluation' }).click();
  },
  certificate: async (frame) => {
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await readAllLessons(frame);
    await showContents(frame);
    await startExam(frame);
    await finishExam(frame);
    await goToCertificate(frame);
  },
  glossary: async (frame) => {
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await frame.locator('lesson-view a.term').first().click();
    await expect(frame.getByRole('heading', { level: 1, name: 'Glossary' })).toBeVisible();
  },
  exit: async (frame) => {
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await frame.getByRole('button', { name: 'Exit course' }).click();
    await expect(frame.getByRole('heading', { level: 1, name: 'You have left the course' })).toBeVisible();
  },
};

mkdirSync(OUT, { recursive: true });

for (const scheme of SCHEMES) {
  for (const size of SIZES) {
    test.describe(`${scheme}, ${size.label}`, () => {
      test.use({ colorScheme: scheme, viewport: size.viewport });
      for (const screen of SCREENS) {
        test(screen.label, async ({ page }) => {
          // The preview LMS's page is light: dark is the learner's choice in the course's switch.
          await chooseScheme(page, scheme);
          const frame = await launchCourse(page, '12');
          await REACH[screen.id](frame, page);
          await page.waitForTimeout(150);
          await page.locator('#frame').screenshot({ path: join(OUT, shotName(screen.id, size.name, scheme)) });
        });
      }
    });
  }
}
