import { hashString, seededRandom } from './random.ts';
import { kindOf, KINDS, type Question } from './question-types/index.ts';
import type { AnswerReport } from '../interaction/answer-report.ts';
import type { Answer } from './types.ts';

/** What the course asks of a question, whatever its type: each call goes to the type's module. */

export { readNumber } from './question-types/numeric.ts';
export { KINDS };

export const isAnswered = (q: Question, a: Answer | undefined): boolean => a !== undefined && kindOf(q).answered(q, a);
export const isValidAnswer = (q: Question, a: Answer): boolean =>
  Array.isArray(a) && a.every((x) => typeof x === 'string') && kindOf(q).valid(q, a);
export const questionScore = (q: Question, a: Answer | undefined): number => (a === undefined ? 0 : kindOf(q).score(q, a));
export const correctAnswer = (q: Question): Answer => kindOf(q).correctAnswer(q);
export const toInteraction = (q: Question, a: Answer | undefined): AnswerReport => kindOf(q).report(q, a ?? []);
/** An answer in words ("" when none). */
export const describeAnswer = (q: Question, a: Answer | undefined): string => kindOf(q).describe(q, a ?? []);
/** The correct answer in words. */
export const describeCorrect = (q: Question): string => kindOf(q).describeCorrect?.(q) ?? kindOf(q).describe(q, correctAnswer(q));

/**
 * The order in which an attempt shows a question's options, from the attempt's seed and
 * the question's id, so that a resumed attempt shows the same order.
 */
export function optionOrder(q: Question, seed: number, shuffleChoices: boolean): string[] {
  return kindOf(q).optionOrder(q, { random: seededRandom(seed ^ hashString(q.id)), shuffleChoices });
}
