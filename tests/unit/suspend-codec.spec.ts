import { expect, test } from '@playwright/test';
import {
  answer,
  checkAnswer,
  flagQuestion,
  goToQuestion,
  initialState,
  markViewed,
  navigate,
  questionShown,
  reachSection,
  startAttempt,
  submitQuiz,
} from '../../src/course/state.ts';
import { SUSPEND_LIMIT, decodeState, encodeState } from '../../src/course/suspend-codec.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';

const quiz = quizOf(Object.values(QUESTIONS), { timeLimitMinutes: 30 });
const course = courseOf(quiz);
const NOW = 1_700_000_000_000;

function inProgress() {
  let s = reachSection(navigate(markViewed(initialState(), 'l1'), 'lesson:l1'), 3);
  s = startAttempt(course, s, 'exam', { seed: 123456, now: NOW, limitMs: 1_800_000 });
  s = questionShown(s, 'exam', 'single', NOW + 2_000);
  s = answer(s, 'exam', 'single', ['b'], NOW + 9_000);
  s = answer(s, 'exam', 'single', ['a'], NOW + 12_000);
  s = answer(s, 'exam', 'single', ['b'], NOW + 15_000);
  s = answer(s, 'exam', 'matching', ['i1.t2', 'i2.t1'], NOW + 30_000);
  s = answer(s, 'exam', 'numeric', ['23'], NOW + 41_000);
  return checkAnswer(course, s, 'exam', 'single');
}

const STAMP = { savedAt: NOW, token: 'rec42' };

test('an attempt in progress survives a round trip: questions, seed, answers, deadline, position, times', () => {
  const s = inProgress();
  const text = encodeState(s, STAMP);
  expect(text).toMatch(/^[\x20-\x7e]+$/);
  expect(decodeState(course, text)).toEqual({ state: s, savedAt: NOW, token: 'rec42' });
  // When each question was shown, first answered and last answered.
  expect(decodeState(course, text).state.quizzes.exam?.attempt?.times.single).toEqual({
    shown: NOW + 2_000,
    firstAnswer: NOW + 9_000,
    answered: NOW + 15_000,
  });
  expect(decodeState(course, text).state.quizzes.exam?.attempt?.times.matching).toEqual({
    shown: NOW + 30_000,
    firstAnswer: NOW + 30_000,
    answered: NOW + 30_000,
  });
  // Once submitted (and reported), the times are no longer kept.
  const done = submitQuiz(course, s, 'exam');
  expect(decodeState(course, encodeState(done, STAMP)).state).toEqual({
    ...done,
    quizzes: { exam: { ...done.quizzes.exam, attempt: { ...done.quizzes.exam?.attempt, times: {} } } },
  });
});

test('flags for review survive a round trip while the attempt is open, with or without question times, and go once it is submitted', () => {
  const flagged = flagQuestion(flagQuestion(inProgress(), 'exam', 'ordering', true), 'exam', 'multiple', true);
  expect(flagged.quizzes.exam?.attempt?.flagged).toEqual(['multiple', 'ordering']);
  const text = encodeState(flagged, STAMP);
  expect(text).toContain('"v":5,');
  expect(decodeState(course, text)).toEqual({ state: flagged, savedAt: NOW, token: 'rec42' });
  // No time noted yet (nothing shown or answered): the times give way to a 0 and the flags still read.
  const fresh = flagQuestion(
    startAttempt(course, initialState(), 'exam', { seed: 9, now: NOW, limitMs: 1_800_000 }),
    'exam',
    'numeric',
    true,
  );
  const freshText = encodeState(fresh, STAMP);
  expect(freshText).toContain(',0,[5]]');
  expect(decodeState(course, freshText).state).toEqual(fresh);
  // Submitted: no flags are kept.
  const done = submitQuiz(course, flagged, 'exam');
  expect(decodeState(course, encodeState(done, STAMP)).state.quizzes.exam?.attempt?.flagged).toEqual([]);
  // Indices that point at no drawn question are dropped, and a submitted attempt never carries flags.
  const odd = text.replace(/,\[1,4\]\]/, ',[4,99,-1,"x",1,4]]');
  expect(odd).not.toBe(text);
  expect(decodeState(course, odd).state.quizzes.exam?.attempt?.flagged).toEqual(['multiple', 'ordering']);
  const marked = JSON.parse(text);
  marked.q.exam[3][3] = 1;
  expect(decodeState(course, JSON.stringify(marked)).state.quizzes.exam?.attempt).toMatchObject({ submitted: true, flagged: [] });
});

test('the question on screen (the exam shows one at a time) is kept while the attempt is open, so a resume returns to it', () => {
  const s = inProgress();
  // On the first question nothing is written for it.
  expect(JSON.parse(encodeState(s, STAMP)).q.exam[3]).toHaveLength(8);
  const moved = goToQuestion(s, 'exam', 4);
  const text = encodeState(moved, STAMP);
  expect(JSON.parse(text).q.exam[3][9]).toBe(4);
  expect(decodeState(course, text).state).toEqual(moved);
  // Out of range or not a number: the nearest question that exists, or the first.
  const raw = JSON.parse(text);
  raw.q.exam[3][9] = 99;
  const drawn = moved.quizzes.exam?.attempt?.questions.length ?? 0;
  expect(decodeState(course, JSON.stringify(raw)).state.quizzes.exam?.attempt?.current).toBe(drawn - 1);
  raw.q.exam[3][9] = 'x';
  expect(decodeState(course, JSON.stringify(raw)).state.quizzes.exam?.attempt?.current).toBe(0);
  // No move past the attempt's questions, and none once it is submitted; a submitted attempt keeps none.
  expect(goToQuestion(moved, 'exam', drawn)).toBe(moved);
  const done = submitQuiz(course, moved, 'exam');
  expect(goToQuestion(done, 'exam', 1)).toBe(done);
  expect(decodeState(course, encodeState(done, STAMP)).state.quizzes.exam?.attempt?.current).toBe(0);
});

test('format 4 (question times as lists of decimal seconds) still reads, times included', () => {
  const s = inProgress();
  const v5 = JSON.parse(encodeState(s, STAMP));
  const attempt = v5.q.exam[3];
  expect(typeof attempt[7]).toBe('string');
  attempt[7] = (attempt[7] as string).split(',').map((t) => t.split('.').map((x) => (x === '' ? -1 : parseInt(x, 36))));
  v5.v = 4;
  expect(decodeState(course, JSON.stringify(v5))).toEqual({ state: s, savedAt: NOW, token: 'rec42' });
});

test('saved data without flags reads with no question flagged', () => {
  const s = inProgress();
  const text = encodeState(s, STAMP);
  expect(JSON.parse(text).q.exam[3]).toHaveLength(8);
  expect(decodeState(course, text).state.quizzes.exam?.attempt?.flagged).toEqual([]);
});

test('format 3 (no record token, no times) still reads', () => {
  const s = inProgress();
  const attempt = s.quizzes.exam?.attempt;
  const untimed = {
    ...s,
    quizzes: { exam: { attemptsUsed: 0, bestScore: null, lastScore: null, attempt: attempt ? { ...attempt, times: {} } : null } },
  };
  const v3 = encodeState(untimed, STAMP).replace('"v":5,"k":"rec42",', '"v":3,');
  expect(v3).toMatch(/^\{"v":3,"t":/);
  const read = decodeState(course, v3);
  expect(read.token).toBeNull();
  expect(read.state.quizzes.exam?.attempt?.answers.numeric).toEqual(['23']);
  expect(read.state.quizzes.exam?.attempt?.times).toEqual({});
});

test('answers to choices that no longer exist are dropped, not moved to another question', () => {
  const text = encodeState(inProgress(), STAMP).replace('["b",', '["zz",');
  const { state } = decodeState(course, text);
  expect(state.quizzes.exam?.attempt?.answers.single).toBeUndefined();
  expect(state.quizzes.exam?.attempt?.answers.numeric).toEqual(['23']);
  // A question removed from the quiz makes the attempt unfair to continue: it is reset, scores kept.
  const smaller = courseOf(quizOf([QUESTIONS.single, QUESTIONS.numeric]));
  const after = decodeState(smaller, encodeState(submitQuiz(course, inProgress(), 'exam'), STAMP));
  expect(after.state.quizzes.exam).toMatchObject({ attempt: null, attemptsUsed: 1 });
  expect(after.note).toMatch(/no longer matches/);
});

test('older formats are migrated: lessons read, position and scores kept, attempts in progress reset', () => {
  const v1 = '{"v":1,"l":"quiz:exam","s":["l1","gone"],"q":{"exam":{"a":{"single":"b"},"x":[40,70]}}}';
  const one = decodeState(course, v1);
  expect(one.state).toEqual({
    location: 'quiz:exam',
    section: 0,
    completedAt: null,
    viewed: ['l1'],
    quizzes: { exam: { attempt: null, attemptsUsed: 2, bestScore: 70, lastScore: 70 } },
  });
  expect(one.note).toMatch(/older version/);
  const v2 = '{"v":2,"l":"lesson:l1","s":[],"q":{"exam":{"x":[55],"a":{"s":1,"q":["single"],"r":{},"t":1}}}}';
  expect(decodeState(course, v2).state.quizzes.exam).toEqual({ attempt: null, attemptsUsed: 1, bestScore: 55, lastScore: 55 });
});

test('unreadable or foreign suspend data starts afresh with a note, never a crash', () => {
  expect(decodeState(course, 'not json').note).toMatch(/unreadable/);
  expect(decodeState(course, '{"v":99}').note).toMatch(/format 99/);
  expect(decodeState(course, '[1,2]').note).toMatch(/format/);
  expect(decodeState(course, '{"v":3,"l":"lesson:nope","q":{"exam":"x"}}').state).toEqual(initialState());
  expect(decodeState(course, '{"v":3,"q":{"exam":[1,null,null,["x",0,0,0,[],[],[]]]}}').state.quizzes.exam?.attempt).toBeNull();
  expect(decodeState(course, 'not json').unreadable).toBe(true);
  expect(decodeState(course, '')).toEqual({ state: initialState(), savedAt: 0, token: null });
});

test('the encoding stays under the SCORM 1.2 limit for this sample', () => {
  expect(encodeState(inProgress(), STAMP).length).toBeLessThan(SUSPEND_LIMIT);
});
