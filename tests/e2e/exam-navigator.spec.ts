import { expect, test, type Frame, type FrameLocator, type Page } from '@playwright/test';
import { join } from 'node:path';
import { drawQuestions } from '../../src/course/pool.ts';
import { correctAnswer } from '../../src/course/questions.ts';
import { QUESTION_TYPES } from '../../src/course/question-types/index.ts';
import type { Question, Quiz } from '../../src/course/types.ts';
import { courseData, exam, openFromMenu, shownOrder, startExam, startWithClock, submitExam } from '../support/flows.ts';
import { chooseScheme } from '../support/color-scheme.ts';
import { expectReview, giveAnswer, isCritical, questionGroup, wrongAnswer } from '../support/learner.ts';
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
    const focused = el && el !== document.body ? el.getBoundingClientRect() : null;
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
      await expect(frame.getByText('You passed.')).toBeVisible();
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

test("the navigator counts answers, says each question's state in words, moves to a question, and flags survive a relaunch", async ({
  page,
}) => {
  const quiz = await exam();
  let frame = await launchCourse(page, '12');
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await startExam(frame);
  const order = await shownOrder(frame);
  const n = order.length;
  const byId = (id: string) => quiz.questions.find((q) => q.id === id) as Question;
  const count = (text: string) => frame.getByText(text, { exact: true });
  await expect(count(`0 of ${n} answered`)).toBeVisible();
  const toggle = frame.getByRole('button', { name: 'Show question list' });
  await expect(toggle).toHaveAttribute('aria-expanded', 'false');
  await expect(frame.getByRole('navigation', { name: 'Questions' })).toBeHidden();

  await giveAnswer(frame, byId(order[1] as string), correctAnswer(byId(order[1] as string)));
  await expect(count(`1 of ${n} answered`)).toBeVisible();
  const flag5 = flagButton(frame, 5);
  await expect(flag5).toHaveAttribute('aria-pressed', 'false');
  await flag5.click();
  await expect(flag5).toHaveAttribute('aria-pressed', 'true');
  await expect(count(`1 of ${n} answered, 1 flagged`)).toBeVisible();

  await toggle.click();
  const list = frame.getByRole('navigation', { name: 'Questions' });
  await expect(frame.getByRole('button', { name: 'Hide question list' })).toHaveAttribute('aria-expanded', 'true');
  const names = await list.getByRole('button').evaluateAll((els) => els.map((e) => e.getAttribute('aria-label')));
  expect(names).toHaveLength(n);
  expect(names.slice(0, 5)).toEqual([
    'Question 1, not answered',
    'Question 2, answered',
    'Question 3, not answered',
    'Question 4, not answered',
    'Question 5, not answered, flagged',
  ]);
  await list.getByRole('button', { name: 'Question 5, not answered, flagged' }).click();
  // The list closes, the question is moved to and its first control has focus, clear of the sticky bar.
  await expect(list).toBeHidden();
  const at = await layout(courseFrame(page));
  expect(at.question).toBe(order[4]);
  expect(at.legendTop).toBeGreaterThanOrEqual(at.barBottom);

  // Escape closes the list and returns to its button.
  await frame.getByRole('button', { name: 'Show question list' }).click();
  await list.getByRole('button').first().focus();
  await page.keyboard.press('Escape');
  await expect(list).toBeHidden();
  await expect(frame.getByRole('button', { name: 'Show question list' })).toBeFocused();

  // Flags are saved with the attempt and come back with it; the LMS gets no record of them.
  frame = await relaunch(page);
  await frame.getByRole('button', { name: 'Continue where you left off' }).click();
  await expect(flagButton(frame, 5)).toHaveAttribute('aria-pressed', 'true');
  await expect(frame.getByText(`1 of ${n} answered, 1 flagged`, { exact: true })).toBeVisible();
  const cmi = await lmsData(page);
  expect(Object.keys(cmi).filter((k) => k.startsWith('cmi.interactions.') && k.endsWith('.id'))).toEqual([]);
  expect((await readSaved(cmi['cmi.suspend_data'])).state.quizzes[quiz.id]?.attempt?.flagged).toEqual([order[4]]);
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
    await flagButton(frame, open + 1).click();
    await flagButton(frame, answeredFlag + 1).click();

    await frame.getByRole('button', { name: 'Submit answers', exact: true }).click();
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

    // A question in the summary leads to it; "Go back to the questions" to the Submit button.
    await summary.getByRole('button', { name: `Question ${answeredFlag + 1}` }).click();
    await expect(summary).toHaveCount(0);
    expect((await layout(courseFrame(page))).question).toBe(order[answeredFlag]);
    await frame.getByRole('button', { name: 'Submit answers', exact: true }).click();
    await frame.getByRole('button', { name: 'Go back to the questions' }).click();
    await expect(frame.getByRole('button', { name: 'Submit answers', exact: true })).toBeFocused();

    await submitExam(frame);
    await expect(frame.getByText('You passed.')).toBeVisible();
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
  const result = frame.getByRole('region', { name: 'Your result' });
  await expect(
    result.getByText('Time ran out, so your attempt was submitted with the answers you had given.', { exact: true }),
  ).toBeVisible();
  await expect(frame.getByRole('heading', { name: 'Your result' })).toBeFocused();
  await expect(frame.locator('quiz-view [aria-live="assertive"]')).toHaveText(/^Time ran out, .* Your score is 100 percent, a pass\.$/);
});

/** Each layout the navigator must fit: a phone, a 700 px LMS frame, a desktop, and 200% zoom of a 1280 x 1024 screen. */
const SIZES = [
  { name: '320', viewport: { width: 320, height: 720 } },
  { name: '700-frame', viewport: { width: 1116, height: 800 } },
  { name: '1280', viewport: { width: 1280, height: 900 } },
  { name: 'zoom200', viewport: { width: 640, height: 512 } },
];

for (const size of SIZES) {
  test(`navigator at ${size.name}: fits without sideways scrolling, the list opens within the screen, and the bar never hides what has focus (screenshots)`, async ({
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
    await flagButton(frame, 3).click();
    await flagButton(frame, 8).click();
    // Mid-exam: the bar has stuck to the top of the screen.
    await frame.locator(`[data-question="${order[5]}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await expect.poll(async () => (await layout(inner)).barTop).toBe(0);
    let at = await layout(inner);
    expect(at.overflow).toBeLessThanOrEqual(0);
    if (size.name === '700-frame') {
      const flagged = frame.locator(`[data-question="${order[2]}"]`).locator('xpath=..');
      await flagged.evaluate((el) => el.scrollIntoView({ block: 'center' }));
      await flagged.screenshot({ path: join(SHOTS, 'quizux-flagged-question.png') });
      await frame.locator(`[data-question="${order[5]}"]`).evaluate((el) => el.scrollIntoView({ block: 'start' }));
    }
    // The bar takes at most a third of the screen, so the questions keep most of it.
    expect(at.rowHeight).toBeLessThan(at.viewport / 3);
    await shoot(page, `exam-${size.name}`);

    await frame.getByRole('button', { name: 'Show question list' }).click();
    const list = frame.getByRole('navigation', { name: 'Questions' });
    const box = await list.evaluate((el) => el.getBoundingClientRect().bottom);
    expect(box).toBeLessThanOrEqual(at.viewport);
    expect((await layout(inner)).overflow).toBeLessThanOrEqual(0);
    await shoot(page, `exam-${size.name}-list`);

    await list.getByRole('button', { name: /^Question 12,/ }).click();
    at = await layout(inner);
    expect(at.question).toBe(order[11]);
    expect(at.legendTop).toBeGreaterThanOrEqual(at.barBottom);
    await shoot(page, `exam-${size.name}-moved`);
    // Tabbing on from there: each control reached is scrolled clear of the sticky bar.
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const now = await layout(inner);
      if (now.focused) expect(now.focused.top, `focus ${i + 1} under the bar`).toBeGreaterThanOrEqual(now.barBottom - 1);
    }
    if (size.name === '320') {
      await frame.getByRole('button', { name: 'Submit answers', exact: true }).click();
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
    const frame = await launchCourse(page, '12');
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await showContentsIfCollapsed(frame);
    await startExam(frame);
    const order = await shownOrder(frame);
    for (const id of order.slice(0, 4)) {
      const q = quiz.questions.find((x) => x.id === id) as Question;
      await giveAnswer(frame, q, correctAnswer(q));
    }
    await flagButton(frame, 2).click();
    await flagButton(frame, 6).click();
    await frame.getByRole('button', { name: 'Show question list' }).click();
    await shoot(page, 'exam-700-frame-list-dark');
    await frame.getByRole('button', { name: 'Hide question list' }).click();
    await frame.getByRole('button', { name: 'Submit answers', exact: true }).click();
    await expect(frame.getByRole('heading', { name: 'Check your answers before submitting' })).toBeFocused();
    await shoot(page, 'summary-dark');
  });
});
