import { expect, test, type Frame, type FrameLocator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { drawQuestions } from '../../src/course/pool.ts';
import { correctAnswer } from '../../src/course/questions.ts';
import { QUESTION_TYPES } from '../../src/course/question-types/index.ts';
import type { Question, Quiz } from '../../src/course/types.ts';
import {
  courseData,
  exam,
  finishExam,
  openFromMenu,
  readAllLessons,
  shownOrder,
  startExam,
  startWithClock,
  submitExam,
} from '../support/flows.ts';
import { chooseScheme } from '../support/color-scheme.ts';
import { expectReview, giveAnswer, goToQuestion, isCritical, questionGroup, wrongAnswer } from '../support/learner.ts';
import { EL, VERSIONS, closeCourse, courseFrame, launchCourse, lmsCalls, lmsData, relaunch } from '../support/lms.ts';
import { ROOT } from '../support/paths.ts';
import { readSaved } from '../support/saved-progress.ts';
import { strictViolations } from '../support/strict-scorm.ts';

const SHOTS = join(ROOT, 'test-results/screenshots');
const TYPES = QUESTION_TYPES;

/**
 * Makes the course draw the attempt seed given (the course's seeds come from Math.random),
 * so that a test knows which questions an exam attempt asks.
 */
async function fixSeed(page: Page, seed: number): Promise<void> {
  await page.addInitScript(
    (r) => {
      if (location.pathname.includes('/scorm')) Math.random = () => r;
    },
    (seed + 0.5) / 0xffffffff,
  );
}

/** A seed whose exam draw asks every question type, each at least once on a topic that is not critical. */
function seedAskingEveryType(quiz: Quiz): number {
  for (let seed = 1; seed < 5000; seed++) {
    const drawn = drawQuestions(quiz, seed).map((id) => quiz.questions.find((q) => q.id === id)!);
    if (TYPES.every((t) => drawn.some((q) => q.type === t && !isCritical(quiz, q)))) return seed;
  }
  throw new Error('no seed draws every question type');
}

/**
 * The quiz view's sticky bar and the focused control, measured in the course frame's viewport.
 * The bar has no role or name of its own, so it is found by the quiz view's classes.
 */
async function layout(frame: Frame) {
  const [bar] = await frame.locator('quiz-view .bar').evaluateAll((els) =>
    els.map((el) => ({
      top: el.getBoundingClientRect().top,
      bottom: el.getBoundingClientRect().bottom,
      rowHeight: el.querySelector('.bar-row')?.getBoundingClientRect().height ?? 0,
    })),
  );
  const focus = await frame.evaluate(() => {
    // The focused element, followed down through the shadow roots it sits in; its question is the root's host.
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    // Only what has focus inside the quiz (Tab goes on to the course's header and contents after it).
    let inQuiz = false;
    for (let n: Node | null = el; n; n = n.parentNode ?? (n instanceof ShadowRoot ? n.host : null))
      if (n instanceof Element && n.tagName === 'QUIZ-VIEW') inQuiz = true;
    const focused = el && el !== document.body && inQuiz ? el.getBoundingClientRect() : null;
    const host = el ? ((el.getRootNode() as ShadowRoot).host as HTMLElement | undefined) : undefined;
    return {
      viewport: window.innerHeight,
      overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
      focused: focused && { top: focused.top, bottom: focused.bottom },
      question: host?.dataset.question ?? '',
    };
  });
  const legendTop = focus.question
    ? await frame
        .locator(`[data-question="${focus.question}"] legend`)
        .first()
        .evaluate((el) => el.getBoundingClientRect().top)
    : null;
  return { ...focus, barTop: bar?.top ?? null, barBottom: bar?.bottom ?? 0, rowHeight: bar?.rowHeight ?? 0, legendTop };
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.locator('#frame').screenshot({ path: join(SHOTS, `quizux-${name}.png`) });
}

async function shootQuestion(frame: FrameLocator, q: Question, name: string): Promise<void> {
  const host = frame.locator(`[data-question="${q.id}"]`);
  await host.evaluate((el) => el.scrollIntoView({ block: 'start' }));
  await host.screenshot({ path: join(SHOTS, `quizux-${name}.png`) });
}

const flagButton = (frame: FrameLocator, n: number) => frame.getByRole('button', { name: `Flag for review: question ${n}`, exact: true });

/** In a narrow frame the course contents sit behind a button. */
async function showContentsIfCollapsed(frame: FrameLocator): Promise<void> {
  const toggle = frame.getByRole('button', { name: 'Show course contents' });
  if (await toggle.isVisible()) await toggle.click();
}

for (const scheme of ['light', 'dark'] as const) {
  test.describe(`${scheme} colour scheme`, () => {
    test.use({ colorScheme: scheme, viewport: { width: 1280, height: 1400 } });
    test.beforeEach(({ page }) => chooseScheme(page, scheme));

    test('after "Check answer" the learner\'s answer and the correct one are marked in words, for every type a knowledge check asks', async ({
      page,
    }) => {
      test.setTimeout(90_000);
      const course = await courseData();
      const frame = await launchCourse(page, '12');
      await frame.getByRole('button', { name: 'Start the course' }).click();
      const checked = new Set<string>();
      for (const type of TYPES) {
        const check = course.quizzes.find((quiz) => !quiz.graded && quiz.questions.some((q) => q.type === type));
        if (!check) continue; // numeric is asked only by the exam (see the next test)
        const q = check.questions.find((x) => x.type === type) as Question;
        checked.add(q.id);
        await openFromMenu(frame, check.title);
        const wrong = wrongAnswer(q);
        await giveAnswer(frame, q, wrong);
        await frame.locator(`[data-check="${q.id}"]`).click();
        await expect(questionGroup(frame, q).getByText(/^\s*(Incorrect|Partly correct)\./)).toBeVisible();
        await expectReview(frame, q, wrong, true);
        await shootQuestion(frame, q, `check-${type}-${scheme}`);
      }
      // A right answer is called right on the one option, and no other is marked.
      const check = course.quizzes.find((quiz) => !quiz.graded) as Quiz;
      const single = check.questions.find((x) => x.type === 'single' && !checked.has(x.id)) as Question;
      await openFromMenu(frame, check.title);
      await giveAnswer(frame, single, correctAnswer(single));
      await frame.locator(`[data-check="${single.id}"]`).click();
      await expect(questionGroup(frame, single).getByRole('radio', { name: /Your answer — Correct$/ })).toBeChecked();
      await expect(questionGroup(frame, single).getByRole('radio', { name: /Correct answer|Incorrect/ })).toHaveCount(0);
      await shootQuestion(frame, single, `check-single-right-${scheme}`);
    });

    test("after a passed exam every question type, numeric too, shows the learner's answer and the correct one in words", async ({
      page,
    }) => {
      test.setTimeout(90_000);
      const quiz = await exam();
      await fixSeed(page, seedAskingEveryType(quiz));
      const frame = await launchCourse(page, '2004');
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await startExam(frame);
      const drawn = (await shownOrder(frame)).map((id) => quiz.questions.find((q) => q.id === id) as Question);
      // One question of each of four types answered wrongly, none critical: the attempt still passes.
      const wrong = new Set(
        (['numeric', 'matching', 'ordering', 'label_diagram'] as const).map(
          (t) => drawn.find((q) => q.type === t && !isCritical(quiz, q))?.id,
        ),
      );
      const given = new Map(drawn.map((q) => [q.id, wrong.has(q.id) ? wrongAnswer(q) : correctAnswer(q)]));
      for (const q of drawn) await giveAnswer(frame, q, given.get(q.id) ?? []);
      await submitExam(frame);
      await expect(frame.getByRole('heading', { name: 'You passed' })).toBeVisible();
      for (const type of TYPES) {
        const shown = drawn.filter((q) => q.type === type);
        const q = shown.find((x) => wrong.has(x.id)) ?? (shown[0] as Question);
        await expectReview(frame, q, given.get(q.id) ?? [], true);
        await shootQuestion(frame, q, `exam-review-${type}-${scheme}`);
      }
    });
  });
}

test("a failed exam that keeps its answers hidden marks only the learner's answer", async ({ page }) => {
  const quiz = await exam();
  await fixSeed(page, seedAskingEveryType(quiz));
  const frame = await launchCourse(page, '12');
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await startExam(frame);
  const drawn = (await shownOrder(frame)).map((id) => quiz.questions.find((q) => q.id === id) as Question);
  for (const q of drawn) await giveAnswer(frame, q, wrongAnswer(q));
  await submitExam(frame);
  await expect(frame.getByText('The correct answers are shown once you pass.')).toBeVisible();
  await expect(frame.locator('[data-question]').first()).toBeVisible();
  for (const type of TYPES) {
    const q = drawn.find((x) => x.type === type) as Question;
    await expectReview(frame, q, wrongAnswer(q), false);
  }
  await shootQuestion(frame, drawn.find((q) => q.type === 'single') as Question, 'exam-review-hidden');
});

/** Where focus is in the course frame: the element's tag and the question whose shadow root holds it. */
async function focusIn(page: Page): Promise<{ tag: string; question: string }> {
  return courseFrame(page).evaluate(() => {
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    const host = el ? ((el.getRootNode() as ShadowRoot).host as HTMLElement | undefined) : undefined;
    return { tag: el?.tagName.toLowerCase() ?? '', question: host?.dataset?.question ?? '' };
  });
}

test("one question per screen: Previous, Next and the question list (each question's state in words) move, focus the question and say its number; a relaunch returns to the same question and its flag", async ({
  page,
}) => {
  const quiz = await exam();
  let frame = await launchCourse(page, '12');
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await startExam(frame);
  const order = await shownOrder(frame);
  const n = order.length;
  const byId = (id: string) => quiz.questions.find((q) => q.id === id) as Question;
  const step = frame.locator('quiz-view .step-live');
  const toggle = frame.locator('quiz-view .bar .toggle');
  const list = frame.getByRole('navigation', { name: 'Questions' });
  /** Question i (0-based) is the only one on screen, its legend has focus, and its number was said. */
  const onQuestion = async (i: number) => {
    await expect(frame.locator('quiz-view [data-question]')).toHaveCount(1);
    await expect(frame.locator(`[data-question="${order[i]}"]`)).toBeVisible();
    await expect.poll(() => focusIn(page)).toEqual({ tag: 'legend', question: order[i] });
    await expect(step).toHaveText(`Question ${i + 1} of ${n}`);
  };
  await onQuestion(0);
  // Only the question on screen has inputs in the page.
  expect(await frame.locator('quiz-view').evaluate((el) => el.shadowRoot?.querySelectorAll('[data-question]').length)).toBe(1);
  await expect(frame.getByRole('button', { name: 'Previous', exact: true })).toHaveCount(0);
  await frame.getByRole('button', { name: 'Next', exact: true }).click();
  await onQuestion(1);
  await giveAnswer(frame, byId(order[1] as string), correctAnswer(byId(order[1] as string)));
  await expect(toggle).toHaveAccessibleName(`Questions 1/${n} answered`);
  await frame.getByRole('button', { name: 'Previous', exact: true }).click();
  await onQuestion(0);

  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(list).toBeHidden();
  await toggle.click();
  await expect(toggle).toHaveAttribute('aria-expanded', 'true');
  const names = await list
    .getByRole('button', { name: /^Question \d+,/ })
    .evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(names).toHaveLength(n);
  expect(names.slice(0, 4)).toEqual([
    'Question 1, not answered, shown now',
    'Question 2, answered',
    'Question 3, not answered',
    'Question 4, not answered',
  ]);
  await list.getByRole('button', { name: 'Question 5, not answered', exact: true }).click();
  // The list closes and question 5 is shown, focused and said.
  await expect(list).toBeHidden();
  await onQuestion(4);
  const flag5 = flagButton(frame, 5);
  await expect(flag5).toHaveAttribute('aria-pressed', 'false');
  await flag5.click();
  await expect(flag5).toHaveAttribute('aria-pressed', 'true');
  await toggle.click();
  await expect(list.getByRole('button', { name: 'Question 5, not answered, flagged, shown now' })).toBeVisible();
  // Escape closes the list and returns to its button.
  await list.getByRole('button').first().focus();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(toggle).toBeFocused();
  // After the last question, Submit answers takes the place of Next.
  await goToQuestion(frame, n);
  await expect(frame.getByRole('button', { name: 'Next', exact: true })).toHaveCount(0);
  await expect(frame.getByRole('button', { name: 'Submit answers', exact: true })).toBeVisible();
  await goToQuestion(frame, 5);
  await onQuestion(4);

  // A relaunch (the page reloaded mid-exam) returns to question 5, flag and answers kept; the LMS gets no record of them.
  frame = await relaunch(page);
  await frame.getByRole('button', { name: 'Continue where you left off' }).click();
  await expect(frame.locator('quiz-view [data-question]')).toHaveCount(1);
  await expect(frame.locator(`[data-question="${order[4]}"]`)).toBeVisible();
  await expect(flagButton(frame, 5)).toHaveAttribute('aria-pressed', 'true');
  await expect(frame.locator('quiz-view .bar .toggle')).toHaveAccessibleName(`Questions 1/${n} answered`);
  const cmi = await lmsData(page);
  expect(Object.keys(cmi).filter((k) => k.startsWith('cmi.interactions.') && k.endsWith('.id'))).toEqual([]);
  const saved = (await readSaved(cmi['cmi.suspend_data'])).state.quizzes[quiz.id]?.attempt;
  expect(saved?.flagged).toEqual([order[4]]);
  expect(saved?.current).toBe(4);
});

for (const version of VERSIONS) {
  test(`SCORM ${version === '12' ? '1.2' : '2004'}: "Check your answers" lists exactly the unanswered and flagged questions; one left unanswered is recorded unanswered`, async ({
    page,
  }) => {
    const quiz = await exam();
    const frame = await launchCourse(page, version);
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await startExam(frame);
    const order = await shownOrder(frame);
    const byId = (id: string) => quiz.questions.find((q) => q.id === id) as Question;
    // Left open: a question on a topic that is not critical, so that the attempt can pass.
    const open = order.findIndex((id, i) => i > 2 && byId(id).type === 'single' && !isCritical(quiz, byId(id)));
    const answeredFlag = 1;
    for (const [i, id] of order.entries()) if (i !== open) await giveAnswer(frame, byId(id), correctAnswer(byId(id)));
    for (const i of [open, answeredFlag]) {
      await goToQuestion(frame, i + 1);
      await flagButton(frame, i + 1).click();
    }

    // The summary from the question list (not after the last question).
    await frame.locator('quiz-view .bar .toggle').click();
    await frame.getByRole('button', { name: 'Check your answers and submit' }).click();
    const summary = frame.getByRole('region', { name: 'Check your answers before submitting' });
    await expect(frame.getByRole('heading', { name: 'Check your answers before submitting' })).toBeFocused();
    await expect(summary).toContainText(`You have answered ${order.length - 1} of ${order.length} questions.`);
    await expect(summary).toContainText(/Time left: \d+:\d\d\./);
    // The questions listed under a heading: the list that follows it.
    const listed = async (heading: string) =>
      (
        await summary
          .getByRole('heading', { name: heading, exact: true })
          .locator('xpath=following-sibling::ul[1]')
          .getByRole('button')
          .allTextContents()
      ).map((t) => t.trim());
    expect(await listed('Not answered (1)')).toEqual([`Question ${open + 1}`]);
    expect(await listed('Flagged for review (2)')).toEqual(
      [`Question ${answeredFlag + 1}`, `Question ${open + 1}`].sort((a, b) => a.localeCompare(b, 'en', { numeric: true })),
    );
    await expect(summary.getByText(byId(order[open] as string).prompt)).toHaveCount(2);
    await expect(frame.getByRole('form', { name: quiz.title, includeHidden: true })).toBeHidden();
    if (version === '12') await shoot(page, 'summary');

    // A question in the summary leads to it; "Go back to the questions" to the question the learner was on.
    await summary.getByRole('button', { name: `Question ${answeredFlag + 1}` }).click();
    await expect(summary).toHaveCount(0);
    await expect.poll(() => focusIn(page)).toEqual({ tag: 'legend', question: order[answeredFlag] });
    await frame.locator('quiz-view .bar .toggle').click();
    await frame.getByRole('button', { name: 'Check your answers and submit' }).click();
    await frame.getByRole('button', { name: 'Go back to the questions' }).click();
    await expect.poll(() => focusIn(page)).toEqual({ tag: 'legend', question: order[answeredFlag] });

    await submitExam(frame);
    await expect(frame.getByRole('heading', { name: 'You passed' })).toBeVisible();
    await closeCourse(page);
    const cmi = await lmsData(page);
    const key = Object.keys(cmi).find((k) => /^cmi\.interactions\.\d+\.id$/.test(k) && cmi[k] === `${quiz.id}-${order[open]}`);
    expect(key, 'the unanswered question is recorded').toBeTruthy();
    const base = (key ?? '').replace(/id$/, '');
    expect(cmi[`${base}${EL[version].response}`] ?? '').toBe('');
    expect(cmi[`${base}result`]).toBe(version === '12' ? 'wrong' : 'incorrect');
    // Once submitted, no flag is kept.
    const saved = (await readSaved(cmi['cmi.suspend_data'])).state.quizzes[quiz.id]?.attempt;
    expect(saved?.submitted).toBe(true);
    expect(saved?.flagged).toEqual([]);
    expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
  });
}

test('with nothing open or flagged the summary still asks; time running out while it is shown submits at once', async ({ page }) => {
  const quiz = await exam();
  const frame = await startWithClock(page, '12');
  await startExam(frame);
  const order = await shownOrder(frame);
  for (const id of order) {
    const q = quiz.questions.find((x) => x.id === id) as Question;
    await giveAnswer(frame, q, correctAnswer(q));
  }
  await frame.getByRole('button', { name: 'Submit answers', exact: true }).click();
  await expect(frame.getByText('You have answered every question, and none is flagged for review.')).toBeVisible();
  await expect(frame.getByRole('button', { name: 'Submit answers now' })).toBeVisible();
  await frame.getByRole('button', { name: 'Submit answers now' }).focus();
  await page.clock.runFor((quiz.timeLimitMinutes ?? 0) * 60_000 + 1000);
  const result = frame.getByRole('region', { name: 'You passed' });
  await expect(
    result.getByText('Time ran out, so your attempt was submitted with the answers you had given.', { exact: true }),
  ).toBeVisible();
  await expect(frame.getByRole('heading', { name: 'You passed' })).toBeFocused();
  await expect(frame.locator('quiz-view [aria-live="assertive"]')).toHaveText(
    /^Time ran out, .* You passed\. Your score is 100 percent\.$/,
  );
});

/** Each layout the navigator must fit: a phone, a 700 px LMS frame, a desktop, and 200% zoom of a 1280 x 1024 screen. */
const SIZES = [
  { name: '320', viewport: { width: 320, height: 720 } },
  { name: '700-frame', viewport: { width: 1116, height: 800 } },
  { name: '1280', viewport: { width: 1280, height: 900 } },
  { name: 'zoom200', viewport: { width: 640, height: 512 } },
];

for (const size of SIZES) {
  test(`exam at ${size.name}: one question fits without sideways scrolling, the bar is one row, the question list opens in the page's flow with its last row whole, and the bar never hides what has focus (screenshots)`, async ({
    page,
  }) => {
    await page.setViewportSize(size.viewport);
    const frame = await launchCourse(page, '12');
    const inner = courseFrame(page);
    if (size.name === '700-frame') expect(await page.locator('#frame').evaluate((el) => el.getBoundingClientRect().width)).toBe(700);
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await showContentsIfCollapsed(frame);
    const quiz = await startExam(frame);
    const order = await shownOrder(frame);
    for (const id of order.slice(0, 6)) {
      const q = quiz.questions.find((x) => x.id === id) as Question;
      await giveAnswer(frame, q, correctAnswer(q));
    }
    for (const i of [3, 8]) {
      await goToQuestion(frame, i);
      await flagButton(frame, i).click();
    }
    await goToQuestion(frame, 6);
    let at = await layout(inner);
    expect(at.overflow).toBeLessThanOrEqual(0);
    // The bar is one row: the timer and the list's button side by side, the bar no taller than one button.
    const bar = await frame.locator('quiz-view .bar').evaluate((el) => {
      const box = (s: string) => el.querySelector(s)?.getBoundingClientRect();
      const timer = box('.timer');
      const toggle = box('.toggle');
      return {
        height: el.getBoundingClientRect().height,
        rows: timer && toggle ? Math.abs(timer.top + timer.height / 2 - (toggle.top + toggle.height / 2)) : -1,
      };
    });
    expect(bar.rows).toBeGreaterThanOrEqual(0);
    expect(bar.rows).toBeLessThan(4);
    expect(bar.height).toBeLessThanOrEqual(60);
    if (size.name === '700-frame') {
      await goToQuestion(frame, 3);
      await frame
        .locator(`[data-question="${order[2]}"]`)
        .locator('xpath=..')
        .screenshot({ path: join(SHOTS, 'quizux-flagged-question.png') });
      await goToQuestion(frame, 6);
    }
    await shoot(page, `exam-${size.name}`);

    await frame.locator('quiz-view .bar .toggle').click();
    const list = frame.getByRole('navigation', { name: 'Questions' });
    // In the flow under the bar: the question follows it rather than lying beneath it, and no row is cut off.
    const fit = await list.evaluate((nav) => {
      const buttons = [...nav.querySelectorAll('.grid button')].map((b) => b.getBoundingClientRect());
      const last = buttons[buttons.length - 1];
      const box = nav.getBoundingClientRect();
      return { bottom: box.bottom, lastBottom: last?.bottom ?? Infinity, scrolls: nav.scrollHeight > nav.clientHeight + 1 };
    });
    expect(fit.lastBottom).toBeLessThanOrEqual(fit.bottom);
    expect(fit.scrolls).toBe(false);
    const legendTop = await frame.locator(`[data-question="${order[5]}"] legend`).evaluate((el) => el.getBoundingClientRect().top);
    expect(legendTop).toBeGreaterThanOrEqual(fit.bottom);
    expect((await layout(inner)).overflow).toBeLessThanOrEqual(0);
    await shoot(page, `exam-${size.name}-list`);

    await list.getByRole('button', { name: /^Question 12,/ }).click();
    at = await layout(inner);
    expect(at.legendTop).toBeGreaterThanOrEqual(at.barBottom);
    await expect.poll(() => focusIn(page)).toEqual({ tag: 'legend', question: order[11] });
    await shoot(page, `exam-${size.name}-moved`);
    // Tabbing on from there: each control reached is clear of the sticky bar.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const now = await layout(inner);
      if (now.focused) expect(now.focused.top, `focus ${i + 1} under the bar`).toBeGreaterThanOrEqual(now.barBottom - 1);
    }
    if (size.name === '320') {
      await frame.locator('quiz-view .bar .toggle').click();
      await frame.getByRole('button', { name: 'Check your answers and submit' }).click();
      await expect(frame.getByRole('heading', { name: 'Check your answers before submitting' })).toBeFocused();
      expect((await layout(inner)).overflow).toBeLessThanOrEqual(0);
      await shoot(page, 'summary-320');
    }
  });
}

test.describe('dark colour scheme', () => {
  test.use({ colorScheme: 'dark', viewport: { width: 1116, height: 800 } });
  test('navigator and summary in the dark scheme (screenshots)', async ({ page }) => {
    const quiz = await exam();
    await chooseScheme(page, 'dark');
    const frame = await launchCourse(page, '12');
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await showContentsIfCollapsed(frame);
    await startExam(frame);
    const order = await shownOrder(frame);
    for (const id of order.slice(0, 4)) {
      const q = quiz.questions.find((x) => x.id === id) as Question;
      await giveAnswer(frame, q, correctAnswer(q));
    }
    for (const i of [2, 6]) {
      await goToQuestion(frame, i);
      await flagButton(frame, i).click();
    }
    const toggle = frame.locator('quiz-view .bar .toggle');
    await toggle.click();
    await shoot(page, 'exam-700-frame-list-dark');
    await frame.getByRole('button', { name: 'Check your answers and submit' }).click();
    await expect(frame.getByRole('heading', { name: 'Check your answers before submitting' })).toBeFocused();
    await shoot(page, 'summary-dark');
  });
});

for (const version of VERSIONS) {
  test(`SCORM ${version === '12' ? '1.2' : '2004'}: a pass is a confirmation panel, first on the screen, with the recorded score and the next step (screenshot)`, async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const frame = await launchCourse(page, version);
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await readAllLessons(frame);
    await startExam(frame);
    await finishExam(frame);
    const heading = frame.getByRole('heading', { name: 'You passed' });
    await expect(heading).toBeFocused();
    const panel = frame.locator('quiz-result .panel');
    await expect(panel).toContainText('You passed');
    await expect(panel).toContainText('Your score: 100%');
    // The result, not the introduction, follows the title: no timing text, the panel on the first screen.
    await expect(frame.getByRole('region', { name: 'About this quiz' })).toHaveCount(0);
    await expect(frame.getByText(/The clock starts/)).toHaveCount(0);
    const next = frame.getByRole('button', { name: /^Continue: / });
    await expect(next).toBeInViewport();
    await expect(heading).toBeInViewport();
    const [panelTop, reviewTop] = await Promise.all([
      panel.evaluate((el) => el.getBoundingClientRect().top),
      frame
        .locator('[data-question]')
        .first()
        .evaluate((el) => el.getBoundingClientRect().top),
    ]);
    expect(panelTop).toBeLessThan(reviewTop);
    if (version === '12') await shoot(page, 'result-pass');
    // The score shown is the one recorded (SCORM 1.2 holds a score only once the whole course is complete).
    await closeCourse(page);
    if (version === '2004') expect((await lmsData(page))[EL[version].raw]).toBe('100');
    else expect((await readSaved((await lmsData(page))['cmi.suspend_data'])).state.quizzes[(await exam()).id]?.lastScore).toBe(100);
  });
}
