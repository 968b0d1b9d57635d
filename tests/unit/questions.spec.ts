import { expect, test } from '@playwright/test';
import { correctAnswer, isAnswered, isValidAnswer, optionOrder, questionScore, readNumber } from '../../src/course/questions.ts';
import { QUESTIONS } from '../support/sample-course.ts';

const { single, multiple, true_false, matching, ordering, numeric } = QUESTIONS;

test('single choice: the one correct choice scores', () => {
  expect(questionScore(single, ['b'])).toBe(1);
  expect(questionScore(single, ['a'])).toBe(0);
  expect(questionScore(single, undefined)).toBe(0);
  expect(isValidAnswer(single, ['z'])).toBe(false);
});

test('multiple response: all or nothing by default, partial credit when asked', () => {
  expect(questionScore(multiple, ['a', 'c'])).toBe(1);
  expect(questionScore(multiple, ['a'])).toBe(0);
  expect(questionScore(multiple, ['a', 'b', 'c'])).toBe(0);
  const partial = { ...multiple, scoring: 'partial' as const };
  expect(questionScore(partial, ['a'])).toBe(0.5);
  // A wrong pick cancels a right one; never below zero.
  expect(questionScore(partial, ['a', 'b'])).toBe(0);
  expect(questionScore(partial, ['b', 'd'])).toBe(0);
  expect(questionScore(partial, ['a', 'c'])).toBe(1);
  expect(isValidAnswer(multiple, ['a', 'a'])).toBe(false);
});

test('true/false', () => {
  expect(questionScore(true_false, ['false'])).toBe(1);
  expect(questionScore(true_false, ['true'])).toBe(0);
  expect(isValidAnswer(true_false, ['yes'])).toBe(false);
});

test('matching: every pair right, or a share of them with partial credit', () => {
  expect(questionScore(matching, ['i1.t2', 'i2.t1', 'i3.t3'])).toBe(1);
  expect(questionScore(matching, ['i1.t2', 'i2.t3', 'i3.t1'])).toBe(0);
  expect(questionScore({ ...matching, scoring: 'partial' }, ['i1.t2', 'i2.t3', 'i3.t1'])).toBeCloseTo(1 / 3);
  expect(isAnswered(matching, ['i1.t2', 'i2.t1'])).toBe(false);
  expect(isValidAnswer(matching, ['i1.t9'])).toBe(false);
  expect(isValidAnswer(matching, ['i1.t2', 'i1.t1'])).toBe(false);
});

test('ordering: only the exact order scores', () => {
  expect(questionScore(ordering, ['x', 'y', 'z'])).toBe(1);
  expect(questionScore(ordering, ['y', 'x', 'z'])).toBe(0);
  expect(isValidAnswer(ordering, ['x', 'y'])).toBe(false);
});

test('numeric: exact or within the tolerance, typed as learners type', () => {
  expect(questionScore(numeric, ['23'])).toBe(1);
  expect(questionScore(numeric, [' 23.0 '])).toBe(1);
  expect(questionScore(numeric, ['24'])).toBe(0);
  expect(questionScore({ ...numeric, tolerance: 1 }, ['24'])).toBe(1);
  expect(questionScore(numeric, ['twenty'])).toBe(0);
  expect(isAnswered(numeric, [''])).toBe(false);
  expect(readNumber('4,5')).toBe(4.5);
});

test('the correct answer of every type scores full marks', () => {
  for (const q of Object.values(QUESTIONS)) expect(questionScore(q, correctAnswer(q))).toBe(1);
});

test('option order is seeded: the same seed gives the same order; ordering never starts solved', () => {
  expect(optionOrder(single, 42, true)).toEqual(optionOrder(single, 42, true));
  expect(optionOrder(single, 42, false)).toEqual(['a', 'b', 'c']);
  const orders = new Set(Array.from({ length: 40 }, (_, seed) => optionOrder(single, seed, true).join()));
  expect(orders.size).toBeGreaterThan(1);
  for (let seed = 0; seed < 200; seed++) expect(optionOrder(ordering, seed, false)).not.toEqual(['x', 'y', 'z']);
});

test('an ordering question is unanswered until the learner moves an item or confirms the order shown', async () => {
  const { startAttempt, initialState, answer, submitQuiz } = await import('../../src/course/state.ts');
  const { courseOf, quizOf } = await import('../support/sample-course.ts');
  const course = courseOf(quizOf([ordering]));
  const s = startAttempt(course, initialState(), 'exam', { seed: 9, now: 0, limitMs: null });
  expect(s.quizzes.exam?.attempt?.answers.ordering).toBeUndefined();
  expect(isAnswered(ordering, s.quizzes.exam?.attempt?.answers.ordering)).toBe(false);
  // Confirming the order shown answers it (never the key: the starting order is never correct).
  const shown = optionOrder(ordering, 9, false);
  const confirmed = answer(s, 'exam', 'ordering', shown, 1_000);
  expect(isAnswered(ordering, confirmed.quizzes.exam?.attempt?.answers.ordering)).toBe(true);
  // Submitted untouched (time ran out): it scores nothing, as any unanswered question.
  expect(submitQuiz(course, s, 'exam', true).quizzes.exam?.lastScore).toBe(0);
});

test('after an attempt, the objectives to revisit are those with any answer not fully right, by lesson', async () => {
  const { startAttempt, initialState, answer, submitQuiz } = await import('../../src/course/state.ts');
  const { objectivesToRevisit } = await import('../../src/course/revisit.ts');
  const { courseOf, quizOf, QUESTIONS: Q } = await import('../support/sample-course.ts');
  const quiz = quizOf([Q.single, Q.true_false, Q.numeric]);
  const course = courseOf(quiz);
  let s = startAttempt(course, initialState(), 'exam', { seed: 1, now: 0, limitMs: null });
  s = answer(s, 'exam', 'single', ['b'], 1); // right: o1 met
  s = answer(s, 'exam', 'tf', ['true'], 2); // wrong: o2 missed
  s = submitQuiz(course, s, 'exam'); // numeric unanswered: o3 missed
  const attempt = s.quizzes.exam?.attempt;
  if (!attempt) throw new Error('no attempt');
  expect(objectivesToRevisit(course, quiz, attempt)).toEqual([
    {
      lessonId: 'l1',
      lessonTitle: 'L1',
      objectives: [
        { id: 'o2', text: 'o2' },
        { id: 'o3', text: 'o3' },
      ],
    },
  ]);
});
