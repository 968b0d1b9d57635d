import { hashString, seededRandom, shuffle } from './random.ts';
import type { InteractionAnswer } from '../scorm/session.ts';
import type { Answer, Choice, Question, QuestionType } from './types.ts';

/** The rules of one question type: what counts as answered and how it scores. */
export interface QuestionRules<Q extends Question> {
  /** The answer is complete enough to submit. */
  answered(q: Q, a: Answer): boolean;
  /** The answer fits this question (used when reading saved progress back). */
  valid(q: Q, a: Answer): boolean;
  /** Share of the question's weight earned, 0-1. */
  score(q: Q, a: Answer): number;
  /** The answer that scores 1, in the same form. */
  correctAnswer(q: Q): Answer;
  interaction(q: Q, a: Answer): InteractionAnswer;
}

type RulesByType = { [T in QuestionType]: QuestionRules<Extract<Question, { type: T }>> };

const ids = (list: readonly Choice[]) => list.map((c) => c.id);
const unique = (a: Answer) => new Set(a).size === a.length;
const pair = (p: string): [string, string] => {
  const dot = p.indexOf('.');
  return [p.slice(0, dot), p.slice(dot + 1)];
};
/** Reads a number as a learner types it ("4", "4.5", "4,5"). */
export function readNumber(text: string): number | null {
  const t = text.trim().replace(',', '.');
  return /^-?\d+(\.\d+)?$/.test(t) ? Number(t) : null;
}

export const RULES: RulesByType = {
  single: {
    answered: (_q, a) => a.length === 1,
    valid: (q, a) => a.length === 1 && ids(q.choices).includes(a[0] as string),
    score: (q, a) => (a.length === 1 && a[0] === q.correct ? 1 : 0),
    correctAnswer: (q) => [q.correct],
    interaction: (q, a) => ({ type: 'choice', options: ids(q.choices), response: a, correct: [q.correct] }),
  },
  multiple: {
    answered: (_q, a) => a.length > 0,
    valid: (q, a) => unique(a) && a.every((id) => ids(q.choices).includes(id)),
    score(q, a) {
      const hits = a.filter((id) => q.correct.includes(id)).length;
      const wrong = a.length - hits;
      if (q.scoring === 'partial') return Math.max(0, (hits - wrong) / q.correct.length);
      return hits === q.correct.length && wrong === 0 ? 1 : 0;
    },
    correctAnswer: (q) => ids(q.choices).filter((id) => q.correct.includes(id)),
    interaction: (q, a) => ({
      type: 'choice',
      options: ids(q.choices),
      response: ids(q.choices).filter((id) => a.includes(id)),
      correct: ids(q.choices).filter((id) => q.correct.includes(id)),
    }),
  },
  true_false: {
    answered: (_q, a) => a.length === 1,
    valid: (_q, a) => a.length === 1 && (a[0] === 'true' || a[0] === 'false'),
    score: (q, a) => (a[0] === String(q.correct) ? 1 : 0),
    correctAnswer: (q) => [String(q.correct)],
    interaction: (q, a) => ({ type: 'true-false', response: a[0] === undefined ? null : a[0] === 'true', correct: q.correct }),
  },
  matching: {
    answered: (q, a) => q.items.every((item) => a.some((p) => pair(p)[0] === item.id)),
    valid: (q, a) =>
      unique(a.map((p) => pair(p)[0])) && a.every((p) => ids(q.items).includes(pair(p)[0]) && ids(q.targets).includes(pair(p)[1])),
    score(q, a) {
      const right = q.items.filter((item) => a.includes(`${item.id}.${item.match}`)).length;
      if (q.scoring === 'partial') return right / q.items.length;
      return right === q.items.length ? 1 : 0;
    },
    correctAnswer: (q) => q.items.map((item) => `${item.id}.${item.match}`),
    interaction: (q, a) => ({
      type: 'matching',
      sources: ids(q.items),
      targets: ids(q.targets),
      response: q.items.flatMap((item) => a.filter((p) => pair(p)[0] === item.id).map(pair)),
      correct: q.items.map((item) => [item.id, item.match]),
    }),
  },
  ordering: {
    answered: (q, a) => a.length === q.items.length,
    valid: (q, a) => a.length === q.items.length && unique(a) && a.every((id) => ids(q.items).includes(id)),
    score: (q, a) => (ids(q.items).every((id, i) => a[i] === id) ? 1 : 0),
    correctAnswer: (q) => ids(q.items),
    interaction: (q, a) => ({ type: 'sequencing', options: ids(q.items), response: a, correct: ids(q.items) }),
  },
  numeric: {
    answered: (_q, a) => readNumber(a[0] ?? '') !== null,
    valid: (_q, a) => a.length === 1 && (a[0] as string).length <= 40,
    score(q, a) {
      const n = readNumber(a[0] ?? '');
      return n !== null && Math.abs(n - q.answer) <= q.tolerance + 1e-9 ? 1 : 0;
    },
    correctAnswer: (q) => [String(q.answer)],
    interaction: (q, a) => ({ type: 'numeric', response: String(readNumber(a[0] ?? '') ?? ''), min: q.answer - q.tolerance, max: q.answer + q.tolerance }),
  },
};

function rules<Q extends Question>(q: Q): QuestionRules<Q> {
  return RULES[q.type] as unknown as QuestionRules<Q>;
}

export const isAnswered = (q: Question, a: Answer | undefined): boolean => a !== undefined && rules(q).answered(q, a);
export const isValidAnswer = (q: Question, a: Answer): boolean => Array.isArray(a) && a.every((x) => typeof x === 'string') && rules(q).valid(q, a);
export const questionScore = (q: Question, a: Answer | undefined): number => (a === undefined ? 0 : rules(q).score(q, a));
export const correctAnswer = (q: Question): Answer => rules(q).correctAnswer(q);
export const toInteraction = (q: Question, a: Answer | undefined): InteractionAnswer => rules(q).interaction(q, a ?? []);

/**
 * The order in which an attempt shows a question's options: shuffled by the
 * attempt's seed when asked (ordering items always, never in the right order).
 */
export function optionOrder(q: Question, seed: number, shuffleChoices: boolean): string[] {
  const random = seededRandom(seed ^ hashString(q.id));
  switch (q.type) {
    case 'single':
    case 'multiple':
      return shuffleChoices ? ids(shuffle(q.choices, random)) : ids(q.choices);
    case 'matching':
      return shuffleChoices ? ids(shuffle(q.targets, random)) : ids(q.targets);
    case 'ordering': {
      const order = ids(shuffle(q.items, random));
      // Never start in the correct order: rotate by one if the shuffle happened to.
      return order.every((id, i) => id === q.items[i]?.id) ? [...order.slice(1), order[0] as string] : order;
    }
    default:
      return [];
  }
}
