import { expect, test } from '@playwright/test';
import { loadCourse } from '../../src/content/load-course.ts';
import { largestState, largestSuspendData } from '../../src/course/suspend-budget.ts';
import { correctAnswer } from '../../src/course/questions.ts';
import { SUSPEND_LIMIT, decodeState, encodeState } from '../../src/course/suspend-codec.ts';
import { FakeClock, memoryStorage } from '../support/fakes.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';
import { sharedRecord } from '../support/shared-record.ts';
import { trackedCourse } from '../support/tracked-course.ts';
import { ROOT } from '../support/paths.ts';

test('suspend data from the real content at its largest possible state fits SCORM 1.2 (4,096 characters)', async () => {
  const { course } = await loadCourse(ROOT);
  const state = largestState(course);
  const text = largestSuspendData(course);
  console.log(`largest suspend data from the real content: ${text.length} of ${SUSPEND_LIMIT} characters`);
  expect(text).toMatch(/^[\x20-\x7e]*$/);
  expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
  // And it reads back to the same state.
  expect(decodeState(course, text).state).toEqual(state);
});

// An exam left open for months (untimed) can note question times past what the build budgets
// for. Past the limit, the open attempt keeps its answers, flags and place, and loses only the
// times (which the LMS's interaction records use as latencies) instead of the whole attempt.
for (const version of ['12', '2004'] as const) {
  test(`SCORM ${version === '12' ? '1.2' : '2004'}: an open attempt whose times outgrow the limit is saved without them, its answers kept`, async () => {
    const questions = Array.from({ length: 80 }, (_, i) => ({
      ...QUESTIONS.single,
      id: `question_with_a_long_id_${String(i).padStart(3, '0')}`,
    }));
    const exam = quizOf(questions, { passMark: 80 });
    const course = courseOf(exam);
    const clock = new FakeClock();
    const storage = memoryStorage();
    const lms = sharedRecord(version);
    const first = await trackedCourse(course, lms.session(clock), clock, storage);
    first.store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
    first.store.dispatch({ type: 'start-quiz', quizId: exam.id });
    for (const q of questions) {
      // Days between questions: the exam is left open and taken up again, for months.
      clock.advance(1_000_000_000);
      first.store.dispatch({ type: 'question-shown', quizId: exam.id, questionId: q.id });
      first.store.dispatch({ type: 'answer', quizId: exam.id, questionId: q.id, value: correctAnswer(q) });
    }
    first.store.dispatch({ type: 'flag-question', quizId: exam.id, questionId: questions[5]!.id, flagged: true });
    first.store.dispatch({ type: 'go-to-question', quizId: exam.id, index: 40 });
    const full = encodeState(first.store.state, { savedAt: clock.now(), token: 'tok' });
    expect(full.length, 'the state with its times should be over the limit').toBeGreaterThan(SUSPEND_LIMIT);
    first.tracker.exit();

    expect(lms.record['cmi.suspend_data']?.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    // The learner comes back to the same question, with every answer and the flag.
    const second = await trackedCourse(course, lms.session(clock), clock, storage);
    const back = second.store.state.quizzes[exam.id]?.attempt;
    expect(back?.submitted).toBe(false);
    expect(Object.keys(back?.answers ?? {})).toHaveLength(questions.length);
    expect(back?.flagged).toEqual([questions[5]!.id]);
    expect(back?.current).toBe(40);
    expect(back?.times).toEqual({});
  });
}
