import { scoreQuiz } from './scoring.ts';
import type { Course, Quiz } from './types.ts';

/** Where the learner is: `start`, `lesson:<id>` or `quiz:<id>`. Also the LMS bookmark. */
export type Location = string;

export interface QuizProgress {
  /** Question id → chosen choice id, for the attempt in progress or just submitted. */
  answers: Record<string, string>;
  /** True once the current answers were submitted and their result is shown. */
  submitted: boolean;
  /** Score (percent) of every submitted attempt, oldest first. */
  scores: number[];
}

export interface CourseState {
  location: Location;
  /** Ids of the lessons read to the end. */
  viewed: string[];
  quizzes: Record<string, QuizProgress>;
}

export function initialState(): CourseState {
  return { location: 'start', viewed: [], quizzes: {} };
}

export function emptyQuizProgress(): QuizProgress {
  return { answers: {}, submitted: false, scores: [] };
}

export function quizProgress(state: CourseState, quizId: string): QuizProgress {
  return state.quizzes[quizId] ?? emptyQuizProgress();
}

export function findQuiz(course: Course, id: string): Quiz | undefined {
  return course.quizzes.find((q) => q.id === id);
}

export function isValidLocation(course: Course, location: string): boolean {
  if (location === 'start') return true;
  const [kind, id] = location.split(':');
  if (kind === 'lesson') return course.lessons.some((l) => l.id === id);
  if (kind === 'quiz') return course.quizzes.some((q) => q.id === id);
  return false;
}

/** The course in reading order: each lesson followed by its quiz, then unattached quizzes. */
export function courseSequence(course: Course): Location[] {
  const seq: Location[] = [];
  const placed = new Set<string>();
  for (const lesson of course.lessons) {
    seq.push(`lesson:${lesson.id}`);
    if (lesson.quiz) {
      seq.push(`quiz:${lesson.quiz}`);
      placed.add(lesson.quiz);
    }
  }
  for (const quiz of course.quizzes) if (!placed.has(quiz.id)) seq.push(`quiz:${quiz.id}`);
  return seq;
}

export function navigate(state: CourseState, location: Location): CourseState {
  return state.location === location ? state : { ...state, location };
}

export function markViewed(state: CourseState, lessonId: string): CourseState {
  return state.viewed.includes(lessonId) ? state : { ...state, viewed: [...state.viewed, lessonId] };
}

export function answer(state: CourseState, quizId: string, questionId: string, choiceId: string): CourseState {
  const progress = quizProgress(state, quizId);
  if (progress.submitted || progress.answers[questionId] === choiceId) return state;
  return { ...state, quizzes: { ...state.quizzes, [quizId]: { ...progress, answers: { ...progress.answers, [questionId]: choiceId } } } };
}

export function submitQuiz(course: Course, state: CourseState, quizId: string, passMark?: number): CourseState {
  const quiz = findQuiz(course, quizId);
  const progress = quizProgress(state, quizId);
  if (!quiz || progress.submitted) return state;
  const { percent } = scoreQuiz(quiz, progress.answers, passMark);
  return { ...state, quizzes: { ...state.quizzes, [quizId]: { ...progress, submitted: true, scores: [...progress.scores, percent] } } };
}

export function retryQuiz(state: CourseState, quizId: string): CourseState {
  const progress = quizProgress(state, quizId);
  if (!progress.submitted) return state;
  return { ...state, quizzes: { ...state.quizzes, [quizId]: { ...progress, answers: {}, submitted: false } } };
}

export interface CourseOutcome {
  /** Best score of the graded quiz, or null before its first submission. */
  score: number | null;
  /** Null before the graded quiz was submitted. */
  passed: boolean | null;
  allLessonsViewed: boolean;
  /** Every lesson read and the graded quiz passed. */
  completed: boolean;
  /** Share of lessons read plus graded quiz passed, 0-1. */
  progress: number;
}

/** What the course reports: derived from state, never stored. */
export function courseOutcome(course: Course, state: CourseState, passMark = course.passMark): CourseOutcome {
  const scores = quizProgress(state, course.gradedQuiz).scores;
  const score = scores.length ? Math.max(...scores) : null;
  const passed = score === null ? null : score >= passMark;
  const viewedCount = course.lessons.filter((l) => state.viewed.includes(l.id)).length;
  const allLessonsViewed = viewedCount === course.lessons.length;
  const steps = course.lessons.length + 1;
  return {
    score,
    passed,
    allLessonsViewed,
    completed: allLessonsViewed && passed === true,
    progress: (viewedCount + (passed ? 1 : 0)) / steps,
  };
}
