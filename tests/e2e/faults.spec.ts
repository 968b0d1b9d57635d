import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { correctAnswer } from '../../src/course/questions.ts';
import type { HostConfig } from '../../src/preview/lms-host.ts';
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
import { giveAnswer } from '../support/learner.ts';
import { EL, VERSIONS, closeCourse, launchCourse, lmsCalls, relaunchMoodle, storedRecord } from '../support/lms.ts';
import { readSaved } from '../support/saved-progress.ts';
import { strictViolations } from '../support/strict-scorm.ts';

// Moodle's rules, with its records shared by every page of the browser, as a learner's tabs share Moodle's database.
const MOODLE: HostConfig = { profile: 'moodle', persist: true };

const faults = (page: Page, fault: 'endSession' | 'logIn') => page.evaluate((f) => window.__lms?.faults[f](), fault);
const dropSaves = (page: Page, on: boolean) => page.evaluate((o) => window.__lms?.faults.dropSaves(o), on);

/** What Moodle holds: the course's saved state, decoded, and the exam's interaction ids. */
async function inMoodle(page: Page) {
  const record = await storedRecord(page);
  const { gradedQuiz } = await courseData();
  const saved = await readSaved(record['cmi.suspend_data'] ?? '');
  const interactions = Object.entries(record)
    .filter(([k, v]) => /^cmi\.interactions\.\d+\.id$/.test(k) && v.startsWith(`${gradedQuiz}-`))
    .map(([, v]) => v);
  // Each objective Moodle holds: id → status (1.2's status, 2004's success_status).
  const objectives: Record<string, string> = {};
  for (const [k, id] of Object.entries(record)) {
    const n = /^cmi\.objectives\.(\d+)\.id$/.exec(k)?.[1];
    if (n !== undefined) objectives[id] = record[`cmi.objectives.${n}.status`] ?? record[`cmi.objectives.${n}.success_status`] ?? '';
  }
  return { record, exam: saved.state.quizzes[gradedQuiz], interactions, objectives };
}

/**
 * Moodle holds every objective of the questions answered as passed (all were answered
 * correctly), and no interim identifier; 2004's manifest adds its primary objective.
 */
function expectAllPassed(objectives: Record<string, string>, shown: Array<{ objectives: string[] }>): void {
  expect(objectives).toMatchObject(Object.fromEntries([...new Set(shown.flatMap((q) => q.objectives))].map((id) => [id, 'passed'])));
  expect(Object.keys(objectives).filter((id) => id.endsWith('-resend'))).toEqual([]);
}

async function passExam(frame: FrameLocator): Promise<void> {
  await readAllLessons(frame);
  await startExam(frame);
  await finishExam(frame);
}

for (const version of VERSIONS) {
  const el = EL[version];
  const passed = version === '12' ? 'cmi.core.lesson_status' : 'cmi.success_status';

  test.describe(`SCORM ${version === '12' ? '1.2' : '2004'} in Moodle: a passed exam is never lost`, () => {
    test.describe.configure({ timeout: 150_000 });

    test('two tabs on one record: one writes, the other says so; a take-over carries the passed exam and nothing lowers it', async ({
      page,
    }) => {
      const a = await launchCourse(page, version, MOODLE);
      await a.getByRole('button', { name: 'Start the course' }).click();
      const pageB = await page.context().newPage();
      const b = await launchCourse(pageB, version, MOODLE);
      await expect(b.getByRole('heading', { level: 1, name: 'This course is open in another tab or window' })).toBeFocused();
      // The second copy sends nothing while it stands by (values set at launch stay in its player's memory).
      expect((await lmsCalls(pageB)).filter((c) => /Commit|Terminate|Finish/.test(c.fn))).toEqual([]);

      // The learner continues in the second tab and passes the exam there.
      await b.getByRole('button', { name: 'Continue here' }).click();
      await expect(a.getByRole('heading', { level: 1, name: 'You continued this course in another tab or window' })).toBeVisible();
      await passExam(b);
      expect((await inMoodle(pageB)).exam).toMatchObject({ attemptsUsed: 1, bestScore: 100 });

      // Back in the first tab, opened before: it writes only after taking over, and then holds the pass.
      const before = (await lmsCalls(page)).length;
      await a.getByRole('button', { name: 'Continue here' }).click();
      await expect(b.getByRole('heading', { level: 1, name: 'You continued this course in another tab or window' })).toBeVisible();
      await expect(a.getByText('You are now continuing here.')).toBeVisible();
      const lesson = (await courseData()).lessons[0];
      await openFromMenu(a, lesson?.title ?? '');
      await expect(a.getByRole('heading', { level: 1, name: lesson?.title })).toBeVisible();
      expect((await lmsCalls(page)).slice(before).some((c) => /Commit$/.test(c.fn) && c.result === 'true')).toBe(true);
      const afterTakeOver = await inMoodle(page);
      expect(afterTakeOver.exam).toMatchObject({ attemptsUsed: 1, bestScore: 100 });
      expect(afterTakeOver.interactions.length).toBeGreaterThan(0);

      // Both close: the tab that handed over ends nothing, so its older record is never posted.
      await closeCourse(pageB);
      await closeCourse(page);
      expect((await inMoodle(page)).exam).toMatchObject({ attemptsUsed: 1, bestScore: 100 });
      expect((await lmsCalls(pageB)).filter((c) => /Terminate|Finish/.test(c.fn))).toEqual([]);
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
      expect(strictViolations(await lmsCalls(pageB), version)).toEqual([]);
    });

    for (const writer of ['hands over', 'was closed'] as const)
      test(`the other tab ${writer}: what it recorded stays, and what this one records follows it`, async ({ page }) => {
        const a = await launchCourse(page, version, MOODLE);
        await a.getByRole('button', { name: 'Start the course' }).click();
        const pageB = await page.context().newPage();
        const b = await launchCourse(pageB, version, MOODLE);
        await b.getByRole('button', { name: 'Continue here' }).click();
        await passExam(b);
        const examIds = (await inMoodle(pageB)).interactions;
        expect(examIds.length).toBeGreaterThan(0);

        // The first tab, whose session counted no answer at its launch, takes over and sends the evaluation.
        if (writer === 'was closed') await closeCourse(pageB);
        await a.getByRole('button', { name: 'Continue here' }).click();
        await expect(a.getByText('You are now continuing here.')).toBeVisible();
        await a
          .getByRole('navigation')
          .getByRole('button', { name: /^Evaluation / })
          .click();
        await completeEvaluation(a);
        await closeCourse(page);

        // Moodle holds the exam's answers where they were and the evaluation after them, each entry once.
        const { record, interactions } = await inMoodle(page);
        expect(interactions).toEqual(examIds);
        const ids = Object.keys(record)
          .map((k) => /^cmi\.interactions\.(\d+)\.id$/.exec(k)?.[1])
          .filter((n) => n !== undefined)
          .map(Number)
          .sort((x, y) => x - y)
          .map((n) => record[`cmi.interactions.${n}.id`] ?? '');
        expect(ids.slice(0, examIds.length)).toEqual(examIds);
        expect(ids.slice(examIds.length).filter((id) => id.startsWith('evaluation-')).length).toBeGreaterThan(0);
        expect(new Set(ids).size).toBe(ids.length);
        expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
        expect(strictViolations(await lmsCalls(pageB), version)).toEqual([]);
      });

    test('an ended Moodle session and a login that clears localStorage: the exam submitted meanwhile is restored and reported once', async ({
      page,
    }) => {
      let frame = await launchCourse(page, version, MOODLE);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await readAllLessons(frame);
      await startExam(frame);
      await faults(page, 'endSession');
      await finishExam(frame);
      await expect(frame.getByText('Progress not yet saved')).toBeVisible();
      expect((await inMoodle(page)).exam?.attemptsUsed ?? 0).toBe(0);

      // Moodle sends the page to its login page, which clears the site's localStorage.
      await closeCourse(page);
      await faults(page, 'logIn');
      expect(await page.evaluate(() => Object.keys(localStorage).filter((k) => !k.startsWith('preview-lms:')))).toEqual([]);
      frame = await relaunchMoodle(page);
      await expect(frame.getByRole('status').filter({ hasText: 'had not reached your learning management system' })).toContainText(
        `your ${(await courseData()).quizzes.find((q) => q.graded)?.title} result`,
      );
      const restored = await inMoodle(page);
      expect(restored.exam).toMatchObject({ attemptsUsed: 1, bestScore: 100 });
      // SCORM 2004 records the pass at once; 1.2 waits for the required evaluation (docs/lms-records.md#why-it-is-done-this-way).
      if (version === '2004') expect([restored.record[el.raw], restored.record[passed]]).toEqual(['100', 'passed']);
      const answers = restored.interactions.length;
      expect(answers).toBeGreaterThan(0);

      // The next launch owes nothing: no notice, and no answer sent twice.
      frame = await relaunchMoodle(page);
      await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
      await expect(frame.getByText('had not reached your learning management system')).toHaveCount(0);
      expect((await inMoodle(page)).interactions).toHaveLength(answers);
      // The ended session's refusals were the LMS's; everything since follows the rules.
      expect(
        strictViolations(
          (await lmsCalls(page)).filter((c) => c.launch > 1),
          version,
        ),
      ).toEqual([]);
    });

    test('an ended session mid-exam: the answers given survive the login and the exam is submitted after it', async ({ page }) => {
      let frame = await startWithClock(page, version, MOODLE);
      const quiz = await startExam(frame);
      const shown = (await shownOrder(frame)).slice(0, 3);
      await faults(page, 'endSession');
      for (const id of shown) {
        const q = quiz.questions.find((x) => x.id === id);
        if (q) await giveAnswer(frame, q, correctAnswer(q));
      }
      // The answers' commit fails: the exam's own bar says so, where the learner is.
      await page.clock.runFor(61_000);
      await expect(frame.locator('quiz-view .bar').getByRole('status')).toHaveText('Progress not yet saved. Retrying…');
      await closeCourse(page);
      await faults(page, 'logIn');
      frame = await relaunchMoodle(page);
      await expect(frame.getByText('had not reached your learning management system')).toBeVisible();
      await frame.getByRole('button', { name: 'Continue where you left off' }).click();
      // Back on the question answered last.
      await expect(frame.locator(`[data-question="${shown[2]}"]`)).toBeVisible();
      const saved = await readSaved((await storedRecord(page))['cmi.suspend_data'] ?? '');
      expect(Object.keys(saved.state.quizzes[quiz.id]?.attempt?.answers ?? {}).sort()).toEqual([...shown].sort());
    });

    test('saves refused for a while (the LMS answers false): once they succeed, every answer is in Moodle, once', async ({ page }) => {
      const frame = await startWithClock(page, version, MOODLE);
      await readAllLessons(frame);
      await startExam(frame);
      await faults(page, 'endSession');
      const shown = await finishExam(frame);
      await expect(frame.getByText('Progress not yet saved')).toBeVisible();
      // The refusals end (the session is back) while the course is still open: its retries go through.
      await page.evaluate(() => window.__lms?.faults.dropSaves(false));
      await page.evaluate(() => window.__lms?.faults.logIn());
      await page.clock.runFor(120_000);
      await expect(frame.getByText('Progress not yet saved')).toHaveCount(0);
      const { interactions, exam, objectives } = await inMoodle(page);
      expect(exam).toMatchObject({ attemptsUsed: 1, bestScore: 100 });
      // Moodle's 1.2 player counts a failed post as sent: the answers were set again for the
      // retry, and the objectives sent again after an interim value.
      const { gradedQuiz } = await courseData();
      expect([...interactions].sort()).toEqual(shown.map((q) => `${gradedQuiz}-${q.id}`).sort());
      expectAllPassed(objectives, shown);
    });

    test('an outage that aborts saves, which the player reports as done: the learner is told, and all is sent again online', async ({
      page,
    }) => {
      const frame = await startWithClock(page, version, MOODLE);
      await readAllLessons(frame);
      await startExam(frame);
      await page.context().setOffline(true);
      await dropSaves(page, true);
      const shown = await finishExam(frame);
      await expect(frame.getByText('You seem to be offline')).toBeVisible();
      expect((await inMoodle(page)).interactions).toEqual([]);
      await page.clock.runFor(90_000);

      await dropSaves(page, false);
      await page.context().setOffline(false);
      await expect(frame.getByText('You seem to be offline')).toHaveCount(0);
      const online = await inMoodle(page);
      expect(online.exam).toMatchObject({ attemptsUsed: 1, bestScore: 100 });
      expect(online.interactions.length).toBeGreaterThan(0);
      // Moodle's 1.2 player posts only what changed since its last post, aborted or not: what it
      // believes sent goes out again after an interim value, without waiting for the next launch.
      expectAllPassed(online.objectives, shown);
      if (version === '2004') expect(online.record[el.raw]).toBe('100');
    });
  });
}
