import type { LmsCall } from '../../src/preview/lms-host.ts';
import { SCORM_INTERACTION_TYPES, type ScormInteractionType } from '../../src/scorm/interaction-format.ts';

/**
 * Strict checks of every call a course made, per SCORM version. scorm-again is
 * lenient (in 1.2 it accepts calls after LMSFinish, any response pattern, 'normal'
 * exit, long suspend data), so these rules follow the specifications and Moodle's
 * own validation instead. Returns one line per violation.
 *
 * Sources, cited rule by rule below:
 * - SCORM 1.2 RTE (ADL, 2001): §3.3.2.1 API functions, §3.3.2.2 API adapter states
 *   (figure 3.3.2.2a), §3.4.2 data model (access per element), §3.4.3 data types
 *   (CMIDecimal, CMITimespan, CMITime, CMIIdentifier, CMIFeedback per interaction type).
 * - SCORM 2004 4th ed. RTE (ADL, 2009): §3.1.3 API methods, §3.1.6 API instance states,
 *   §4.2 data model (access per element; 4.2.9 interactions, 4.2.9.1 correct responses,
 *   4.2.9.2 learner response, 4.2.17 objectives), appendix A data types (time(second,10,0),
 *   timeinterval(second,10,2), real(10,7), short/long identifiers, localized strings).
 * - Moodle mod/scorm/datamodels/scorm_12.js and scorm_13.js: the regexes and per-element
 *   'mod' (r/w/rw) its player enforces; stricter than the spec in places (CMIDecimal with
 *   at most 3 integer digits in 1.2 and 5 in 2004, short identifiers of letters, digits,
 *   `_` and `.` only, years 1970-2038), and we hold the course to the stricter of the two.
 * - scorm-again 3.4.3 dist/scorm12.js and dist/scorm2004.js: the same read-only and
 *   write-only elements (READ_ONLY_ELEMENT / WRITE_ONLY_ELEMENT throws), the response
 *   tables (LearnerResponses / CorrectResponses) and the numeric min <= max check.
 * - /work/shared/briefs/scorm.md and scorm-reference.md: project rules (4096-character
 *   ASCII suspend data in both versions, raw score 0-100, record nothing in review).
 */

export type Version = '12' | '2004';

export interface StrictOptions {
  /**
   * Every launch that initialized must also have terminated. Off by default because
   * browser tests check the log in the middle of a run, while the course is still open.
   */
  requireTerminate?: boolean;
}

// ---------------------------------------------------------------------------------
// Data types

/** 1.2 CMIDecimal; at most 3 integer digits as in Moodle's scorm_12.js. */
const DECIMAL_12 = /^-?\d{1,3}(\.\d+)?$/;
/** 1.2 CMITimespan `HHHH:MM:SS.SS`: 2-4 hour digits, 2-digit minutes and seconds, 1-2 optional decimals (RTE 1.2 §3.4.3). */
const TIMESPAN_12 = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
/** 1.2 CMITime, a time of day `HH:MM:SS.SS` (RTE 1.2 §3.4.3). */
const TIME_12 = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
/** 1.2 CMIIdentifier, narrowed by the project to letters, digits, `-` and `_` (scorm.md). */
const IDENTIFIER_12 = /^[A-Za-z0-9_-]{1,255}$/;
/** One 1.2 response character: "Legal characters are 0 to 9 and a to z" (RTE 1.2 §3.4.3 CMIFeedback). */
const CHAR_12 = '[0-9a-z]';
/** The 1.2 response formats when the interaction's type is not known (the course's own subset). */
const RESPONSE_12 = /^([a-z0-9](,[a-z0-9])*|[a-z0-9]\.[a-z0-9](,[a-z0-9]\.[a-z0-9])*|[tf]|-?\d+(\.\d+)?)$/;

/**
 * 2004 timeinterval (second,10,2), ISO 8601 `P[yY][mM][dD][T[hH][nM][s[.s]S]]` (RTE 4th ed.
 * appendix A): at least one component after P, T only when a time component follows, at
 * most 2 decimals on the seconds.
 */
const DURATION_04 = /^P(?!$)(\d+Y)?(\d+M)?(\d+D)?(T(?=\d)(\d+H)?(\d+M)?(\d+(\.\d{1,2})?S)?)?$/;
/**
 * 2004 time (second,10,0). RTE 4th ed. appendix A (p. RTE-A-16) gives the format as
 * `YYYY[-MM[-DD[Thh[:mm[:ss[.s[TZD]]]]]]]` and adds "If TZD is defined, then hh:mm:ss.s
 * shall also be defined": the time-zone designator is nested inside the fraction. That
 * nesting is also the brief's rule ("a time-zone designator only after a fraction", what
 * Moodle's CMITime regex and ADL's test suite accept), so the two agree and this is what
 * we implement, rather than a `[TZD]` after the whole timestamp. SCORM limits the fraction
 * to 2 digits; Moodle (scorm_13.js CMITime) limits years to 1970-2038. TZD is `Z` or
 * `±hh[:mm]`. Calendar validity (no 30 February) is checked separately.
 */
const TIMESTAMP_04 =
  /^(19[7-9]\d|20[0-2]\d|203[0-8])(-(0[1-9]|1[0-2])(-(0[1-9]|[12]\d|3[01])(T([01]\d|2[0-3])(:[0-5]\d(:[0-5]\d(\.\d{1,2}(Z|[+-]([01]\d|2[0-3])(:[0-5]\d)?)?)?)?)?)?)?)?$/;
/** 2004 short_identifier_type as Moodle accepts it: letters, digits, `_` and `.` (scorm_13.js CMIShortIdentifier), at most 250. */
const SHORT_ID_04 = /^[A-Za-z0-9_.]{1,250}$/;
/** 2004 long_identifier_type, narrowed by the project to URI characters without spaces; SPM 4000. */
const LONG_ID_04 = /^[A-Za-z0-9_.:-]{1,4000}$/;
/** 2004 real(10,7) as Moodle accepts it (scorm_13.js CMIDecimal): at most 5 integer and 18 decimal digits, no exponent. */
const REAL = /^-?\d{1,5}(\.\d{1,18})?$/;
/** A 2004 localized string's language delimiter, `{lang=en}` or `{lang=en-GB}` (RTE 4th ed. appendix A). */
const LANG_04 = /^\{lang=([A-Za-z]{2,3}|i|x)(-[A-Za-z0-9-]{2,8})?\}/;

type Rule = (value: string) => string | null;

const oneOf =
  (...allowed: string[]): Rule =>
  (v) =>
    allowed.includes(v) ? null : `must be one of ${allowed.map((a) => JSON.stringify(a)).join(', ')}`;
const matches =
  (re: RegExp, what: string): Rule =>
  (v) =>
    re.test(v) ? null : `must be ${what}`;
const maxLength =
  (n: number): Rule =>
  (v) =>
    v.length <= n ? null : `has ${v.length} characters, more than ${n}`;
const ascii: Rule = (v) => (/^[\x20-\x7e]*$/.test(v) ? null : 'must be printable ASCII (some LMSs count bytes)');
const range =
  (lo: number, hi: number, re: RegExp): Rule =>
  (v) =>
    re.test(v) && Number(v) >= lo && Number(v) <= hi ? null : `must be a number from ${lo} to ${hi}`;
const all =
  (...rules: Rule[]): Rule =>
  (v) => {
    for (const r of rules) {
      const e = r(v);
      if (e) return e;
    }
    return null;
  };
const timestamp04: Rule = (v) => {
  const m = TIMESTAMP_04.exec(v);
  if (!m)
    return 'must be YYYY[-MM[-DD[Thh[:mm[:ss[.s[TZD]]]]]]] with a year from 1970 to 2038, at most 2 decimals and a time zone only after them';
  const [y, mo, d] = [Number(m[1]), Number(m[3] ?? 1), Number(m[5] ?? 1)];
  return new Date(Date.UTC(y, mo - 1, d)).getUTCDate() === d ? null : 'is not a calendar date';
};
const longId04: Rule = (v) =>
  !LONG_ID_04.test(v)
    ? 'must be a long identifier (URI characters, no spaces)'
    : /^urn:/i.test(v) && !/^urn:[A-Za-z0-9-]{1,31}:\S+$/.test(v)
      ? 'must be urn:<NID>:<NSS> with a NID of letters, digits and - (Moodle CMILongIdentifier)'
      : null;

// ---------------------------------------------------------------------------------
// Interaction responses and correct-response patterns, per type

/** The end of a message about a response or pattern of this type. */
const what = (type: ScormInteractionType) => `for a ${type} interaction`;

/** A 2004 list of at most `max` short identifiers joined by `[,]`. */
function ids04(type: ScormInteractionType, v: string, max: number, unique: boolean): string | null {
  const items = split(v, '[,]');
  if (items.length > max) return `has ${items.length} identifiers, more than ${max}, ${what(type)}`;
  if (!items.every((id) => SHORT_ID_04.test(id))) return `must be short identifiers (letters, digits, _ and .) joined by [,] ${what(type)}`;
  if (unique && new Set(items).size !== items.length) return `repeats an identifier ${what(type)}`;
  return null;
}

/** A 1.2 list of `item`s joined by commas, optionally in the `{}` "all of" braces. */
const list12 = (item: string) => `${item}(,${item})*`;
const braced12 = (item: string) => new RegExp(`^(${list12(item)}|\\{${list12(item)}\\})$`);

/**
 * The strict test check's column of the interaction table (`src/scorm/interaction-format.ts`),
 * one entry per SCORM interaction type, as scorm-again keeps its LearnerResponses and
 * CorrectResponses tables. The table's type makes a SCORM type the course could send
 * without a check a compile error.
 */
interface StrictEntry {
  /**
   * SCORM 1.2 CMIFeedback, the data type of both student_response and
   * correct_responses.n.pattern (RTE 1.2 §3.4.3); null when 1.2 has no such type. The `{}`
   * "all of" braces belong to that data type for choice and matching, so they are accepted
   * in both elements.
   */
  scorm12: ((v: string) => string | null) | null;
  /**
   * SCORM 2004 4th ed.: learner_response (RTE 4.2.9.2) or a correct_responses pattern
   * (RTE 4.2.9.1). Item counts are the spec's smallest permitted maxima, which Moodle's
   * scorm_13.js enforces as limits.
   */
  scorm2004(v: string, pattern: boolean): string | null;
  /** How many 2004 correct_responses patterns the type takes (RTE 4.2.9.1; Moodle 'limit':1, scorm-again 351). */
  patterns04: 'one' | 'several';
}

const STRICT: { readonly [T in ScormInteractionType]: StrictEntry } = {
  'true-false': {
    scorm12: (v) => (/^[01tf]$/.test(v) ? null : 'must be one of "0", "1", "t", "f" for a true-false interaction'),
    scorm2004: (v) => (v === 'true' || v === 'false' ? null : `must be "true" or "false" ${what('true-false')}`),
    patterns04: 'one',
  },
  choice: {
    scorm12: (v) =>
      braced12(CHAR_12).test(v) ? null : 'must be single characters 0-9 a-z joined by commas (optionally in {}) for a choice interaction',
    scorm2004: (v) => ids04('choice', v, 36, true),
    patterns04: 'several',
  },
  sequencing: {
    scorm12: (v) =>
      new RegExp(`^${list12(CHAR_12)}$`).test(v) ? null : 'must be single characters 0-9 a-z joined by commas for a sequencing interaction',
    scorm2004: (v) => ids04('sequencing', v, 36, false),
    patterns04: 'several',
  },
  matching: {
    scorm12: (v) =>
      braced12(`${CHAR_12}\\.${CHAR_12}`).test(v)
        ? null
        : 'must be x.y pairs of single characters 0-9 a-z joined by commas (optionally in {}) for a matching interaction',
    scorm2004(v) {
      const pairs = split(v, '[,]');
      if (pairs.length > 36) return `has ${pairs.length} pairs, more than 36, ${what('matching')}`;
      const ok = pairs.every((p) => {
        const ab = split(p, '[.]');
        return ab.length === 2 && ab.every((id) => SHORT_ID_04.test(id));
      });
      return ok ? null : `must be source[.]target pairs of short identifiers joined by [,] ${what('matching')}`;
    },
    patterns04: 'several',
  },
  likert: {
    scorm12: (v) => (new RegExp(`^${CHAR_12}$`).test(v) ? null : 'must be a single character 0-9 a-z for a likert interaction'),
    scorm2004: (v) => (SHORT_ID_04.test(v) ? null : `must be one short identifier (letters, digits, _ and .) ${what('likert')}`),
    patterns04: 'one',
  },
  numeric: {
    scorm12: (v) => (DECIMAL_12.test(v) ? null : 'must be a CMIDecimal (at most 3 integer digits, no exponent) for a numeric interaction'),
    scorm2004(v, pattern) {
      if (!pattern) return REAL.test(v) ? null : `must be a real number (at most 5 integer digits, no exponent) ${what('numeric')}`;
      // RTE 4.2.9.1: "<min>[:]<max>"; either bound may be left out, not both.
      const bounds = split(v, '[:]');
      if (bounds.length !== 2) return `must be a range min[:]max (either side may be empty; an exact answer is n[:]n) ${what('numeric')}`;
      const [min = '', max = ''] = bounds;
      if (min === '' && max === '') return `must give at least one bound of the range ${what('numeric')}`;
      if (![min, max].every((b) => b === '' || REAL.test(b))) return `must have real numbers as bounds ${what('numeric')}`;
      if (min !== '' && max !== '' && Number(min) > Number(max)) return `has a minimum above its maximum ${what('numeric')}`;
      return null;
    },
    patterns04: 'one',
  },
  'fill-in': {
    scorm12: (v) => (v.length <= 255 ? null : `has ${v.length} characters, more than 255, for a fill-in interaction`),
    scorm2004(v, pattern) {
      const { rest, problem } = pattern ? stripPatternDelimiters(v, ['case_matters', 'order_matters']) : { rest: v, problem: null };
      if (problem) return `${problem} ${what('fill-in')}`;
      const items = split(rest, '[,]');
      if (items.length > 10) return `has ${items.length} strings, more than 10, ${what('fill-in')}`;
      for (const item of items) {
        const p = localized(item, 250);
        if (p) return `${p} ${what('fill-in')}`;
      }
      return null;
    },
    patterns04: 'several',
  },
  'long-fill-in': {
    scorm12: null,
    scorm2004(v, pattern) {
      const { rest, problem } = pattern ? stripPatternDelimiters(v, ['case_matters']) : { rest: v, problem: null };
      if (problem) return `${problem} ${what('long-fill-in')}`;
      const p = localized(rest, 4000);
      return p ? `${p} ${what('long-fill-in')}` : null;
    },
    patterns04: 'several',
  },
  performance: {
    scorm12: (v) => (v.length <= 255 ? null : `has ${v.length} characters, more than 255, for a performance interaction`),
    scorm2004(v, pattern) {
      const { rest, problem } = pattern ? stripPatternDelimiters(v, ['order_matters']) : { rest: v, problem: null };
      if (problem) return `${problem} ${what('performance')}`;
      const steps = split(rest, '[,]');
      if (steps.length > 250) return `has ${steps.length} steps, more than 250, ${what('performance')}`;
      const answer = (a: string) =>
        a === '' || SHORT_ID_04.test(a) || REAL.test(a) || (pattern && /^(-?\d{1,5}(\.\d{1,18})?)?\[:\](-?\d{1,5}(\.\d{1,18})?)?$/.test(a));
      const ok = steps.every((s) => {
        const parts = split(s, '[.]');
        const [name = '', ans = ''] = parts;
        return parts.length === 2 && (name !== '' || ans !== '') && (name === '' || SHORT_ID_04.test(name)) && answer(ans);
      });
      return ok
        ? null
        : `must be step[.]answer records joined by [,] (step a short identifier or empty; answer a short identifier or a number${pattern ? ' or a min[:]max range' : ''}) ${what('performance')}`;
    },
    patterns04: 'several',
  },
  other: {
    scorm12: null,
    scorm2004: (v) => (v.length <= 4000 ? null : `has ${v.length} characters, more than 4000, ${what('other')}`),
    patterns04: 'one',
  },
};

/** The table's entry for a type the course set, or null when it is not a SCORM type (reported by the type's own rule). */
const strictEntry = (type: string): StrictEntry | null => (Object.hasOwn(STRICT, type) ? STRICT[type as ScormInteractionType] : null);

const INTERACTION_TYPES_12 = SCORM_INTERACTION_TYPES.filter((t) => STRICT[t].scorm12 !== null);
const INTERACTION_TYPES_04 = [...SCORM_INTERACTION_TYPES];

/** Splits a 2004 value on a reserved delimiter such as `[,]`. */
function split(v: string, delimiter: string) {
  return v.split(delimiter);
}

/** A 2004 localized string of at most `max` characters after an optional `{lang=..}`. */
function localized(s: string, max: number): string | null {
  const text = s.replace(LANG_04, '');
  if (/^\{(lang|case_matters|order_matters)=/.test(text))
    return `has a misplaced or malformed ${text.slice(0, text.indexOf('}') + 1) || '{'} delimiter`;
  return text.length <= max ? null : `has a string of ${text.length} characters, more than ${max}`;
}

/** Removes the leading `{case_matters=..}` / `{order_matters=..}` delimiters a pattern may have. */
function stripPatternDelimiters(v: string, allowed: readonly string[]): { rest: string; problem: string | null } {
  let rest = v;
  const seen = new Set<string>();
  for (;;) {
    const m = /^\{(case_matters|order_matters)=([^}]*)\}/.exec(rest);
    if (!m) return { rest, problem: null };
    const [whole, name = '', value] = m;
    if (!allowed.includes(name)) return { rest, problem: `may not start with {${name}=..}` };
    if (seen.has(name)) return { rest, problem: `repeats {${name}=..}` };
    if (value !== 'true' && value !== 'false') return { rest, problem: `{${name}=..} must be true or false` };
    seen.add(name);
    rest = rest.slice(whole.length);
  }
}

/** The union the checker used before it knew types; kept for callers that pass no type. */
function anyResponse04(v: string): string | null {
  return /^(true|false)$/.test(v) ||
    (/^(-?\d+(\.\d+)?)?(\[:\](-?\d+(\.\d+)?)?)?$/.test(v) && v !== '' && v !== '[:]') ||
    v.split('[,]').every((part) => part.split('[.]').length <= 2 && part.split('[.]').every((id) => SHORT_ID_04.test(id)))
    ? null
    : 'must be true/false, a number or range, or short identifiers (letters, digits, _ and .) joined by [,] (pairs by [.])';
}

// ---------------------------------------------------------------------------------
// Value rules per element

const RULES_12: [RegExp, Rule][] = [
  [/^cmi\.core\.lesson_status$/, oneOf('passed', 'completed', 'failed', 'incomplete', 'browsed')],
  [/^cmi\.core\.exit$/, oneOf('time-out', 'suspend', 'logout', '')],
  [/^cmi\.core\.score\.(raw|min|max)$/, range(0, 100, DECIMAL_12)],
  [/^cmi\.core\.session_time$/, matches(TIMESPAN_12, 'HHHH:MM:SS.SS')],
  [/^cmi\.core\.lesson_location$/, all(maxLength(255), ascii)],
  [/^cmi\.suspend_data$/, all(maxLength(4096), ascii)],
  [/^cmi\.comments$/, maxLength(4096)],
  [/^cmi\.interactions\.\d+\.id$/, matches(IDENTIFIER_12, 'a CMIIdentifier (letters, digits, - and _)')],
  [/^cmi\.interactions\.\d+\.type$/, oneOf(...INTERACTION_TYPES_12)],
  [/^cmi\.interactions\.\d+\.time$/, matches(TIME_12, 'a time of day HH:MM:SS')],
  [/^cmi\.interactions\.\d+\.latency$/, matches(TIMESPAN_12, 'HHHH:MM:SS.SS')],
  // Moodle scorm_12.js: weighting_range '-100#100'.
  [/^cmi\.interactions\.\d+\.weighting$/, range(-100, 100, DECIMAL_12)],
  [/^cmi\.interactions\.\d+\.result$/, oneOf('correct', 'wrong', 'unanticipated', 'neutral')],
  [/^cmi\.objectives\.\d+\.id$/, matches(IDENTIFIER_12, 'a CMIIdentifier')],
  [/^cmi\.objectives\.\d+\.status$/, oneOf('passed', 'completed', 'failed', 'incomplete', 'browsed', 'not attempted')],
  [/^cmi\.objectives\.\d+\.score\.(raw|min|max)$/, range(0, 100, DECIMAL_12)],
  [/^cmi\.interactions\.\d+\.objectives\.\d+\.id$/, matches(IDENTIFIER_12, 'a CMIIdentifier')],
];

const RULES_04: [RegExp, Rule][] = [
  [/^cmi\.completion_status$/, oneOf('completed', 'incomplete', 'not attempted', 'unknown')],
  [/^cmi\.success_status$/, oneOf('passed', 'failed', 'unknown')],
  [/^cmi\.exit$/, oneOf('time-out', 'suspend', 'logout', 'normal', '')],
  [/^cmi\.score\.scaled$/, range(-1, 1, REAL)],
  [/^cmi\.score\.(raw|min|max)$/, range(0, 100, REAL)],
  [/^cmi\.progress_measure$/, range(0, 1, REAL)],
  [
    /^cmi\.session_time$/,
    matches(DURATION_04, 'an ISO 8601 duration P[yY][mM][dD][T[hH][nM][s[.s]S]] with at least one component and at most 2 decimals'),
  ],
  [/^cmi\.location$/, all(maxLength(1000), ascii)],
  // We hold ourselves to SCORM 1.2's limit in both versions.
  [/^cmi\.suspend_data$/, all(maxLength(4096), ascii)],
  [/^cmi\.interactions\.\d+\.id$/, longId04],
  [/^cmi\.interactions\.\d+\.type$/, oneOf(...INTERACTION_TYPES_04)],
  [/^cmi\.interactions\.\d+\.timestamp$/, timestamp04],
  [/^cmi\.interactions\.\d+\.latency$/, matches(DURATION_04, 'an ISO 8601 duration with at least one component and at most 2 decimals')],
  [/^cmi\.interactions\.\d+\.weighting$/, matches(REAL, 'a real number')],
  [/^cmi\.interactions\.\d+\.result$/, oneOf('correct', 'incorrect', 'unanticipated', 'neutral')],
  [/^cmi\.interactions\.\d+\.description$/, (v) => localized(v, 250)],
  [/^cmi\.interactions\.\d+\.objectives\.\d+\.id$/, longId04],
  [/^cmi\.objectives\.\d+\.id$/, longId04],
  [/^cmi\.objectives\.\d+\.success_status$/, oneOf('passed', 'failed', 'unknown')],
  [/^cmi\.objectives\.\d+\.completion_status$/, oneOf('completed', 'incomplete', 'not attempted', 'unknown')],
  [/^cmi\.objectives\.\d+\.score\.scaled$/, range(-1, 1, REAL)],
  [/^cmi\.objectives\.\d+\.score\.(raw|min|max)$/, range(0, 100, REAL)],
  [/^cmi\.objectives\.\d+\.progress_measure$/, range(0, 1, REAL)],
  [/^cmi\.objectives\.\d+\.description$/, (v) => localized(v, 250)],
  [/^cmi\.comments_from_learner\.\d+\.timestamp$/, timestamp04],
];

const RESPONSE_ELEMENT_12 = /^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/;
const RESPONSE_ELEMENT_04 = /^cmi\.interactions\.\d+\.(learner_response|correct_responses\.(\d+)\.pattern)$/;

/**
 * What is wrong with setting `element` to `value` under the strict rules, or null.
 * `interactionType` is the type of the interaction a response or pattern belongs to;
 * without it, responses are checked against the formats the course itself uses.
 */
export function elementProblem(version: Version, element: string, value: string, interactionType?: string): string | null {
  for (const [re, rule] of version === '12' ? RULES_12 : RULES_04) {
    if (!re.test(element)) continue;
    const problem = rule(value);
    if (problem) return problem;
  }
  if (version === '12' && RESPONSE_ELEMENT_12.test(element)) {
    if (interactionType === undefined)
      return RESPONSE_12.test(value) ? null : 'must be single characters, t/f, 1.a pairs or a decimal, as the type requires';
    return strictEntry(interactionType)?.scorm12?.(value) ?? null;
  }
  const m = version === '2004' ? RESPONSE_ELEMENT_04.exec(element) : null;
  if (m) {
    if (interactionType === undefined) return anyResponse04(value);
    const patternIndex = m[2];
    const entry = strictEntry(interactionType);
    if (!entry) return null;
    if (patternIndex !== undefined && Number(patternIndex) > 0 && entry.patterns04 === 'one') {
      return `is a second correct response; a ${interactionType} interaction has only correct_responses.0`;
    }
    return entry.scorm2004(value, patternIndex !== undefined);
  }
  return null;
}

// ---------------------------------------------------------------------------------
// Access per element: r (read-only), w (write-only), rw

type Access = 'r' | 'w' | 'rw';

/** `cmi.objectives.n.id` → a regex with `n` for any index. */
function model(entries: Record<string, Access>): [RegExp, Access][] {
  return Object.entries(entries).map(([name, access]) => [
    new RegExp(
      `^${name
        .replace(/\./g, '\\.')
        .replace(/\\\.n\\\./g, '\\.\\d+\\.')
        .replace(/\\\.n$/, '\\.\\d+')}$`,
    ),
    access,
  ]);
}

/** SCORM 1.2 RTE §3.4.2 (and the same 'mod' in Moodle's scorm_12.js and scorm-again's scorm12.js). */
const MODEL_12 = model({
  'cmi._children': 'r',
  'cmi._version': 'r',
  'cmi.core._children': 'r',
  'cmi.core.student_id': 'r',
  'cmi.core.student_name': 'r',
  'cmi.core.lesson_location': 'rw',
  'cmi.core.credit': 'r',
  'cmi.core.lesson_status': 'rw',
  'cmi.core.entry': 'r',
  'cmi.core.score._children': 'r',
  'cmi.core.score.raw': 'rw',
  'cmi.core.score.min': 'rw',
  'cmi.core.score.max': 'rw',
  'cmi.core.total_time': 'r',
  'cmi.core.lesson_mode': 'r',
  'cmi.core.exit': 'w',
  'cmi.core.session_time': 'w',
  'cmi.suspend_data': 'rw',
  'cmi.launch_data': 'r',
  'cmi.comments': 'rw',
  'cmi.comments_from_lms': 'r',
  'cmi.objectives._children': 'r',
  'cmi.objectives._count': 'r',
  'cmi.objectives.n.id': 'rw',
  'cmi.objectives.n.score._children': 'r',
  'cmi.objectives.n.score.raw': 'rw',
  'cmi.objectives.n.score.min': 'rw',
  'cmi.objectives.n.score.max': 'rw',
  'cmi.objectives.n.status': 'rw',
  'cmi.student_data._children': 'r',
  'cmi.student_data.mastery_score': 'r',
  'cmi.student_data.max_time_allowed': 'r',
  'cmi.student_data.time_limit_action': 'r',
  'cmi.student_preference._children': 'r',
  'cmi.student_preference.audio': 'rw',
  'cmi.student_preference.language': 'rw',
  'cmi.student_preference.speed': 'rw',
  'cmi.student_preference.text': 'rw',
  // 1.2 interactions are write-only, apart from the counts and _children.
  'cmi.interactions._children': 'r',
  'cmi.interactions._count': 'r',
  'cmi.interactions.n.id': 'w',
  'cmi.interactions.n.objectives._count': 'r',
  'cmi.interactions.n.objectives.n.id': 'w',
  'cmi.interactions.n.time': 'w',
  'cmi.interactions.n.type': 'w',
  'cmi.interactions.n.correct_responses._count': 'r',
  'cmi.interactions.n.correct_responses.n.pattern': 'w',
  'cmi.interactions.n.weighting': 'w',
  'cmi.interactions.n.student_response': 'w',
  'cmi.interactions.n.result': 'w',
  'cmi.interactions.n.latency': 'w',
});

/** SCORM 2004 4th ed. RTE §4.2 (Moodle's scorm_13.js and scorm-again's scorm2004.js agree). */
const MODEL_04: [RegExp, Access][] = [
  ...model({
    'cmi._version': 'r',
    'cmi.comments_from_learner._children': 'r',
    'cmi.comments_from_learner._count': 'r',
    'cmi.comments_from_learner.n.comment': 'rw',
    'cmi.comments_from_learner.n.location': 'rw',
    'cmi.comments_from_learner.n.timestamp': 'rw',
    'cmi.comments_from_lms._children': 'r',
    'cmi.comments_from_lms._count': 'r',
    'cmi.comments_from_lms.n.comment': 'r',
    'cmi.comments_from_lms.n.location': 'r',
    'cmi.comments_from_lms.n.timestamp': 'r',
    'cmi.completion_status': 'rw',
    'cmi.completion_threshold': 'r',
    'cmi.credit': 'r',
    'cmi.entry': 'r',
    'cmi.exit': 'w',
    'cmi.interactions._children': 'r',
    'cmi.interactions._count': 'r',
    'cmi.interactions.n.id': 'rw',
    'cmi.interactions.n.type': 'rw',
    'cmi.interactions.n.objectives._count': 'r',
    'cmi.interactions.n.objectives.n.id': 'rw',
    'cmi.interactions.n.timestamp': 'rw',
    'cmi.interactions.n.correct_responses._count': 'r',
    'cmi.interactions.n.correct_responses.n.pattern': 'rw',
    'cmi.interactions.n.weighting': 'rw',
    'cmi.interactions.n.learner_response': 'rw',
    'cmi.interactions.n.result': 'rw',
    'cmi.interactions.n.latency': 'rw',
    'cmi.interactions.n.description': 'rw',
    'cmi.launch_data': 'r',
    'cmi.learner_id': 'r',
    'cmi.learner_name': 'r',
    'cmi.learner_preference._children': 'r',
    'cmi.learner_preference.audio_level': 'rw',
    'cmi.learner_preference.language': 'rw',
    'cmi.learner_preference.delivery_speed': 'rw',
    'cmi.learner_preference.audio_captioning': 'rw',
    'cmi.location': 'rw',
    'cmi.max_time_allowed': 'r',
    'cmi.mode': 'r',
    'cmi.objectives._children': 'r',
    'cmi.objectives._count': 'r',
    'cmi.objectives.n.id': 'rw',
    'cmi.objectives.n.score._children': 'r',
    'cmi.objectives.n.score.scaled': 'rw',
    'cmi.objectives.n.score.raw': 'rw',
    'cmi.objectives.n.score.min': 'rw',
    'cmi.objectives.n.score.max': 'rw',
    'cmi.objectives.n.success_status': 'rw',
    'cmi.objectives.n.completion_status': 'rw',
    'cmi.objectives.n.progress_measure': 'rw',
    'cmi.objectives.n.description': 'rw',
    'cmi.progress_measure': 'rw',
    'cmi.scaled_passing_score': 'r',
    'cmi.score._children': 'r',
    'cmi.score.scaled': 'rw',
    'cmi.score.raw': 'rw',
    'cmi.score.min': 'rw',
    'cmi.score.max': 'rw',
    'cmi.session_time': 'w',
    'cmi.success_status': 'rw',
    'cmi.suspend_data': 'rw',
    'cmi.time_limit_action': 'r',
    'cmi.total_time': 'r',
    'adl.nav.request': 'rw',
    'adl.nav.request_valid.continue': 'r',
    'adl.nav.request_valid.previous': 'r',
    'adl.data._children': 'r',
    'adl.data._count': 'r',
    'adl.data.n.id': 'r',
    'adl.data.n.store': 'rw',
  }),
  [/^adl\.nav\.request_valid\.(choice|jump)\.\{target=[^}]+\}$/, 'r'],
];

/** The element's access in the version's data model, or null when it is not an element of it. */
export function elementAccess(version: Version, element: string): Access | null {
  return (version === '12' ? MODEL_12 : MODEL_04).find(([re]) => re.test(element))?.[1] ?? null;
}

// ---------------------------------------------------------------------------------
// The call log

/** 2004 GetValue of an element the LMS has no value for answers 403; that is not a failure. */
const EMPTY_OK_04 =
  /^cmi\.(location|suspend_data|scaled_passing_score|max_time_allowed|score\.\w+|progress_measure|learner_name|completion_threshold)$/;

const NAMES = {
  '12': {
    init: 'LMSInitialize',
    end: 'LMSFinish',
    set: 'LMSSetValue',
    get: 'LMSGetValue',
    commit: 'LMSCommit',
    support: ['LMSGetLastError', 'LMSGetErrorString', 'LMSGetDiagnostic'],
    mode: 'cmi.core.lesson_mode',
    credit: 'cmi.core.credit',
  },
  '2004': {
    init: 'Initialize',
    end: 'Terminate',
    set: 'SetValue',
    get: 'GetValue',
    commit: 'Commit',
    support: ['GetLastError', 'GetErrorString', 'GetDiagnostic'],
    mode: 'cmi.mode',
    credit: 'cmi.credit',
  },
} as const;

/**
 * Why a launch must record nothing, or null: the course read `browse`/`review` mode or
 * `no-credit` from the LMS. Moodle keeps what a review session sends (scorm.md, "In
 * review mode Moodle still stores what the course sends"), so such a launch may make no
 * SetValue and no Commit at all, only Initialize, GetValue, the support calls and Terminate.
 */
function recordNothingReason(mine: readonly LmsCall[], version: Version): string | null {
  const names = NAMES[version];
  for (const c of mine) {
    if (c.fn !== names.get || c.error !== '0') continue;
    const [element] = c.args;
    const value = String(c.result);
    if (element === names.mode && (value === 'browse' || value === 'review')) return `${names.mode} is ${value}`;
    if (element === names.credit && value === 'no-credit') return `${names.credit} is no-credit`;
  }
  return null;
}

/**
 * Every rule broken by the calls of the log, one line each (empty when all is well).
 * Calls are grouped by `launch`; each launch is one API session.
 */
export function strictViolations(calls: readonly LmsCall[], version: Version, options: StrictOptions = {}): string[] {
  const names = NAMES[version];
  const other = NAMES[version === '12' ? '2004' : '12'];
  const out: string[] = [];
  const launches = [...new Set(calls.map((c) => c.launch))];
  for (const launch of launches) {
    const mine = calls.filter((c) => c.launch === launch);
    // 'before': no successful Initialize yet; 'open': initialized; 'after': Terminate was called.
    let phase: 'before' | 'open' | 'after' = 'before';
    let finishFailed = false;
    const recordNothing = recordNothingReason(mine, version);
    const last = new Map<string, string>();
    /** Interaction index → the fields set in this launch, in order. */
    const interactionFields = new Map<number, string[]>();
    /** Interaction index → its type, as set or read in this launch. */
    const interactionType = new Map<number, string>();
    /** Interactions and objectives the LMS already held (from _count or an id read back). */
    let storedInteractions = 0;
    const readInteractions = new Set<number>();
    let storedObjectives = 0;
    const knownObjectives = new Set<number>();

    for (const [i, c] of mine.entries()) {
      const where = `launch ${launch}, call ${i + 1} ${c.fn}(${c.args.map((a) => JSON.stringify(a)).join(', ')})`;
      const report = (what: string) => out.push(`${where}: ${what}`);
      if (c.threw) out.push(`${where} threw ${c.threw}`);

      // Support calls: allowed before Initialize (1.2 §3.3.2.2 "Not Initialized"; 2004 §3.1.6).
      // After Terminate, 2004 permits them (§3.1.3.2: "Once the communication session has been
      // successfully terminated, the SCO is only permitted to call the support methods"); 1.2
      // permits them only when LMSFinish returned "false" (§3.3.2.2, figure 3.3.2.2a: "If
      // LMSFinish returns false (only) then the SCO can call LMSGetLastError, LMSGetErrorString,
      // LMSGetDiagnostic"). Their error code is the previous call's, so it is not checked here.
      if ((names.support as readonly string[]).includes(c.fn)) {
        if (phase === 'after' && version === '12' && !finishFailed)
          report(`call after a successful ${names.end} (1.2 allows the error calls only after one that returned "false")`);
        continue;
      }
      const known: string[] = [names.init, names.end, names.get, names.set, names.commit];
      if (!known.includes(c.fn)) {
        report(
          ([other.init, other.end, other.get, other.set, other.commit, ...other.support] as string[]).includes(c.fn)
            ? `not a SCORM ${version === '12' ? '1.2' : '2004'} function`
            : 'not a SCORM API function',
        );
        continue;
      }

      if (c.fn === names.init || c.fn === names.end || c.fn === names.commit) {
        // 1.2 §3.3.2.1 and 2004 §3.1.3: the parameter is "" (anything else is error 201).
        if (c.args.length !== 1 || c.args[0] !== '') report('must be called with exactly one argument, ""');
      }
      if (c.fn === names.init) {
        if (phase === 'open') report(`${names.init} called again`);
        else if (phase === 'after') report(`${names.init} after ${names.end}`);
        else if (String(c.result) === 'true') phase = 'open';
      } else if (c.fn === names.end) {
        if (phase === 'before') report(`call before ${names.init}`);
        else if (phase === 'after') report(`${names.end} called again, after ${names.end}`);
        else {
          phase = 'after';
          finishFailed = String(c.result) !== 'true';
        }
      } else if (phase === 'before') {
        report(`call before ${names.init}`);
      } else if (phase === 'after') {
        report(`call after ${names.end}`);
      }

      const element = String(c.args[0] ?? '');
      const emptyOk = version === '2004' && c.fn === names.get && c.error === '403' && EMPTY_OK_04.test(element);
      if (c.error !== '0' && !emptyOk) report(`LMS error ${c.error}`);

      if (recordNothing && (c.fn === names.set || c.fn === names.commit))
        report(`nothing may be recorded in this launch (${recordNothing})`);

      if (c.fn === names.get) {
        const access = elementAccess(version, element);
        if (access === null) report(`${element} is not an element of the SCORM ${version === '12' ? '1.2' : '2004'} data model`);
        else if (access === 'w') report(`${element} is write-only`);
        if (c.error !== '0') continue;
        const value = String(c.result);
        if (element === 'cmi.interactions._count') storedInteractions = Math.max(storedInteractions, Number(value) || 0);
        if (element === 'cmi.objectives._count') storedObjectives = Math.max(storedObjectives, Number(value) || 0);
        let m = /^cmi\.interactions\.(\d+)\.(id|type)$/.exec(element);
        if (m && value !== '') {
          readInteractions.add(Number(m[1]));
          if (m[2] === 'type') interactionType.set(Number(m[1]), value);
        }
        m = /^cmi\.objectives\.(\d+)\.id$/.exec(element);
        if (m && value !== '') knownObjectives.add(Number(m[1]));
        continue;
      }
      if (c.fn !== names.set) continue;

      const value = String(c.args[1] ?? '');
      const access = elementAccess(version, element);
      if (access === null) report(`${element} is not an element of the SCORM ${version === '12' ? '1.2' : '2004'} data model`);
      else if (access === 'r') report(`${element} is read-only`);

      const im = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
      const index = Number(im?.[1]);
      const field = im?.[2] ?? '';
      const isResponse = /^(learner_response|student_response|correct_responses\.\d+\.pattern)$/.test(field);
      const type = im ? interactionType.get(index) : undefined;
      const problem = elementProblem(version, element, value, isResponse ? type : undefined);
      if (problem) report(`${element} ${problem}`);

      if (im) {
        const fields = interactionFields.get(index) ?? [];
        fields.push(field);
        interactionFields.set(index, fields);
        if (field === 'type') interactionType.set(index, value);
        const stored = index < storedInteractions || readInteractions.has(index);
        if (version === '2004' && !stored) {
          // RTE 4.2.9: the id before any other field (408); the project also wants the type right after it.
          if (fields.length === 1 && field !== 'id') report("an interaction's id must be set first");
          if (fields.length === 2 && fields[0] === 'id' && field !== 'type') report("an interaction's type must follow its id");
          // RTE 4.2.9: the type before learner_response and correct_responses (408).
          if (isResponse && type === undefined && fields.length > 2)
            report(`an interaction's type must be set before its ${field.replace(/\.\d+\./, '.n.')}`);
        }
      } else {
        const om = version === '2004' ? /^cmi\.objectives\.(\d+)\.(.+)$/.exec(element) : null;
        if (om) {
          // RTE 4.2.17: a new objective's id is set before any other of its fields (408).
          const n = Number(om[1]);
          if (om[2] === 'id') knownObjectives.add(n);
          else if (n >= storedObjectives && !knownObjectives.has(n)) report("an objective's id must be set before its other fields");
        }
        if (last.get(element) === value) report(`${element} set again to the same value`);
      }
      last.set(element, value);
    }

    if (options.requireTerminate && phase === 'open') out.push(`launch ${launch}: ${names.init} without ${names.end}`);
  }
  return out;
}

/** Calls of one kind in the log, e.g. count(calls, 'Commit'). */
export function count(calls: readonly LmsCall[], fn: RegExp): number {
  return calls.filter((c) => fn.test(c.fn)).length;
}
