import { expect, test } from '@playwright/test';
import type { LmsCall } from '../../src/preview/lms-host.ts';
import { EL, VERSIONS, courseFrame, launchCourse, lmsCalls, relaunch } from '../support/lms.ts';
import { drawQuestions } from '../../src/course/pool.ts';
import { correctAnswer } from '../../src/course/questions.ts';
import { courseData, exam, openFromMenu, shownOrder, startExam, submitExam } from '../support/flows.ts';
import { answerShownQuestions, giveAnswer } from '../support/learner.ts';
import { readSaved, savedProgress } from '../support/saved-progress.ts';
import { strictViolations } from '../support/strict-scorm.ts';

/**
 * What LMSs other than Moodle hand the course, seen in Chamilo 1.11 (../shared/chamilo-lab):
 * a 2004 API that answers "" for cmi.completion_status on every launch, and a learner who
 * leaves with the LMS's own navigation, so the course's last calls may never be stored.
 */

/** Every value the course set for `element`, in order. */
const setValues = (calls: readonly LmsCall[], element: string) =>
  calls.filter((c) => /SetValue$/.test(c.fn) && c.args[0] === element).map((c) => String(c.args[1]));

/**
 * What an LMS that stores only on Commit keeps when the learner leaves with the LMS's own navigation
 * and the course's last calls (made as the page unloads) never arrive: the values of the last commit.
 */
function lastCommitted(calls: readonly LmsCall[], elements: readonly string[]): Record<string, string> {
  const commit = calls.map((c) => /Commit$/.test(c.fn) && c.result === 'true').lastIndexOf(true);
  const out: Record<string, string> = {};
  for (const c of calls.slice(0, commit + 1))
    if (/SetValue$/.test(c.fn) && elements.includes(String(c.args[0]))) out[String(c.args[0])] = String(c.args[1]);
  return out;
}

/** A finished record as the course saved it: every lesson read, the exam passed, the evaluation sent. */
async function finishedRecord(token: string, savedAt: number): Promise<string> {
  const course = await courseData();
  return savedProgress(
    { token, savedAt },
    {
      location: 'certificate',
      viewed: course.lessons.map((l) => l.id),
      quizzes: { [course.gradedQuiz]: { attempt: null, attemptsUsed: 1, bestScore: 100, lastScore: 100 } },
      completedAt: savedAt - 60_000,
      evaluation: { answers: {}, startedAt: savedAt - 120_000, submittedAt: savedAt - 90_000 },
    },
  );
}

for (const version of VERSIONS) {
  const el = EL[version];

  test.describe(`SCORM ${version === '12' ? '1.2' : '2004'}`, () => {
    test('a finished attempt whose status the LMS does not hand back is never written a lower status', async ({ page }) => {
      // Chamilo's 2004 API answers "" (error 201) for completion_status; scorm-again's own empty value is
      // "unknown" in 2004 and "not attempted" in 1.2, which the course reads the same way.
      const record = await finishedRecord('chamilo1', Date.UTC(2026, 10, 20, 9));
      const frame = await launchCourse(page, version, {
        cmi: { 'cmi.suspend_data': record, [el.entry]: 'resume', [el.status]: version === '12' ? 'not attempted' : 'unknown' },
      });
      await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
      const again = await relaunch(page, {
        [el.status]: version === '12' ? 'not attempted' : 'unknown',
        [el.entry]: version === '12' ? 'ab-initio' : '',
      });
      await expect(again.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
      // The launch's first commit follows its first screen; on a busy machine it can come a moment later.
      await expect.poll(async () => (await lmsCalls(page)).some((c) => c.launch === 2 && /Commit$/.test(c.fn))).toBe(true);

      const calls = await lmsCalls(page);
      for (const launch of [1, 2]) {
        const inLaunch = calls.filter((c) => c.launch === launch);
        // The status the record shows, and only that: never incomplete (or unknown) first.
        expect(setValues(inLaunch, el.status)).toEqual([version === '12' ? 'passed' : 'completed']);
        if (version === '2004') expect(setValues(inLaunch, 'cmi.success_status')).toEqual(['passed']);
        // ...and it is written before the first commit.
        const firstCommit = inLaunch.findIndex((c) => /Commit$/.test(c.fn));
        expect(inLaunch.findIndex((c) => /SetValue$/.test(c.fn) && c.args[0] === el.status)).toBeLessThan(firstCommit);
      }
      expect(strictViolations(calls, version)).toEqual([]);
    });

    test("leaving with the LMS's navigation, where the last calls are lost, is no false alarm at relaunch", async ({ page }) => {
      let frame = await launchCourse(page, version);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await startExam(frame);
      // The next question is shown (its time noted, the place moved): worth no commit of its own.
      await frame.locator('quiz-view .pager').getByRole('button', { name: 'Next', exact: true }).click();
      // A knowledge check opened and left unanswered: an attempt the LMS never hears of, and no loss.
      const check = (await courseData()).quizzes.find((q) => !q.graded);
      if (check) {
        await openFromMenu(frame, check.title);
        await expect(frame.locator('[data-question]').first()).toBeVisible();
      }
      const kept = lastCommitted(await lmsCalls(page), ['cmi.suspend_data', el.location]);
      const browser = await courseFrame(page).evaluate((key) => {
        const k = Object.keys(localStorage).find((x) => x.startsWith('scorm-course:') && x.includes(':learner:'));
        return k ? (localStorage.getItem(k) ?? '') : key;
      }, '');
      // The browser's copy is newer than what the LMS kept, and differs from it only where the learner is and when.
      expect((await readSaved(browser)).savedAt).toBeGreaterThanOrEqual((await readSaved(kept['cmi.suspend_data'])).savedAt);
      expect(browser).not.toBe(kept['cmi.suspend_data']);
      frame = await relaunch(page, { ...kept, [el.entry]: version === '12' ? 'ab-initio' : '' });
      await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
      await expect(frame.getByText('had not reached your learning management system')).toHaveCount(0);

      // An answer given and lost the same way is something the learner did: then the notice is due.
      await frame.getByRole('button', { name: 'Continue where you left off' }).click();
      const quiz = await exam();
      await openFromMenu(frame, quiz.title);
      const [id] = await shownOrder(frame);
      const q = quiz.questions.find((x) => x.id === id);
      if (q) await giveAnswer(frame, q, correctAnswer(q));
      const lost = lastCommitted(await lmsCalls(page), ['cmi.suspend_data', el.location]);
      frame = await relaunch(page, { ...lost, [el.entry]: version === '12' ? 'ab-initio' : '' });
      await expect(frame.getByText('had not reached your learning management system')).toBeVisible();
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    });

    test("a numeric answer longer than the LMS's decimal holds is recorded as typed, in a fill-in record", async ({ page }) => {
      const quiz = await exam();
      const target = 'movable_vertebrae';
      let seed = 1;
      while (!drawQuestions(quiz, seed).includes(target)) seed++;
      // The course draws with Math.random: fixed, the draw asks the numeric question.
      await page.addInitScript(
        (r) => {
          if (location.pathname.includes('/scorm')) Math.random = () => r;
        },
        (seed + 0.5) / 0xffffffff,
      );
      const frame = await launchCourse(page, version);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await startExam(frame);
      // 2400 has 4 integer digits (1.2's decimal holds 3 in Moodle); 240000 has 6 (2004's holds 5).
      const typed = version === '12' ? '2400' : '240000';
      const numeric = quiz.questions.find((q) => q.id === target);
      if (!numeric) throw new Error('no numeric question');
      await answerShownQuestions(frame, quiz);
      await giveAnswer(frame, numeric, [typed]);
      await submitExam(frame);
      const calls = await lmsCalls(page);
      const interaction = (i: number, field: string) =>
        calls.find((c) => /SetValue$/.test(c.fn) && c.args[0] === `cmi.interactions.${i}.${field}`)?.args[1];
      const ids = calls.filter((c) => /SetValue$/.test(c.fn) && /^cmi\.interactions\.\d+\.id$/.test(String(c.args[0])));
      const n = Number(/\.(\d+)\./.exec(String(ids.find((c) => c.args[1] === `${quiz.id}-${target}`)?.args[0]))?.[1]);
      expect([interaction(n, 'type'), interaction(n, el.response), interaction(n, 'correct_responses.0.pattern')]).toEqual([
        'fill-in',
        typed,
        '24',
      ]);
      expect(strictViolations(calls, version)).toEqual([]);
    });

    if (version === '12')
      test('a max_time_allowed of 00:00:00 (Chamilo 1.11: none set) leaves the exam its own time limit', async ({ page }) => {
        const frame = await launchCourse(page, version, { cmi: { 'cmi.student_data.max_time_allowed': '00:00:00' } });
        await frame.getByRole('button', { name: 'Start the course' }).click();
        const quiz = await startExam(frame);
        const sent = (await lmsCalls(page)).filter((c) => /SetValue$/.test(c.fn) && c.args[0] === 'cmi.suspend_data').at(-1);
        const attempt = (await readSaved(sent?.args[1])).state.quizzes[quiz.id]?.attempt;
        // The authored limit, committed as the attempt starts so that a reload keeps the deadline.
        expect(attempt?.deadline).toBe((attempt?.startedAt ?? 0) + (quiz.timeLimitMinutes ?? 0) * 60_000);
      });

    test('a first launch is still marked started before anything else is written', async ({ page }) => {
      await launchCourse(page, version);
      const calls = await lmsCalls(page);
      expect(setValues(calls, el.status)[0]).toBe('incomplete');
      expect(strictViolations(calls, version)).toEqual([]);
    });
  });
}
