import type { LmsCall } from '../../src/preview/lms-host.ts';

/**
 * Strict checks of every call a course made, per SCORM version. scorm-again is
 * lenient (in 1.2 it accepts calls after LMSFinish, any response pattern, 'normal'
 * exit, long suspend data), so these rules follow the specifications and Moodle's
 * own validation instead. Returns one line per violation.
 */

const DECIMAL_12 = /^-?\d{0,3}(\.\d*)?$/;
const TIMESPAN_12 = /^\d{2,4}:[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const TIME_12 = /^([01]\d|2[0-3]):[0-5]\d:[0-5]\d(\.\d{1,2})?$/;
const IDENTIFIER_12 = /^[A-Za-z0-9_-]{1,255}$/;
/** 1.2 responses: single characters (choice, sequencing), `a.b` pairs (matching), t/f, or a decimal (numeric). */
const RESPONSE_12 = /^([a-z0-9](,[a-z0-9])*|[a-z0-9]\.[a-z0-9](,[a-z0-9]\.[a-z0-9])*|[tf]|-?\d+(\.\d+)?)$/;

const DURATION_04 = /^P(?:\d+Y)?(?:\d+M)?(?:\d+D)?(?:T(?:\d+H)?(?:\d+M)?(?:\d+(?:\.\d{1,2})?S)?)?$/;
const TIMESTAMP_04 = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,2}(Z|[+-]\d{2}(:\d{2})?)?)?$/;
const SHORT_ID_04 = /^[A-Za-z0-9_.]{1,250}$/;
const REAL = /^-?\d+(\.\d+)?$/;

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

const RULES_12: [RegExp, Rule][] = [
  [/^cmi\.core\.lesson_status$/, oneOf('passed', 'completed', 'failed', 'incomplete', 'browsed')],
  [/^cmi\.core\.exit$/, oneOf('time-out', 'suspend', 'logout', '')],
  [/^cmi\.core\.score\.(raw|min|max)$/, range(0, 100, DECIMAL_12)],
  [/^cmi\.core\.session_time$/, matches(TIMESPAN_12, 'HHHH:MM:SS.SS')],
  [/^cmi\.core\.lesson_location$/, all(maxLength(255), ascii)],
  [/^cmi\.suspend_data$/, all(maxLength(4096), ascii)],
  [/^cmi\.interactions\.\d+\.id$/, matches(IDENTIFIER_12, 'a CMIIdentifier (letters, digits, - and _)')],
  [/^cmi\.interactions\.\d+\.type$/, oneOf('true-false', 'choice', 'fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric')],
  [/^cmi\.interactions\.\d+\.time$/, matches(TIME_12, 'a time of day HH:MM:SS')],
  [/^cmi\.interactions\.\d+\.latency$/, matches(TIMESPAN_12, 'HHHH:MM:SS.SS')],
  [/^cmi\.interactions\.\d+\.weighting$/, matches(DECIMAL_12, 'a decimal')],
  [/^cmi\.interactions\.\d+\.result$/, oneOf('correct', 'wrong', 'unanticipated', 'neutral')],
  [/^cmi\.interactions\.\d+\.(student_response|correct_responses\.\d+\.pattern)$/, matches(RESPONSE_12, 'single characters, t/f, 1.a pairs or a decimal, as the type requires')],
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
  [/^cmi\.session_time$/, matches(DURATION_04, 'an ISO 8601 duration with at most 2 decimals')],
  [/^cmi\.location$/, all(maxLength(1000), ascii)],
  // We hold ourselves to SCORM 1.2's limit in both versions.
  [/^cmi\.suspend_data$/, all(maxLength(4096), ascii)],
  [/^cmi\.interactions\.\d+\.id$/, matches(/^[A-Za-z0-9_.:-]{1,4000}$/, 'a long identifier without spaces')],
  [/^cmi\.interactions\.\d+\.type$/, oneOf('true-false', 'choice', 'fill-in', 'long-fill-in', 'matching', 'performance', 'sequencing', 'likert', 'numeric', 'other')],
  [/^cmi\.interactions\.\d+\.timestamp$/, matches(TIMESTAMP_04, 'YYYY-MM-DDThh:mm:ss(.ss(Z))')],
  [/^cmi\.interactions\.\d+\.latency$/, matches(DURATION_04, 'an ISO 8601 duration')],
  [/^cmi\.interactions\.\d+\.weighting$/, matches(REAL, 'a real number')],
  [/^cmi\.interactions\.\d+\.result$/, oneOf('correct', 'incorrect', 'unanticipated', 'neutral')],
  [/^cmi\.interactions\.\d+\.description$/, maxLength(250)],
  [
    /^cmi\.interactions\.\d+\.(learner_response|correct_responses\.\d+\.pattern)$/,
    (v) =>
      /^(true|false)$/.test(v) || /^(-?\d+(\.\d+)?)?(\[:\](-?\d+(\.\d+)?)?)?$/.test(v) && v !== '' && v !== '[:]' ||
      v.split('[,]').every((part) => part.split('[.]').length <= 2 && part.split('[.]').every((id) => SHORT_ID_04.test(id)))
        ? null
        : 'must be true/false, a number or range, or short identifiers (letters, digits, _ and .) joined by [,] (pairs by [.])',
  ],
  [/^cmi\.objectives\.\d+\.id$/, matches(/^[A-Za-z0-9_.:-]{1,4000}$/, 'a long identifier')],
  [/^cmi\.objectives\.\d+\.success_status$/, oneOf('passed', 'failed', 'unknown')],
  [/^cmi\.objectives\.\d+\.completion_status$/, oneOf('completed', 'incomplete', 'not attempted', 'unknown')],
  [/^cmi\.objectives\.\d+\.score\.scaled$/, range(-1, 1, REAL)],
  [/^cmi\.objectives\.\d+\.score\.(raw|min|max)$/, range(0, 100, REAL)],
];

/** What is wrong with setting `element` to `value` under the strict rules, or null. */
export function elementProblem(version: '12' | '2004', element: string, value: string): string | null {
  for (const [re, rule] of version === '12' ? RULES_12 : RULES_04) {
    if (!re.test(element)) continue;
    const problem = rule(value);
    if (problem) return problem;
  }
  return null;
}

/** 2004 GetValue of an element the LMS has no value for answers 403; that is not a failure. */
const EMPTY_OK_04 = /^cmi\.(location|suspend_data|scaled_passing_score|max_time_allowed|score\.\w+|progress_measure|learner_name|completion_threshold)$/;

const NAMES = {
  '12': { init: 'LMSInitialize', end: 'LMSFinish', set: 'LMSSetValue', get: 'LMSGetValue' },
  '2004': { init: 'Initialize', end: 'Terminate', set: 'SetValue', get: 'GetValue' },
} as const;

export function strictViolations(calls: readonly LmsCall[], version: '12' | '2004'): string[] {
  const names = NAMES[version];
  const out: string[] = [];
  const launches = [...new Set(calls.map((c) => c.launch))];
  for (const launch of launches) {
    const mine = calls.filter((c) => c.launch === launch);
    let phase: 'before' | 'open' | 'after' = 'before';
    const last = new Map<string, string>();
    const interactionFields = new Map<string, string[]>();
    mine.forEach((c, i) => {
      const where = `launch ${launch}, call ${i + 1} ${c.fn}(${c.args.map((a) => JSON.stringify(a)).join(', ')})`;
      if (c.threw) out.push(`${where} threw ${c.threw}`);
      if (c.fn === names.init) {
        if (phase !== 'before') out.push(`${where}: Initialize called again`);
        phase = 'open';
      } else if (/GetLastError|GetErrorString|GetDiagnostic/.test(c.fn)) {
        if (phase === 'after') out.push(`${where}: call after ${names.end}`);
        return;
      } else if (phase === 'before') {
        out.push(`${where}: call before ${names.init}`);
      } else if (phase === 'after') {
        out.push(`${where}: call after ${names.end}`);
      }
      if (c.fn === names.end) phase = 'after';

      const element = String(c.args[0] ?? '');
      const emptyOk = version === '2004' && c.fn === names.get && c.error === '403' && EMPTY_OK_04.test(element);
      if (c.error !== '0' && !emptyOk) out.push(`${where}: LMS error ${c.error}`);
      if (c.fn !== names.set) return;

      const value = String(c.args[1] ?? '');
      const problem = elementProblem(version, element, value);
      if (problem) out.push(`${where}: ${element} ${problem}`);
      const m = /^cmi\.interactions\.(\d+)\.(.+)$/.exec(element);
      if (m) {
        const fields = interactionFields.get(m[1] ?? '') ?? [];
        fields.push(m[2] ?? '');
        interactionFields.set(m[1] ?? '', fields);
        if (version === '2004' && fields.length === 1 && fields[0] !== 'id') out.push(`${where}: an interaction's id must be set first`);
        if (version === '2004' && fields.length === 2 && fields[1] !== 'type') out.push(`${where}: an interaction's type must follow its id`);
      } else if (last.get(element) === value) {
        out.push(`${where}: ${element} set again to the same value`);
      }
      last.set(element, value);
    });
  }
  return out;
}

/** Calls of one kind in the log, e.g. count(calls, 'Commit'). */
export function count(calls: readonly LmsCall[], fn: RegExp): number {
  return calls.filter((c) => fn.test(c.fn)).length;
}
