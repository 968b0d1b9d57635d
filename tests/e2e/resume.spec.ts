import { expect, test } from '@playwright/test';
import { EL, VERSIONS, courseFrame, launchCourse, lmsCalls, lmsData, relaunch } from '../support/lms.ts';
import { correctAnswer } from '../../src/course/questions.ts';
import { courseData, openFromMenu, readAllLessons, shownOrder, startExam, startWithClock } from '../support/flows.ts';
import { giveAnswer } from '../support/learner.ts';
import { readSaved, savedProgress } from '../support/saved-progress.ts';
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
      const headings = frame.getByRole('main').getByRole('heading', { level: 2 });
      const target = (await headings.allTextContents())[3] ?? '';
      await headings.nth(3).evaluate((h) => h.scrollIntoView({ block: 'start' }));
      await expect(headings.nth(3)).toBeInViewport();

      // The position is not worth a commit of its own: it reaches the LMS with the session's end.
      frame = await relaunch(page);
      expect((await readSaved((await lmsData(page))['cmi.suspend_data'])).state.section).toBe(4);
      await frame.getByRole('button', { name: 'Continue where you left off' }).click();
      await expect(frame.getByRole('heading', { level: 2, name: target })).toBeInViewport();
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    });

    test('progress saved in an older format is migrated, not lost and not a crash', async ({ page }) => {
      const course = await courseData();
      // Written by hand on purpose: format 1, which the course still reads but no longer writes.
      const old = JSON.stringify({
        v: 1,
        l: `lesson:${course.lessons[0]?.id}`,
        s: [course.lessons[0]?.id],
        q: { [course.gradedQuiz]: { a: { x: 'y' }, x: [60] } },
      });
      const frame = await launchCourse(page, version, { cmi: { [el.entry]: 'resume', 'cmi.suspend_data': old } });
      await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toBeVisible();
      await expect(
        frame.getByRole('navigation').getByRole('button', { name: new RegExp(`^${course.lessons[0]?.title} read$`) }),
      ).toBeVisible();
      await expect(frame.getByRole('navigation').getByRole('button', { name: /not passed yet, 60%/ })).toBeVisible();
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    });

    test('a save the LMS lost is repaired from this browser, for the same record only', async ({ page }) => {
      let frame = await launchCourse(page, version, { cmi: { [learner]: 'nurse-17' } });
      await frame.getByRole('button', { name: 'Start the course' }).click();
      const first = (await lmsCalls(page)).find((c) => /SetValue$/.test(c.fn) && c.args[0] === 'cmi.suspend_data');
      const committed = await readSaved(first?.args[1]);
      expect(committed.token).toBeTruthy();
      await readAllLessons(frame);
      // The LMS lost everything after the first commit: it returns an older copy of the same record.
      const stale = savedProgress({ token: committed.token ?? '', savedAt: committed.savedAt - 5000 });
      frame = await relaunch(page, { 'cmi.suspend_data': stale, [el.location]: 'start' });
      await expect(frame.getByText('It was kept in this browser and has now been restored')).toBeVisible();
      const lessons = (await courseData()).lessons;
      for (const l of lessons)
        await expect(frame.getByRole('navigation').getByRole('button', { name: new RegExp(`^${l.title} read$`) })).toBeVisible();
      // ...and sent to the LMS again at once.
      const second = (await lmsCalls(page)).filter((c) => c.launch === 2);
      const sent = second.find((c) => /SetValue$/.test(c.fn) && c.args[0] === 'cmi.suspend_data');
      expect((await readSaved(sent?.args[1])).state.viewed).toEqual(lessons.map((l) => l.id));
      expect(second.some((c) => /Commit$/.test(c.fn) && c.result === 'true')).toBe(true);

      // A record of another attempt (another token) is never repaired from this browser...
      frame = await relaunch(page, { 'cmi.suspend_data': savedProgress({ token: 'other1', savedAt: 1000 }), [el.location]: 'start' });
      await expect(frame.getByText('has now been restored')).toHaveCount(0);
      await expect(frame.getByRole('navigation').getByRole('button', { name: new RegExp(`^${lessons[0]?.title} read$`) })).toHaveCount(0);
      // ...and neither is an empty one (a new attempt, a reset, another activity).
      frame = await relaunch(page, { 'cmi.suspend_data': '', [el.location]: '', [el.entry]: 'ab-initio' });
      await expect(frame.getByRole('button', { name: 'Start the course' })).toBeVisible();
      await expect(frame.getByText('has now been restored')).toHaveCount(0);
      await expect(frame.getByRole('button', { name: 'Continue where you left off' })).toHaveCount(0);
    });

    test('saved progress the course cannot read: the course starts afresh and says so', async ({ page }) => {
      // Cut short by hand on purpose: data the course never wrote, as a broken LMS may return it.
      const frame = await launchCourse(page, version, {
        cmi: { [el.entry]: 'resume', 'cmi.suspend_data': '{"v":4,"k":"abc","t":17000', [el.location]: '\u0000%%' },
      });
      await expect(frame.getByRole('alert')).toContainText('Your saved progress could not be read');
      await expect(frame.getByRole('button', { name: 'Start the course' })).toBeVisible();
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await expect(frame.getByRole('heading', { level: 1, name: (await courseData()).lessons[0]?.title })).toBeVisible();
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
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
    const commitsAfter = (calls: Awaited<ReturnType<typeof lmsCalls>>, index: number) =>
      calls.slice(index).filter((c) => /Commit$/.test(c.fn));

    test('within a minute of being given, without a commit per answer', async ({ page }) => {
      const frame = await startWithClock(page, version);
      const quiz = await startExam(frame);
      const shown = (await shownOrder(frame)).slice(0, 3).map((id) => quiz.questions.find((q) => q.id === id));
      const before = (await lmsCalls(page)).length;
      for (const q of shown) if (q) await giveAnswer(frame, q, correctAnswer(q));
      expect(commitsAfter(await lmsCalls(page), before)).toHaveLength(0);
      await page.clock.runFor(61_000);
      const calls = await lmsCalls(page);
      expect(commitsAfter(calls, before)).toHaveLength(1);
      // The committed state holds the three answers.
      const saved = await readSaved(calls.slice(before).find((c) => c.args[0] === 'cmi.suspend_data')?.args[1]);
      expect(Object.keys(saved.state.quizzes[quiz.id]?.attempt?.answers ?? {}).sort()).toEqual(shown.map((q) => q?.id).sort());
    });

    test('at once when the tab is hidden', async ({ page }) => {
      const frame = await launchCourse(page, version);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      const quiz = await startExam(frame);
      const [first] = await shownOrder(frame);
      const q = quiz.questions.find((x) => x.id === first);
      const answered = (await lmsCalls(page)).length;
      if (q) await giveAnswer(frame, q, correctAnswer(q));
      await courseFrame(page).evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      expect(commitsAfter(await lmsCalls(page), answered)).toHaveLength(1);
    });
  });
}
