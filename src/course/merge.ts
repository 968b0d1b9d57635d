import type { EvaluationState } from './evaluation.ts';
import type { CourseState, QuizAttempt, QuizProgress } from './state.ts';

type QuestionTimes = QuizAttempt['times'][string];
const lastOf = (t: QuestionTimes) => Math.max(t.shown, t.answered ?? 0, t.firstAnswer ?? 0);

/** The latest moment an attempt shows the learner doing something (started, shown, answered). */
function lastActivity(attempt: QuizAttempt | null): number {
  if (!attempt) return -1;
  let last = attempt.startedAt;
  for (const t of Object.values(attempt.times)) last = Math.max(last, lastOf(t));
  return last;
}

/** Only the times of the question last acted on: what is left keeps the attempt's `lastActivity`. */
export function latestTimes(times: QuizAttempt['times']): QuizAttempt['times'] {
  let latest: [string, QuestionTimes] | null = null;
  for (const entry of Object.entries(times)) if (!latest || lastOf(entry[1]) > lastOf(latest[1])) latest = entry;
  return latest ? { [latest[0]]: latest[1] } : {};
}

const answered = (attempt: QuizAttempt | null) => Object.keys(attempt?.answers ?? {}).length;

/** The further of two records of one quiz: more attempts submitted, then a submitted attempt, then the later activity. */
function furtherQuiz(a: QuizProgress, b: QuizProgress): QuizProgress {
  const best = a.bestScore === null ? b.bestScore : b.bestScore === null ? a.bestScore : Math.max(a.bestScore, b.bestScore);
  let chosen: QuizProgress;
  if (a.attemptsUsed !== b.attemptsUsed) chosen = a.attemptsUsed > b.attemptsUsed ? a : b;
  else if (Boolean(a.attempt?.submitted) !== Boolean(b.attempt?.submitted)) chosen = a.attempt?.submitted ? a : b;
  else if (lastActivity(a.attempt) !== lastActivity(b.attempt)) chosen = lastActivity(a.attempt) > lastActivity(b.attempt) ? a : b;
  else chosen = answered(a.attempt) > answered(b.attempt) ? a : b;
  // A pass either copy recorded is kept, as its best score is.
  const passed = a.passed || b.passed ? true : (chosen.passed ?? a.passed ?? b.passed);
  return { ...chosen, bestScore: best, ...(passed === undefined ? {} : { passed }) };
}

function furtherEvaluation(a: EvaluationState | undefined, b: EvaluationState | undefined): EvaluationState | undefined {
  if (!a || !b) return a ?? b;
  if ((a.submittedAt !== null) !== (b.submittedAt !== null)) return a.submittedAt !== null ? a : b;
  return Object.keys(a.answers).length > Object.keys(b.answers).length ? a : b;
}

/**
 * Two copies of one learner's record (two tabs, the LMS's and this browser's) merged so that
 * nothing either holds is lost and no outcome goes down: lessons read from both, for each quiz
 * the copy with more submitted attempts (the best score of both), a submitted evaluation, the
 * first completion. The place in the course is `newer`'s, the copy the learner was last using.
 */
export function mergeProgress(older: CourseState, newer: CourseState): CourseState {
  const quizzes: Record<string, QuizProgress> = { ...older.quizzes };
  for (const [id, progress] of Object.entries(newer.quizzes)) {
    const other = quizzes[id];
    quizzes[id] = other ? furtherQuiz(other, progress) : progress;
  }
  const completed = [older.completedAt, newer.completedAt].filter((t): t is number => t !== null);
  const evaluation = furtherEvaluation(older.evaluation, newer.evaluation);
  // The profession goes with the submitted evaluation (the one the certificate was issued on), else the newer choice.
  const profession =
    evaluation && evaluation === older.evaluation && evaluation !== newer.evaluation
      ? older.profession
      : (newer.profession ?? older.profession);
  return {
    location: newer.location,
    section: newer.section,
    viewed: [...older.viewed, ...newer.viewed.filter((id) => !older.viewed.includes(id))],
    quizzes,
    completedAt: completed.length ? Math.min(...completed) : null,
    ...(evaluation ? { evaluation } : {}),
    ...(profession ? { profession } : {}),
  };
}

/** What a record gained over an earlier copy of it: what a learner is told was restored. */
export interface ProgressGain {
  lessons: string[];
  /** Quizzes with more submitted attempts than before. */
  quizzes: string[];
  evaluation: boolean;
  completed: boolean;
}

export function progressGain(before: CourseState, after: CourseState): ProgressGain {
  return {
    lessons: after.viewed.filter((id) => !before.viewed.includes(id)),
    quizzes: Object.entries(after.quizzes)
      .filter(([id, p]) => p.attemptsUsed > (before.quizzes[id]?.attemptsUsed ?? 0))
      .map(([id]) => id),
    evaluation: (after.evaluation?.submittedAt ?? null) !== null && (before.evaluation?.submittedAt ?? null) === null,
    completed: after.completedAt !== null && before.completedAt === null,
  };
}
