import { CE_RECORD } from '../../src/course/ce-record.ts';
import { expect, test, type Page } from '@playwright/test';
import { answerShownQuestions } from '../support/learner.ts';
import { EL, VERSIONS, closeCourse, courseFrame, launchCourse, lmsCalls, lmsData, relaunch, type Version } from '../support/lms.ts';
import { completeEvaluation, courseData, exam, finishExam, openFromMenu, readAllLessons, shownOrder, startExam } from '../support/flows.ts';
import { count, strictViolations } from '../support/strict-scorm.ts';

/** Every request the course frame makes must stay inside its own package. */
function watchRequests(page: Page, version: Version): string[] {
  const outside: string[] = [];
  page.on('request', (req) => {
    if (req.frame() === page.mainFrame()) return;
    const url = req.url();
    if (!url.startsWith(`${process.env.LMS_URL}/scorm${version}/`) && !url.startsWith('data:')) outside.push(url);
  });
  return outside;
}

for (const version of VERSIONS) {
  const el = EL[version];

  test.describe(`SCORM ${version === '12' ? '1.2' : '2004'}`, () => {
    test('a passing run records completion, score, every answer and the objectives, then exits once', async ({ page }) => {
      const outside = watchRequests(page, version);
      const course = await courseData();
      const frame = await launchCourse(page, version);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await readAllLessons(frame);
      const checks = course.quizzes.filter((q) => !q.graded);
      for (const quiz of checks) {
        await openFromMenu(frame, quiz.title);
        await answerShownQuestions(frame, quiz);
        await frame.getByRole('button', { name: 'Submit answers' }).click();
        await expect(frame.getByRole('heading', { name: 'You passed' })).toBeVisible();
      }
      await startExam(frame);
      const drawn = await shownOrder(frame);
      await finishExam(frame);
      await expect(frame.getByText('Your score: 100%', { exact: true })).toBeVisible();
      if (course.evaluation) {
        await frame.getByRole('button', { name: 'Continue: Evaluation' }).click();
        await completeEvaluation(frame);
      }
      await frame.getByRole('button', { name: 'Exit course' }).click();
      await expect(frame.getByRole('heading', { name: 'You have left the course' })).toBeVisible();

      const cmi = await lmsData(page);
      const calls = await lmsCalls(page);
      if (version === '12') {
        expect(cmi['cmi.core.lesson_status']).toBe('passed');
        expect([cmi['cmi.core.score.raw'], cmi['cmi.core.score.min'], cmi['cmi.core.score.max']]).toEqual(['100', '0', '100']);
      } else {
        expect([cmi['cmi.completion_status'], cmi['cmi.success_status']]).toEqual(['completed', 'passed']);
        expect([cmi['cmi.score.scaled'], cmi['cmi.score.raw']]).toEqual(['1', '100']);
      }
      // Always suspend, so that a later launch gets the record back (result and certificate).
      expect(cmi[el.exit]).toBe('suspend');
      // One interaction per exam question answered, named so that a report reads well;
      // knowledge checks are practice and are not recorded.
      const ids = Object.entries(cmi)
        .filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k))
        .map(([, v]) => v);
      // Then the evaluation's answers, one per question (a confidence rating: before and now for
      // each item), and the CE record of the certificate.
      expect(ids).toEqual([
        ...drawn.map((id) => `${course.gradedQuiz}-${id}`),
        ...(course.evaluation?.questions ?? []).flatMap((q) =>
          q.type === 'confidence'
            ? q.items.flatMap((i) => [`evaluation-${q.id}-${i.id}-before`, `evaluation-${q.id}-${i.id}-after`])
            : [`evaluation-${q.id}`],
        ),
        ...Object.keys(CE_RECORD),
      ]);
      // Each objective the exam assessed is reported, passed.
      const objectives = Object.entries(cmi)
        .filter(([k]) => /^cmi\.objectives\.\d+\.id$/.test(k))
        .map(([, v]) => v);
      const examQuiz = await exam();
      const assessed = new Set(drawn.flatMap((id) => examQuiz.questions.find((q) => q.id === id)?.objectives ?? []));
      expect(new Set(objectives)).toEqual(assessed);
      const objStatus = version === '12' ? 'status' : 'success_status';
      for (let i = 0; i < objectives.length; i++) expect(cmi[`cmi.objectives.${i}.${objStatus}`]).toBe('passed');

      expect(strictViolations(calls, version, { requireTerminate: true })).toEqual([]);
      expect(count(calls, /Initialize$/)).toBe(1);
      expect(count(calls, /^(LMSFinish|Terminate)$/)).toBe(1);
      expect(calls.at(-1)?.fn).toMatch(/^(LMSFinish|Terminate)$/);
      // Commits at meaningful moments only: launch, each lesson read, exam start, each quiz submitted, exit.
      expect(count(calls, /Commit$/)).toBeLessThanOrEqual(
        1 + course.lessons.length + 1 + course.quizzes.length + (course.evaluation ? 1 : 0) + 1,
      );
      // Closing the frame after Exit makes no further call.
      await closeCourse(page);
      expect((await lmsCalls(page)).length).toBe(calls.length);
      expect(outside).toEqual([]);
    });

    test('a failed exam with attempts left keeps the attempt open for a retake', async ({ page }) => {
      const frame = await launchCourse(page, version);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await readAllLessons(frame);
      await startExam(frame);
      await finishExam(frame, () => true);
      await expect(frame.getByText('Your score: 0%', { exact: true })).toBeVisible();
      await expect(frame.getByText(`The pass mark is ${(await exam()).passMark}%.`)).toBeVisible();
      await closeCourse(page);

      const cmi = await lmsData(page);
      if (version === '12') {
        // No score and no 'failed' yet: an LMS would close the attempt (and Moodle grade it
        // failed at LMSFinish), so the retakes the course offers could not be recorded.
        expect([cmi['cmi.core.lesson_status'], cmi['cmi.core.score.raw']]).toEqual(['incomplete', '']);
        expect(cmi['cmi.core.exit']).toBe('suspend');
      } else {
        expect([cmi['cmi.success_status'], cmi['cmi.completion_status'], cmi['cmi.score.scaled']]).toEqual(['failed', 'incomplete', '0']);
        expect(cmi['cmi.exit']).toBe('suspend');
      }
      // 1.2 records every attempt's answers; 2004 waits for the final attempt.
      expect(cmi['cmi.interactions.0.result']).toBe(version === '12' ? 'wrong' : undefined);
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    });

    test('leaving mid-lesson suspends; a relaunch offers to continue and keeps what was read', async ({ page }) => {
      let frame = await launchCourse(page, version);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await readAllLessons(frame);
      frame = await relaunch(page);
      const first = (await lmsCalls(page)).filter((c) => c.launch === 1);
      expect(first.find((c) => /SetValue$/.test(c.fn) && c.args[0] === el.exit)?.args[1]).toBe('suspend');
      expect(first.some((c) => /SetValue$/.test(c.fn) && c.args[0] === el.sessionTime)).toBe(true);
      expect(count(first, /^(LMSFinish|Terminate)$/)).toBe(1);
      expect((await lmsData(page))[el.entry]).toBe('resume');
      await frame.getByRole('button', { name: 'Continue where you left off' }).click();
      const last = (await courseData()).lessons.at(-1);
      await expect(frame.getByRole('heading', { level: 1, name: last?.title })).toBeVisible();
      await expect(frame.getByRole('button', { name: new RegExp(`^${last?.title} read$`) })).toBeVisible();
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    });

    test('a commit the LMS refuses shows "not yet saved" and is retried with back-off until it succeeds', async ({ page }) => {
      await page.clock.install({ time: new Date('2026-11-25T09:00:00Z') });
      const frame = await launchCourse(page, version, { failCommits: 2 });
      const commits = async () => (await lmsCalls(page)).filter((c) => /Commit$/.test(c.fn));
      // The launch commit is refused and the learner is told; the retries follow on the page's
      // clock, which the test moves on (the exact delays are unit-tested with a fake clock).
      await expect(frame.getByText('Progress not yet saved')).toBeVisible();
      await page.clock.runFor(10_000);
      expect((await commits()).map((c) => c.result)).toEqual(['false', 'false', 'true']);
      await expect(frame.getByText('Progress not yet saved')).toBeHidden();
      // Nothing more once saved.
      await page.clock.runFor(120_000);
      expect(await commits()).toHaveLength(3);
      // Only the refused commits are errors; nothing else went wrong.
      expect(strictViolations(await lmsCalls(page), version).filter((v) => !/Commit\(""\): LMS error 391/.test(v))).toEqual([]);
    });

    test('review mode shows the course but records nothing', async ({ page }) => {
      const frame = await launchCourse(page, version, { cmi: { [el.mode]: 'review', [el.credit]: 'no-credit' } });
      await expect(frame.getByText('Review mode')).toBeVisible();
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await readAllLessons(frame);
      await startExam(frame);
      await finishExam(frame);
      await expect(frame.getByRole('heading', { name: 'You passed' })).toBeVisible();
      await closeCourse(page);
      const calls = await lmsCalls(page);
      // Only Initialize, reads and Terminate: an LMS stores whatever is sent, even in review.
      expect(calls.filter((c) => !/^(LMS)?(Initialize|GetValue|GetLastError|Finish|Terminate)$/.test(c.fn))).toEqual([]);
      expect(count(calls, /^(LMSFinish|Terminate)$/)).toBe(1);
      expect(strictViolations(calls, version)).toEqual([]);
    });

    test('an LMS that refuses Initialize leaves the learner informed and the course usable', async ({ page }) => {
      const frame = await launchCourse(page, version, { refuseInitialize: true });
      await expect(frame.getByRole('alert')).toContainText('did not accept this session');
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await readAllLessons(frame);
      const calls = await lmsCalls(page);
      expect(calls.filter((c) => !/Initialize$|GetLastError$/.test(c.fn))).toEqual([]);
      // Nobody is known: progress stays in this tab (a reload finds it), never in storage the next person to open the course reads.
      const stored = () =>
        courseFrame(page).evaluate(() => ({
          local: Object.keys(localStorage).filter((k) => k.startsWith('scorm-course:')),
          tab: Object.keys(sessionStorage).filter((k) => k.startsWith('scorm-course:')),
        }));
      expect(await stored()).toEqual({ local: [], tab: [expect.any(String)] });
      await page.reload();
      await expect(page.frameLocator('iframe[name="course"]').getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
      const next = await page.context().newPage();
      const fresh = await launchCourse(next, version, { refuseInitialize: true });
      await expect(fresh.getByRole('button', { name: 'Start the course' })).toBeVisible();
    });
  });
}

test('without an LMS the course runs standalone and keeps progress in this browser', async ({ page }) => {
  let frame = await launchCourse(page, '12', { noApi: true });
  await expect(frame.getByText('No learning management system was found')).toBeVisible();
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await readAllLessons(frame);
  await page.reload();
  frame = page.frameLocator('#frame');
  await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
  const first = (await courseData()).lessons[0];
  await expect(frame.getByRole('button', { name: new RegExp(`^${first?.title} read$`) })).toBeVisible();
});
