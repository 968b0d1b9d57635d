import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { correctAnswer } from '../../src/course/questions.ts';
import {
  exam,
  finishExam,
  goToCertificate,
  openFromMenu,
  courseData,
  readAllLessons,
  resultHeading,
  shownOrder,
  startExam,
} from '../support/flows.ts';
import { FakeLrs, type LaunchMode, type Statement } from '../support/fake-lrs.ts';
import { giveAnswer } from '../support/learner.ts';

/**
 * The cmi5 package (the same index.html as the SCORM zips, launched with cmi5's parameters)
 * against an LMS and LRS in the test process that checks every request as CATAPULT's
 * conformance suite does (tests/support/fake-lrs.ts).
 */
const CATEGORY_CMI5 = 'https://w3id.org/xapi/cmi5/context/categories/cmi5';
const MINUTE = 60_000;

async function launch(page: Page, lrs: FakeLrs, mode: LaunchMode = 'Normal'): Promise<FrameLocator> {
  await page.goto(lrs.launchUrl(mode));
  await expect(page.locator(':root[data-course-ready]')).toBeAttached();
  // The AU is the top-level document here (a new window, as CATAPULT opens it): the course's queries work on the page.
  return page as unknown as FrameLocator;
}

async function fakeLrs(page: Page): Promise<FakeLrs> {
  const lrs = new FakeLrs(process.env.LMS_URL ?? '');
  await lrs.install(page);
  return lrs;
}

async function exitToLms(page: Page, lrs: FakeLrs): Promise<void> {
  await page.getByRole('button', { name: 'Exit course' }).click();
  await page.waitForURL(lrs.returnUrl);
  await expect(page.getByRole('heading', { name: 'Back in the LMS' })).toBeVisible();
}

const categories = (s: Statement) => (s.context.contextActivities['category'] ?? []).map((c) => c.id);
const of = (lrs: FakeLrs, verb: string, session?: number) =>
  lrs.statements.filter((s) => s.verb.id.endsWith(`/${verb}`) && (session === undefined || s.session === session));

test('a learner who passes: initialized, each answer, passed, completed, the CE record, terminated; Exit returns to the LMS', async ({
  page,
}) => {
  const lrs = await fakeLrs(page);
  const course = await courseData();
  const frame = await launch(page, lrs);
  // cmi5 speaks only to the LRS: no SCORM API was looked for or used.
  expect(await page.evaluate(() => 'API' in window || 'API_1484_11' in window)).toBe(false);
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await readAllLessons(frame);
  await startExam(frame);
  const shown = await finishExam(frame);
  await goToCertificate(frame);
  await exitToLms(page, lrs);

  expect(lrs.violations).toEqual([]);
  const verbs = lrs.verbs(1);
  expect(verbs[0]).toBe('initialized');
  expect(verbs.at(-1)).toBe('terminated');
  expect(verbs.filter((v) => ['passed', 'completed', 'failed'].includes(v))).toEqual(['passed', 'completed']);
  const passed = of(lrs, 'passed')[0]!;
  expect(passed.result?.score).toEqual({ scaled: 1, raw: 100, min: 0, max: 100 });
  expect(passed.context.extensions['https://w3id.org/xapi/cmi5/context/extensions/masteryscore']).toBe(0.8);

  // Each exam answer: an allowed statement (no cmi5 category) naming the question, its options' texts and the response.
  const answers = of(lrs, 'answered').filter((s) => s.object.id.includes(':record:final_exam-'));
  expect(answers.map((s) => decodeURIComponent(s.object.id.replace(/.*:record:final_exam-/, '')))).toEqual(shown.map((q) => q.id));
  for (const s of answers) {
    expect(categories(s)).not.toContain(CATEGORY_CMI5);
    expect(s.result?.success).toBe(true);
    expect(s.result?.response).toBeTruthy();
  }
  const single = shown.find((q) => q.type === 'single');
  if (single && single.type === 'single') {
    const st = answers.find((s) => s.object.id.endsWith(`final_exam-${single.id}`))!;
    const def = st.object.definition as {
      name: Record<string, string>;
      interactionType: string;
      choices: { id: string; description: Record<string, string> }[];
    };
    expect(def.name['en-US']).toBe(single.prompt);
    expect(def.interactionType).toBe('choice');
    expect(def.choices.map((c) => c.description['en-US'])).toEqual(single.choices.map((c) => c.text));
    expect(st.result?.response).toBe(correctAnswer(single).join('[,]'));
  }
  // Evaluation answers: survey responses, without success.
  const evaluation = of(lrs, 'answered').filter((s) => s.object.id.includes(':record:evaluation-'));
  expect(evaluation.length).toBeGreaterThan(0);
  for (const s of evaluation) {
    expect(categories(s)).toContain('urn:course:spine-stem-cell-course:category:survey-response');
    expect(s.result?.success).toBeUndefined();
  }
  // The CE record, once, as result extensions the coordinator can read from the LRS.
  const ce = of(lrs, 'earned');
  expect(ce).toHaveLength(1);
  const facts = Object.fromEntries(Object.entries(ce[0]!.result?.extensions ?? {}).map(([k, v]) => [k.replace(/.*:/, ''), v]));
  const CE = ['ce-certificate', 'ce-completed', 'ce-credit-amount', 'ce-credit-type', 'ce-hours', 'ce-profession', 'ce-version'];
  // The profession is left out when the course asks none.
  expect(Object.keys(facts)).toEqual(expect.arrayContaining(CE.filter((k) => k !== 'ce-profession')));
  expect(Object.keys(facts).every((k) => CE.includes(k))).toBe(true);
  expect(facts['ce-version']).toBe(course.activity.version);
  // The saved state is one State API document for the registration.
  expect(JSON.parse(lrs.state.get('course-record') ?? '{}')).toMatchObject({ passed: true, completed: true });
});

test('fail, then pass in a new session: failed ends the first session, passed and completed come in the second', async ({ page }) => {
  const lrs = await fakeLrs(page);
  let frame = await launch(page, lrs);
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await readAllLessons(frame);
  await startExam(frame);
  await finishExam(frame, () => true);
  await expect(resultHeading(frame)).toHaveText('You did not pass');
  await exitToLms(page, lrs);
  expect(lrs.verbs(1).filter((v) => v !== 'answered')).toEqual(['initialized', 'failed', 'terminated']);
  expect(of(lrs, 'failed')[0]!.result).toMatchObject({ success: false, score: { scaled: 0, raw: 0 } });

  frame = await launch(page, lrs);
  await frame.getByRole('button', { name: 'Continue where you left off' }).click();
  await openFromMenu(frame, (await exam()).title);
  await frame.getByRole('button', { name: 'Try again' }).click();
  await frame.getByRole('button', { name: 'Start', exact: true }).click();
  await finishExam(frame);
  await goToCertificate(frame);
  await exitToLms(page, lrs);
  expect(lrs.violations).toEqual([]);
  expect(lrs.verbs(2).filter((v) => !['answered', 'earned'].includes(v))).toEqual(['initialized', 'passed', 'completed', 'terminated']);
});

test('a learner who leaves mid-exam comes back to the same questions, answers and clock', async ({ page }) => {
  const quiz = await exam();
  const lrs = await fakeLrs(page);
  await page.clock.install({ time: new Date('2026-11-25T09:00:00Z') });
  let frame = await launch(page, lrs);
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await startExam(frame);
  const order = await shownOrder(frame);
  const answered = order.slice(0, 3).map((id) => quiz.questions.find((q) => q.id === id)!);
  for (const q of answered) await giveAnswer(frame, q, correctAnswer(q));
  await expect(frame.locator('quiz-view .bar .count')).toHaveText(`3/${order.length} answered`);
  // Answers reach the LRS within a minute; the learner then closes the window ten minutes in.
  await page.clock.runFor(10 * MINUTE);
  await expect.poll(() => lrs.requests.filter((r) => r === '1 PUT activities/state course-record').length).toBeGreaterThan(1);
  const left = (quiz.timeLimitMinutes ?? 0) - 10;

  frame = await launch(page, lrs);
  await frame.getByRole('button', { name: 'Continue where you left off' }).click();
  expect(await shownOrder(frame)).toEqual(order);
  await expect(frame.locator('quiz-view .bar .count')).toHaveText(`3/${order.length} answered`);
  if (quiz.timeLimitMinutes) await expect(frame.getByRole('timer')).toHaveText(new RegExp(`Time left: (${left}:00|${left - 1}:5\\d)`));
  expect(lrs.violations).toEqual([]);
  expect(lrs.verbs(2)[0]).toBe('initialized');
});

test('Review and Browse launches show the record read-only and send initialized and terminated only', async ({ page }) => {
  const lrs = await fakeLrs(page);
  let frame = await launch(page, lrs);
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await openFromMenu(frame, (await courseData()).lessons[0]!.title);
  await exitToLms(page, lrs);
  const saved = lrs.state.get('course-record');
  expect(saved).toBeTruthy();

  for (const [n, mode] of [
    [2, 'Review'],
    [3, 'Browse'],
  ] as const) {
    frame = await launch(page, lrs, mode);
    await expect(frame.getByText('Review mode: you can look at the course, but nothing you do now is recorded.')).toBeVisible();
    await frame
      .getByRole('button', { name: /^Continue where you left off|^Start the course/ })
      .first()
      .click();
    await readAllLessons(frame);
    await exitToLms(page, lrs);
    expect(lrs.verbs(n)).toEqual(['initialized', 'terminated']);
    expect(lrs.requests.filter((r) => r.startsWith(`${n} PUT`))).toEqual([]);
  }
  expect(lrs.state.get('course-record')).toBe(saved);
  expect(lrs.violations).toEqual([]);
});

test('an LRS that fails a save: the learner is told, the course retries with back-off, and nothing is lost', async ({ page }) => {
  const lrs = await fakeLrs(page);
  const frame = await launch(page, lrs);
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await expect.poll(() => lrs.requests).toContain('1 PUT activities/state course-record');
  // The LRS fails the next two writes: the lesson read below is refused twice.
  lrs.failWrites = 2;
  const lesson = (await courseData()).lessons[0]!;
  await openFromMenu(frame, lesson.title);
  await frame.locator('lesson-view .end').scrollIntoViewIfNeeded();
  await expect(frame.getByText('You have read this lesson.')).toBeVisible();
  await expect(frame.getByText('Progress not yet saved. Retrying…')).toBeVisible();
  // Retried after 2 and then 5 seconds: the third try is stored and the notice goes.
  await expect(frame.getByText('Progress not yet saved. Retrying…')).toHaveCount(0, { timeout: 15_000 });
  expect(lrs.failWrites).toBe(0);
  const record = JSON.parse(lrs.state.get('course-record') ?? '{}') as { suspendData?: string };
  expect(record.suspendData).toContain(lesson.id);
  await readAllLessons(frame);
  await startExam(frame);
  const shown = await finishExam(frame);
  await exitToLms(page, lrs);
  expect(lrs.violations).toEqual([]);
  expect(lrs.verbs(1).filter((v) => v !== 'answered')).toEqual(['initialized', 'passed', 'terminated']);
  expect(of(lrs, 'answered')).toHaveLength(shown.length);
});

test('closing the window mid-exam loses nothing: the answers go to the LRS when the page goes away', async ({ page }) => {
  const quiz = await exam();
  const lrs = await fakeLrs(page);
  let frame = await launch(page, lrs);
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await startExam(frame);
  const order = await shownOrder(frame);
  await expect.poll(() => lrs.requests.filter((r) => r === '1 PUT activities/state course-record').length).toBeGreaterThan(0);
  const puts = lrs.requests.filter((r) => r === '1 PUT activities/state course-record').length;
  for (const id of order.slice(0, 2)) {
    const q = quiz.questions.find((x) => x.id === id)!;
    await giveAnswer(frame, q, correctAnswer(q));
  }
  // Answers wait up to a minute for their commit: none was sent when the window closes.
  expect(lrs.requests.filter((r) => r === '1 PUT activities/state course-record')).toHaveLength(puts);
  const before = lrs.state.get('course-record');
  // The browser's own pagehide, as when the window closes (the page stays, so the requests are seen by the test's LRS).
  await page.evaluate(() => window.dispatchEvent(new PageTransitionEvent('pagehide', { persisted: false })));
  await expect.poll(() => lrs.state.get('course-record')).not.toBe(before);
  expect(lrs.requests.filter((r) => r.startsWith('1 ')).at(-1)).toBe('1 PUT activities/state course-record');
  expect(JSON.parse(lrs.state.get('course-record') ?? '{}')).toMatchObject({ location: expect.stringContaining(quiz.id) });
  frame = await launch(page, lrs);
  expect(lrs.violations).toEqual([]);
  await frame.getByRole('button', { name: 'Continue where you left off' }).click();
  await expect(frame.locator('quiz-view .bar .count')).toHaveText(`2/${order.length} answered`);
});

test("Exit says the course is taking the learner back to the LMS, not how to leave an LMS's player, and does", async ({ page }) => {
  const lrs = await fakeLrs(page);
  const frame = await launch(page, lrs);
  // A slow LRS: the exit screen stays up while the last statements are on their way.
  await page.route(/\/statements/, async (route) => {
    await new Promise((done) => setTimeout(done, 2_000));
    await route.fallback();
  });
  await frame.getByRole('button', { name: 'Exit course' }).click();
  await expect(frame.getByRole('heading', { name: 'You have left the course' })).toBeVisible();
  await expect(frame.getByText('Taking you back to your learning management system…')).toBeVisible();
  await expect(frame.getByText(/Moodle|close this window/)).toHaveCount(0);
  await page.waitForURL(lrs.returnUrl);
  expect(lrs.violations).toEqual([]);
});

test('Exit while the LRS fails every save: the learner reads that it was not saved, stays, and is shown the way back', async ({ page }) => {
  const lrs = await fakeLrs(page);
  const frame = await launch(page, lrs);
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await expect.poll(() => lrs.requests).toContain('1 PUT activities/state course-record');
  lrs.failWrites = 1_000;
  await frame.getByRole('button', { name: 'Exit course' }).click();
  await expect(frame.getByRole('heading', { name: 'You have left the course' })).toBeVisible();
  await expect(frame.getByText('did not confirm the last save')).toBeVisible();
  await expect(frame.getByText('Taking you back to your learning management system…')).toHaveCount(0);
  await expect(frame.getByText(/close this window to return|use your learning management system's own button/)).toBeVisible();
  // Leaving would drop what is still queued: the course stays.
  expect(page.url()).not.toBe(lrs.returnUrl);
});
