import { expect, test } from '@playwright/test';
import { correctAnswer } from '../../src/course/questions.ts';
import { CourseStore } from '../../src/course/store.ts';
import type { Course } from '../../src/course/types.ts';
import type { LmsSession } from '../../src/scorm/session.ts';
import { Tracker, type Role } from '../../src/tracking/tracker.ts';
import { FakeClock, memoryStorage } from '../support/fakes.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';
import { interactionIds, sharedRecord } from '../support/shared-record.ts';
import { passExam } from '../support/tracked-course.ts';

// Copies of the course in one browser on LMS records that several sessions write to (one Moodle
// attempt each): what a take-over (Tracker.takeOver) brings over, and what it must not.

const SECOND = 1000;
const exam = quizOf([QUESTIONS.single, QUESTIONS.true_false, QUESTIONS.numeric], { attempts: 1, passMark: 80 });
const course = courseOf(exam);
const settle = () => new Promise((resolve) => setTimeout(resolve, 30));

/** One tab of the course on `session`, as main.ts runs it (tab guard on a broadcast channel). */
async function tab(course: Course, session: LmsSession, clock: FakeClock, storage: Storage, token: string) {
  const roles: Role[] = [];
  const tracker = new Tracker(course, session, {
    log: () => {},
    clock,
    storage,
    // Each test its own activity: copies left open by an earlier test must not answer on its channel.
    activity: `/pluginfile.php/42/mod_scorm/content/${test.info().testId}/index.html`,
    newToken: () => token,
    channel: (name) => new BroadcastChannel(name),
    onRole: (r) => roles.push(r),
  });
  const start = await tracker.begin();
  const store = new CourseStore(
    { course, now: () => clock.now(), seed: () => 7, timeLimitMs: (q) => tracker.timeLimit(q)?.ms ?? null, passMark: start.passMark },
    start.state,
  );
  tracker.attach(store);
  await settle();
  clock.advance(SECOND);
  await settle();
  return { tracker, store, start, roles };
}

for (const version of ['12', '2004'] as const) {
  test.describe(`SCORM ${version === '12' ? '1.2' : '2004'}`, () => {
    test("a timed exam that expired at a second tab's launch, submitted by the first tab, is recorded once after take-over", async () => {
      const exam = quizOf([QUESTIONS.single, QUESTIONS.true_false, QUESTIONS.numeric], { attempts: 1, passMark: 80, timeLimitMinutes: 10 });
      const course = courseOf(exam);
      const clock = new FakeClock();
      const storage = memoryStorage();
      const lms = sharedRecord(version);
      const a = await tab(course, lms.session(clock), clock, storage, 'tokA');
      expect(a.roles).toEqual([]);
      a.store.dispatch({ type: 'lesson-viewed', lessonId: 'l1' });
      a.store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
      a.store.dispatch({ type: 'start-quiz', quizId: exam.id });
      for (const q of exam.questions) a.store.dispatch({ type: 'answer', quizId: exam.id, questionId: q.id, value: correctAnswer(q) });
      // The tab is hidden (timers throttled): the deadline passes before its countdown fires.
      clock.advance(10 * 60 * SECOND + 5 * SECOND);
      // The learner opens the course again from the LMS: the second tab finds the time run out.
      const b = await tab(course, lms.session(clock), clock, storage, 'tokB');
      expect(b.roles).toEqual(['standby']);
      expect(b.start.expired).toEqual([exam.id]);
      // The first tab's countdown fires: it submits and records the attempt.
      a.store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: true });
      const recorded = interactionIds(lms.record).filter((id) => id.startsWith(`${exam.id}-`));
      expect(recorded).toHaveLength(exam.questions.length);
      // The learner continues in the second tab.
      const taking = b.tracker.takeOver();
      await settle();
      await taking;
      expect(b.roles).toEqual(['standby', 'writer']);
      b.tracker.exit();
      // One attempt, one set of answers in the record.
      const ids = interactionIds(lms.record).filter((id) => id.startsWith(`${exam.id}-`));
      expect(ids).toEqual(recorded);
    });

    test("a new LMS attempt opened while the previous attempt's tab is open starts empty after take-over", async () => {
      const clock = new FakeClock();
      const storage = memoryStorage();
      // Attempt 1: passed and completed in the first tab, which stays open.
      const attempt1 = sharedRecord(version);
      const a = await tab(course, attempt1.session(clock), clock, storage, 'tokA');
      passExam(a.store, exam);
      expect(a.store.state.completedAt).not.toBeNull();
      // The LMS grants a new attempt (Moodle: "Start a new attempt"): an empty record, opened in a second tab.
      clock.advance(24 * 3600 * SECOND);
      const attempt2 = sharedRecord(version);
      const b = await tab(course, attempt2.session(clock), clock, storage, 'tokB');
      expect(b.start.state.viewed).toEqual([]);
      expect(b.roles).toEqual(['standby']);
      const taking = b.tracker.takeOver();
      await settle();
      await taking;
      // The new attempt must not inherit the previous attempt's pass, completion and answers.
      expect(b.store.state.completedAt).toBeNull();
      expect(b.store.state.quizzes[exam.id]?.attemptsUsed ?? 0).toBe(0);
      expect(interactionIds(attempt2.record)).toEqual([]);
      const status = version === '12' ? 'cmi.core.lesson_status' : 'cmi.completion_status';
      expect(attempt2.record[status]).toBe('incomplete');
    });
    test('two copies opened together on one empty record: each made a token, yet the take-over brings the pass over', async () => {
      const clock = new FakeClock();
      const storage = memoryStorage();
      const lms = sharedRecord(version);
      // A double click on the LMS's Enter: both read the empty record before either saved.
      const [a, b] = await Promise.all([
        tab(course, lms.session(clock), clock, storage, 'tokA'),
        tab(course, lms.session(clock), clock, storage, 'tokB'),
      ]);
      const [writer, waiting] = b.roles.includes('standby') ? [a, b] : [b, a];
      expect(waiting.roles).toEqual(['standby']);
      passExam(writer.store, exam);
      const recorded = interactionIds(lms.record);
      expect(recorded.length).toBeGreaterThan(0);
      const taking = waiting.tracker.takeOver();
      await settle();
      await taking;
      expect(waiting.store.state.quizzes[exam.id]?.bestScore).toBe(100);
      waiting.tracker.exit();
      expect(interactionIds(lms.record)).toEqual(recorded);
    });
    test('a pass whose saves the LMS refused in the first tab reaches the record through the tab that takes over', async () => {
      const clock = new FakeClock();
      const storage = memoryStorage();
      const lms = sharedRecord(version);
      const refused = { refuse: false };
      const a = await tab(course, lms.session(clock, {}, refused), clock, storage, 'tokA');
      const b = await tab(course, lms.session(clock), clock, storage, 'tokB');
      expect(b.roles).toEqual(['standby']);
      // The first tab's LMS session ends (the learner's Moodle login timed out, say): its saves are refused.
      refused.refuse = true;
      passExam(a.store, exam);
      expect(interactionIds(lms.record)).toEqual([]);
      const taking = b.tracker.takeOver();
      await settle();
      await taking;
      b.tracker.exit();
      // The answers, the objectives and the pass. In 2004 each answer once. In 1.2 the first tab had
      // already recorded the refused answers again as new entries (Moodle's 1.2 player sends only what
      // changed, docs/lms-records.md), and the tab taking over writes every entry it did not know: where
      // no save of the first tab arrived, the answers are there twice, as a 1.2 journal may hold them.
      const ids = interactionIds(lms.record);
      const answers = exam.questions.map((q) => `${exam.id}-${q.id}`).sort();
      expect([...new Set(ids.filter((id) => id.startsWith(`${exam.id}-`)))].sort()).toEqual(answers);
      expect(ids.filter((id) => id.startsWith(`${exam.id}-`)).length).toBe(version === '12' ? 2 * answers.length : answers.length);
      const objectives = Object.keys(lms.record)
        .filter((k) => /^cmi\.objectives\.\d+\.id$/.test(k))
        .map((k) => lms.record[k]);
      expect(objectives.sort()).toEqual(['o1', 'o2', 'o3']);
      expect(lms.record[version === '12' ? 'cmi.core.score.raw' : 'cmi.score.raw']).toBe('100');
    });
  });
}
