import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { correctAnswer } from '../../src/course/questions.ts';
import { courseData, exam, finishExam } from '../support/flows.ts';
import { answerShownQuestions, giveAnswer } from '../support/learner.ts';
import { launchCourse } from '../support/lms.ts';
import { hostScroll, moodleLikeHost, openFromContents, pressEndInCourse, pressEnterOn, scrollHost } from '../support/moodle-frame.ts';

/**
 * The course lives in the LMS's page: no transition may scroll it. The preview's page is laid
 * out as Moodle's around a frame whose bottom is below the fold, and scrolled part-way down,
 * as a learner who scrolled Moodle's page would have it; after each step of the course the
 * page must be where the learner left it. Controls are worked with the keyboard (Playwright's
 * own clicks scroll the page to the control); where a test answers questions through Playwright,
 * the page is put back before the next step of the course.
 */
const HOST_Y = 150;

async function hostPage(page: Page): Promise<FrameLocator> {
  const frame = await launchCourse(page, '12');
  await moodleLikeHost(page);
  await scrollHost(page, HOST_Y);
  return frame;
}

async function hostStill(page: Page, step: string): Promise<void> {
  expect(await hostScroll(page), `the LMS page moved: ${step}`).toBe(HOST_Y);
}

/** Reads the lesson on screen to its end with the keyboard, inside the course. */
async function readToEnd(page: Page, frame: FrameLocator): Promise<void> {
  await pressEndInCourse(page, 'a lesson');
  await expect(frame.getByText('You have read this lesson.')).toBeAttached();
  await hostStill(page, 'End in a lesson');
}

test('start, lessons, citations, the glossary, a knowledge check and exit never scroll the LMS page around the course', async ({
  page,
}) => {
  const course = await courseData();
  const [lesson] = course.lessons;
  if (!lesson?.quiz) throw new Error('the first lesson should have a knowledge check');
  const frame = await hostPage(page);

  await pressEnterOn(page, frame.getByRole('button', { name: 'Start the course' }));
  await expect(frame.getByRole('heading', { level: 1, name: lesson.title })).toBeFocused();
  await hostStill(page, 'Start the course');

  // A citation deep in the lesson leads to its reference at the end, and back.
  const marker = frame.locator('lesson-view .body sup.cite a').nth(3);
  const markerId = await marker.getAttribute('id');
  await pressEnterOn(page, marker);
  const entry = frame.locator('lesson-view .references li:focus');
  await expect(entry).toBeFocused();
  await expect(entry).toBeInViewport();
  await hostStill(page, 'a citation');
  await pressEnterOn(page, entry.locator(`a[href="#${markerId}"]`));
  await expect(frame.locator(`lesson-view [id="${markerId}"]`)).toBeFocused();
  await hostStill(page, 'back from a reference');

  // A glossary term opens the glossary at its definition; its Back button returns to the lesson.
  await pressEnterOn(page, frame.locator('lesson-view .body a.term').last());
  await expect(frame.locator('glossary-view dt:focus')).toBeInViewport();
  await hostStill(page, 'a glossary term');
  await pressEnterOn(page, frame.getByRole('button', { name: `Back to: ${lesson.title}` }).last());
  await expect(frame.getByRole('heading', { level: 1, name: lesson.title })).toBeFocused();
  await hostStill(page, 'back from the glossary');

  await readToEnd(page, frame);
  const check = course.quizzes.find((q) => q.id === lesson.quiz);
  if (!check) throw new Error('no knowledge check');
  await pressEnterOn(page, frame.getByRole('button', { name: `Continue: ${check.title}` }));
  await expect(frame.getByRole('heading', { level: 1, name: check.title })).toBeFocused();
  await hostStill(page, 'on to the knowledge check');

  // Answering through Playwright scrolls the page to the control: put it back, then check.
  const q = check.questions.find((x) => x.type === 'single') ?? check.questions[0];
  if (!q) throw new Error('an empty knowledge check');
  await giveAnswer(frame, q, correctAnswer(q));
  await scrollHost(page, HOST_Y);
  await pressEnterOn(page, frame.locator(`[data-check="${q.id}"]`));
  await expect(frame.locator('.feedback').first()).toBeFocused();
  await hostStill(page, 'Check answer');

  await pressEnterOn(page, frame.getByRole('button', { name: 'Exit course' }));
  await expect(frame.getByRole('heading', { level: 1, name: 'You have left the course' })).toBeFocused();
  await hostStill(page, 'Exit course');
});

/** Reads every lesson with the keyboard, from the first (on screen after Start). */
async function readAll(page: Page, frame: FrameLocator): Promise<void> {
  const course = await courseData();
  await pressEnterOn(page, frame.getByRole('button', { name: 'Start the course' }));
  for (const [i, lesson] of course.lessons.entries()) {
    if (i > 0) await openFromContents(page, frame, lesson.title);
    // The course has moved focus to the lesson, so End scrolls the lesson.
    await expect(frame.getByRole('heading', { level: 1, name: lesson.title })).toBeFocused();
    await readToEnd(page, frame);
  }
}

// Fails while quiz-view.ts brings the summary and the first unanswered question into view with
// scrollIntoView (which scrolls the LMS page too); quiz-view is being rewritten (one question per page).
test("the exam's start, its pages, the summary and the result never scroll the LMS page around the course", async ({ page }) => {
  test.setTimeout(90_000);
  const quiz = await exam();
  const frame = await hostPage(page);
  await readAll(page, frame);
  await openFromContents(page, frame, quiz.title);
  await hostStill(page, 'opening the exam');
  await pressEnterOn(page, frame.getByRole('button', { name: 'Start', exact: true }));
  await expect(frame.getByText(/^Question 1 of \d+$/).first()).toBeAttached();
  await hostStill(page, "the exam's Start");
  const pager = frame.locator('quiz-view .pager');
  await pressEnterOn(page, pager.getByRole('button', { name: 'Next', exact: true }));
  await expect(frame.getByText(/^Question 2 of \d+$/).first()).toBeAttached();
  await hostStill(page, 'Next');
  await pressEnterOn(page, pager.getByRole('button', { name: 'Previous', exact: true }));
  await expect(frame.getByText(/^Question 1 of \d+$/).first()).toBeAttached();
  await hostStill(page, 'Previous');
  // Answers given through Playwright scroll the page themselves; it is put back before the next step.
  await answerShownQuestions(frame, quiz);
  await scrollHost(page, HOST_Y);
  await pressEnterOn(page, frame.getByRole('button', { name: 'Submit answers', exact: true }));
  await expect(frame.getByRole('heading', { name: 'Check your answers before submitting' })).toBeFocused();
  await hostStill(page, 'Submit answers');
  await pressEnterOn(page, frame.getByRole('button', { name: 'Submit answers now' }));
  await expect(frame.getByRole('heading', { name: 'You passed' })).toBeFocused();
  await hostStill(page, 'Submit answers now');
});

test('the evaluation, the certificate and exit never scroll the LMS page around the course', async ({ page }) => {
  test.setTimeout(90_000);
  const frame = await hostPage(page);
  await readAll(page, frame);
  // The exam through Playwright (see the test above); the page is put back before the next step.
  await openFromContents(page, frame, (await exam()).title);
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await finishExam(frame);
  await scrollHost(page, HOST_Y);

  await pressEnterOn(page, frame.getByRole('button', { name: 'Continue: Evaluation' }));
  await expect(frame.getByRole('heading', { level: 1, name: 'Evaluate this activity' })).toBeFocused();
  await hostStill(page, 'on to the evaluation');
  // Submitting with nothing answered moves focus to the error summary.
  await pressEnterOn(page, frame.getByRole('button', { name: 'Submit evaluation' }));
  await expect(frame.locator('evaluation-view .error-summary')).toBeFocused();
  await hostStill(page, 'the evaluation error summary');
  const groups = frame.locator('evaluation-view fieldset');
  for (let i = 0; i < (await groups.count()); i++) {
    const radios = groups.nth(i).locator('input[type=radio]');
    if (await radios.count()) await radios.first().check();
    else await groups.nth(i).locator('textarea').fill('Ask every caller about bladder changes.');
  }
  for (const minutes of await frame.locator('evaluation-view input[inputmode=numeric]').all()) await minutes.fill('45');
  await scrollHost(page, HOST_Y);
  await pressEnterOn(page, frame.getByRole('button', { name: 'Submit evaluation' }));
  await expect(frame.getByRole('heading', { name: 'Thank you' })).toBeFocused();
  await hostStill(page, 'Submit evaluation');
  await pressEnterOn(page, frame.getByRole('button', { name: /Continue: Certificate/ }));
  await expect(frame.getByRole('heading', { level: 1, name: /certificate/i })).toBeFocused();
  await hostStill(page, 'on to the certificate');

  await pressEnterOn(page, frame.getByRole('button', { name: 'Exit course' }));
  await expect(frame.getByRole('heading', { level: 1, name: 'You have left the course' })).toBeFocused();
  await hostStill(page, 'Exit course');
});
