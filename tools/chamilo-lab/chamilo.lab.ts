import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { drawQuestions } from '../../src/course/pool.ts';
import { courseData, exam, goToCertificate, openFromMenu, readAllLessons, submitExam } from '../../tests/support/flows.ts';
import { answerShownQuestions, giveAnswer } from '../../tests/support/learner.ts';
import { BASE, COURSE, type ApiCall, leaveWithHome, lpId, login, newLearner, openPath, recordApiCalls, sql, stored } from './lab.ts';

/**
 * A learner takes each package in Chamilo 1.11 the way Chamilo's learners leave a learning path:
 * with the player's home button, never the course's Exit. Sessions: a lesson read and the exam started; the rest
 * of the course, a passed exam, the evaluation and the certificate; then the finished attempt
 * reopened. Checked each time: no notice that progress had not reached the LMS, and no status
 * lower than the record's written. Writes out/<version>/: screenshots, the calls, Chamilo's tables.
 */
const OUT = process.env.CHAMILO_OUT ?? join(import.meta.dirname, 'out');
const NOTICE = /had not reached your learning management system/;

/**
 * Opens the exam and presses Start (when the attempt is not already open). In Chamilo's 1.2 player the
 * click's commit is a synchronous request whose answer runs script in the player, and Playwright's
 * click may not see its end: the attempt's first question on screen is what is waited for.
 */
async function startInChamilo(frame: FrameLocator): Promise<void> {
  await openFromMenu(frame, (await exam()).title);
  await frame
    .getByRole('button', { name: 'Start', exact: true })
    .click({ timeout: 5_000 })
    .catch(() => {});
  await expect(frame.locator('quiz-view .pager').getByRole('button', { name: 'Next', exact: true })).toBeVisible();
}

for (const version of ['12', '2004'] as const) {
  test(`SCORM ${version}: leave with Chamilo's home button, come back, finish, reopen`, async ({ page, browser }) => {
    const dir = join(OUT, version);
    mkdirSync(dir, { recursive: true });
    const lp = lpId(version);
    const username = newLearner(`c${version}x`);
    const calls: ApiCall[] = [];
    let session = 0;
    await recordApiCalls(page, calls, () => session);
    // The exam draws with Math.random: fixed, so that it asks the numeric question (answered 2400, 4 integer digits).
    const quiz = await exam();
    const numericId = 'movable_vertebrae';
    let seed = 1;
    while (!drawQuestions(quiz, seed).includes(numericId)) seed++;
    await page.addInitScript(
      (r) => {
        if (location.pathname.includes('/scorm/')) Math.random = () => r;
      },
      (seed + 0.5) / 0xffffffff,
    );
    const saves: string[] = [];
    page.on('request', (r) => {
      if (r.url().includes('lp_ajax_save_item')) saves.push(`${session} ${r.postData()?.slice(0, 2000) ?? ''}`);
    });
    await login(page, username);
    const shot = (name: string) => page.screenshot({ path: join(dir, `${name}.png`) });
    const open = async (): Promise<FrameLocator> => {
      session++;
      return openPath(page, lp);
    };
    const notices: Record<string, boolean> = {};
    const checkStart = async (frame: FrameLocator, name: string) => {
      await expect(frame.getByRole('button', { name: /Continue where you left off|Start the course/ })).toBeVisible();
      notices[name] = await frame.getByText(NOTICE).isVisible();
      await shot(name);
    };
    const status = version === '12' ? 'cmi.core.lesson_status' : 'cmi.completion_status';

    // 1: a lesson read, the exam started, then the home button.
    let frame = await open();
    await frame.getByRole('button', { name: 'Start the course' }).click();
    const course = await courseData();
    const first = course.lessons[0];
    if (first) {
      await openFromMenu(frame, first.title);
      await frame.locator('lesson-view .end').scrollIntoViewIfNeeded();
      await expect(frame.getByText('You have read this lesson.')).toBeVisible();
    }
    // The exam started, its second question shown (the place and a time moved, nothing answered).
    await startInChamilo(frame);
    await frame.locator('quiz-view .pager').getByRole('button', { name: 'Next', exact: true }).click();
    await shot('1-exam-question-2');
    await leaveWithHome(page);
    const afterFirst = stored(username, lp);

    // 2: back; the rest of the course, the exam passed, the evaluation, the certificate; home again.
    frame = await open();
    await checkStart(frame, '2-relaunch-after-home');
    await frame.getByRole('button', { name: 'Continue where you left off' }).click();
    await readAllLessons(frame);
    await startInChamilo(frame);
    await expect(frame.locator('quiz-view [data-jump]').first()).toBeAttached();
    await answerShownQuestions(frame, quiz);
    const numeric = quiz.questions.find((q) => q.id === numericId);
    if (numeric) await giveAnswer(frame, numeric, ['2400']);
    await submitExam(frame);
    await expect(frame.getByRole('heading', { name: 'You passed' })).toBeVisible();
    await shot('2-exam-passed');
    await goToCertificate(frame);
    await shot('2-certificate');
    await leaveWithHome(page);
    const afterSecond = stored(username, lp);

    // 3: the finished attempt reopened, twice.
    for (const n of [3, 4]) {
      frame = await open();
      await checkStart(frame, `${n}-finished-reopened`);
      await leaveWithHome(page);
    }
    const afterAll = stored(username, lp);

    // What the course's teacher sees: Reporting, the learner, the learning path.
    const admin = await browser.newPage({ viewport: { width: 1366, height: 900 } });
    await login(admin, 'admin', process.env.CHAMILO_ADMIN_PASS ?? 'Admin#12345');
    const userId = sql(`SELECT id FROM user WHERE username = '${username}'`)[0]?.id;
    await admin.goto(
      `${BASE}/main/mySpace/lp_tracking.php?cidReq=${COURSE}&course=${COURSE}&lp_id=${lp}&student_id=${userId}&extend_all=1`,
    );
    await admin.screenshot({ path: join(dir, '5-teacher-report.png'), fullPage: true });
    await admin.close();

    const setsOf = (s: number, el: string) =>
      calls.filter((c) => c.session === s && /SetValue$/.test(c.fn) && c.args[0] === el).map((c) => c.args[1]);
    const summary = {
      username,
      lp,
      notices,
      statusWrites: Object.fromEntries([1, 2, 3, 4].map((s) => [s, setsOf(s, status)])),
      successWrites: version === '2004' ? Object.fromEntries([1, 2, 3, 4].map((s) => [s, setsOf(s, 'cmi.success_status')])) : undefined,
      failedCalls: calls
        .filter((c) => c.result === 'false' || (c.error !== '0' && c.error !== ''))
        .map((c) => `${c.session} ${c.fn}(${c.args.join(', ').slice(0, 80)}) -> ${c.result} [${c.error}]`),
      stored: { afterFirst: afterFirst.views, afterSecond: afterSecond.views, afterAll: afterAll.views },
    };
    writeFileSync(join(dir, 'summary.json'), JSON.stringify(summary, null, 2));
    writeFileSync(join(dir, 'calls.json'), JSON.stringify(calls, null, 1));
    writeFileSync(join(dir, 'saves.txt'), saves.join('\n'));
    writeFileSync(join(dir, 'stored.json'), JSON.stringify(afterAll, null, 2));
    console.log(
      JSON.stringify({ ...summary, stored: undefined, views: afterAll.views.map(({ suspend_data: _suspend, ...v }) => v) }, null, 2),
    );
    expect(notices).toEqual({ '2-relaunch-after-home': false, '3-finished-reopened': false, '4-finished-reopened': false });
    for (const s of [3, 4]) expect(setsOf(s, status).filter((v) => !['completed', 'passed'].includes(v ?? ''))).toEqual([]);
  });
}

export type { Page };
