import { expect, test, type Frame, type Page } from '@playwright/test';
import { correctAnswer } from '../../src/course/questions.ts';
import type { Question, Quiz } from '../../src/course/types.ts';
import { courseData, openFromMenu } from '../support/flows.ts';
import { answerShownQuestions, giveAnswer } from '../support/learner.ts';
import { courseFrame, launchCourse, lmsCalls, lmsData } from '../support/lms.ts';
import { strictViolations } from '../support/strict-scorm.ts';
import { button, focused, tabTo } from '../support/keyboard.ts';
import { keyboardLearner } from '../support/questions/harness.ts';
import { harnessOf } from '../support/questions/index.ts';

/** Answers one question on screen correctly, with the keyboard only (see its harness in support/questions/). */
async function answerByKeyboard(page: Page, frame: Frame, q: Question): Promise<void> {
  await harnessOf(q).byKeyboard(keyboardLearner(page, frame, q), q, correctAnswer(q));
}

async function takeQuizByKeyboard(page: Page, frame: Frame, quiz: Quiz): Promise<void> {
  if (quiz.feedback === 'after_submit') return takeExamByKeyboard(page, frame, quiz);
  const shown = await frame.locator('[data-question]').evaluateAll((els) => els.map((e) => e.getAttribute('data-question') ?? ''));
  for (const id of shown) {
    const q = quiz.questions.find((x) => x.id === id);
    if (!q) continue;
    await answerByKeyboard(page, frame, q);
    if (quiz.feedback === 'immediate') {
      await tabTo(page, frame, button('Check answer'), 'Check answer');
      await page.keyboard.press('Enter');
    }
  }
  await tabTo(page, frame, button('Submit answers'), 'Submit answers');
  await page.keyboard.press('Enter');
  await expect(page.frameLocator('#frame').getByRole('heading', { name: 'You passed' })).toBeVisible();
}

/**
 * The exam by keyboard, one question per screen: the question list, Previous and Next, a flag
 * and the summary before submitting. Focus (on each question's legend) and the step said are
 * checked at every step.
 */
async function takeExamByKeyboard(page: Page, frame: Frame, quiz: Quiz): Promise<void> {
  const view = page.frameLocator('#frame');
  const order = await frame.locator('quiz-view [data-jump]').evaluateAll((els) => els.map((e) => e.getAttribute('data-jump') ?? ''));
  const n = order.length;
  const at = async () => (await focused(frame))?.question ?? '';
  const step = view.locator('quiz-view .step-live');
  const onQuestion = async (i: number) => {
    await expect.poll(at).toBe(order[i]);
    expect((await focused(frame))?.tag).toBe('legend');
    await expect(step).toHaveText(`Question ${i + 1} of ${n}`);
  };
  // Start left focus on question 1 itself; the list of questions opens from the bar just above.
  await onQuestion(0);
  const toggle = view.locator('quiz-view .bar .toggle');
  await tabTo(page, frame, button(/^Questions /), 'the question list', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await expect(toggle).toBeFocused();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  await tabTo(page, frame, button('Question 3, not answered'), 'question 3 in the list');
  await page.keyboard.press('Enter');
  // The list has closed; question 3 alone is on screen, focused and said.
  await expect(view.getByRole('navigation', { name: 'Questions' })).toBeHidden();
  await onQuestion(2);
  await expect(view.locator('quiz-view [data-question]')).toHaveCount(1);
  await tabTo(page, frame, button('Flag for review: question 3'), 'the flag of question 3');
  await page.keyboard.press('Space');
  await expect(view.getByRole('button', { name: 'Flag for review: question 3', exact: true })).toHaveAttribute('aria-pressed', 'true');
  expect((await focused(frame))?.label).toBe('Flag for review: question 3');
  // Back to question 1 with Previous, one step at a time.
  for (const i of [1, 0]) {
    await tabTo(page, frame, button('Previous'), 'Previous');
    await page.keyboard.press('Enter');
    await onQuestion(i);
  }
  for (const [i, id] of order.entries()) {
    const q = quiz.questions.find((x) => x.id === id);
    if (q) await answerByKeyboard(page, frame, q);
    if (i === n - 1) break;
    await tabTo(page, frame, button('Next'), 'Next');
    await page.keyboard.press('Enter');
    await onQuestion(i + 1);
  }

  await tabTo(page, frame, button('Submit answers'), 'Submit answers');
  await page.keyboard.press('Enter');
  await expect(view.getByRole('heading', { name: 'Check your answers before submitting' })).toBeFocused();
  const summary = view.locator('quiz-view .summary');
  await expect(summary.getByRole('heading', { name: 'Flagged for review (1)' })).toBeVisible();
  await expect(summary.getByRole('heading', { name: /^Not answered/ })).toHaveCount(0);
  await tabTo(page, frame, button('Question 3'), 'question 3 in the summary');
  await page.keyboard.press('Enter');
  await onQuestion(2);
  await tabTo(page, frame, button('Flag for review: question 3'), 'the flag of question 3');
  await page.keyboard.press('Space');
  await expect(view.getByRole('button', { name: 'Flag for review: question 3', exact: true })).toHaveAttribute('aria-pressed', 'false');

  // The summary again, this time from the question list.
  await tabTo(page, frame, button(/^Questions /), 'the question list', 'Shift+Tab');
  await page.keyboard.press('Enter');
  await tabTo(page, frame, button('Check your answers and submit'), 'Check your answers and submit');
  await page.keyboard.press('Enter');
  await expect(view.getByRole('heading', { name: 'Check your answers before submitting' })).toBeFocused();
  await expect(summary).toContainText('You have answered every question, and none is flagged for review.');
  await tabTo(page, frame, button('Submit answers now'), 'Submit answers now');
  await page.keyboard.press('Enter');
  await expect(view.getByRole('heading', { name: 'You passed' })).toBeFocused();
}

test('the whole course can be completed with the keyboard alone', async ({ page }) => {
  test.setTimeout(240_000);
  const course = await courseData();
  const view = await launchCourse(page, '12');
  const frame = courseFrame(page);

  await tabTo(page, frame, button('Start the course'), 'Start the course');
  await page.keyboard.press('Enter');
  for (const lesson of course.lessons) {
    await expect(view.getByRole('heading', { level: 1, name: lesson.title })).toBeFocused();
    const quiz = course.quizzes.find((q) => q.id === lesson.quiz);
    await tabTo(page, frame, button(`Continue: ${quiz?.title}`), `the end of ${lesson.title}`);
    await page.keyboard.press('Enter');
    if (quiz) await takeQuizByKeyboard(page, frame, quiz);
    const next = course.lessons[course.lessons.indexOf(lesson) + 1]?.title ?? course.quizzes.find((q) => q.graded)?.title ?? '';
    await tabTo(page, frame, button(`Continue: ${next}`), `Continue: ${next}`);
    await page.keyboard.press('Enter');
  }

  const exam = course.quizzes.find((q) => q.graded);
  if (!exam) throw new Error('no exam');
  await tabTo(page, frame, button('Start'), 'Start');
  await page.keyboard.press('Enter');
  await takeQuizByKeyboard(page, frame, exam);
  if (course.evaluation) {
    await tabTo(page, frame, button('Continue: Evaluation'), 'the evaluation');
    await page.keyboard.press('Enter');
    await expect(view.getByRole('heading', { level: 1, name: 'Evaluate this activity' })).toBeFocused();
    // The profession first (it decides the certificate's credit): Space checks the first one.
    await tabTo(page, frame, (f) => f.tag === 'input' && f.name === 'profession', 'the profession');
    await page.keyboard.press('Space');
    for (const [i, q] of course.evaluation.questions.entries()) {
      if (q.type === 'likert') {
        // Space checks the first point of the scale; the arrow keys move along it.
        await tabTo(page, frame, (f) => f.tag === 'input' && f.name === q.id, q.id);
        await page.keyboard.press('Space');
        for (let k = 1; k < q.scale.length - 1; k++) await page.keyboard.press('ArrowDown');
      } else if (q.type === 'confidence') {
        // Two radio groups per item, before and now: Tab goes from one to the next.
        for (const item of q.items)
          for (const when of ['before', 'after']) {
            const name = `${q.id}-${item.id}-${when}`;
            await tabTo(page, frame, (f) => f.tag === 'input' && f.name === name, name);
            await page.keyboard.press('Space');
            for (let k = 1; k < q.scale.length - 1; k++) await page.keyboard.press('ArrowDown');
          }
      } else if (q.type === 'number') {
        await tabTo(page, frame, (f) => f.tag === 'input' && f.label.startsWith(`${i + 1}.`), q.id);
        await page.keyboard.type(String(q.min + 1));
      } else {
        await tabTo(page, frame, (f) => f.tag === 'textarea' && f.label.startsWith(`${i + 1}.`), q.id);
        await page.keyboard.type('Ask every caller about saddle numbness.');
      }
    }
    await tabTo(page, frame, button('Submit evaluation'), 'Submit evaluation');
    await page.keyboard.press('Enter');
    await expect(view.getByRole('heading', { name: 'Thank you' })).toBeFocused();
  }
  await tabTo(page, frame, button('Continue: Certificate'), 'the certificate');
  await page.keyboard.press('Enter');
  await expect(view.getByRole('heading', { level: 1, name: /^Certificate of (completion|participation)$/ })).toBeFocused();

  const cmi = await lmsData(page);
  expect(cmi['cmi.core.lesson_status']).toBe('passed');
  expect(cmi['cmi.core.score.raw']).toBe('100');
  // The evaluation's answers as given with the keyboard: the second-to-last point of each scale.
  for (const q of course.evaluation?.questions ?? []) {
    const n = Object.keys(cmi).find((k) => /^cmi\.interactions\.\d+\.id$/.test(k) && cmi[k] === `evaluation-${q.id}`);
    const response = cmi[(n ?? '').replace(/id$/, 'student_response')];
    if (q.type === 'likert') expect(response).toBe('abcdefghij'[q.scale.length - 2]);
    if (q.type === 'number') expect(response).toBe(String(q.min + 1));
    if (q.type === 'confidence')
      for (const item of q.items)
        for (const when of ['before', 'after']) {
          const at = Object.keys(cmi).find(
            (k) => /^cmi\.interactions\.\d+\.id$/.test(k) && cmi[k] === `evaluation-${q.id}-${item.id}-${when}`,
          );
          expect(cmi[(at ?? '').replace(/id$/, 'student_response')]).toBe('abcdefghij'[q.scale.length - 2]);
        }
  }
  expect(strictViolations(await lmsCalls(page), '12')).toEqual([]);
});

test('focus stays with the learner when a control disappears: after Check answer, Start, Submit and its confirmation; the result is announced', async ({
  page,
}) => {
  const course = await courseData();
  const check = course.quizzes.find((q) => !q.graded);
  const exam = course.quizzes.find((q) => q.graded);
  if (!check || !exam) throw new Error('the course needs a knowledge check and an exam');
  const frame = await launchCourse(page, '12');
  const inner = courseFrame(page);
  /** The focused element's path through shadow roots, e.g. "course-app > quiz-view > h2#result-heading". */
  const focusPath = () =>
    inner.evaluate(() => {
      const path: string[] = [];
      let el: Element | null = document.activeElement;
      while (el) {
        path.push(`${el.tagName.toLowerCase()}${el.id ? `#${el.id}` : ''}${el.classList.length ? `.${[...el.classList].join('.')}` : ''}`);
        el = el.shadowRoot?.activeElement ?? null;
      }
      return path.join(' > ');
    });
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await openFromMenu(frame, check.title);
  const first = check.questions.find((q) => q.type === 'single') ?? check.questions[0];
  if (!first) throw new Error('empty knowledge check');
  await giveAnswer(frame, first, correctAnswer(first));
  await frame.locator(`[data-check="${first.id}"]`).focus();
  await page.keyboard.press('Enter');
  // The Check button is gone: focus is on the verdict, which is read out.
  await expect.poll(focusPath).toMatch(/ > div\.feedback/);

  await openFromMenu(frame, exam.title);
  await frame.getByRole('button', { name: 'Start', exact: true }).focus();
  await page.keyboard.press('Enter');
  // The Start button is gone: focus is on the first question (its legend: number and prompt).
  await expect.poll(focusPath).toMatch(/^course-app > quiz-view > [a-z-]+-view > legend$/);

  await answerShownQuestions(frame, exam);
  await frame.getByRole('button', { name: 'Submit answers', exact: true }).focus();
  await page.keyboard.press('Enter');
  // The question gives way to the summary: focus is on its heading.
  await expect.poll(focusPath).toBe('course-app > quiz-view > quiz-summary > h2#summary-heading');
  await frame.getByRole('button', { name: 'Go back to the questions' }).focus();
  await page.keyboard.press('Enter');
  // Back where the learner was: on Submit answers, after the last question.
  await expect.poll(focusPath).toBe('course-app > quiz-view > button.next');
  await page.keyboard.press('Enter');
  await frame.getByRole('button', { name: 'Submit answers now' }).focus();
  await page.keyboard.press('Enter');
  // The summary is gone: focus is on the result heading, and the result is announced.
  await expect.poll(focusPath).toBe('course-app > quiz-view > quiz-result > h2#result-heading');
  await expect(frame.locator('quiz-view [aria-live="assertive"]')).toHaveText('Answers submitted. You passed. Your score is 100 percent.');
});
