import type { InteractionAnswer } from './session.ts';

/**
 * What the LMS is told about an answer, kept as one table entry per interaction type
 * (the `type` of an InteractionAnswer), as scorm-again keeps its per-type response tables.
 * Each entry writes the answer for SCORM 1.2 and for SCORM 2004; the table's type makes a
 * new interaction type without an entry a compile error. The question key
 * (`package/question-key.ts`, KEY_COLUMN) and the strict test checks
 * (`tests/support/strict-scorm.ts`, STRICT) are the same table's other columns, kept beside
 * the code that uses them so the course package carries only these two.
 */

/** The interaction types of SCORM 2004 (RTE 4.2.9); SCORM 1.2 has all but the last two. */
export const SCORM_INTERACTION_TYPES = [
  'true-false',
  'choice',
  'fill-in',
  'matching',
  'performance',
  'sequencing',
  'likert',
  'numeric',
  'long-fill-in',
  'other',
] as const;
export type ScormInteractionType = (typeof SCORM_INTERACTION_TYPES)[number];

/** The course's interaction vocabulary: the types an answer can be reported as. */
export type InteractionKind = InteractionAnswer['type'];
/** The answer of one interaction type. */
export type AnswerOf<K extends InteractionKind> = Extract<InteractionAnswer, { type: K }>;

/** Response and correct-response pattern of one interaction, in a version's own format. */
export interface FormattedAnswer {
  type: ScormInteractionType;
  /** Null when the learner gave no answer (an empty response is invalid in 2004). */
  response: string | null;
  /** The correct response (correct_responses.0), the one Moodle's reports show; null for survey answers, which have none. */
  pattern: string | null;
  /**
   * SCORM 2004 only: further patterns, each also a correct response (correct_responses.1, .2…),
   * where the type allows several (RTE 4.2.9.1). Absent when there are none; SCORM 1.2 holds one.
   */
  alsoCorrect?: string[];
}

/**
 * One interaction type's entry: how each standard writes its answers. The xAPI form of cmi5
 * is the next column (`xapi(a: AnswerOf<K>)`): adding it here makes every entry need one.
 */
export interface InteractionEntry<K extends InteractionKind> {
  /** SCORM 1.2: single characters for options, `t`/`f`, decimals; one correct pattern at most. */
  scorm12(a: AnswerOf<K>): FormattedAnswer;
  /** SCORM 2004: identifiers joined by `[,]`, `true`/`false`, `s[.]t` pairs, `min[:]max` ranges. */
  scorm2004(a: AnswerOf<K>): FormattedAnswer;
}

/** SCORM 1.2 fill-in responses are CMIString255. */
export const SCORM12_TEXT_LIMIT = 255;
/** SCORM 2004 long-fill-in holds 4000 characters. */
export const SCORM2004_TEXT_LIMIT = 4000;

/** SCORM 1.2 responses are one character per option: a-z, then 0-9, by authored position. */
const CODES = 'abcdefghijklmnopqrstuvwxyz0123456789';

export function scorm12Code(options: readonly string[], id: string): string {
  const code = CODES[options.indexOf(id)];
  if (!code) throw new Error(`option "${id}" cannot be reported in SCORM 1.2`);
  return code;
}

const orNull = (s: string) => (s === '' ? null : s);

/** A decimal without floating-point noise (0.30000000000000004 → 0.3). */
const decimal = (n: number) => String(Number(n.toFixed(7)));

/** The number the learner typed, as a plain decimal (a point, no exponent where it fits), or null when none was typed. */
function typedNumber(text: string): string | null {
  const n = text === '' ? NaN : Number(text);
  return Number.isFinite(n) ? decimal(n) : null;
}

/** Whether a decimal fits a numeric interaction: Moodle takes at most 3 integer digits in SCORM 1.2 and 5 in 2004, no exponent. */
const fitsDecimal = (text: string, intDigits: number) => new RegExp(`^-?\\d{1,${intDigits}}(\\.\\d+)?$`).test(text);

/**
 * A numeric answer in one interaction record. A number the LMS's decimal cannot hold (more
 * integer digits than Moodle accepts) is kept as typed in a `fill-in` record instead, where any
 * LMS stores text, with the expected value as its pattern: the learner's answer is never dropped.
 */
function numericAnswer(a: AnswerOf<'numeric'>, pattern: string, intDigits: number): FormattedAnswer {
  const typed = typedNumber(a.response);
  const values = [decimal(a.min), decimal(a.max), ...(typed === null ? [] : [typed])];
  if (values.every((v) => fitsDecimal(v, intDigits))) return { type: 'numeric', response: typed, pattern };
  return { type: 'fill-in', response: typed, pattern: decimal((a.min + a.max) / 2) };
}

/** An evaluation's number (no right answer): numeric where the LMS's decimal holds it, else as typed in a fill-in. */
function numberAnswer(text: string, intDigits: number): FormattedAnswer {
  const typed = typedNumber(text);
  return { type: typed === null || fitsDecimal(typed, intDigits) ? 'numeric' : 'fill-in', response: typed, pattern: null };
}

/**
 * SCORM 2004 fill-in text (localized_string_type, 250 characters): on one line, not starting
 * with "{" (which would open a {lang=} tag), without the `[,]` that separates a list's items.
 */
const fillIn2004 = (s: string) => s.replace(/\s+/g, ' ').replace(/\[,\]/g, ',').replace(/^\{/, '(').slice(0, 250);

/** The most accepted answers a 2004 record lists: each is one more value in the LMS's final request. */
export const MAX_PATTERNS_2004 = 5;

/** Options, or items in order: 1.2 letters joined by commas, 2004 ids joined by `[,]`. */
function listed(type: 'choice' | 'sequencing') {
  type Listed = { options: string[]; response: string[]; correct: string[] };
  return {
    scorm12(a: Listed): FormattedAnswer {
      const codes = (ids: string[]) => ids.map((id) => scorm12Code(a.options, id)).join(',');
      return { type, response: orNull(codes(a.response)), pattern: codes(a.correct) };
    },
    scorm2004: (a: Listed): FormattedAnswer => ({ type, response: orNull(a.response.join('[,]')), pattern: a.correct.join('[,]') }),
  };
}

/** Every interaction type the course reports, and how each standard writes it. */
export const INTERACTIONS: { readonly [K in InteractionKind]: InteractionEntry<K> } = {
  choice: listed('choice'),
  sequencing: listed('sequencing'),
  'true-false': {
    scorm12: (a) => ({ type: a.type, response: a.response === null ? null : a.response ? 't' : 'f', pattern: a.correct ? 't' : 'f' }),
    scorm2004: (a) => ({ type: a.type, response: a.response === null ? null : String(a.response), pattern: String(a.correct) }),
  },
  matching: {
    scorm12(a) {
      const pairs = (ps: [string, string][]) => ps.map(([s, t]) => `${scorm12Code(a.sources, s)}.${scorm12Code(a.targets, t)}`).join(',');
      return { type: a.type, response: orNull(pairs(a.response)), pattern: pairs(a.correct) };
    },
    scorm2004(a) {
      const pairs = (ps: [string, string][]) => ps.map(([s, t]) => `${s}[.]${t}`).join('[,]');
      return { type: a.type, response: orNull(pairs(a.response)), pattern: pairs(a.correct) };
    },
  },
  numeric: {
    // 1.2 has no range syntax: the pattern is the expected value.
    scorm12: (a) => numericAnswer(a, decimal((a.min + a.max) / 2), 3),
    // The pattern is always a range (RTE 4.2.9.2: <min>[:]<max>); an exact answer is n[:]n.
    scorm2004: (a) => numericAnswer(a, `${decimal(a.min)}[:]${decimal(a.max)}`, 5),
  },
  likert: {
    scorm12: (a) => ({ type: a.type, response: a.response === null ? null : scorm12Code(a.scale, a.response), pattern: null }),
    scorm2004: (a) => ({ type: a.type, response: a.response, pattern: null }),
  },
  number: {
    scorm12: (a) => numberAnswer(a.response, 3),
    scorm2004: (a) => numberAnswer(a.response, 5),
  },
  'fill-in': {
    // 1.2 holds one correct pattern: the first accepted answer.
    scorm12: (a) => ({
      type: 'fill-in',
      response: orNull(a.response.slice(0, SCORM12_TEXT_LIMIT)),
      pattern: a.correct[0]?.slice(0, SCORM12_TEXT_LIMIT) ?? null,
    }),
    scorm2004(a) {
      const [first, ...more] = a.correct.slice(0, MAX_PATTERNS_2004).map(fillIn2004);
      return {
        type: 'fill-in',
        response: orNull(fillIn2004(a.response)),
        pattern: first ?? null,
        ...(more.length ? { alsoCorrect: more } : {}),
      };
    },
  },
  text: {
    scorm12: (a) => ({ type: 'fill-in', response: orNull(a.response.slice(0, SCORM12_TEXT_LIMIT)), pattern: null }),
    // A localized string on one line that does not start with "{" (which would open a {lang=} tag).
    scorm2004: (a) => ({
      type: 'long-fill-in',
      response: orNull(a.response.replace(/\s+/g, ' ').replace(/^\{/, '(').slice(0, SCORM2004_TEXT_LIMIT)),
      pattern: null,
    }),
  },
};

/** The table's entry for an answer's type. */
export function interactionEntry<K extends InteractionKind>(type: K): InteractionEntry<K> {
  return INTERACTIONS[type];
}

export function formatScorm12(a: InteractionAnswer): FormattedAnswer {
  return interactionEntry(a.type).scorm12(a);
}

export function formatScorm2004(a: InteractionAnswer): FormattedAnswer {
  return interactionEntry(a.type).scorm2004(a);
}
