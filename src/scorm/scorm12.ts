import { ScormConnection, type InitializeResult, type Logger } from './connection.ts';
import type { Scorm12Api } from './discover.ts';
import { scorm12Time, scorm12Timespan } from './formats.ts';
import { SCORM12_TEXT_LIMIT, formatScorm12 } from './interaction-format.ts';
import { ScormSession, type ScormDialect } from './scorm-session.ts';

/** A decimal as CMIDecimal: at most 3 integer digits in Moodle, no exponent. */
function decimal(n: number): string {
  return String(Math.round(n * 100) / 100);
}

export const scorm12Dialect: ScormDialect = {
  kind: 'scorm12',
  // 1.2 interactions are write-only and LMSs post only what changed: every attempt fits.
  interactionsFor: 'every',
  postsOnlyChanges: true,
  textLimit: SCORM12_TEXT_LIMIT,
  elements: {
    entry: 'cmi.core.entry',
    location: 'cmi.core.lesson_location',
    name: 'cmi.core.student_name',
    learnerId: 'cmi.core.student_id',
    mode: 'cmi.core.lesson_mode',
    credit: 'cmi.core.credit',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    maxTime: 'cmi.student_data.max_time_allowed',
    timeLimitAction: 'cmi.student_data.time_limit_action',
  },
  masteryScore(conn) {
    const v = conn.get('cmi.student_data.mastery_score');
    const n = Number(v);
    return v !== '' && Number.isFinite(n) && n >= 0 && n <= 100 ? n : null;
  },
  markStarted(conn, fresh) {
    // Moodle turns a status still "not attempted" into "completed" at LMSFinish.
    const status = conn.get('cmi.core.lesson_status');
    conn.remember('cmi.core.lesson_status', status);
    if (fresh && (status === 'not attempted' || status === '')) conn.set('cmi.core.lesson_status', 'incomplete');
  },
  sessionTime: scorm12Timespan,
  writeOutcome(conn, o) {
    // The score is sent only with a final status. Moodle (and LMSs like it) turn any
    // status with a raw score into passed/failed against the mastery score when the
    // session ends, and a failed status closes the attempt: a score sent earlier would
    // pass a learner who has not read every lesson, or end the attempt after a failed
    // exam that still has retakes.
    const final = o.completed || (o.passed === false && o.outOfAttempts);
    // Score before status: some LMSs lock the grade once a final status arrives.
    if (final && o.score !== null) {
      conn.set('cmi.core.score.raw', decimal(o.score));
      conn.set('cmi.core.score.min', '0');
      conn.set('cmi.core.score.max', '100');
    }
    conn.set('cmi.core.lesson_status', o.completed ? 'passed' : final ? 'failed' : 'incomplete');
  },
  writeInteraction(conn, n, i) {
    // 1.2 interactions are write-only: each answer is a new record, never rewritten.
    const p = `cmi.interactions.${n}.`;
    const f = formatScorm12(i.answer);
    conn.set(`${p}id`, i.id, true);
    conn.set(`${p}type`, f.type, true);
    i.objectives.forEach((o, k) => conn.set(`${p}objectives.${k}.id`, o, true));
    // 1.2's time is when the learner answered (the question was shown if never answered).
    conn.set(`${p}time`, scorm12Time(i.answeredAt ?? i.shownAt), true);
    conn.set(`${p}weighting`, decimal(i.weighting), true);
    if (f.response !== null) conn.set(`${p}student_response`, f.response, true);
    if (f.pattern !== null) conn.set(`${p}correct_responses.0.pattern`, f.pattern, true);
    conn.set(`${p}result`, i.result === 'correct' ? 'correct' : i.result === 'neutral' ? 'neutral' : 'wrong', true);
    if (i.latencyMs !== null) conn.set(`${p}latency`, scorm12Timespan(i.latencyMs), true);
  },
  // Moodle's 1.2 player posts only what differs from its last post, and counts a failed post as
  // sent (CollectData, then DoRequest); it keeps scores as numbers, so "100.0" is no change from
  // "100". A value it may have lost is sent again after an interim value, committed. Measured on
  // the player's model (src/preview/moodle-profile.ts): without this, a refused commit then a
  // successful retry left a passed exam's status, score and objectives out of Moodle until the
  // next launch, and the objectives for good.
  repost(element, value) {
    // An "incomplete" never stored is left to the next status, which differs from it: a SCO may
    // not set "not attempted", and any other status would say more than the learner has done.
    if (element === 'cmi.core.lesson_status') return value === 'incomplete' ? null : { interim: 'incomplete' };
    if (/^cmi\.objectives\.\d+\.status$/.test(element)) return { interim: value === 'incomplete' ? 'not attempted' : 'incomplete' };
    if (/^cmi\.(core|objectives\.\d+)\.score\.raw$/.test(element)) return value === '' ? null : { interim: value === '0' ? '1' : '0' };
    if (/^cmi\.objectives\.\d+\.id$/.test(element)) return { interim: `${value.slice(0, 240)}-resend` };
    // An empty bookmark resumes from the saved progress's own (resume.ts); exit is set at launch.
    if (element === 'cmi.core.lesson_location' || element === 'cmi.core.exit') return value === '' ? null : { interim: '' };
    return null;
  },
  writeObjective(conn, n, o, isNew) {
    const p = `cmi.objectives.${n}.`;
    if (isNew) conn.set(`${p}id`, o.id);
    conn.set(`${p}score.raw`, decimal(o.score));
    conn.set(`${p}score.min`, '0');
    conn.set(`${p}score.max`, '100');
    conn.set(`${p}status`, o.passed ? 'passed' : 'failed');
  },
};

/** `early`: the result of the Initialize the page already made (early-open.ts), if it made one. */
export function scorm12Session(api: Scorm12Api, log: Logger, early: InitializeResult | null = null): ScormSession {
  const conn = new ScormConnection(
    {
      initialize: () => api.LMSInitialize(''),
      terminate: () => api.LMSFinish(''),
      get: (el) => api.LMSGetValue(el),
      set: (el, v) => api.LMSSetValue(el, v),
      commit: () => api.LMSCommit(''),
      lastError: () => api.LMSGetLastError(),
    },
    log,
    [],
    early,
  );
  return new ScormSession(conn, scorm12Dialect);
}
