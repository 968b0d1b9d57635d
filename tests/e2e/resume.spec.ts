import { expect, test } from '@playwright/test';
import { EL, VERSIONS, launchCourse, lmsCalls, lmsData, relaunch } from '../support/lms.ts';
import { correctAnswer } from '../../src/course/questions.ts';
import { courseData, openFromMenu, readAllLessons, shownOrder, startExam, startWithClock } from '../support/flows.ts';
import { giveAnswer } from '../support/learner.ts';
import { strictViolations } from '../support/strict-scorm.ts';

for (const version of VERSIONS) {
  const el = EL[version];
  const learner = version === '12' ? 'cmi.core.student_id' : 'cmi.learner_id';

  test.describe(`SCORM ${version === '12' ? '1.2' : '2004'}`, () => {
    test('a relaunch returns to the section of the lesson the learner had reached', async ({ page }) => {
      const lesson = (await courseData()).lessons[0];
      let frame = await launchCourse(page, version);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await openFromMenu(frame, lesson?.title ?? '');
      const headings = frame.locator('lesson-view .body h2');
      const target = (await headings.allTextContents())[3] ?? '';
      await headings.nth(3).evaluate((h) => h.scrollIntoView({ block: 'start' }));
      await expect.poll(async () => JSON.parse((await lmsData(page))['cmi.suspend_data'] ?? '{}').p).toBe(4);

      frame = await relaunch(page);
      await frame.getByRole('button', { name: 'Continue where you left off' }).click();
      await expect(frame.getByRole('heading', { level: 2, name: target })).toBeInViewport();
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    });

    test('progress saved in an older format is migrated, not lost and not a crash', async ({ page }) => {
      const course = await courseData();
      const old = JSON.stringify({ v: 1, l: `lesson:${course.lessons[0]?.id}`, s: [course.lessons[0]?.id], q: { [course.gradedQuiz]: { a: { x: 'y' }, x: [60] } } });
      const frame = await launchCourse(page, version, { cmi: { [el.entry]: 'resume', 'cmi.suspend_data': old } });
      await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
      await expect(frame.getByRole('navigation').getByRole('button', { name: new RegExp(`^${course.lessons[0]?.title} read$`) })).toBeVisible();
      await expect(frame.getByRole('navigation').getByRole('button', { name: /not passed yet, 60%/ })).toBeVisible();
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    });

    test('progress the LMS never stored is restored from this browser on the next launch', async ({ page }) => {
      let frame = await launchCourse(page, version, { cmi: { [learner]: 'nurse-17' } });
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await readAllLessons(frame);
      // The LMS lost everything after the first commit: it returns an older copy.
      const stale = JSON.stringify({ v: 3, t: 1, l: 'start', s: [], q: {} });
      frame = await relaunch(page, { 'cmi.suspend_data': stale, [el.location]: 'start' });
      await expect(frame.getByText('It was kept in this browser and has now been restored')).toBeVisible();
      const lessons = (await courseData()).lessons;
      for (const l of lessons) await expect(frame.getByRole('navigation').getByRole('button', { name: new RegExp(`^${l.title} read$`) })).toBeVisible();
      // ...and sent to the LMS again at once.
      const second = (await lmsCalls(page)).filter((c) => c.launch === 2);
      const sent = second.find((c) => /SetValue$/.test(c.fn) && c.args[0] === 'cmi.suspend_data');
      expect(JSON.parse(String(sent?.args[1])).s).toEqual(lessons.map((l) => l.id));
      expect(second.some((c) => /Commit$/.test(c.fn) && c.result === 'true')).toBe(true);
    });

    test("another learner on the same computer does not get the first learner's progress", async ({ page }) => {
      let frame = await launchCourse(page, version, { cmi: { [learner]: 'nurse-17' } });
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await readAllLessons(frame);
      frame = await relaunch(page, { 'cmi.suspend_data': '', [learner]: 'nurse-18', [el.entry]: 'ab-initio', [el.location]: '' });
      await expect(frame.getByRole('button', { name: 'Start the course' })).toBeVisible();
      await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toHaveCount(0);
    });

    test('an LMS that refuses Initialize at first but accepts a moment later is used normally', async ({ page }) => {
      const frame = await launchCourse(page, version, { refuseInitialize: 1 });
      await expect(frame.getByRole('alert')).toHaveCount(0);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await readAllLessons(frame);
      const calls = await lmsCalls(page);
      expect(calls.filter((c) => /Initialize$/.test(c.fn)).map((c) => c.result)).toEqual(['false', 'true']);
      expect(calls.some((c) => /Commit$/.test(c.fn) && c.result === 'true')).toBe(true);
    });
  });
}

for (const version of VERSIONS) {
  test.describe(`SCORM ${version === '12' ? '1.2' : '2004'}: exam answers reach the LMS`, () => {
    const commitsAfter = (calls: Awaited<ReturnType<typeof lmsCalls>>, index: number) => calls.slice(index).filter((c) => /Commit$/.test(c.fn));
    const lastAnswerSet = (calls: Awaited<ReturnType<typeof lmsCalls>>) => calls.map((c) => c.args[0]).lastIndexOf('cmi.suspend_data');

    test('within a minute of being given, without a commit per answer', async ({ page }) => {
      const frame = await startWithClock(page, version);
      const quiz = await startExam(frame);
      const shown = (await shownOrder(frame)).slice(0, 3).map((id) => quiz.questions.find((q) => q.id === id));
      for (const q of shown) if (q) await giveAnswer(frame, q, correctAnswer(q));
      let calls = await lmsCalls(page);
      const answered = lastAnswerSet(calls);
      expect(commitsAfter(calls, answered)).toHaveLength(0);
      await page.clock.runFor(61_000);
      calls = await lmsCalls(page);
      expect(commitsAfter(calls, answered)).toHaveLength(1);
    });

    test('at once when the tab is hidden', async ({ page }) => {
      const frame = await launchCourse(page, version);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      const quiz = await startExam(frame);
      const [first] = await shownOrder(frame);
      const q = quiz.questions.find((x) => x.id === first);
      if (q) await giveAnswer(frame, q, correctAnswer(q));
      const answered = lastAnswerSet(await lmsCalls(page));
      await page.frames()[1]?.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      expect(commitsAfter(await lmsCalls(page), answered)).toHaveLength(1);
    });
  });
}
