import { expect, test } from '@playwright/test';
import { correctAnswer } from '../../src/course/questions.ts';
import { attemptResult, quizPassed } from '../../src/course/state.ts';
import type { Course, Quiz } from '../../src/course/types.ts';
import { wrongAnswer } from '../support/learner.ts';
import { FakeClock, memoryStorage } from '../support/fakes.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';
import { sharedRecord } from '../support/shared-record.ts';
import { trackedCourse } from '../support/tracked-course.ts';

// The coordinator replaces the package in the LMS with a new version while learners are mid-course.
// The learner's saved progress comes back to a course that changed: what they achieved stays.

const HOUR = 3_600_000;

/** The sample course with a second lesson, so that a passed exam does not complete it. */
function twoLessons(exam: Quiz): Course {
  const c = courseOf(exam);
  const l1 = c.lessons[0]!;
  return { ...c, lessons: [l1, { ...l1, id: 'l2', title: 'L2' }] };
}

/** Reads l1 and submits the exam with the first `right` questions answered correctly, the rest wrong. */
function takeExam(store: Awaited<ReturnType<typeof trackedCourse>>['store'], exam: Quiz, right: number): void {
  store.dispatch({ type: 'lesson-viewed', lessonId: 'l1' });
  store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
  exam.questions.forEach((q, i) =>
    store.dispatch({ type: 'answer', quizId: exam.id, questionId: q.id, value: i < right ? correctAnswer(q) : wrongAnswer(q) }),
  );
  store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
}

const questions = [QUESTIONS.single, QUESTIONS.true_false, QUESTIONS.numeric];

/**
 * A learner's first session on `course` in a new LMS record: the exam taken with its first `right`
 * answers right, then exit. `relaunch` brings them back a day later to `next` (a new version).
 * `extra`: what the LMS hands the course (its mastery score).
 */
async function firstSession(version: '12' | '2004', course: Course, right: number, extra: Record<string, string> = {}) {
  const clock = new FakeClock();
  const storage = memoryStorage();
  const lms = sharedRecord(version);
  const first = await trackedCourse(course, lms.session(clock, extra), clock, storage);
  takeExam(first.store, course.quizzes[0]!, right);
  first.tracker.exit();
  const relaunch = (next: Course, again: Record<string, string> = {}) => {
    clock.advance(24 * HOUR);
    return trackedCourse(next, lms.session(clock, again), clock, storage);
  };
  return { clock, storage, lms, first, relaunch };
}

for (const version of ['12', '2004'] as const) {
  test.describe(`SCORM ${version === '12' ? '1.2' : '2004'}`, () => {
    test('an exam passed under the old pass mark stays passed when a new version raises it', async () => {
      const v1 = twoLessons(quizOf(questions, { attempts: 1, passMark: 60 }));
      const v2 = twoLessons(quizOf(questions, { attempts: 1, passMark: 70 }));
      const mastery = (n: number): Record<string, string> =>
        version === '12' ? { 'cmi.student_data.mastery_score': String(n) } : { 'cmi.scaled_passing_score': String(n / 100) };
      // 2 of 3 right: 66.67 %, a pass at 60.
      const { lms, relaunch } = await firstSession(version, v1, 2, mastery(60));
      const before = { ...lms.record };
      if (version === '2004') expect(before['cmi.success_status']).toBe('passed');
      else expect(before['cmi.core.lesson_status']).toBe('incomplete');

      // The new version (pass mark 70) is uploaded; the learner comes back and reads the last lesson.
      const second = await relaunch(v2, mastery(70));
      second.store.dispatch({ type: 'lesson-viewed', lessonId: 'l2' });
      second.tracker.exit();
      if (version === '2004') {
        expect(lms.record['cmi.success_status']).toBe('passed');
        expect(lms.record['cmi.completion_status']).toBe('completed');
      } else expect(lms.record['cmi.core.lesson_status']).toBe('passed');
      expect(second.store.state.completedAt).not.toBeNull();
    });

    test('progress saved before verdicts were kept: the next launch fixes the verdict, so a pass mark raised after it takes no pass away', async () => {
      const v1 = twoLessons(quizOf(questions, { attempts: 1, passMark: 60 }));
      const v2 = twoLessons(quizOf(questions, { attempts: 1, passMark: 70 }));
      const { clock, storage, lms, relaunch } = await firstSession(version, v1, 2);
      // As a version that kept no verdict saved it.
      const key = 'cmi.suspend_data';
      expect(lms.record[key]).toContain('"g":1');
      lms.record[key] = (lms.record[key] ?? '').replace(',"g":1', '');
      storage.clear();
      // The first launch of this version, with the pass mark unchanged: the verdict is fixed then.
      clock.advance(HOUR);
      const second = await trackedCourse(v1, lms.session(clock), clock, storage);
      second.tracker.exit();
      expect(lms.record[key]).toContain('"g":1');
      // The pass mark is raised later: the pass stays.
      const third = await relaunch(v2);
      third.store.dispatch({ type: 'lesson-viewed', lessonId: 'l2' });
      third.tracker.exit();
      expect(third.store.state.completedAt).not.toBeNull();
      if (version === '2004') expect(lms.record['cmi.success_status']).toBe('passed');
      else expect(lms.record['cmi.core.lesson_status']).toBe('passed');
    });

    test('a fail under the old pass mark is a pass once a new version lowers the mark below its score: record, certificate and result screen agree', async () => {
      const v1 = courseOf(quizOf(questions, { attempts: 2, passMark: 70 }));
      const v2 = courseOf(quizOf(questions, { attempts: 2, passMark: 60 }));
      // 2 of 3 right: 66.67 %, a fail at 70, with an attempt left.
      const { lms, relaunch } = await firstSession(version, v1, 2);
      expect(lms.record['cmi.suspend_data']).toContain('"g":0');
      if (version === '2004') expect(lms.record['cmi.success_status']).toBe('failed');

      // The result screen judges the attempt on screen under the pass mark in force (60): a pass, with
      // no Try again. The record must say so too, or the learner can neither retry nor finish.
      const second = await relaunch(v2);
      const exam = v2.quizzes[0]!;
      const progress = second.store.state.quizzes[exam.id]!;
      expect(attemptResult(exam, progress.attempt!, 60).passed).toBe(true);
      expect(quizPassed(exam, progress, 60)).toBe(true);
      second.tracker.exit();
      expect(second.store.state.completedAt).not.toBeNull();
      if (version === '2004') {
        expect(lms.record['cmi.success_status']).toBe('passed');
        expect(lms.record['cmi.completion_status']).toBe('completed');
      } else expect(lms.record['cmi.core.lesson_status']).toBe('passed');
    });

    test('a critical topic missed stays a fail when a new version lowers the pass mark below the score', async () => {
      const five = [QUESTIONS.true_false, QUESTIONS.numeric, QUESTIONS.matching, QUESTIONS.ordering, QUESTIONS.single];
      const blueprint = [{ objective: 'o1', draw: 1, always: [], oneOf: [], critical: true }];
      const v1 = courseOf(quizOf(five, { attempts: 2, passMark: 90, blueprint }));
      const v2 = courseOf(quizOf(five, { attempts: 2, passMark: 70, blueprint }));
      // 4 of 5 right (80 %), the one wrong on the critical topic: a fail at 90, and at any mark.
      const { lms, first, relaunch } = await firstSession(version, v1, 4);
      const exam = v2.quizzes[0]!;
      expect(attemptResult(exam, first.store.state.quizzes[exam.id]!.attempt!, 70)).toMatchObject({
        percent: 80,
        criticalMissed: ['o1'],
        passed: false,
      });

      const second = await relaunch(v2);
      expect(quizPassed(exam, second.store.state.quizzes[exam.id]!, 70)).toBe(false);
      second.tracker.exit();
      expect(second.store.state.completedAt).toBeNull();
      if (version === '2004') expect(lms.record['cmi.success_status']).toBe('failed');
      else expect(lms.record['cmi.core.lesson_status']).not.toBe('passed');
    });

    test('a completed course stays completed when a new version adds a lesson (an LMS that reopens it in normal mode)', async () => {
      const exam = quizOf(questions, { attempts: 1, passMark: 60 });
      const v1 = courseOf(exam);
      const v2 = twoLessons(exam);
      const { lms, first, relaunch } = await firstSession(version, v1, 3);
      const completedAt = first.store.state.completedAt;
      expect(completedAt).not.toBeNull();
      const status = version === '2004' ? 'cmi.completion_status' : 'cmi.core.lesson_status';
      const done = version === '2004' ? 'completed' : 'passed';
      expect(lms.record[status]).toBe(done);

      // Chamilo gives a finished SCORM 2004 attempt no review mode: the relaunch records.
      const second = await relaunch(v2);
      second.tracker.exit();
      expect(lms.record[status]).toBe(done);
      if (version === '2004') expect(lms.record['cmi.success_status']).toBe('passed');
      expect(second.store.state.completedAt).toBe(completedAt);
    });
  });
}
