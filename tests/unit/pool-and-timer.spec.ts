import { expect, test } from '@playwright/test';
import { drawQuestions } from '../../src/course/pool.ts';
import { answer, courseOutcome, initialState, retryQuiz, startAttempt, submitExpired, submitQuiz } from '../../src/course/state.ts';
import { effectiveTimeLimit, formatClock, remainingMs, timeMultiplier, warningPoints } from '../../src/course/timer.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';

const all = Object.values(QUESTIONS);

test('a draw takes N questions, the same for the same seed, in authored order unless shuffled', () => {
  const quiz = quizOf(all, { draw: 3 });
  const a = drawQuestions(quiz, 7);
  expect(a).toHaveLength(3);
  expect(drawQuestions(quiz, 7)).toEqual(a);
  expect([...a].sort((x, y) => all.findIndex((q) => q.id === x) - all.findIndex((q) => q.id === y))).toEqual(a);
  const seen = new Set(Array.from({ length: 30 }, (_, s) => drawQuestions(quiz, s).join()));
  expect(seen.size).toBeGreaterThan(1);
  const shuffled = quizOf(all, { shuffleQuestions: true });
  expect(new Set(Array.from({ length: 30 }, (_, s) => drawQuestions(shuffled, s).join())).size).toBeGreaterThan(1);
});

test('a per-objective draw covers every objective the requested number of times', () => {
  const quiz = quizOf(all, { drawPerObjective: 1 });
  for (let seed = 0; seed < 20; seed++) {
    const drawn = drawQuestions(quiz, seed).map((id) => all.find((q) => q.id === id));
    for (const o of ['o1', 'o2', 'o3']) expect(drawn.filter((q) => q?.objectives.includes(o)).length).toBeGreaterThanOrEqual(1);
  }
});

test('the deadline is stored: remaining time comes from it, not from a counter', () => {
  const quiz = quizOf(all, { timeLimitMinutes: 30 });
  const course = courseOf(quiz);
  const s = startAttempt(course, initialState(), 'exam', { seed: 1, now: 1_000_000, limitMs: 30 * 60_000 });
  const attempt = s.quizzes.exam?.attempt;
  expect(attempt?.deadline).toBe(1_000_000 + 1_800_000);
  expect(remainingMs(attempt?.deadline ?? 0, 1_000_000 + 600_000)).toBe(1_200_000);
  expect(remainingMs(attempt?.deadline ?? 0, 9_999_999_999)).toBe(0);
});

test('an attempt whose deadline passed is submitted with the answers given', () => {
  const quiz = quizOf([QUESTIONS.single, QUESTIONS.true_false], { timeLimitMinutes: 1 });
  const course = courseOf(quiz);
  let s = startAttempt(course, initialState(), 'exam', { seed: 1, now: 0, limitMs: 60_000 });
  s = answer(s, 'exam', 'single', ['b'], 1_000);
  expect(submitExpired(course, s, 59_000, () => true).expired).toEqual([]);
  const { state, expired } = submitExpired(course, s, 61_000, () => true);
  expect(expired).toEqual(['exam']);
  expect(state.quizzes.exam?.attempt?.timedOut).toBe(true);
  expect(state.quizzes.exam).toMatchObject({ attemptsUsed: 1, bestScore: 50, lastScore: 50 });
});

test('the LMS limit replaces the author limit, scaled by the launch-data multiplier', () => {
  const quiz = { timeLimitMinutes: 30, graded: true };
  expect(effectiveTimeLimit(quiz, { maxTimeMs: null, action: '', multiplier: 1 })).toEqual({
    ms: 1_800_000,
    onExpiry: 'submit',
    source: 'author',
  });
  expect(effectiveTimeLimit(quiz, { maxTimeMs: 3_600_000, action: 'continue,message', multiplier: 1 })).toEqual({
    ms: 3_600_000,
    onExpiry: 'warn',
    source: 'lms',
  });
  expect(effectiveTimeLimit(quiz, { maxTimeMs: null, action: 'exit,message', multiplier: 1.5 })?.ms).toBe(2_700_000);
  // The action applies to the LMS's own limit only (2004 LMSs default it to "continue,no message").
  expect(effectiveTimeLimit(quiz, { maxTimeMs: null, action: 'continue,no message', multiplier: 1 })?.onExpiry).toBe('submit');
  expect(effectiveTimeLimit({ timeLimitMinutes: null, graded: false }, { maxTimeMs: 60_000, action: '', multiplier: 1 })).toBeNull();
  expect(effectiveTimeLimit({ timeLimitMinutes: null, graded: true }, { maxTimeMs: 60_000, action: '', multiplier: 1 })?.ms).toBe(60_000);
  expect(timeMultiplier('time_multiplier=1.5')).toBe(1.5);
  expect(timeMultiplier('lang=en&time_multiplier=2')).toBe(2);
  expect(timeMultiplier('time_multiplier=50')).toBe(1);
  expect(timeMultiplier('')).toBe(1);
});

test('warnings come at 5 and 1 minutes, or halfway through a short limit', () => {
  expect(warningPoints(30 * 60_000)).toEqual([300_000, 60_000]);
  expect(warningPoints(3 * 60_000)).toEqual([60_000]);
  expect(warningPoints(60_000)).toEqual([30_000]);
  expect(formatClock(61_000)).toBe('1:01');
  expect(formatClock(3_725_000)).toBe('1:02:05');
});

test('attempts run out; the counted score is the best or the last, as configured', () => {
  const quiz = quizOf([QUESTIONS.single], { attempts: 2, counts: 'last', passMark: 50 });
  const course = courseOf(quiz);
  let s = initialState();
  const attemptWith = (choice: string) => {
    s = startAttempt(course, s, 'exam', { seed: 1, now: 0, limitMs: null });
    s = answer(s, 'exam', 'single', [choice], 1_000);
    s = submitQuiz(course, s, 'exam');
    s = retryQuiz(course, s, 'exam');
  };
  attemptWith('b');
  attemptWith('a');
  expect(s.quizzes.exam).toMatchObject({ attemptsUsed: 2, bestScore: 100, lastScore: 0 });
  expect(courseOutcome(course, s).score).toBe(0);
  expect(courseOutcome(course, s).outOfAttempts).toBe(true);
  expect(startAttempt(course, s, 'exam', { seed: 2, now: 0, limitMs: null })).toBe(s);
  expect(courseOutcome(courseOf({ ...quiz, counts: 'highest' }), s).score).toBe(100);
});
