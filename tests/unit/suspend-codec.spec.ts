import { expect, test } from '@playwright/test';
import { answer, checkAnswer, initialState, markViewed, navigate, startAttempt, submitQuiz } from '../../src/course/state.ts';
import { SUSPEND_LIMIT, decodeState, encodeState } from '../../src/course/suspend-codec.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';

const quiz = quizOf(Object.values(QUESTIONS), { timeLimitMinutes: 30 });
const course = courseOf(quiz);

function inProgress() {
  let s = navigate(markViewed(initialState(), 'l1'), 'quiz:exam');
  s = startAttempt(course, s, 'exam', { seed: 123456, now: 1_700_000_000_000, limitMs: 1_800_000 });
  s = answer(s, 'exam', 'single', ['b']);
  s = answer(s, 'exam', 'matching', ['i1.t2', 'i2.t1']);
  s = answer(s, 'exam', 'numeric', ['23']);
  return checkAnswer(course, s, 'exam', 'single');
}

test('an attempt in progress survives a round trip: questions, order seed, answers, deadline', () => {
  const s = inProgress();
  const text = encodeState(s);
  expect(text).toMatch(/^[\x20-\x7e]+$/);
  expect(text.length).toBeLessThan(SUSPEND_LIMIT);
  expect(decodeState(course, text)).toEqual({ state: s });
  const done = submitQuiz(course, s, 'exam');
  expect(decodeState(course, encodeState(done))).toEqual({ state: done });
});

test('answers to questions or choices that no longer exist are dropped, not moved', () => {
  const text = encodeState(inProgress()).replace('"r":{"single":["b"]', '"r":{"single":["zz"]');
  const { state } = decodeState(course, text);
  expect(state.quizzes.exam?.attempt?.answers.single).toBeUndefined();
  expect(state.quizzes.exam?.attempt?.answers.numeric).toEqual(['23']);
  // A question removed from the quiz makes the attempt unfair to continue: it is reset, scores kept.
  const smaller = courseOf(quizOf([QUESTIONS.single, QUESTIONS.numeric]));
  const after = decodeState(smaller, encodeState(submitQuiz(course, inProgress(), 'exam')));
  expect(after.state.quizzes.exam?.attempt).toBeNull();
  expect(after.state.quizzes.exam?.scores).toHaveLength(1);
  expect(after.note).toMatch(/no longer matches/);
});

test('format 1 progress is migrated: lessons read and scores kept, old answers reset', () => {
  const v1 = '{"v":1,"l":"quiz:exam","s":["l1","gone"],"q":{"exam":{"a":{"single":"b"},"x":[40]}}}';
  const { state, note } = decodeState(course, v1);
  expect(state).toEqual({ location: 'quiz:exam', viewed: ['l1'], quizzes: { exam: { attempt: null, scores: [40] } } });
  expect(note).toMatch(/older version/);
});

test('unreadable or foreign suspend data starts afresh with a note, never a crash', () => {
  expect(decodeState(course, 'not json').note).toMatch(/unreadable/);
  expect(decodeState(course, '{"v":99}').note).toMatch(/format 99/);
  expect(decodeState(course, '{"v":2,"l":"lesson:nope","q":{"exam":"x"}}').state).toEqual(initialState());
  expect(decodeState(course, '')).toEqual({ state: initialState() });
});
