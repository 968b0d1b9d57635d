import { expect, test } from '@playwright/test';
import { initialState, quizProgress } from '../../src/course/state.ts';
import { reduce, type StoreContext } from '../../src/course/store.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';

// The views send the store's own intents (src/ui/events.ts): `navigate` carries the place in a
// lesson that "Continue where you left off" returns to.

const exam = quizOf([QUESTIONS.single, QUESTIONS.true_false]);
const course = courseOf(exam);
const ctx: StoreContext = { course, now: () => 1_700_000_000_000, seed: () => 7, timeLimitMs: () => null, passMark: 80 };

test('navigate with a section returns to that place in the lesson; without one a new location starts at the top', () => {
  const inLesson = reduce(ctx, initialState(), { type: 'navigate', location: 'lesson:l1', section: 3 });
  expect(inLesson).toMatchObject({ location: 'lesson:l1', section: 3 });
  // Continuing where the record left off changes nothing.
  expect(reduce(ctx, inLesson, { type: 'navigate', location: 'lesson:l1', section: 3 })).toBe(inLesson);
  expect(reduce(ctx, inLesson, { type: 'navigate', location: 'lesson:l1' })).toBe(inLesson);
  expect(reduce(ctx, inLesson, { type: 'navigate', location: 'start' })).toMatchObject({ location: 'start', section: 0 });
  // A section means nothing outside a lesson; the untimed exam still starts on arrival.
  const inExam = reduce(ctx, inLesson, { type: 'navigate', location: `quiz:${exam.id}`, section: 2 });
  expect(inExam).toMatchObject({ location: `quiz:${exam.id}`, section: 0 });
  expect(quizProgress(inExam, exam.id).attempt).not.toBeNull();
});
