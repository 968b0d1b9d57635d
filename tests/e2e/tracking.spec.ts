import { expect, test, type Page } from '@playwright/test';
import { ANATOMY_QUIZ, MOSTLY_WRONG, RIGHT } from '../support/anatomy.ts';
import { EL, VERSIONS, answerQuiz, closeCourse, launchCourse, lmsCalls, lmsData, readLesson, relaunch, type Version } from '../support/lms.ts';
import { count, strictViolations } from '../support/strict-scorm.ts';

const LESSON = 'Anatomy of the spine';

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

async function takeQuiz(course: Awaited<ReturnType<typeof launchCourse>>, answers: Record<string, string>): Promise<void> {
  await course.getByRole('button', { name: `Continue: ${ANATOMY_QUIZ}` }).click();
  await expect(course.getByRole('heading', { level: 1, name: ANATOMY_QUIZ })).toBeFocused();
  await answerQuiz(course, answers);
  await course.getByRole('button', { name: 'Submit answers' }).click();
}

for (const version of VERSIONS) {
  const el = EL[version];

  test.describe(`SCORM ${version === '12' ? '1.2' : '2004'}`, () => {
    test('a passing run records completion, score and every answer, then exits once', async ({ page }) => {
      const outside = watchRequests(page, version);
      const course = await launchCourse(page, version);
      await course.getByRole('button', { name: 'Start the course' }).click();
      await readLesson(course, LESSON);
      await takeQuiz(course, RIGHT);
      await expect(course.getByText('Your score: 100%.')).toBeVisible();
      await expect(course.getByText('You passed.')).toBeVisible();
      await course.getByRole('button', { name: 'Exit course' }).click();
      await expect(course.getByRole('heading', { name: 'You have left the course' })).toBeVisible();

      const cmi = await lmsData(page);
      const calls = await lmsCalls(page);
      if (version === '12') {
        expect(cmi['cmi.core.lesson_status']).toBe('passed');
        expect(cmi['cmi.core.score.raw']).toBe('100');
        expect(cmi['cmi.core.score.min']).toBe('0');
        expect(cmi['cmi.core.score.max']).toBe('100');
        expect(cmi['cmi.core.exit']).toBe('');
        expect(cmi['cmi.core.session_time']).toMatch(/^\d{2,4}:\d{2}:\d{2}/);
      } else {
        expect(cmi['cmi.completion_status']).toBe('completed');
        expect(cmi['cmi.success_status']).toBe('passed');
        expect(cmi['cmi.score.scaled']).toBe('1');
        expect(cmi['cmi.score.raw']).toBe('100');
        expect(cmi['cmi.exit']).toBe('normal');
        expect(cmi['cmi.session_time']).toMatch(/^PT/);
      }
      // One interaction per question, named so that a report reads well.
      for (const [i, id] of ['lumbar_count', 'adult_bones', 'nucleus', 'cord_end', 'foramen'].entries()) {
        expect(cmi[`cmi.interactions.${i}.id`]).toBe(`anatomy_quiz-${id}`);
        expect(cmi[`cmi.interactions.${i}.result`]).toBe('correct');
      }
      expect(cmi[`cmi.interactions.0.${el.response}`]).toBe(version === '12' ? 'a' : 'a');
      expect(cmi['cmi.interactions.1.correct_responses.0.pattern']).toBe('b');

      expect(strictViolations(calls, version)).toEqual([]);
      expect(count(calls, /Initialize$/)).toBe(1);
      expect(count(calls, /^(LMSFinish|Terminate)$/)).toBe(1);
      expect(calls.at(-1)?.fn).toMatch(/^(LMSFinish|Terminate)$/);
      // Commits at meaningful moments only: first launch, lesson read, quiz submitted, exit.
      expect(count(calls, /Commit$/)).toBeLessThanOrEqual(4);
      // Closing the frame after Exit makes no further call.
      await closeCourse(page);
      expect((await lmsCalls(page)).length).toBe(calls.length);
      expect(outside).toEqual([]);
    });

    test('a failing run records failed with its score', async ({ page }) => {
      const course = await launchCourse(page, version);
      await course.getByRole('button', { name: 'Start the course' }).click();
      await readLesson(course, LESSON);
      await takeQuiz(course, MOSTLY_WRONG);
      await expect(course.getByText('Your score: 40%.')).toBeVisible();
      await expect(course.getByText('You did not reach the pass mark of 80%.', { exact: false })).toBeVisible();
      await closeCourse(page);

      const cmi = await lmsData(page);
      if (version === '12') {
        expect(cmi['cmi.core.lesson_status']).toBe('failed');
        expect(cmi['cmi.core.score.raw']).toBe('40');
      } else {
        expect(cmi['cmi.success_status']).toBe('failed');
        expect(cmi['cmi.completion_status']).toBe('incomplete');
        expect(cmi['cmi.score.scaled']).toBe('0.4');
        expect(cmi['cmi.score.raw']).toBe('40');
      }
      expect(cmi['cmi.interactions.1.result']).toBe(version === '12' ? 'wrong' : 'incorrect');
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    });

    test('leaving mid-quiz suspends, and a relaunch resumes with the answers given', async ({ page }) => {
      let course = await launchCourse(page, version);
      await course.getByRole('button', { name: 'Start the course' }).click();
      await readLesson(course, LESSON);
      await course.getByRole('button', { name: `Continue: ${ANATOMY_QUIZ}` }).click();
      await answerQuiz(course, { 'lumbar region': '5', 'gel-like centre': 'Annulus fibrosus' });

      course = await relaunch(page);
      const first = (await lmsCalls(page)).filter((c) => c.launch === 1);
      const exit = first.find((c) => /SetValue$/.test(c.fn) && c.args[0] === el.exit);
      expect(exit?.args[1]).toBe('suspend');
      expect(first.some((c) => /SetValue$/.test(c.fn) && c.args[0] === el.sessionTime)).toBe(true);
      expect(count(first, /^(LMSFinish|Terminate)$/)).toBe(1);

      expect((await lmsData(page))[el.entry]).toBe('resume');
      await course.getByRole('button', { name: 'Continue where you left off' }).click();
      await expect(course.getByRole('heading', { level: 1, name: ANATOMY_QUIZ })).toBeVisible();
      await expect(course.getByRole('group', { name: /lumbar region/ }).getByRole('radio', { name: '5', exact: true })).toBeChecked();
      await expect(course.getByRole('group', { name: /gel-like centre/ }).getByRole('radio', { name: 'Annulus fibrosus' })).toBeChecked();
      await expect(course.getByRole('button', { name: /^Anatomy of the spine read$/ })).toBeVisible();

      // Finish the attempt in the second session: the score reaches the LMS.
      await answerQuiz(course, { 'gel-like centre': 'Nucleus pulposus', '33 vertebrae': RIGHT['33 vertebrae'], 'spinal cord usually end': 'Around L1-L2', 'neural foramen': RIGHT['neural foramen'] });
      await course.getByRole('button', { name: 'Submit answers' }).click();
      await expect(course.getByText('You passed.')).toBeVisible();
      await closeCourse(page);
      const cmi = await lmsData(page);
      expect(cmi[el.raw]).toBe('100');
      expect(cmi[el.status]).toBe(version === '12' ? 'passed' : 'completed');
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    });

    test('a commit the LMS refuses shows "not yet saved" and is retried until it succeeds', async ({ page }) => {
      const course = await launchCourse(page, version, { failCommits: 2 });
      await expect(course.getByText('Progress not yet saved')).toBeVisible();
      await course.getByRole('button', { name: 'Start the course' }).click();
      await readLesson(course, LESSON);
      await expect(course.getByText('Progress not yet saved')).toBeHidden({ timeout: 15_000 });
      const calls = await lmsCalls(page);
      const commits = calls.filter((c) => /Commit$/.test(c.fn));
      expect(commits.filter((c) => c.result === 'false').length).toBe(2);
      expect(commits.at(-1)?.result).toBe('true');
      // Only the refused commits are errors; nothing else went wrong.
      expect(strictViolations(calls, version).filter((v) => !/Commit\(""\): LMS error 391/.test(v))).toEqual([]);
    });

    test('review mode shows the course but records nothing', async ({ page }) => {
      const course = await launchCourse(page, version, { cmi: { [el.mode]: 'review', [el.credit]: 'no-credit' } });
      await expect(course.getByText('Review mode')).toBeVisible();
      await course.getByRole('button', { name: 'Start the course' }).click();
      await readLesson(course, LESSON);
      await takeQuiz(course, RIGHT);
      await expect(course.getByText('You passed.')).toBeVisible();
      await closeCourse(page);
      const calls = await lmsCalls(page);
      const sets = calls.filter((c) => /SetValue$/.test(c.fn)).map((c) => String(c.args[0]));
      expect(sets.every((e) => e === el.exit || e === el.sessionTime)).toBe(true);
      expect(strictViolations(calls, version)).toEqual([]);
    });

    test('an LMS that refuses Initialize leaves the learner informed and the course usable', async ({ page }) => {
      const course = await launchCourse(page, version, { refuseInitialize: true });
      await expect(course.getByRole('alert')).toContainText('did not accept this session');
      await course.getByRole('button', { name: 'Start the course' }).click();
      await readLesson(course, LESSON);
      const calls = await lmsCalls(page);
      expect(calls.filter((c) => !/Initialize$|GetLastError$/.test(c.fn))).toEqual([]);
    });
  });
}

test('without an LMS the course runs standalone and keeps progress in this browser', async ({ page }) => {
  let course = await launchCourse(page, '12', { noApi: true });
  await expect(course.getByText('No learning management system was found')).toBeVisible();
  await course.getByRole('button', { name: 'Start the course' }).click();
  await readLesson(course, LESSON);
  await page.reload();
  course = page.frameLocator('#frame');
  await expect(course.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
  await expect(course.getByRole('button', { name: /^Anatomy of the spine read$/ })).toBeVisible();
});
