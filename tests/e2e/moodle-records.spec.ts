/**
 * The packaged course under the preview LMS's Moodle profile: what Moodle would store,
 * in which activity and attempt, for each case that went wrong in a real Moodle 5.1.
 */
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import type { HostConfig } from '../../src/preview/lms-host.ts';
import { correctAnswer } from '../../src/course/questions.ts';
import {
  completeEvaluation,
  courseData,
  finishExam,
  openFromMenu,
  readAllLessons,
  shownOrder,
  startExam,
  startWithClock,
} from '../support/flows.ts';
import { giveAnswer, isCritical } from '../support/learner.ts';
import {
  EL,
  VERSIONS,
  closeCourse,
  deleteAttempt,
  launchCourse,
  launchInfo,
  lmsCalls,
  relaunchMoodle,
  storedAttempts,
  storedRecord,
  type Version,
} from '../support/lms.ts';
import { readSaved } from '../support/saved-progress.ts';
import { strictViolations } from '../support/strict-scorm.ts';

const MOODLE: HostConfig = { profile: 'moodle' };

/** Status and score as Moodle stores them: 1.2 lesson_status; 2004 completion and success. */
function verdict(version: Version, r: Record<string, string>): string[] {
  return version === '12'
    ? [r['cmi.core.lesson_status'] ?? '', r['cmi.core.score.raw'] ?? '']
    : [r['cmi.completion_status'] ?? '', r['cmi.success_status'] ?? '', r['cmi.score.raw'] ?? ''];
}

const writes = (calls: Awaited<ReturnType<typeof lmsCalls>>, launch: number) =>
  calls.filter((c) => c.launch === launch && /(SetValue|Commit)$/.test(c.fn));

async function passCourse(frame: FrameLocator): Promise<void> {
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await readAllLessons(frame);
  await startExam(frame);
  await finishExam(frame);
  await expect(frame.getByRole('heading', { name: 'You passed' })).toBeVisible();
  await evaluate(frame);
}

/** The required evaluation, which completes the course (and its LMS record). */
async function evaluate(frame: FrameLocator): Promise<void> {
  await frame.getByRole('button', { name: 'Continue: Evaluation' }).click();
  await completeEvaluation(frame);
}

async function expectClean(page: Page, version: Version): Promise<void> {
  await closeCourse(page);
  const calls = await lmsCalls(page);
  // In a relaunched 1.2 session Moodle's player re-posts every stored interaction with the first
  // request; in a review launch that is the closing LMSFinish, and a record of several attempts
  // is over the beacon limit. Nothing is lost (review stores nothing), so that refusal is expected.
  const reviewLaunches = new Set(
    calls
      .filter((c) => /GetValue$/.test(c.fn) && /lesson_mode$|^cmi\.mode$/.test(String(c.args[0])) && c.result === 'review')
      .map((c) => c.launch),
  );
  const expected = (v: string) => /^launch (\d+), call \d+ LMSFinish\(""\): LMS error 101$/.exec(v)?.[1];
  // Every launch of these tests has ended (the LMS closed the course): each must have terminated.
  const violations = strictViolations(calls, version, { requireTerminate: true });
  expect(violations.filter((v) => !reviewLaunches.has(Number(expected(v))))).toEqual([]);
}

for (const version of VERSIONS) {
  const el = EL[version];
  const passed = version === '12' ? ['passed', '100'] : ['completed', 'passed', '100'];

  test.describe(`SCORM ${version === '12' ? '1.2' : '2004'} in Moodle`, () => {
    test('a pass is stored; the review launch after it shows the result and certificate and writes nothing', async ({ page }) => {
      let frame = await launchCourse(page, version, MOODLE);
      await passCourse(frame);
      frame = await relaunchMoodle(page);
      const record = await storedRecord(page);
      expect(verdict(version, record)).toEqual(passed);
      expect(record[el.exit]).toBe('suspend');
      expect((await launchInfo(page)).mode).toBe('review');

      // The record comes back (exit was suspend), so the learner sees the result and the certificate.
      await expect(frame.getByText('Review mode')).toBeVisible();
      await frame.getByRole('button', { name: 'View your certificate' }).click();
      await expect(frame.getByRole('heading', { level: 1, name: /certificate/i })).toBeVisible();
      await frame.getByRole('button', { name: 'Exit course' }).click();
      await expect(frame.getByText('nothing was recorded')).toBeVisible();
      await expect(frame.getByText(/close this (window|tab)/i)).toHaveCount(0);
      await relaunchMoodle(page);
      // Review: only Initialize, reads and Terminate; Moodle's record is exactly as before.
      expect(writes(await lmsCalls(page), 2)).toEqual([]);
      expect(await storedRecord(page)).toEqual(record);
      await expectClean(page, version);
    });

    test('fail, relaunch, retake and pass: recorded in the same Moodle attempt, with the counted score', async ({ page }) => {
      let frame = await launchCourse(page, version, MOODLE);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await readAllLessons(frame);
      await startExam(frame);
      const drawn = (await shownOrder(frame)).length;
      await finishExam(frame, () => true);
      frame = await relaunchMoodle(page);
      const afterFail = await storedRecord(page);
      // 1.2: no score and no 'failed' yet, so Moodle's rewrite cannot close the attempt;
      // 2004: failed with its score, still incomplete.
      expect(verdict(version, afterFail)).toEqual(version === '12' ? ['incomplete', ''] : ['incomplete', 'failed', '0']);
      expect((await launchInfo(page)).mode).toBe('normal');

      await frame.getByRole('button', { name: 'Continue where you left off' }).click();
      await frame.getByRole('button', { name: 'Try again' }).click();
      await frame.getByRole('button', { name: 'Start', exact: true }).click();
      const drawnAgain = (await shownOrder(frame)).length;
      await finishExam(frame);
      await evaluate(frame);
      await relaunchMoodle(page);
      expect(verdict(version, await storedRecord(page))).toEqual(passed);
      expect(await storedAttempts(page)).toHaveLength(1);
      // 1.2 keeps every attempt's answers; 2004 the final attempt's, so that the whole record,
      // which Moodle posts with every call, still fits the closing page's beacon.
      const stored = await storedRecord(page);
      const count = Object.keys(stored).filter(
        (k) => /^cmi\.interactions\.\d+\.id$/.test(k) && stored[k]?.startsWith('final_exam-'),
      ).length;
      expect(count).toBe(version === '12' ? drawn + drawnAgain : drawnAgain);
      const ends = (await lmsCalls(page)).filter((c) => /^(LMSFinish|Terminate)$/.test(c.fn));
      expect(ends.map((c) => [c.result, c.request?.stored])).toEqual([
        ['true', true],
        ['true', true],
      ]);
      await expectClean(page, version);
    });

    test('the exam passed before every lesson is read does not complete the course, even after Moodle ends the session', async ({
      page,
    }) => {
      let frame = await launchCourse(page, version, MOODLE);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await startExam(frame);
      await finishExam(frame);
      frame = await relaunchMoodle(page);
      expect(verdict(version, await storedRecord(page))).toEqual(version === '12' ? ['incomplete', ''] : ['incomplete', 'passed', '100']);
      expect((await launchInfo(page)).mode).toBe('normal');
      await frame.getByRole('button', { name: 'Continue where you left off' }).click();
      await readAllLessons(frame);
      // Every lesson read and the exam passed: the required evaluation still holds completion back,
      // and the next launch is normal, so the learner can give it.
      frame = await relaunchMoodle(page);
      expect(verdict(version, await storedRecord(page))).toEqual(version === '12' ? ['incomplete', ''] : ['incomplete', 'passed', '100']);
      expect((await launchInfo(page)).mode).toBe('normal');
      await frame.getByRole('button', { name: 'Continue where you left off' }).click();
      await frame
        .getByRole('navigation')
        .getByRole('button', { name: /^Evaluation / })
        .click();
      await completeEvaluation(frame);
      await relaunchMoodle(page);
      expect(verdict(version, await storedRecord(page))).toEqual(passed);
      await expectClean(page, version);
    });

    test('another activity with the same package, a new attempt and a deleted attempt each start empty', async ({ page }) => {
      let frame = await launchCourse(page, version, MOODLE);
      await passCourse(frame);

      // The same learner opens a second activity of this package for the first time.
      frame = await relaunchMoodle(page, { activity: 'second' });
      await expect(frame.getByRole('button', { name: 'Start the course' })).toBeVisible();
      await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toHaveCount(0);
      await expect(frame.getByText('has now been restored')).toHaveCount(0);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      const first = (await courseData()).lessons[0];
      await openFromMenu(frame, first?.title ?? '');
      await relaunchMoodle(page, { activity: 'second' });
      const second = await storedRecord(page);
      expect([verdict(version, second)[0], verdict(version, second).at(-1)]).toEqual(['incomplete', '']);
      expect(Object.keys(second).filter((k) => k.startsWith('cmi.interactions.'))).toEqual([]);

      // A new attempt in the first activity (granted: the first one is finished).
      frame = await relaunchMoodle(page, { activity: 'main', newAttempt: true });
      expect(await launchInfo(page)).toMatchObject({ attempt: 2, mode: 'normal' });
      await expect(frame.getByRole('button', { name: 'Start the course' })).toBeVisible();
      await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toHaveCount(0);
      await expect(frame.getByText('has now been restored')).toHaveCount(0);
      await relaunchMoodle(page, { activity: 'main' });
      expect(verdict(version, await storedRecord(page))[0]).toBe('incomplete');

      // In the second activity the learner reads every lesson and leaves; an administrator
      // deletes that attempt. The next launch starts empty: nothing comes back from the browser.
      frame = await relaunchMoodle(page, { activity: 'second' });
      await frame.getByRole('button', { name: 'Continue where you left off' }).click();
      await readAllLessons(frame);
      await closeCourse(page);
      await deleteAttempt(page);
      frame = await relaunchMoodle(page, { activity: 'second' });
      expect(await launchInfo(page)).toMatchObject({ attempt: 1, mode: 'normal', entry: 'ab-initio' });
      await expect(frame.getByRole('button', { name: 'Start the course' })).toBeVisible();
      await expect(frame.getByText('has now been restored')).toHaveCount(0);
      await expect(frame.getByRole('navigation').getByRole('button', { name: / read$/ })).toHaveCount(0);
      await relaunchMoodle(page, { activity: 'second' });
      const saved = await readSaved((await storedRecord(page))['cmi.suspend_data']);
      expect(saved.savedAt).toBeGreaterThan(0);
      expect(saved.state.viewed).toEqual([]);
      await expectClean(page, version);
    });

    test('answers given before leaving keep their own times through a resume', async ({ page }) => {
      let frame = await startWithClock(page, version, MOODLE);
      const quiz = await startExam(frame);
      const startedAt = await page.evaluate(() => Date.now());
      const order = await shownOrder(frame);
      const [a, b] = order.map((id) => quiz.questions.find((q) => q.id === id));
      const answeredAt: number[] = [];
      for (const q of [a, b]) {
        await page.clock.runFor(4 * 60_000);
        if (q) await giveAnswer(frame, q, correctAnswer(q));
        answeredAt.push(await page.evaluate(() => Date.now()));
      }
      frame = await relaunchMoodle(page);
      await page.clock.runFor(10 * 60_000);
      await frame.getByRole('button', { name: 'Continue where you left off' }).click();
      const submittedAt = await page.evaluate(() => Date.now());
      await finishExam(frame);
      await relaunchMoodle(page);
      const r = await storedRecord(page);
      const index = (id: string | undefined) =>
        Object.entries(r)
          .find(([k, v]) => /^cmi\.interactions\.\d+\.id$/.test(k) && v === `${quiz.id}-${id}`)?.[0]
          .split('.')[2];
      const [ia, ib] = [index(a?.id), index(b?.id)];
      const field = (i: string | undefined, f: string) => r[`cmi.interactions.${i}.${f}`] ?? '';
      const seconds = (t: string) => t.split(':').reduce((s, x) => s * 60 + Number(x), 0);
      if (version === '12') {
        // 1.2's time is when the learner answered, in the learner's local time of day
        // (saved progress keeps whole seconds, hence the one-second tolerance).
        const local = (ms: number) => seconds(new Date(ms).toTimeString().slice(0, 8));
        expect(Math.abs(seconds(field(ia, 'time')) - local(answeredAt[0] ?? 0))).toBeLessThanOrEqual(1);
        expect(Math.abs(seconds(field(ib, 'time')) - local(answeredAt[1] ?? 0))).toBeLessThanOrEqual(1);
        // Latency: from the question first shown to the first response, not from the submission.
        expect(seconds(field(ia, 'latency'))).toBeLessThan(5 * 60);
      } else {
        // 2004 keeps no timestamp (a compact record): the first question was shown when the exam
        // started, and its latency runs from there to the learner's first response.
        const latency = /^PT(?:(\d+)H)?(?:(\d+)M)?(?:([\d.]+)S)?$/.exec(field(ia, 'latency'));
        const ms = ((Number(latency?.[1] ?? 0) * 60 + Number(latency?.[2] ?? 0)) * 60 + Number(latency?.[3] ?? 0)) * 1000;
        expect(Math.abs(startedAt + ms - (answeredAt[0] ?? 0))).toBeLessThan(1500);
      }
      expect(submittedAt - (answeredAt[1] ?? 0)).toBeGreaterThanOrEqual(10 * 60_000);
      await expectClean(page, version);
    });

    test('the largest record the course writes, in one session, still fits the beacon that closes it', async ({ page }) => {
      // 2004's player posts the whole record at the end; every evaluation text at its longest, in
      // characters of three UTF-8 bytes, is the most a learner can add to it.
      const frame = await launchCourse(page, version, MOODLE);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await readAllLessons(frame);
      await startExam(frame);
      await finishExam(frame);
      await frame.getByRole('button', { name: 'Continue: Evaluation' }).click();
      await completeEvaluation(frame, (max) => '—'.repeat(max));
      await relaunchMoodle(page);
      expect(verdict(version, await storedRecord(page))).toEqual(passed);
      const end = (await lmsCalls(page)).filter((c) => c.launch === 1 && /^(LMSFinish|Terminate)$/.test(c.fn));
      expect([end[0]?.result, end[0]?.request?.beacon, end[0]?.request?.stored]).toEqual(['true', true, true]);
      // A margin of 4 KB under the 64 KB the browser allows, for what one run cannot vary (the draw).
      expect(end[0]?.request?.beaconBytes).toBeLessThan(60 * 1024);
    });

    test('a full run in a resumed session, then the tab closed: everything the course reported is stored', async ({ page }) => {
      let frame = await launchCourse(page, version, MOODLE);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      frame = await relaunchMoodle(page);
      await frame.getByRole('button', { name: 'Continue where you left off' }).click();
      await readAllLessons(frame);
      await startExam(frame);
      await finishExam(frame);
      await evaluate(frame);
      // Closing the tab: Moodle's player sends the session's end by sendBeacon.
      await relaunchMoodle(page);
      expect(verdict(version, await storedRecord(page))).toEqual(passed);
      const end = (await lmsCalls(page)).filter((c) => c.launch === 2 && /^(LMSFinish|Terminate)$/.test(c.fn));
      expect(end).toHaveLength(1);
      expect(end[0]?.request?.beacon).toBe(true);
      expect({ result: end[0]?.result, stored: end[0]?.request?.stored, bytes: (end[0]?.request?.beaconBytes ?? 0) < 65_536 }).toEqual({
        result: 'true',
        stored: true,
        bytes: true,
      });
    });
  });
}

test('SCORM 1.2 in Moodle: the last failed attempt reports failed with its score, and the next launch is review', async ({ page }) => {
  const frame = await launchCourse(page, '12', MOODLE);
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await readAllLessons(frame);
  const attempts = (await courseData()).quizzes.find((q) => q.graded)?.attempts ?? 1;
  for (let i = 1; i <= attempts; i++) {
    if (i > 1) {
      await frame.getByRole('button', { name: 'Try again' }).click();
      await frame.getByRole('button', { name: 'Start', exact: true }).click();
    } else await startExam(frame);
    await finishExam(frame, () => true);
  }
  await relaunchMoodle(page);
  expect(verdict('12', await storedRecord(page))).toEqual(['failed', '0']);
  expect((await launchInfo(page)).mode).toBe('review');
  await expectClean(page, '12');
});

for (const version of VERSIONS) {
  test(`SCORM ${version === '12' ? '1.2' : '2004'} in Moodle: attempts that each missed a critical question stay failed, with a score below the pass mark that Moodle does not turn into a pass`, async ({
    page,
  }) => {
    const quiz = (await courseData()).quizzes.find((q) => q.graded);
    if (!quiz) throw new Error('no graded quiz');
    const frame = await launchCourse(page, version, MOODLE);
    await frame.getByRole('button', { name: 'Start the course' }).click();
    await readAllLessons(frame);
    const attempts = quiz.attempts ?? 1;
    for (let i = 1; i <= attempts; i++) {
      if (i > 1) {
        await frame.getByRole('button', { name: 'Try again' }).click();
        await frame.getByRole('button', { name: 'Start', exact: true }).click();
      } else await startExam(frame);
      const missed = (await shownOrder(frame)).find((id) =>
        isCritical(
          quiz,
          quiz.questions.find((q) => q.id === id)!,
        ),
      );
      await finishExam(frame, (q) => q.id === missed);
      await expect(frame.getByRole('heading', { name: 'You did not pass' })).toBeVisible();
      await expect(frame.getByText('A question on a topic critical for patient safety was not answered correctly.')).toBeVisible();
    }
    await relaunchMoodle(page);
    const capped = String(quiz.passMark - 1);
    expect(verdict(version, await storedRecord(page))).toEqual(version === '12' ? ['failed', capped] : ['incomplete', 'failed', capped]);
    await expectClean(page, version);
  });
}
