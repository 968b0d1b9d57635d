import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { giveAnswer, isCritical, questionGroup } from '../support/learner.ts';
import { criticalObjectives } from '../../src/course/state.ts';
import { correctAnswer } from '../../src/course/questions.ts';
import { EL, VERSIONS, closeCourse, launchCourse, lmsCalls, lmsData, relaunch } from '../support/lms.ts';
import { courseData, exam, finishExam, openFromMenu, resultHeading, shownOrder, startExam, startWithClock } from '../support/flows.ts';
import { strictViolations } from '../support/strict-scorm.ts';

const MINUTE = 60_000;

/** The score on the result screen. */
async function shownScore(frame: FrameLocator): Promise<number> {
  const text =
    (await frame
      .getByText(/^Your score: [\d.]+%$/)
      .first()
      .textContent()) ?? '';
  return Number(/Your score: ([\d.]+)%/.exec(text)?.[1]);
}

/**
 * What the LMS holds after a failed exam with retakes left: SCORM 2004 has the score and
 * 'failed'; SCORM 1.2 has neither yet (an LMS would close the attempt), only 'incomplete'.
 */
async function expectOpenFailure(page: Page, version: '12' | '2004', score: number): Promise<void> {
  const cmi = await lmsData(page);
  if (version === '12') expect([cmi['cmi.core.lesson_status'], cmi['cmi.core.score.raw']]).toEqual(['incomplete', '']);
  else expect([cmi['cmi.success_status'], Number(cmi['cmi.score.raw'])]).toEqual(['failed', score]);
}

for (const version of VERSIONS) {
  const el = EL[version];
  const maxTime = version === '12' ? 'cmi.student_data.max_time_allowed' : 'cmi.max_time_allowed';
  const action = version === '12' ? 'cmi.student_data.time_limit_action' : 'cmi.time_limit_action';
  const fmt = (minutes: number) => (version === '12' ? `00:${String(minutes).padStart(2, '0')}:00` : `PT${minutes}M`);

  test.describe(`SCORM ${version === '12' ? '1.2' : '2004'}`, () => {
    test('failed attempts can be retried until none are left; the learner is told why', async ({ page }) => {
      const quiz = await exam();
      const frame = await launchCourse(page, version);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      for (let i = 1; i <= (quiz.attempts ?? 1); i++) {
        if (i > 1) await frame.getByRole('button', { name: 'Try again' }).click();
        if (i > 1) await frame.getByRole('button', { name: 'Start', exact: true }).click();
        else await startExam(frame);
        await finishExam(frame, () => true);
        await expect(resultHeading(frame)).toHaveText('You did not pass');
        const left = (quiz.attempts ?? 1) - i;
        if (left) await expect(frame.getByText(`You have ${left} ${left === 1 ? 'attempt' : 'attempts'} left.`)).toBeVisible();
      }
      await expect(frame.getByText(`You have used all ${quiz.attempts} attempts for this quiz`)).toBeVisible();
      // The introduction's timing text does not follow the last attempt.
      await expect(frame.getByText(/The clock starts/)).toHaveCount(0);
      await expect(frame.getByRole('button', { name: 'Try again' })).toHaveCount(0);
      await expect(frame.getByRole('navigation').getByRole('button', { name: /no attempts left/ })).toBeVisible();
      await closeCourse(page);
      expect((await lmsData(page))[el.raw]).toBe('0');
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    });

    test('the countdown warns at 5 and 1 minutes, and time running out submits the answers given', async ({ page }) => {
      const quiz = await exam();
      const frame = await startWithClock(page, version);
      await openFromMenu(frame, quiz.title);
      const limit = quiz.timeLimitMinutes ?? 0;
      await expect(frame.getByText(new RegExp(`Time limit: ${limit} minutes\\. The clock starts when you press Start`))).toBeVisible();
      await frame.getByRole('button', { name: 'Start', exact: true }).click();
      await expect(frame.getByRole('timer')).toHaveText(`Time left: ${limit}:00`);
      const [firstId] = await shownOrder(frame);
      const first = quiz.questions.find((q) => q.id === firstId);
      if (first) await giveAnswer(frame, first, correctAnswer(first));

      await page.clock.runFor((limit - 5) * MINUTE + 1000);
      await expect(frame.getByRole('timer')).toHaveText(/Time left: 4:5\d/);
      await expect(frame.locator('quiz-view [aria-live="assertive"]')).toHaveText('5 minutes left.');
      await page.clock.runFor(4 * MINUTE);
      await expect(frame.locator('quiz-view [aria-live="assertive"]')).toHaveText('1 minute left.');
      await page.clock.runFor(MINUTE);
      await expect(
        frame.getByText('Time ran out, so your attempt was submitted with the answers you had given.', { exact: true }),
      ).toBeVisible();
      // One of the drawn questions was answered, and right: the score reflects it.
      const score = await shownScore(frame);
      expect(score).toBeGreaterThan(0);
      expect(score).toBeLessThan(50);
      await closeCourse(page);
      await expectOpenFailure(page, version, score);
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    });

    test('a reload mid-exam keeps the questions, their order, the answers and the remaining time', async ({ page }) => {
      const quiz = await exam();
      let frame = await startWithClock(page, version);
      await startExam(frame);
      const order = await shownOrder(frame);
      const answered = order.slice(0, 3).map((id) => quiz.questions.find((q) => q.id === id));
      for (const q of answered) if (q) await giveAnswer(frame, q, correctAnswer(q));
      // What the learner sees of the question on screen, the last answered (live-region announcements aside).
      const onScreen = answered[2] ?? quiz.questions[0]!;
      const seen = () =>
        questionGroup(frame, onScreen).evaluate((el) => {
          const copy = el.cloneNode(true) as HTMLElement;
          copy.querySelectorAll('.visually-hidden, [aria-live]').forEach((n) => n.remove());
          return (copy.textContent ?? '').replace(/\s+/g, ' ').trim();
        });
      const optionsBefore = await seen();
      await page.clock.runFor(10 * MINUTE);
      const left = (quiz.timeLimitMinutes ?? 0) - 10;

      frame = await relaunch(page);
      await frame.getByRole('button', { name: 'Continue where you left off' }).click();
      expect(await shownOrder(frame)).toEqual(order);
      // Back on the same question, the only one on screen, looking the same.
      await expect(frame.locator('quiz-view [data-question]')).toHaveCount(1);
      await expect(frame.locator(`[data-question="${onScreen.id}"]`)).toBeVisible();
      expect(await seen()).toBe(optionsBefore);
      // No time given back by the reload.
      await expect(frame.getByRole('timer')).toHaveText(new RegExp(`Time left: (${left}:00|${left - 1}:5\\d)`));
      // The answers given before the reload still count.
      await finishExam(frame, (q) => !answered.includes(q));
      const score = await shownScore(frame);
      expect(score).toBeGreaterThan(0);
      await closeCourse(page);
      await expectOpenFailure(page, version, score);
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    });

    test('an attempt whose deadline passed while the course was closed is submitted on relaunch', async ({ page }) => {
      const frame = await startWithClock(page, version);
      const quiz = await startExam(frame);
      await closeCourse(page);
      await page.clock.runFor(((quiz.timeLimitMinutes ?? 0) + 1) * MINUTE);
      const again = await relaunch(page);
      await expect(again.getByRole('alert')).toContainText(`Time ran out for ${quiz.title} while the course was closed`);
      await again.getByRole('button', { name: 'Continue where you left off' }).click();
      await expect(again.getByText('Time ran out, so your attempt was submitted')).toBeVisible();
      await closeCourse(page);
      await expectOpenFailure(page, version, 0);
      const cmi = await lmsData(page);
      // The attempt's answers are recorded: in 1.2 every attempt's, in 2004 only the final attempt's.
      expect(Object.keys(cmi).some((k) => /^cmi\.interactions\.\d+\.id$/.test(k))).toBe(version === '12');
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    });

    test("the LMS's max_time_allowed replaces the authored limit, and a launch-data multiplier extends it", async ({ page }) => {
      const frame = await launchCourse(page, version, {
        cmi: { [maxTime]: fmt(45), [action]: 'exit,message', 'cmi.launch_data': 'time_multiplier=2' },
      });
      await frame.getByRole('button', { name: 'Start the course' }).click();
      const quiz = await exam();
      await openFromMenu(frame, quiz.title);
      await expect(frame.getByText(/Time limit: 90 minutes, set by your learning management system\./)).toBeVisible();
      await frame.getByRole('button', { name: 'Start', exact: true }).click();
      await expect(frame.getByRole('timer')).toHaveText(/Time left: 1:(30:00|29:5\d)/);
    });

    test("the LMS's mastery score overrides the authored pass mark", async ({ page }) => {
      const mastery: Record<string, string> =
        version === '12' ? { 'cmi.student_data.mastery_score': '99' } : { 'cmi.scaled_passing_score': '0.99' };
      const frame = await launchCourse(page, version, { cmi: mastery });
      await frame.getByRole('button', { name: 'Start the course' }).click();
      const quiz = await exam();
      await openFromMenu(frame, quiz.title);
      await expect(frame.getByText(/You pass with 99% or more\./)).toBeVisible();
      await frame.getByRole('button', { name: 'Start', exact: true }).click();
      // One wrong answer: at or above the authored pass mark, below the LMS's 99%.
      const first = (await shownOrder(frame)).find(
        (id) =>
          !isCritical(
            quiz,
            quiz.questions.find((q) => q.id === id)!,
          ),
      );
      await finishExam(frame, (q) => q.id === first);
      await expect(frame.getByText('The pass mark is 99%.')).toBeVisible();
      const score = await shownScore(frame);
      expect(score).toBeGreaterThanOrEqual(quiz.passMark);
      await closeCourse(page);
      await expectOpenFailure(page, version, score);
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    });

    test('a missed critical question fails an attempt scoring above the pass mark, and the LMS gets a score just below it', async ({
      page,
    }) => {
      const quiz = await exam();
      const course = await courseData();
      const criticalTexts = course.lessons.flatMap((l) => l.objectives).filter((o) => criticalObjectives(quiz).includes(o.id));
      expect(criticalTexts.length).toBeGreaterThan(0);
      const frame = await launchCourse(page, version);
      await frame.getByRole('button', { name: 'Start the course' }).click();
      await openFromMenu(frame, quiz.title);
      // The learner is told before starting which topics are critical.
      const intro = frame.getByRole('region', { name: 'About this quiz' });
      await expect(intro).toContainText('Every question on them must be answered correctly to pass');
      for (const o of criticalTexts) await expect(intro).toContainText(o.text);
      await frame.getByRole('button', { name: 'Start', exact: true }).click();
      const byId = (id: string) => quiz.questions.find((q) => q.id === id)!;
      const missed = (await shownOrder(frame)).find((id) => isCritical(quiz, byId(id)));
      if (!missed) throw new Error('no critical question was drawn');
      await finishExam(frame, (q) => q.id === missed);
      // One score, the one the LMS records (just below the pass mark), under "You did not pass", and why.
      await expect(resultHeading(frame)).toHaveText('You did not pass');
      const result = frame.getByRole('region', { name: 'You did not pass' });
      expect(await shownScore(frame)).toBe(quiz.passMark - 1);
      const scores = (await result.textContent())?.match(/\d+(\.\d+)?%/g) ?? [];
      expect(scores.filter((s) => s !== `${quiz.passMark}%`)).toEqual([`${quiz.passMark - 1}%`]);
      await expect(result).toContainText('A question on a topic critical for patient safety was not answered correctly.');
      await expect(result).toContainText(`the score recorded is held just below the pass mark of ${quiz.passMark}%`);
      for (const o of criticalTexts.filter((o) => byId(missed).objectives.includes(o.id)))
        await expect(result.locator('.critical li')).toContainText([o.text]);
      await expect(frame.getByRole('heading', { name: 'You passed' })).toHaveCount(0);
      await expect(frame.locator('quiz-view [aria-live="assertive"]')).toHaveText(
        `Answers submitted. You did not pass. Your score is ${quiz.passMark - 1} percent.`,
      );
      await expect(frame.getByRole('button', { name: 'Try again' })).toBeVisible();
      await page.locator('#frame').screenshot({ path: `test-results/screenshots/critical-missed-${version}.png` });
      await closeCourse(page);
      await expectOpenFailure(page, version, quiz.passMark - 1);
      if (version === '2004') {
        const cmi = await lmsData(page);
        const objective = byId(missed).objectives.find((o) => criticalObjectives(quiz).includes(o));
        const key = Object.keys(cmi).find((k) => /^cmi\.objectives\.\d+\.id$/.test(k) && cmi[k] === objective);
        expect(key, `objective ${objective} is reported`).toBeTruthy();
        expect(cmi[(key ?? '').replace(/id$/, 'success_status')]).toBe('failed');
      }
      expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
    });

    test('time_limit_action "continue,message" only warns when time runs out', async ({ page }) => {
      const frame = await startWithClock(page, version, { cmi: { [maxTime]: fmt(10), [action]: 'continue,message' } });
      await startExam(frame);
      await page.clock.runFor(10 * MINUTE + 2000);
      await expect(frame.locator('quiz-view [aria-live="assertive"]')).toHaveText(
        'The time limit has passed. You can still finish and submit.',
      );
      await finishExam(frame);
      await expect(frame.getByRole('heading', { name: 'You passed' })).toBeVisible();
    });
  });
}

test('an ordering question the learner has not touched is unanswered; "Use this order" answers it as shown', async ({ page }) => {
  const course = await courseData();
  const check = course.quizzes.find((q) => !q.graded && q.questions.some((x) => x.type === 'ordering'));
  const ordering = check?.questions.find((x) => x.type === 'ordering');
  if (!check || !ordering) throw new Error('the course has no knowledge check with an ordering question');
  const frame = await launchCourse(page, '12');
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await openFromMenu(frame, check.title);
  const group = questionGroup(frame, ordering);
  const shownOrder = (await group.locator('li span').allTextContents()).map((t) => t.trim());
  // Untouched: it cannot be checked yet.
  await expect(frame.locator(`[data-check="${ordering.id}"]`)).toBeDisabled();
  await group.scrollIntoViewIfNeeded();
  await page.locator('#frame').screenshot({ path: 'test-results/screenshots/ordering-untouched.png' });
  await group.getByRole('button', { name: 'Use this order' }).click();
  await expect(group.getByRole('button', { name: 'Use this order' })).toHaveCount(0);
  await expect(frame.locator(`[data-check="${ordering.id}"]`)).toBeEnabled();
  await frame.locator(`[data-check="${ordering.id}"]`).click();
  // The confirmed order is the one that was shown, now listed as the learner's answer (never the key, so it is marked wrong).
  const answered = group.locator('.orders > div').filter({ hasText: 'Your answer' });
  expect((await answered.locator('li').allTextContents()).map((t) => t.trim())).toEqual(shownOrder);
  await expect(group.getByText('Your answer — Incorrect', { exact: true })).toBeVisible();
});

test('a failed exam names the objectives and lessons to review, without the answers', async ({ page }) => {
  const course = await courseData();
  const quiz = await exam();
  const frame = await launchCourse(page, '2004');
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await startExam(frame);
  const shown = await shownOrder(frame);
  // Wrong answers to non-critical questions, as many as bring the score under the course's pass
  // mark (with room for rounding): the number depends on the questions drawn and their weights.
  const weightOf = (id: string) => quiz.questions.find((q) => q.id === id)?.weight ?? 1;
  const total = shown.reduce((sum, id) => sum + weightOf(id), 0);
  let kept = total;
  const wrong = new Set<string>();
  for (const id of shown.filter(
    (id) =>
      !isCritical(
        quiz,
        quiz.questions.find((q) => q.id === id)!,
      ),
  )) {
    if ((kept / total) * 100 < quiz.passMark - 1) break;
    wrong.add(id);
    kept -= weightOf(id);
  }
  expect((kept / total) * 100).toBeLessThan(quiz.passMark - 1);
  await finishExam(frame, (q) => wrong.has(q.id));
  await expect(resultHeading(frame)).toHaveText('You did not pass');
  await expect(frame.getByText(`The pass mark is ${quiz.passMark}%.`)).toBeVisible();
  await expect(frame.getByRole('heading', { name: 'What to review' })).toBeVisible();
  // Exactly the objectives of the questions answered wrongly, under their lessons, in course order.
  const missed = new Set(quiz.questions.filter((q) => wrong.has(q.id)).flatMap((q) => q.objectives));
  const lessons = course.lessons.filter((l) => l.objectives.some((o) => missed.has(o.id)));
  const review = frame.getByRole('heading', { name: 'What to review' }).locator('xpath=following-sibling::ul[1]');
  const buttons = review.getByRole('button');
  expect((await buttons.allTextContents()).map((t) => t.trim())).toEqual(lessons.map((l) => `Go to the lesson: ${l.title}`));
  const texts = (await review.getByRole('list').getByRole('listitem').allTextContents()).map((t) => t.trim());
  expect(texts).toEqual(
    lessons
      .flatMap((l) => l.objectives)
      .filter((o) => missed.has(o.id))
      .map((o) => o.text),
  );
  // The keys stay hidden until the learner passes.
  await expect(frame.getByText('The correct answers are shown once you pass.')).toBeVisible();
  await frame.getByRole('heading', { name: 'What to review' }).scrollIntoViewIfNeeded();
  await page.locator('#frame').screenshot({ path: 'test-results/screenshots/exam-failed-review.png' });
  await buttons.first().click();
  await expect(frame.getByRole('heading', { level: 1, name: lessons[0]?.title })).toBeVisible();
});
