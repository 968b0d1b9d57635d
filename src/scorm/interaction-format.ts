import type { InteractionAnswer } from './session.ts';

/** Response and correct-response pattern of one interaction, in a version's own format. */
export interface FormattedAnswer {
  type: Exclude<InteractionAnswer['type'], 'text' | 'number'> | 'fill-in' | 'long-fill-in';
  /** Null when the learner gave no answer (an empty response is invalid in 2004). */
  response: string | null;
  /** Null for survey answers, which have no correct response. */
  pattern: string | null;
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
function numericAnswer(a: Extract<InteractionAnswer, { type: 'numeric' }>, pattern: string, intDigits: number): FormattedAnswer {
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

/** SCORM 1.2: single characters joined by commas; `t`/`f`; `1.a` pairs; decimals. */
export function formatScorm12(a: InteractionAnswer): FormattedAnswer {
  switch (a.type) {
    case 'choice':
    case 'sequencing': {
      const codes = (ids: string[]) => ids.map((id) => scorm12Code(a.options, id)).join(',');
      return { type: a.type, response: orNull(codes(a.response)), pattern: codes(a.correct) };
    }
    case 'true-false':
      return { type: a.type, response: a.response === null ? null : a.response ? 't' : 'f', pattern: a.correct ? 't' : 'f' };
    case 'matching': {
      const pairs = (ps: [string, string][]) => ps.map(([s, t]) => `${scorm12Code(a.sources, s)}.${scorm12Code(a.targets, t)}`).join(',');
      return { type: a.type, response: orNull(pairs(a.response)), pattern: pairs(a.correct) };
    }
    case 'numeric':
      // 1.2 has no range syntax: the pattern is the expected value.
      return numericAnswer(a, decimal((a.min + a.max) / 2), 3);
    case 'likert':
      return { type: a.type, response: a.response === null ? null : scorm12Code(a.scale, a.response), pattern: null };
    case 'number':
      return numberAnswer(a.response, 3);
    case 'text':
      return { type: 'fill-in', response: orNull(a.response.slice(0, SCORM12_TEXT_LIMIT)), pattern: null };
  }
}

/** SCORM 2004: identifiers joined by `[,]`, `true`/`false`, `s[.]t` pairs, `min[:]max` ranges. */
export function formatScorm2004(a: InteractionAnswer): FormattedAnswer {
  switch (a.type) {
    case 'choice':
    case 'sequencing':
      return { type: a.type, response: orNull(a.response.join('[,]')), pattern: a.correct.join('[,]') };
    case 'true-false':
      return { type: a.type, response: a.response === null ? null : String(a.response), pattern: String(a.correct) };
    case 'matching': {
      const pairs = (ps: [string, string][]) => ps.map(([s, t]) => `${s}[.]${t}`).join('[,]');
      return { type: a.type, response: orNull(pairs(a.response)), pattern: pairs(a.correct) };
    }
    case 'numeric':
      // The pattern is always a range (RTE 4.2.9.2: <min>[:]<max>); an exact answer is n[:]n.
      return numericAnswer(a, `${decimal(a.min)}[:]${decimal(a.max)}`, 5);
    case 'likert':
      return { type: a.type, response: a.response, pattern: null };
    case 'number':
      return numberAnswer(a.response, 5);
    case 'text':
      // A localized string on one line that does not start with "{" (which would open a {lang=} tag).
      return {
        type: 'long-fill-in',
        response: orNull(a.response.replace(/\s+/g, ' ').replace(/^\{/, '(').slice(0, SCORM2004_TEXT_LIMIT)),
        pattern: null,
      };
  }
}
