import { expect, test } from '@playwright/test';
import { answer, initialState, markViewed, navigate, submitQuiz } from '../../src/course/state.ts';
import { SUSPEND_LIMIT, decodeState, encodeState } from '../../src/course/suspend-codec.ts';
import type { Course } from '../../src/course/types.ts';

const course: Course = {
  id: 'c',
  title: 'C',
  passMark: 50,
  gradedQuiz: 'quiz',
  lessons: [{ id: 'l1', title: 'L1', minutes: 1, objectives: [{ id: 'o1', text: 'O' }], html: '', quiz: 'quiz' }],
  quizzes: [
    {
      id: 'quiz',
      title: 'Q',
      passMark: 50,
      graded: true,
      questions: ['q1', 'q2'].map((id) => ({
        id,
        type: 'single' as const,
        prompt: 'P',
        choices: [
          { id: 'a', text: 'A' },
          { id: 'b', text: 'B' },
        ],
        correct: 'a',
        rationale: 'R',
        objectives: ['o1'],
        weight: 1,
      })),
    },
  ],
};

test('state survives a round trip through suspend data, in ASCII', () => {
  let s = navigate(markViewed(initialState(), 'l1'), 'quiz:quiz');
  s = answer(answer(s, 'quiz', 'q1', 'a'), 'quiz', 'q2', 'b');
  s = submitQuiz(course, s, 'quiz');
  const text = encodeState(s);
  expect(text).toMatch(/^[\x20-\x7e]+$/);
  expect(text.length).toBeLessThan(SUSPEND_LIMIT);
  expect(decodeState(course, text)).toEqual({ state: s });
});

test('answers to questions that no longer exist, or to choices removed, are dropped, not moved', () => {
  const saved = '{"v":1,"l":"quiz:quiz","s":["l1","gone"],"q":{"quiz":{"a":{"q1":"b","q9":"a","q2":"z"},"x":[40]},"old":{"a":{},"x":[]}}}';
  const { state } = decodeState(course, saved);
  expect(state.viewed).toEqual(['l1']);
  expect(state.quizzes).toEqual({ quiz: { answers: { q1: 'b' }, submitted: false, scores: [40] } });
});

test('unreadable or foreign suspend data starts afresh with a note, never a crash', () => {
  expect(decodeState(course, 'not json').note).toMatch(/unreadable/);
  expect(decodeState(course, '{"v":99}').note).toMatch(/format 99/);
  expect(decodeState(course, '{"v":1,"l":"lesson:nope","q":{"quiz":"x"}}').state).toEqual(initialState());
  expect(decodeState(course, '')).toEqual({ state: initialState() });
});
