import { expect, test } from '@playwright/test';
import { mergeProgress, progressGain } from '../../src/course/merge.ts';
import { initialState, markViewed, type CourseState, type QuizAttempt } from '../../src/course/state.ts';

const attempt = (over: Partial<QuizAttempt> = {}): QuizAttempt => ({
  seed: 1,
  questions: ['a', 'b'],
  answers: {},
  checked: [],
  flagged: [],
  current: 0,
  times: {},
  startedAt: 1000,
  deadline: null,
  submitted: false,
  timedOut: false,
  ...over,
});

const withQuiz = (state: CourseState, used: number, best: number | null, a: QuizAttempt | null): CourseState => ({
  ...state,
  quizzes: { ...state.quizzes, exam: { attemptsUsed: used, bestScore: best, lastScore: best, attempt: a } },
});

test('nothing either copy holds is lost: lessons from both, the copy with more attempts, the best score of both', () => {
  const passedElsewhere = withQuiz(markViewed(initialState(), 'l2'), 1, 100, attempt({ submitted: true, answers: { a: ['x'] } }));
  const staleHere = withQuiz(markViewed({ ...initialState(), location: 'lesson:l1' }, 'l1'), 0, null, attempt());
  // Whichever order the copies come in, the submitted, passed attempt stays.
  for (const [older, newer] of [
    [passedElsewhere, staleHere],
    [staleHere, passedElsewhere],
  ] as const) {
    const merged = mergeProgress(older, newer);
    expect(merged.viewed.sort()).toEqual(['l1', 'l2']);
    expect(merged.quizzes.exam).toMatchObject({ attemptsUsed: 1, bestScore: 100, attempt: { submitted: true } });
    expect(merged.location).toBe(newer.location);
  }
});

test('a later attempt keeps the best score of an earlier one; an open attempt goes to the copy with the later answer', () => {
  const failedThenRetry = withQuiz(initialState(), 2, 60, attempt({ submitted: true }));
  const passedFirst = withQuiz(initialState(), 1, 90, attempt({ submitted: true }));
  expect(mergeProgress(passedFirst, failedThenRetry).quizzes.exam).toMatchObject({ attemptsUsed: 2, bestScore: 90 });
  const early = withQuiz(
    initialState(),
    0,
    null,
    attempt({ answers: { a: ['x'] }, times: { a: { shown: 1000, firstAnswer: 2000, answered: 2000 } } }),
  );
  const late = withQuiz(
    initialState(),
    0,
    null,
    attempt({ answers: { a: ['y'] }, times: { a: { shown: 1000, firstAnswer: 2000, answered: 5000 } } }),
  );
  expect(mergeProgress(late, early).quizzes.exam?.attempt?.answers).toEqual({ a: ['y'] });
});

test('the first completion and a submitted evaluation are kept; the gain lists what the older copy lacked', () => {
  const done: CourseState = {
    ...markViewed(initialState(), 'l1'),
    completedAt: 5000,
    evaluation: { answers: {}, startedAt: 4000, submittedAt: 6000 },
  };
  const draft: CourseState = {
    ...initialState(),
    completedAt: 7000,
    evaluation: { answers: { q1: 'a' }, startedAt: 4000, submittedAt: null },
  };
  const merged = mergeProgress(done, draft);
  expect(merged.completedAt).toBe(5000);
  expect(merged.evaluation?.submittedAt).toBe(6000);
  expect(progressGain(draft, merged)).toEqual({ lessons: ['l1'], quizzes: [], evaluation: true, completed: false });
});

test("a pass either copy recorded is kept, whichever copy is chosen; a copy without a verdict takes the other's", () => {
  const withVerdict = (s: CourseState, passed: boolean | undefined): CourseState => {
    const exam = s.quizzes.exam;
    return exam ? { ...s, quizzes: { exam: { ...exam, ...(passed === undefined ? {} : { passed }) } } } : s;
  };
  // More attempts decide which copy is chosen: here the failed one.
  const passedOnce = withVerdict(withQuiz(initialState(), 1, 85, attempt({ submitted: true })), true);
  const failedLater = withVerdict(withQuiz(initialState(), 2, 60, attempt({ submitted: true })), false);
  for (const [older, newer] of [
    [passedOnce, failedLater],
    [failedLater, passedOnce],
  ] as const)
    expect(mergeProgress(older, newer).quizzes.exam).toMatchObject({ attemptsUsed: 2, bestScore: 85, passed: true });
  const noVerdict = withVerdict(withQuiz(initialState(), 2, 60, attempt({ submitted: true })), undefined);
  expect(mergeProgress(noVerdict, failedLater).quizzes.exam?.passed).toBe(false);
  expect(mergeProgress(noVerdict, noVerdict).quizzes.exam).not.toHaveProperty('passed');
});
