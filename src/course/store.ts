import {
  answer,
  checkAnswer,
  findQuiz,
  flagQuestion,
  goToQuestion,
  isValidLocation,
  markCompleted,
  markViewed,
  navigate,
  questionShown,
  quizProgress,
  reachSection,
  retryQuiz,
  startAttempt,
  submitQuiz,
  type CourseState,
  type Location,
} from './state.ts';
import { answerEvaluation, chooseProfession, evaluationOpen, openEvaluation, submitEvaluation } from './evaluation.ts';
import { reportedQuizzes } from './reported.ts';
import type { Answer, Course, Quiz } from './types.ts';

/**
 * What the learner (or the clock) asks of the course: the one vocabulary from the views to the
 * store. Views send these as they are (`ui/events.ts`); only the store changes state.
 */
export type CourseIntent =
  /** `section`: a place inside a lesson to return to (Continue where you left off). */
  | { type: 'navigate'; location: Location; section?: number }
  /** The last section heading the learner scrolled to (0: the top of the lesson). */
  | { type: 'reach-section'; lessonId: string; section: number }
  | { type: 'lesson-viewed'; lessonId: string }
  | { type: 'start-quiz'; quizId: string }
  /** A question came into view for the first time in this attempt (for the LMS's interaction times). */
  | { type: 'question-shown'; quizId: string; questionId: string }
  | { type: 'answer'; quizId: string; questionId: string; value: Answer }
  | { type: 'check-answer'; quizId: string; questionId: string }
  /** The learner flagged a question to come back to before submitting, or removed the flag. */
  | { type: 'flag-question'; quizId: string; questionId: string; flagged: boolean }
  /** The exam moves to another of its questions (one per screen); resume returns there. */
  | { type: 'go-to-question'; quizId: string; index: number }
  | { type: 'submit-quiz'; quizId: string; timedOut: boolean }
  | { type: 'retry-quiz'; quizId: string }
  /** A draft answer of the evaluation (a scale id, or the text typed). */
  | { type: 'evaluation-answer'; questionId: string; value: string }
  | { type: 'submit-evaluation' }
  /** The learner said which profession they belong to (course.yaml `professions`). */
  | { type: 'choose-profession'; profession: string };

/** What the reducer needs beyond the state: the course, a clock, a seed source and the limits in force. */
export interface StoreContext {
  course: Course;
  now: () => number;
  seed: () => number;
  /** The time limit in force for a quiz in ms (the LMS's or the authored one), or null. */
  timeLimitMs: (quiz: Quiz) => number | null;
  /** The pass mark in force (the LMS's mastery score when it sets one). */
  passMark: number;
}

export interface StateChange {
  prev: CourseState;
  next: CourseState;
  /** What caused it: a learner's intent, or `adopt`, a state taken over from another copy of the record. */
  intent: CourseIntent | { type: 'adopt' };
}

function isReported(course: Course, quizId: string): boolean {
  return reportedQuizzes(course).some((q) => q.id === quizId);
}

/** Untimed quizzes start on arrival; a timed one waits for Start, after its limit was announced. */
function autoStart(ctx: StoreContext, state: CourseState, quizId: string): CourseState {
  const quiz = findQuiz(ctx.course, quizId);
  if (!quiz || ctx.timeLimitMs(quiz) !== null || quizProgress(state, quizId).attempt) return state;
  return startAttempt(ctx.course, state, quizId, { seed: ctx.seed(), now: ctx.now(), limitMs: null });
}

function apply(ctx: StoreContext, state: CourseState, intent: CourseIntent): CourseState {
  const { course } = ctx;
  switch (intent.type) {
    case 'navigate': {
      if (!isValidLocation(course, intent.location)) return state;
      if (intent.location === 'evaluation')
        return evaluationOpen(course, state, ctx.passMark) ? openEvaluation(course, navigate(state, intent.location), ctx.now()) : state;
      const moved = intent.section ? reachSection(navigate(state, intent.location), intent.section) : navigate(state, intent.location);
      return intent.location.startsWith('quiz:') ? autoStart(ctx, moved, intent.location.slice(5)) : moved;
    }
    case 'reach-section':
      return state.location === `lesson:${intent.lessonId}` ? reachSection(state, intent.section) : state;
    case 'lesson-viewed':
      return markViewed(state, intent.lessonId);
    case 'start-quiz': {
      const quiz = findQuiz(course, intent.quizId);
      return quiz ? startAttempt(course, state, quiz.id, { seed: ctx.seed(), now: ctx.now(), limitMs: ctx.timeLimitMs(quiz) }) : state;
    }
    // Question times feed the LMS's interaction records, so only reported quizzes keep them.
    case 'question-shown':
      return isReported(course, intent.quizId) ? questionShown(state, intent.quizId, intent.questionId, ctx.now()) : state;
    case 'answer':
      return answer(state, intent.quizId, intent.questionId, intent.value, isReported(course, intent.quizId) ? ctx.now() : null);
    case 'check-answer':
      return checkAnswer(course, state, intent.quizId, intent.questionId);
    // Flags help find questions again before submitting them all at once; a quiz that checks
    // each answer on the spot has no use for them.
    case 'flag-question':
      return findQuiz(course, intent.quizId)?.feedback === 'after_submit'
        ? flagQuestion(state, intent.quizId, intent.questionId, intent.flagged)
        : state;
    case 'go-to-question':
      return goToQuestion(state, intent.quizId, intent.index);
    case 'submit-quiz':
      return submitQuiz(course, state, intent.quizId, intent.timedOut, ctx.passMark);
    case 'retry-quiz':
      return autoStart(ctx, retryQuiz(course, state, intent.quizId), intent.quizId);
    case 'evaluation-answer':
      return answerEvaluation(course, state, intent.questionId, intent.value);
    case 'submit-evaluation':
      return submitEvaluation(course, state, ctx.now());
    case 'choose-profession':
      return chooseProfession(course, state, intent.profession);
  }
}

/** The next state for an intent; the first completion is dated (for the certificate). */
export function reduce(ctx: StoreContext, state: CourseState, intent: CourseIntent): CourseState {
  const next = apply(ctx, state, intent);
  return next === state ? state : markCompleted(ctx.course, next, ctx.now(), ctx.passMark);
}

/** The one owner of the course state: intents in, changes out to subscribers (the tracker, the views). */
export class CourseStore {
  private current: CourseState;
  private readonly listeners = new Set<(change: StateChange) => void>();

  constructor(
    private readonly ctx: StoreContext,
    initial: CourseState,
  ) {
    this.current = initial;
  }

  get state(): CourseState {
    return this.current;
  }

  dispatch(intent: CourseIntent): void {
    const prev = this.current;
    const next = reduce(this.ctx, prev, intent);
    if (next === prev) return;
    this.current = next;
    for (const listener of this.listeners) listener({ prev, next, intent });
  }

  /**
   * Takes over a state written elsewhere (another tab's copy of the same record, merged with
   * this one): what it holds was already reported there, so listeners are told it was adopted.
   */
  adopt(state: CourseState): void {
    const prev = this.current;
    if (state === prev) return;
    this.current = state;
    for (const listener of this.listeners) listener({ prev, next: state, intent: { type: 'adopt' } });
  }

  subscribe(listener: (change: StateChange) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
