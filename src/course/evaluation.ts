import { courseOutcome, type CourseState, type EvaluationState } from './state.ts';
import type { AnswerReport } from '../interaction/answer-report.ts';
import type { Choice, Course, EvaluationQuestion } from './types.ts';

// The state's shape lives with the course state; re-exported for the evaluation's users.
export type { EvaluationState };

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

type NumberQuestion = Extract<EvaluationQuestion, { type: 'number' }>;
type ConfidenceQuestion = Extract<EvaluationQuestion, { type: 'confidence' }>;

/** The whole number a learner typed (spaces around it allowed), or null when it is not one. */
export function readWholeNumber(typed: string): number | null {
  const t = typed.trim();
  return /^\d{1,6}$/.test(t) ? Number(t) : null;
}

/** A number answer as stored: the whole number in range, written without leading zeros; null otherwise. */
export function numberAnswer(q: NumberQuestion, typed: string): string | null {
  const n = readWholeNumber(typed);
  return n !== null && n >= q.min && n <= q.max ? String(n) : null;
}

export type ConfidenceWhen = 'before' | 'after';
/** One item's two ratings (scale ids), null while not given. */
export type ConfidenceRating = Record<ConfidenceWhen, string | null>;

/**
 * A confidence answer is one string, compact for the suspend data and keyed by item id so a
 * changed list of items never moves a rating to another item: `item:BA,…`, B the rating
 * before the course and A now, `-` for one not given yet; items without a rating are left out.
 */
export function confidenceRatings(q: ConfidenceQuestion, value: string): Map<string, ConfidenceRating> | null {
  const ratings = new Map<string, ConfidenceRating>();
  if (value === '') return ratings;
  const point = (c: string | undefined) => (c === '-' || c === undefined ? null : c);
  for (const part of value.split(',')) {
    const m = /^([a-z][a-z0-9_]*):([a-z-])([a-z-])$/.exec(part);
    const [, item = '', before, after] = m ?? [];
    const rating = { before: point(before), after: point(after) };
    if (!m || ratings.has(item) || !q.items.some((i) => i.id === item)) return null;
    if ([rating.before, rating.after].some((r) => r !== null && !q.scale.some((s) => s.id === r))) return null;
    if (rating.before === null && rating.after === null) return null;
    ratings.set(item, rating);
  }
  return ratings;
}

/** A saved confidence answer with only the ratings that still fit the question (items removed, scale changed). */
export function keptConfidence(q: ConfidenceQuestion, value: string): string {
  const kept = new Map<string, ConfidenceRating>();
  for (const part of value.split(',')) {
    for (const [item, rating] of confidenceRatings(q, part) ?? []) if (!kept.has(item)) kept.set(item, rating);
  }
  return confidenceText(q, kept);
}

/** Ratings in the stored form, items in the question's order. */
function confidenceText(q: ConfidenceQuestion, ratings: Map<string, ConfidenceRating>): string {
  return q.items
    .flatMap((i) => {
      const r = ratings.get(i.id);
      return r ? [`${i.id}:${r.before ?? '-'}${r.after ?? '-'}`] : [];
    })
    .join(',');
}

/** The answer with one rating given (or changed), in the stored form. */
export function rateConfidence(q: ConfidenceQuestion, value: string, item: string, when: ConfidenceWhen, point: string): string {
  const ratings = confidenceRatings(q, value) ?? new Map<string, ConfidenceRating>();
  ratings.set(item, { ...(ratings.get(item) ?? { before: null, after: null }), [when]: point });
  return confidenceText(q, ratings);
}

/** The interaction id of one confidence rating, as the LMS records it. */
export const confidenceInteractionId = (questionId: string, item: string, when: ConfidenceWhen): string =>
  `evaluation-${questionId}-${item}-${when}`;

/** What one confidence rating asks, for the interaction's description and the question key. */
export const confidenceDescription = (q: ConfidenceQuestion, item: Choice, when: ConfidenceWhen): string =>
  `${q.prompt} ${item.text} (${when === 'before' ? 'before this course' : 'now, after this course'})`;

/** One interaction an evaluation answer becomes, before the LMS's own format. */
export interface EvaluationReport {
  id: string;
  description: string;
  answer: AnswerReport;
}

/**
 * What the LMS is told of one answer, and under which interaction ids: `evaluation-<id>` (a
 * likert, a number, text split into parts `-2`, `-3`… of `textLimit` characters), or for a
 * confidence rating `evaluation-<id>-<item>-before` and `-after` per item rated. The question
 * key lists the codes from this same function.
 */
export function evaluationReports(q: EvaluationQuestion, value: string, textLimit: number): EvaluationReport[] {
  if (!value) return [];
  const one = (answer: AnswerReport): EvaluationReport[] => [{ id: `evaluation-${q.id}`, description: q.prompt, answer }];
  switch (q.type) {
    case 'likert':
      return one({ type: 'likert', scale: q.scale.map((s) => s.id), response: value });
    case 'number':
      return one({ type: 'number', response: value });
    case 'confidence': {
      const ratings = confidenceRatings(q, value);
      return q.items.flatMap((item) =>
        (['before', 'after'] as const).flatMap((when) => {
          const point = ratings?.get(item.id)?.[when];
          return point
            ? [
                {
                  id: confidenceInteractionId(q.id, item.id, when),
                  description: confidenceDescription(q, item, when),
                  answer: { type: 'likert' as const, scale: q.scale.map((s) => s.id), response: point },
                },
              ]
            : [];
        }),
      );
    }
    case 'text': {
      const parts: EvaluationReport[] = [];
      for (let part = 0; part * textLimit < value.length; part++)
        parts.push({
          id: `evaluation-${q.id}${part ? `-${part + 1}` : ''}`,
          description: q.prompt,
          answer: { type: 'text', response: value.slice(part * textLimit, (part + 1) * textLimit) },
        });
      return parts;
    }
  }
}

export function isValidEvaluationAnswer(q: EvaluationQuestion, value: string): boolean {
  switch (q.type) {
    case 'likert':
      return q.scale.some((s) => s.id === value);
    case 'text':
      return value.length <= q.maxLength;
    case 'number':
      return value === '' || numberAnswer(q, value) === value;
    case 'confidence':
      return confidenceRatings(q, value) !== null;
  }
}

/** The question has its whole answer: for a confidence rating, every item before and now. */
export function isAnswered(q: EvaluationQuestion, value: string | undefined): boolean {
  if (q.type !== 'confidence') return !!(value ?? '').trim();
  const ratings = confidenceRatings(q, value ?? '');
  return !!ratings && q.items.every((i) => ratings.get(i.id)?.before && ratings.get(i.id)?.after);
}

/** Required questions still without an answer. */
export function missingAnswers(course: Course, state: CourseState): EvaluationQuestion[] {
  const { answers } = evaluationState(state);
  return (course.evaluation?.questions ?? []).filter((q) => q.required && !isAnswered(q, answers[q.id]));
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
