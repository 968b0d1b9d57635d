import { expect, test } from '@playwright/test';
import { loadCourse } from '../../src/content/load-course.ts';
import type { CourseState, QuizAttempt } from '../../src/course/state.ts';
import { reportedQuizzes } from '../../src/course/reported.ts';
import { SUSPEND_LIMIT, decodeState, encodeState } from '../../src/course/suspend-codec.ts';
import type { Answer, Question, Quiz } from '../../src/course/types.ts';
import { ROOT } from '../support/paths.ts';

const longest = (ids: string[]) => ids.reduce((a, b) => (b.length > a.length ? b : a), '');

/** The longest answer a learner can give to a question. */
function longestAnswer(q: Question): Answer {
  switch (q.type) {
    case 'single':
      return [longest(q.choices.map((c) => c.id))];
    case 'multiple':
      return q.choices.map((c) => c.id);
    case 'true_false':
      return ['false'];
    case 'matching':
      return q.items.map((i) => `${i.id}.${longest(q.targets.map((t) => t.id))}`);
    case 'ordering':
      return q.items.map((i) => i.id);
    case 'numeric':
      return ['-' + '9'.repeat(39)]; // the field keeps 40 characters
  }
}

/** The most questions one attempt can draw. */
function largestDraw(quiz: Quiz): number {
  if (quiz.drawPerObjective !== null) return new Set(quiz.questions.flatMap((q) => q.objectives)).size * quiz.drawPerObjective;
  return Math.min(quiz.draw ?? Infinity, quiz.questions.length);
}

test('suspend data from the real content at its largest possible state fits SCORM 1.2 (4,096 characters)', async () => {
  const { course } = await loadCourse(ROOT);
  const lessonIds = course.lessons.map((l) => l.id);
  const late = 4_102_444_800_000 + 599 * 60_000;
  const state: CourseState = {
    location: `lesson:${longest(lessonIds)}`,
    section: 99,
    completedAt: 4_102_444_800_000,
    viewed: lessonIds,
    quizzes: Object.fromEntries(
      course.quizzes.map((quiz) => {
        // Worst case: the largest draw, made of the questions whose ids and answers are longest,
        // every one answered at length, checked, flagged for review where the quiz allows flags,
        // and still open with every time noted, far into a ten-fold time limit.
        const size = (q: Question) => q.id.length + longestAnswer(q).join('|').length;
        const drawn = [...quiz.questions].sort((a, b) => size(b) - size(a)).slice(0, largestDraw(quiz));
        const attempt: QuizAttempt = {
          seed: 0xffffffff,
          questions: drawn.map((q) => q.id),
          answers: Object.fromEntries(drawn.map((q) => [q.id, longestAnswer(q)])),
          checked: drawn.map((q) => q.id),
          flagged: quiz.feedback === 'after_submit' ? drawn.map((q) => q.id) : [],
          // Only reported quizzes (the exam) keep question times.
          times: reportedQuizzes(course).includes(quiz) ? Object.fromEntries(drawn.map((q) => [q.id, { shown: late, firstAnswer: late, answered: late }])) : {},
          startedAt: 4_102_444_800_000,
          deadline: 4_102_444_800_000 + 600 * 60_000,
          submitted: false,
          timedOut: false,
        };
        return [quiz.id, { attempt, attemptsUsed: 9999, bestScore: 99.99, lastScore: 99.99 }];
      }),
    ),
  };
  const text = encodeState(state, { savedAt: 4_102_444_800_000, token: 'x'.repeat(16) });
  console.log(`largest suspend data from the real content: ${text.length} of ${SUSPEND_LIMIT} characters`);
  expect(text).toMatch(/^[\x20-\x7e]*$/);
  expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
  // And it reads back to the same state.
  expect(decodeState(course, text).state).toEqual(state);
});
