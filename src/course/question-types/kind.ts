import type { z } from 'zod';
import type { SchemaParts } from './schema-parts.ts';
import type { AnswerReport } from '../../interaction/answer-report.ts';
import type { Answer, Choice, QuestionBase } from './base.ts';

/** What a type's build step can use: the quiz file's folder, and a way to report at a field. */
export interface CompileContext {
  /** Reads a file named relative to the quiz file; null when it does not exist. */
  readFile(name: string): string | null;
  report(path: (string | number)[], message: string): void;
}

/** What an attempt needs to order a question's options: a seeded random and the quiz's setting. */
export interface OrderContext {
  random: () => number;
  shuffleChoices: boolean;
}

/**
 * Everything about one question type that is not its look: how the author writes it, what
 * counts as an answer, how it scores, what the LMS is told. One module per type; the
 * registry (`index.ts`) lists them, and the component and test harness are found by the
 * type's name.
 */
export interface QuestionKind<Q extends QuestionBase & { type: string }> {
  type: Q['type'];
  /** The type's name for people: the question key, the item-quality report. */
  label: string;
  /**
   * The content schema (YAML → question); zod's paths become the author's file:line errors.
   * Built from `parts`, so that zod stays in the build and out of the course package.
   */
  schema(parts: SchemaParts): z.ZodType<Q>;
  /** Build-time work after validation that needs files (a figure); reports problems at a path in the question. */
  compile?(q: Q, ctx: CompileContext): Q;
  /** The answer is complete enough to submit. */
  answered(q: Q, a: Answer): boolean;
  /** The answer fits this question (read back from saved progress, which may be stale). */
  valid(q: Q, a: Answer): boolean;
  /** Share of the question's weight earned, 0-1. */
  score(q: Q, a: Answer): number;
  /** The answer that scores 1, in the same form. */
  correctAnswer(q: Q): Answer;
  /** Option ids in the order an attempt shows them (none when the type has no options to order). */
  optionOrder(q: Q, ctx: OrderContext): string[];
  /** The answer in the neutral form the SCORM layer formats for each version. */
  report(q: Q, a: Answer): AnswerReport;
  /** An answer in words ("" when there is none), for feedback and reports. */
  describe(q: Q, a: Answer): string;
  /** The correct answer in words, when it reads better than `describe(correctAnswer)` (a tolerance). */
  describeCorrect?(q: Q): string;
  /** The texts a learner reads to answer, for the learning-time estimate. */
  texts(q: Q): string[];
  /** The longest answer a learner can give, for the saved-progress budget. */
  longestAnswer(q: Q): Answer;
  /** The words behind the ids a report names, for the question key. */
  vocabulary(q: Q): { sources: Choice[]; targets?: Choice[]; unit?: string };
}

/** Declares a question type; the identity, to give the object its type. */
export function questionKind<Q extends QuestionBase & { type: string }>(kind: QuestionKind<Q>): QuestionKind<Q> {
  return kind;
}

// Small helpers the types share.
export const ids = (list: readonly Choice[]): string[] => list.map((c) => c.id);
export const unique = (a: Answer): boolean => new Set(a).size === a.length;
export const longest = (list: string[]): string => list.reduce((a, b) => (b.length > a.length ? b : a), '');
export const textOf = (list: readonly Choice[], id: string): string => list.find((c) => c.id === id)?.text ?? id;
/** `item.target` → [item, target]. */
export function pair(p: string): [string, string] {
  const dot = p.indexOf('.');
  return [p.slice(0, dot), p.slice(dot + 1)];
}
