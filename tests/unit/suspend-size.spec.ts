import { expect, test } from '@playwright/test';
import { loadCourse } from '../../src/content/load-course.ts';
import { largestState, largestSuspendData } from '../../src/course/suspend-budget.ts';
import { correctAnswer } from '../../src/course/questions.ts';
import type { CourseStore } from '../../src/course/store.ts';
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
// times (which the LMS's interaction records use as latencies) but the latest question's, instead
// of the whole attempt.

/** An untimed exam of 80 questions with long ids, and a learner who answers one every 11 days or so. */
function longOpenExam() {
  const questions = Array.from({ length: 80 }, (_, i) => ({
    ...QUESTIONS.single,
    id: `question_with_a_long_id_${String(i).padStart(3, '0')}`,
  }));
  const exam = quizOf(questions, { passMark: 80 });
  const course = courseOf(exam);
  const clock = new FakeClock();
  const answer = (store: CourseStore, i: number) => {
    const q = questions[i]!;
    // Away for days (a closed laptop: no timer runs meanwhile), then back for a moment.
    clock.time += 1_000_000_000;
    clock.advance(1000);
    store.dispatch({ type: 'question-shown', quizId: exam.id, questionId: q.id });
    store.dispatch({ type: 'answer', quizId: exam.id, questionId: q.id, value: correctAnswer(q) });
  };
  const open = (store: CourseStore) => {
    store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
    store.dispatch({ type: 'start-quiz', quizId: exam.id });
  };
  const overLimit = (store: CourseStore) => encodeState(store.state, { savedAt: clock.now(), token: 'tok' }).length > SUSPEND_LIMIT;
  return { questions, exam, course, clock, answer, open, overLimit };
}

for (const version of ['12', '2004'] as const) {
  const label = version === '12' ? '1.2' : '2004';

  test(`SCORM ${label}: an open attempt whose times outgrow the limit is saved without most of them, its answers kept`, async () => {
    const { questions, exam, course, clock, answer, open, overLimit } = longOpenExam();
    const storage = memoryStorage();
    const lms = sharedRecord(version);
    const first = await trackedCourse(course, lms.session(clock), clock, storage);
    open(first.store);
    questions.forEach((_, i) => answer(first.store, i));
    first.store.dispatch({ type: 'flag-question', quizId: exam.id, questionId: questions[5]!.id, flagged: true });
    first.store.dispatch({ type: 'go-to-question', quizId: exam.id, index: 40 });
    expect(overLimit(first.store), 'the state with its times should be over the limit').toBe(true);
    first.tracker.exit();

    expect(lms.record['cmi.suspend_data']?.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
    // The learner comes back to the same question, with every answer and the flag.
    const second = await trackedCourse(course, lms.session(clock), clock, storage);
    const back = second.store.state.quizzes[exam.id]?.attempt;
    expect(back?.submitted).toBe(false);
    expect(Object.keys(back?.answers ?? {})).toHaveLength(questions.length);
    expect(back?.flagged).toEqual([questions[5]!.id]);
    expect(back?.current).toBe(40);
    // Of the times, only the last question's are kept: they date the attempt's last activity.
    expect(Object.keys(back?.times ?? {})).toEqual([questions.at(-1)!.id]);
  });

  // The LMS stops storing saves (its session ended) while the learner goes on: this browser's copy
  // holds the answers the LMS lacks, saved past the limit. The relaunch merges the two copies by the
  // attempt's last activity, which the saved copy must still date.
  test(`SCORM ${label}: answers only this browser kept, in a copy saved past the limit, come back at the next launch`, async () => {
    const { questions, exam, course, clock, answer, open, overLimit } = longOpenExam();
    const storage = memoryStorage();
    const lms = sharedRecord(version);
    const control = { refuse: false };
    const first = await trackedCourse(course, lms.session(clock, {}, control), clock, storage);
    open(first.store);
    for (let i = 0; i < 20; i++) answer(first.store, i);
    clock.advance(60_000);
    const inLms = lms.record['cmi.suspend_data'] ?? '';
    expect(inLms).toContain('question_with_a_long_id_019');
    control.refuse = true;
    for (let i = 20; i < questions.length; i++) answer(first.store, i);
    expect(overLimit(first.store)).toBe(true);
    clock.advance(60_000);
    // The page is gone without a last call (a crash): the LMS still has the first 20 answers.
    expect(lms.record['cmi.suspend_data']).toBe(inLms);

    const second = await trackedCourse(course, lms.session(clock), clock, storage);
    const back = second.store.state.quizzes[exam.id]?.attempt;
    expect(back?.submitted).toBe(false);
    expect(Object.keys(back?.answers ?? {}), "every answer given, from this browser's copy").toHaveLength(questions.length);
  });
}
