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

/**
 * A typed number as the LMS can store it, or null: Moodle accepts at most 3 integer
 * digits in SCORM 1.2 and 5 in 2004, and no exponent. A number beyond that is wrong
 * anyway (the result says so); its response is left out rather than refused.
 */
function numericResponse(text: string, intDigits: number): string | null {
  if (text === '') return null;
  const n = Number(text);
  const out = Number.isFinite(n) ? decimal(n) : '';
  return new RegExp(`^-?\\d{1,${intDigits}}(\\.\\d+)?$`).test(out) ? out : null;
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
      return { type: a.type, response: numericResponse(a.response, 3), pattern: decimal((a.min + a.max) / 2) };
    case 'likert':
      return { type: a.type, response: a.response === null ? null : scorm12Code(a.scale, a.response), pattern: null };
    case 'number':
      return { type: 'numeric', response: numericResponse(a.response, 3), pattern: null };
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
      return { type: a.type, response: numericResponse(a.response, 5), pattern: `${decimal(a.min)}[:]${decimal(a.max)}` };
    case 'likert':
      return { type: a.type, response: a.response, pattern: null };
    case 'number':
      return { type: 'numeric', response: numericResponse(a.response, 5), pattern: null };
    case 'text':
      // A localized string on one line that does not start with "{" (which would open a {lang=} tag).
      return {
        type: 'long-fill-in',
        response: orNull(a.response.replace(/\s+/g, ' ').replace(/^\{/, '(').slice(0, SCORM2004_TEXT_LIMIT)),
        pattern: null,
      };
  }
}
