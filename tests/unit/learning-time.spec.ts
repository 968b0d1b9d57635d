import { expect, test } from '@playwright/test';
import { formatProblem } from '../../src/content/errors.ts';
import { parseLesson } from '../../src/content/load-course.ts';
import {
  SECONDS_TO_ANSWER,
  WORDS_PER_MINUTE,
  estimatedMinutes,
  questionSeconds,
  quizMinutes,
  readingMinutes,
  wordCount,
} from '../../src/course/learning-time.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';

const lesson = (front: string, words: number) =>
  `---\nid: anatomy\ntitle: Anatomy\n${front}objectives:\n  - id: spine_regions\n    text: Name the regions.\nreferences:\n  - id: src\n    text: A source, 2020.\n---\n\n${'word '.repeat(words)}[^src]\n\n## Key points\n\n- One.\n`;

test('words are counted in text and HTML alike; reading time is the words at the stated rate', () => {
  expect(wordCount('<p>The <em>cauda equina</em> &mdash; a bundle of roots.</p>')).toBe(7);
  expect(WORDS_PER_MINUTE).toBe(200);
  expect(readingMinutes(`<p>${'word '.repeat(1000)}</p>`)).toBe(5);
  expect(readingMinutes('<p>Short.</p>')).toBe(1);
});

test('a lesson without minutes gets the computed time; an authored time far from it is a warning at its line', () => {
  const computed = parseLesson('lessons/01-anatomy.md', lesson('', 1000));
  expect(computed.lesson?.minutes).toBe(5);
  expect(computed.warnings).toEqual([]);
  const close = parseLesson('lessons/01-anatomy.md', lesson('minutes: 6\n', 1000));
  expect(close.lesson?.minutes).toBe(6);
  expect(close.warnings).toEqual([]);
  const stale = parseLesson('lessons/01-anatomy.md', lesson('minutes: 12\n', 1000));
  expect(stale.lesson?.minutes).toBe(12);
  expect((stale.warnings ?? []).map(formatProblem)).toEqual([
    'lessons/01-anatomy.md:4 minutes: 12 differs by more than 25% from the 5 minutes its 1003 words take at 200 words per minute: remove the line to use the computed time, or correct it',
  ]);
});

test('a quiz takes its drawn questions at the bank average; the course adds lessons and one attempt at every quiz', () => {
  const quiz = quizOf([QUESTIONS.single, QUESTIONS.true_false, QUESTIONS.numeric], { draw: 2 });
  const average = (questionSeconds(QUESTIONS.single) + questionSeconds(QUESTIONS.true_false) + questionSeconds(QUESTIONS.numeric)) / 3;
  expect(questionSeconds(QUESTIONS.true_false)).toBeCloseTo(SECONDS_TO_ANSWER + (1 / WORDS_PER_MINUTE) * 60); // "True?"
  expect(quizMinutes(quiz)).toBeCloseTo((2 * average) / 60);
  const course = courseOf(quiz);
  expect(estimatedMinutes(course)).toBe(Math.round(1 + quizMinutes(quiz)));
});
