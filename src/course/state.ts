import { drawQuestions } from './pool.ts';
import { isAnswered, questionScore } from './questions.ts';
import type { Answer, Course, Question, Quiz } from './types.ts';

/** Where the learner is: `start`, `about`, `glossary`, `certificate`, `lesson:<id>` or `quiz:<id>`. Also the LMS bookmark. */
export type Location = string;

/** When a question was first shown and answered (epoch ms), for the LMS's interaction records. */
export interface QuestionTimes {
  shown: number;
  /** The learner's first response: latency runs from `shown` to here. */
  firstAnswer: number | null;
  /** The learner's last change of answer. */
  answered: number | null;
}

export interface QuizAttempt {
  /** Seeds the draw and every shuffle, so a resumed attempt looks the same. */
  seed: number;
  /** Ids of the questions drawn, in the order shown. */
  questions: string[];
  answers: Record<string, Answer>;
  /** Questions whose answer was checked (immediate feedback): locked. */
  checked: string[];
  /** Questions the learner flagged for review, in the order shown; cleared once submitted. */
  flagged: string[];
  /** Index of the question on screen where the exam shows one at a time, so a resume returns to it. */
  current: number;
  /** Per question id; kept until the attempt is submitted and reported. */
  times: Record<string, QuestionTimes>;
  startedAt: number;
  /** Epoch ms when time runs out, for a timed attempt. */
  deadline: number | null;
  submitted: boolean;
  /** Submitted because time ran out. */
  timedOut: boolean;
}

export interface QuizProgress {
  /** The attempt in progress or just submitted; null before the first or after "try again". */
  attempt: QuizAttempt | null;
  /** Submitted attempts so far. */
  attemptsUsed: number;
  /** Best and last score (percent) of the submitted attempts; null before the first. */
  bestScore: number | null;
  lastScore: number | null;
  /**
   * The graded quiz only: whether its counted score passed when it was recorded, against the pass
   * mark then in force. A new version of the course (or the LMS's mastery score) may raise the pass
   * mark later; a pass already given stays a pass. Absent in progress saved before verdicts were
   * kept: the score is then compared with the pass mark in force.
   */
  passed?: boolean;
}

/** The learner's evaluation of the activity: drafts until submitted, then only the date. */
export interface EvaluationState {
  /**
   * Per question id: a likert scale id, the text typed, a whole number, or a confidence answer
   * (see confidenceRatings). Emptied once submitted and reported.
   */
  answers: Record<string, string>;
  /** When the learner first opened the evaluation (epoch ms). */
  startedAt: number | null;
  submittedAt: number | null;
}

export interface CourseState {
  location: Location;
  /** In a lesson: the index of the last section heading the learner reached (0: the top). */
  section: number;
  /** Ids of the lessons read to the end. */
  viewed: string[];
  quizzes: Record<string, QuizProgress>;
  /** When the course was first completed (epoch ms), for the certificate; null before. */
  completedAt: number | null;
  /** The learner's evaluation of the activity, once opened. */
  evaluation?: EvaluationState;
  /** The id of the profession the learner said they belong to (course.yaml `professions`), once chosen. */
  profession?: string;
}

export function initialState(): CourseState {
  return { location: 'start', section: 0, viewed: [], quizzes: {}, completedAt: null };
}

export function quizProgress(state: CourseState, quizId: string): QuizProgress {
  return state.quizzes[quizId] ?? { attempt: null, attemptsUsed: 0, bestScore: null, lastScore: null };
}

export function findQuiz(course: Course, id: string): Quiz | undefined {
  return course.quizzes.find((q) => q.id === id);
}

export function isValidLocation(course: Course, location: string): boolean {
  if (location === 'start' || location === 'about' || location === 'glossary' || location === 'certificate') return true;
  if (location === 'evaluation') return course.evaluation !== null;
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

function withQuiz(state: CourseState, quizId: string, progress: QuizProgress): CourseState {
  return { ...state, quizzes: { ...state.quizzes, [quizId]: progress } };
}

export function navigate(state: CourseState, location: Location): CourseState {
  return state.location === location ? state : { ...state, location, section: 0 };
}

export function reachSection(state: CourseState, section: number): CourseState {
  return state.section === section || !state.location.startsWith('lesson:') ? state : { ...state, section };
}

export function markViewed(state: CourseState, lessonId: string): CourseState {
  return state.viewed.includes(lessonId) ? state : { ...state, viewed: [...state.viewed, lessonId] };
}

export function attemptsLeft(quiz: Quiz, progress: QuizProgress): number {
  return quiz.attempts === null ? Infinity : Math.max(0, quiz.attempts - progress.attemptsUsed);
}

/** The questions of an attempt, in the order shown. */
export function attemptQuestions(quiz: Quiz, attempt: QuizAttempt): Question[] {
  return attempt.questions.map((id) => quiz.questions.find((q) => q.id === id)).filter((q): q is Question => q !== undefined);
}

/** Starts a new attempt, if none is open and attempts remain. */
export function startAttempt(
  course: Course,
  state: CourseState,
  quizId: string,
  opts: { seed: number; now: number; limitMs: number | null },
): CourseState {
  const quiz = findQuiz(course, quizId);
  const progress = quizProgress(state, quizId);
  if (!quiz || (progress.attempt && !progress.attempt.submitted) || attemptsLeft(quiz, progress) === 0) return state;
  const questions = drawQuestions(quiz, opts.seed);
  // Every question starts unanswered, ordering too: its starting order becomes an answer
  // only when the learner moves an item or confirms that order.
  const attempt: QuizAttempt = {
    seed: opts.seed,
    questions,
    answers: {},
    checked: [],
    flagged: [],
    current: 0,
    times: {},
    startedAt: opts.now,
    deadline: opts.limitMs === null ? null : opts.now + opts.limitMs,
    submitted: false,
    timedOut: false,
  };
  return withQuiz(state, quizId, { ...progress, attempt });
}

function openAttempt(state: CourseState, quizId: string): QuizAttempt | null {
  const attempt = quizProgress(state, quizId).attempt;
  return attempt && !attempt.submitted ? attempt : null;
}

/** The learner sees a question for the first time (a later sighting changes nothing). */
export function questionShown(state: CourseState, quizId: string, questionId: string, now: number): CourseState {
  const attempt = openAttempt(state, quizId);
  if (!attempt || !attempt.questions.includes(questionId) || attempt.times[questionId]) return state;
  const times = { ...attempt.times, [questionId]: { shown: now, firstAnswer: null, answered: null } };
  return withQuiz(state, quizId, { ...quizProgress(state, quizId), attempt: { ...attempt, times } });
}

/** `now` notes when the learner answered (null: the quiz's times are not kept). */
export function answer(state: CourseState, quizId: string, questionId: string, value: Answer, now: number | null): CourseState {
  const attempt = openAttempt(state, quizId);
  if (!attempt || !attempt.questions.includes(questionId) || attempt.checked.includes(questionId)) return state;
  const before = attempt.answers[questionId];
  if (before && before.length === value.length && before.every((v, i) => v === value[i])) return state;
  const seen = attempt.times[questionId];
  const times =
    now === null
      ? attempt.times
      : { ...attempt.times, [questionId]: { shown: seen?.shown ?? now, firstAnswer: seen?.firstAnswer ?? now, answered: now } };
  const progress = quizProgress(state, quizId);
  return withQuiz(state, quizId, { ...progress, attempt: { ...attempt, answers: { ...attempt.answers, [questionId]: value }, times } });
}

/** The learner flags a question of the open attempt to come back to (or removes the flag). */
export function flagQuestion(state: CourseState, quizId: string, questionId: string, flagged: boolean): CourseState {
  const attempt = openAttempt(state, quizId);
  if (!attempt || !attempt.questions.includes(questionId) || attempt.flagged.includes(questionId) === flagged) return state;
  const next = attempt.questions.filter((id) => (id === questionId ? flagged : attempt.flagged.includes(id)));
  return withQuiz(state, quizId, { ...quizProgress(state, quizId), attempt: { ...attempt, flagged: next } });
}

/** The learner moves to another question of the open attempt (one question per screen). */
export function goToQuestion(state: CourseState, quizId: string, index: number): CourseState {
  const attempt = openAttempt(state, quizId);
  if (!attempt || !Number.isInteger(index) || index < 0 || index >= attempt.questions.length || attempt.current === index) return state;
  return withQuiz(state, quizId, { ...quizProgress(state, quizId), attempt: { ...attempt, current: index } });
}

/** Immediate feedback: checks (and locks) one answered question. */
export function checkAnswer(course: Course, state: CourseState, quizId: string, questionId: string): CourseState {
  const attempt = openAttempt(state, quizId);
  const question = findQuiz(course, quizId)?.questions.find((q) => q.id === questionId);
  if (!attempt || !question || attempt.checked.includes(questionId) || !isAnswered(question, attempt.answers[questionId])) return state;
  const progress = quizProgress(state, quizId);
  return withQuiz(state, quizId, { ...progress, attempt: { ...attempt, checked: [...attempt.checked, questionId] } });
}

export interface AttemptScore {
  percent: number;
  /** Per question id: share of its weight earned, 0-1. */
  earned: Record<string, number>;
}

export function scoreAttempt(quiz: Quiz, attempt: QuizAttempt): AttemptScore {
  let total = 0;
  let got = 0;
  const earned: Record<string, number> = {};
  for (const q of attemptQuestions(quiz, attempt)) {
    const share = questionScore(q, attempt.answers[q.id]);
    earned[q.id] = share;
    total += q.weight;
    got += share * q.weight;
  }
  return { percent: total > 0 ? Math.round((got / total) * 10000) / 100 : 0, earned };
}

/** The objectives a quiz's blueprint marks critical. */
export function criticalObjectives(quiz: Quiz): string[] {
  return quiz.blueprint.filter((b) => b.critical).map((b) => b.objective);
}

/**
 * The highest score an attempt that missed a critical question can record: just below the
 * pass mark. An LMS grades by comparing the score with its mastery score (Moodle's SCORM 1.2
 * player rewrites the status that way, and a SCORM 2004 LMS may do the same with its scaled
 * passing score), so a recorded score at or above the pass mark would turn into a pass.
 */
export function criticalCap(passMark: number): number {
  return Math.max(0, Math.ceil(passMark) - 1);
}

export interface AttemptResult {
  /** Share of the points earned, 0-100. */
  percent: number;
  /** Critical objectives with a drawn question not answered correctly. */
  criticalMissed: string[];
  /** What the attempt records: the percentage, capped below the pass mark when a critical objective was missed. */
  score: number;
  passed: boolean;
}

/** How an attempt fares against a pass mark, critical objectives included. */
export function attemptResult(quiz: Quiz, attempt: QuizAttempt, passMark: number): AttemptResult {
  const { percent, earned } = scoreAttempt(quiz, attempt);
  const drawn = attemptQuestions(quiz, attempt);
  const criticalMissed = criticalObjectives(quiz).filter((o) => drawn.some((q) => q.objectives.includes(o) && (earned[q.id] ?? 0) < 1));
  const score = criticalMissed.length ? Math.min(percent, criticalCap(passMark)) : percent;
  return { percent, criticalMissed, score, passed: !criticalMissed.length && score >= passMark };
}

/** The pass mark of a quiz: the graded one uses the course's (the LMS's mastery score when it sets one). */
export function quizPassMark(course: Course, quiz: Quiz, coursePassMark = course.passMark): number {
  return quiz.graded ? coursePassMark : quiz.passMark;
}

/**
 * Submits the open attempt (with whatever is answered when time ran out). The scores kept
 * are recorded scores: capped when a critical objective was missed.
 */
export function submitQuiz(
  course: Course,
  state: CourseState,
  quizId: string,
  timedOut = false,
  coursePassMark = course.passMark,
): CourseState {
  const quiz = findQuiz(course, quizId);
  const attempt = openAttempt(state, quizId);
  if (!quiz || !attempt) return state;
  const progress = quizProgress(state, quizId);
  const passMark = quizPassMark(course, quiz, coursePassMark);
  const { score, passed } = attemptResult(quiz, attempt, passMark);
  // The counted score's verdict: the last attempt's, or any attempt's for the highest score.
  const verdict = quiz.counts === 'last' ? passed : passed || quizPassed(quiz, progress, passMark) === true;
  return withQuiz(state, quizId, {
    // Flags and the question on screen only help the learner find their way before submitting.
    attempt: { ...attempt, flagged: [], current: 0, submitted: true, timedOut },
    attemptsUsed: progress.attemptsUsed + 1,
    bestScore: Math.max(progress.bestScore ?? 0, score),
    lastScore: score,
    ...(quiz.graded ? { passed: verdict } : {}),
  });
}

/** Closes a submitted attempt so that the next one can start. */
export function retryQuiz(course: Course, state: CourseState, quizId: string): CourseState {
  const quiz = findQuiz(course, quizId);
  const progress = quizProgress(state, quizId);
  if (!quiz || !progress.attempt?.submitted || attemptsLeft(quiz, progress) === 0) return state;
  return withQuiz(state, quizId, { ...progress, attempt: null });
}

/** Submits every open attempt whose deadline has passed (e.g. while the course was closed). */
export function submitExpired(
  course: Course,
  state: CourseState,
  now: number,
  expiring: (quiz: Quiz) => boolean,
  coursePassMark = course.passMark,
): { state: CourseState; expired: string[] } {
  let next = state;
  const expired: string[] = [];
  for (const quiz of course.quizzes) {
    const attempt = openAttempt(next, quiz.id);
    if (attempt?.deadline != null && attempt.deadline <= now && expiring(quiz)) {
      next = submitQuiz(course, next, quiz.id, true, coursePassMark);
      expired.push(quiz.id);
    }
  }
  return { state: next, expired };
}

/** The score that counts for a quiz: the best or the last attempt's, as the quiz says. */
export function countedScore(quiz: Quiz, progress: QuizProgress): number | null {
  return quiz.counts === 'last' ? progress.lastScore : progress.bestScore;
}

/**
 * Whether the counted score passes: the verdict given when it was recorded where one was kept (a
 * pass mark raised since takes no pass away), else the score against `passMark`; null before the
 * first submission.
 */
export function quizPassed(quiz: Quiz, progress: QuizProgress, passMark: number): boolean | null {
  const score = countedScore(quiz, progress);
  if (score === null) return null;
  return progress.passed ?? score >= passMark;
}

/**
 * The graded quiz's verdict at launch, under the pass mark in force. Progress saved before verdicts
 * were kept (`QuizProgress.passed`) gets one now (a completion recorded means it passed), so that a
 * pass mark raised by a later version takes no pass away. A kept fail is judged again, so that a
 * pass mark lowered since (by a new version or the LMS's mastery score) passes an attempt that now
 * meets it, as the result screen and an LMS applying its mastery score judge it; a kept pass stays.
 * The attempt still held is judged whole: a critical topic missed fails it whatever the mark (its
 * recorded score was capped under the old mark, which a lower one may not cap).
 */
export function fixVerdict(course: Course, state: CourseState, coursePassMark = course.passMark): CourseState {
  const quiz = findQuiz(course, course.gradedQuiz);
  const progress = state.quizzes[course.gradedQuiz];
  if (!quiz || !progress || progress.passed === true) return state;
  const score = countedScore(quiz, progress);
  if (score === null) return state;
  const mark = quizPassMark(course, quiz, coursePassMark);
  // The attempt still held, judged whole: one that passes under this mark passes the quiz (the
  // counted score is its score or a higher one), as the result screen shows it.
  const held = progress.attempt?.submitted ? attemptResult(quiz, progress.attempt, mark) : null;
  if (held?.passed) return withQuiz(state, quiz.id, { ...progress, passed: true });
  if (progress.passed === false) return state;
  const heldCounts = held !== null && progress.lastScore === score;
  return withQuiz(state, quiz.id, { ...progress, passed: state.completedAt !== null || (!heldCounts && score >= mark) });
}

/** Records the moment the course was first completed; later changes keep that date. */
export function markCompleted(course: Course, state: CourseState, now: number, passMark = course.passMark): CourseState {
  return state.completedAt === null && courseOutcome(course, state, passMark).completed ? { ...state, completedAt: now } : state;
}

export interface CourseOutcome {
  /** Counted score of the graded quiz, or null before its first submission. */
  score: number | null;
  /** Null before the graded quiz was submitted. */
  passed: boolean | null;
  allLessonsViewed: boolean;
  /** Every lesson read, the graded quiz passed and a required evaluation submitted. */
  completed: boolean;
  /** Share of lessons read plus graded quiz passed, 0-1. */
  progress: number;
  /** The graded quiz has no attempt left and was not passed. */
  outOfAttempts: boolean;
}

/** What the course reports: derived from state, never stored. */
export function courseOutcome(course: Course, state: CourseState, passMark = course.passMark): CourseOutcome {
  const exam = findQuiz(course, course.gradedQuiz);
  const progress = quizProgress(state, course.gradedQuiz);
  const score = exam ? countedScore(exam, progress) : null;
  const passed = exam ? quizPassed(exam, progress, passMark) : null;
  const viewedCount = course.lessons.filter((l) => state.viewed.includes(l.id)).length;
  const allLessonsViewed = viewedCount === course.lessons.length;
  // A required evaluation is part of completing a continuing-education activity.
  const evaluated = !course.evaluation?.required || state.evaluation?.submittedAt != null;
  const steps = course.lessons.length + 1 + (course.evaluation?.required ? 1 : 0);
  // A completion once recorded stays: a new version of the course may add a lesson later.
  const completed = state.completedAt !== null || (allLessonsViewed && passed === true && evaluated);
  return {
    score,
    passed,
    allLessonsViewed,
    completed,
    progress: completed ? 1 : (viewedCount + (passed ? 1 : 0) + (course.evaluation?.required && evaluated ? 1 : 0)) / steps,
    outOfAttempts: !!exam && passed !== true && attemptsLeft(exam, progress) === 0,
  };
}
