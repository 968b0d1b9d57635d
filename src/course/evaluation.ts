import { courseOutcome, type CourseState } from './state.ts';
import type { Course, EvaluationQuestion } from './types.ts';

/** The learner's evaluation of the activity: drafts until submitted, then only the date. */
export interface EvaluationState {
  /** Per question id: a likert scale id or the text typed. Emptied once submitted and reported. */
  answers: Record<string, string>;
  /** When the learner first opened the evaluation (epoch ms). */
  startedAt: number | null;
  submittedAt: number | null;
}

export function evaluationState(state: CourseState): EvaluationState {
  return state.evaluation ?? { answers: {}, startedAt: null, submittedAt: null };
}

/** The evaluation opens once every lesson is read and the exam passed. */
export function evaluationOpen(course: Course, state: CourseState, passMark = course.passMark): boolean {
  const outcome = courseOutcome(course, state, passMark);
  return course.evaluation !== null && outcome.allLessonsViewed && outcome.passed === true;
}

/**
 * The certificate comes with completion, which includes a required evaluation. So does the
 * LMS's completion: an LMS that closes a finished attempt (Moodle's review mode after a SCORM
 * 1.2 pass) must not close it before the learner could give the evaluation.
 */
export function certificateReady(course: Course, state: CourseState, passMark = course.passMark): boolean {
  return courseOutcome(course, state, passMark).completed;
}

/** A text answer as stored and reported: whitespace (line breaks too) collapsed, within the limit. */
export function cleanText(text: string, maxLength: number): string {
  return text.replace(/\s+/g, ' ').trim().slice(0, maxLength);
}

export function isValidEvaluationAnswer(q: EvaluationQuestion, value: string): boolean {
  return q.type === 'likert' ? q.scale.some((s) => s.id === value) : value.length <= q.maxLength;
}

/** Required questions still without an answer. */
export function missingAnswers(course: Course, state: CourseState): EvaluationQuestion[] {
  const { answers } = evaluationState(state);
  return (course.evaluation?.questions ?? []).filter((q) => q.required && !(answers[q.id] ?? '').trim());
}

export function openEvaluation(course: Course, state: CourseState, now: number): CourseState {
  const e = evaluationState(state);
  if (!course.evaluation || e.startedAt !== null) return state;
  return { ...state, evaluation: { ...e, startedAt: now } };
}

export function answerEvaluation(course: Course, state: CourseState, questionId: string, value: string): CourseState {
  const e = evaluationState(state);
  const q = course.evaluation?.questions.find((x) => x.id === questionId);
  if (!q || e.submittedAt !== null || e.startedAt === null) return state;
  const text = q.type === 'text' ? value.slice(0, q.maxLength) : value;
  if (!isValidEvaluationAnswer(q, text) || e.answers[q.id] === text) return state;
  return { ...state, evaluation: { ...e, answers: { ...e.answers, [q.id]: text } } };
}

/** The course asks for the learner's profession and it has not been given yet. */
export function professionMissing(course: Course, state: CourseState): boolean {
  return course.activity.professions.length > 0 && !course.activity.professions.some((p) => p.id === state.profession);
}

/**
 * The learner says (or corrects) their profession: in the evaluation until it is submitted,
 * or once on the certificate screen of a course without an evaluation. Once the certificate
 * is issued (the course complete with a profession given) it no longer changes.
 */
export function chooseProfession(course: Course, state: CourseState, profession: string): CourseState {
  if (!course.activity.professions.some((p) => p.id === profession) || state.profession === profession) return state;
  const settled = state.completedAt !== null && !professionMissing(course, state);
  if (settled || evaluationState(state).submittedAt !== null) return state;
  return { ...state, profession };
}

/** Submits the evaluation when every required question is answered (and the profession given, when asked). */
export function submitEvaluation(course: Course, state: CourseState, now: number): CourseState {
  const e = evaluationState(state);
  if (!course.evaluation || e.startedAt === null || e.submittedAt !== null || missingAnswers(course, state).length) return state;
  if (professionMissing(course, state)) return state;
  return { ...state, evaluation: { ...e, submittedAt: now } };
}
