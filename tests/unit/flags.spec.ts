import { expect, test } from '@playwright/test';
import { correctAnswer } from '../../src/course/questions.ts';
import { initialState, quizProgress, type CourseState } from '../../src/course/state.ts';
import { CourseStore, reduce, type StoreContext } from '../../src/course/store.ts';
import { urgencyOf } from '../../src/tracking/commit-policy.ts';
import { Tracker } from '../../src/tracking/tracker.ts';
import { FakeClock, fakeLms, memoryStorage } from '../support/fakes.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';

const SECOND = 1000;
const exam = quizOf(Object.values(QUESTIONS), { timeLimitMinutes: 30 });
const course = courseOf(exam);
const check = quizOf([QUESTIONS.single, QUESTIONS.true_false], { id: 'check', title: 'Check', graded: false, feedback: 'immediate' });
const withCheck = { ...course, quizzes: [exam, check] };

function context(c = course): StoreContext {
  return {
    course: c,
    now: () => 1_700_000_000_000,
    seed: () => 7,
    timeLimitMs: (q) => (q.timeLimitMinutes ? q.timeLimitMinutes * 60_000 : null),
    passMark: 80,
  };
}

function started(c = course): CourseState {
  return reduce(context(c), initialState(), { type: 'start-quiz', quizId: exam.id });
}

const flag = (questionId: string, flagged = true, quizId = exam.id) => ({ type: 'flag-question' as const, quizId, questionId, flagged });
const flagsOf = (s: CourseState, quizId = exam.id) => quizProgress(s, quizId).attempt?.flagged;

test('flag-question marks a question of the open attempt and takes the mark off again; flags keep the order shown', () => {
  const ctx = context();
  let s = started();
  expect(flagsOf(s)).toEqual([]);
  const order = quizProgress(s, exam.id).attempt?.questions ?? [];
  const [first, second, third] = order as [string, string, string];
  s = reduce(ctx, s, flag(third));
  s = reduce(ctx, s, flag(first));
  expect(flagsOf(s)).toEqual([first, third]);
  // Flagging a flagged question (or unflagging an unflagged one) changes nothing, not even the object.
  expect(reduce(ctx, s, flag(first))).toBe(s);
  expect(reduce(ctx, s, flag(second, false))).toBe(s);
  s = reduce(ctx, s, flag(first, false));
  expect(flagsOf(s)).toEqual([third]);
  // Answers and flags are independent.
  s = reduce(ctx, s, { type: 'answer', quizId: exam.id, questionId: third, value: ['b'] });
  expect(flagsOf(s)).toEqual([third]);
});

test('flags are refused for a question not drawn, a quiz without an open attempt and a quiz that checks each answer', () => {
  const ctx = context(withCheck);
  const before = initialState();
  expect(reduce(ctx, before, flag('single'))).toBe(before);
  const s = started(withCheck);
  expect(reduce(ctx, s, flag('no_such_question'))).toBe(s);
  const inCheck = reduce(ctx, s, { type: 'navigate', location: 'quiz:check' });
  expect(quizProgress(inCheck, 'check').attempt).not.toBeNull();
  expect(reduce(ctx, inCheck, flag('single', true, 'check'))).toBe(inCheck);
});

test('flags are dropped when the attempt is submitted, also when time runs out', () => {
  const ctx = context();
  for (const timedOut of [false, true]) {
    let s = reduce(ctx, started(), flag('single'));
    s = reduce(ctx, s, { type: 'submit-quiz', quizId: exam.id, timedOut });
    expect(quizProgress(s, exam.id).attempt).toMatchObject({ submitted: true, timedOut, flagged: [] });
    // A submitted attempt takes no new flag.
    expect(reduce(ctx, s, flag('single'))).toBe(s);
  }
});

test('a flag in a graded or timed quiz is committed within a minute, like an answer', () => {
  const ctx = context();
  const s = started();
  const flagged = reduce(ctx, s, flag('single'));
  expect(urgencyOf(course, s, flagged, () => true)).toBe('soon');
  expect(urgencyOf(course, flagged, reduce(ctx, flagged, flag('single', false)), () => true)).toBe('soon');
  // Ungraded and untimed: with the next commit.
  const practice = { ...exam, graded: false };
  expect(urgencyOf({ ...course, quizzes: [practice] }, s, flagged, () => false)).toBe('later');
});

for (const version of ['12', '2004'] as const) {
  test(`SCORM ${version === '12' ? '1.2' : '2004'}: flags reach the LMS only inside the suspend data`, async () => {
    const clock = new FakeClock();
    const lms = fakeLms(version);
    const tracker = new Tracker(course, lms.session(clock), {
      log: () => {},
      clock,
      storage: memoryStorage(),
      activity: '/a/1/index.html',
      onSaveState: () => {},
      newToken: () => 'tok1',
    });
    const start = await tracker.begin();
    const store = new CourseStore(
      { ...context(), now: () => clock.now(), timeLimitMs: (q) => tracker.timeLimit(q)?.ms ?? null },
      start.state,
    );
    tracker.attach(store);
    store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
    store.dispatch({ type: 'start-quiz', quizId: exam.id });
    const from = lms.calls.length;
    store.dispatch(flag('numeric'));
    clock.advance(61 * SECOND);
    const sent = lms.calls.slice(from);
    expect(sent.filter((c) => c === 'Commit')).toHaveLength(1);
    const suspend = JSON.parse(lms.cmi['cmi.suspend_data'] ?? '{}');
    expect(suspend.q[exam.id][3][8]).toEqual([exam.questions.findIndex((q) => q.id === 'numeric')]);
    // Nothing but the saved state changed: no interaction or objective mentions a flag.
    expect(sent.filter((c) => c.startsWith('SetValue') && !c.startsWith('SetValue cmi.suspend_data=') && !/session_time/.test(c))).toEqual(
      [],
    );
    for (const q of exam.questions) store.dispatch({ type: 'answer', quizId: exam.id, questionId: q.id, value: correctAnswer(q) });
    store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
    expect(Object.entries(lms.cmi).filter(([, v]) => /flag/i.test(v))).toEqual([]);
    expect(JSON.parse(lms.cmi['cmi.suspend_data'] ?? '{}').q[exam.id][3][8]).toBeUndefined();
  });
}
