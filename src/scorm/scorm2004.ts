import { ScormConnection, type InitializeResult, type Logger } from './connection.ts';
import type { Scorm2004Api } from './discover.ts';
import { isoDuration } from './formats.ts';
import { SCORM2004_TEXT_LIMIT, formatScorm2004 } from './interaction-format.ts';
import { ScormSession, type ScormDialect } from './scorm-session.ts';

function real(n: number, digits = 4): string {
  return String(Number(n.toFixed(digits)));
}

export const scorm2004Dialect: ScormDialect = {
  kind: 'scorm2004',
  interactionsFor: 'final',
  postsOnlyChanges: false,
  textLimit: SCORM2004_TEXT_LIMIT,
  elements: {
    entry: 'cmi.entry',
    location: 'cmi.location',
    name: 'cmi.learner_name',
    learnerId: 'cmi.learner_id',
    mode: 'cmi.mode',
    credit: 'cmi.credit',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    maxTime: 'cmi.max_time_allowed',
    timeLimitAction: 'cmi.time_limit_action',
  },
  masteryScore(conn) {
    const v = conn.get('cmi.scaled_passing_score');
    const n = Number(v);
    return v !== '' && Number.isFinite(n) && n >= -1 && n <= 1 ? Math.max(0, n * 100) : null;
  },
  markStarted(conn, fresh) {
    // Chamilo 1.11 answers "" for completion_status even on a finished attempt: only a first launch is marked.
    const status = conn.get('cmi.completion_status');
    conn.remember('cmi.completion_status', status);
    if (fresh && (status === 'not attempted' || status === 'unknown' || status === '')) conn.set('cmi.completion_status', 'incomplete');
  },
  sessionTime: isoDuration,
  writeOutcome(conn, o) {
    if (o.score !== null) {
      // scaled agrees with our pass decision, so an LMS applying its own
      // scaled_passing_score reaches the same verdict.
      conn.set('cmi.score.scaled', real(o.score / 100));
      conn.set('cmi.score.raw', real(o.score, 2));
      conn.set('cmi.score.min', '0');
      conn.set('cmi.score.max', '100');
    }
    conn.set('cmi.progress_measure', real(o.progress));
    conn.set('cmi.success_status', o.passed === null ? 'unknown' : o.passed ? 'passed' : 'failed');
    conn.set('cmi.completion_status', o.completed ? 'completed' : 'incomplete');
  },
  writeInteraction(conn, n, i) {
    const p = `cmi.interactions.${n}.`;
    const f = formatScorm2004(i.answer);
    // Moodle's 2004 player posts the whole record with every commit and with the final call,
    // which a closing page sends as a beacon of at most 64 KB: the record keeps what a reader of
    // answers needs. An exam answer is its id (the question key holds the prompt and objectives),
    // response, right answer, result and latency; a survey or CE answer (neutral, never scored)
    // carries its description instead.
    const scored = i.result !== 'neutral';
    // id first, then type, then the rest (else error 408).
    conn.set(`${p}id`, i.id, true);
    conn.set(`${p}type`, f.type, true);
    if (!scored) conn.set(`${p}description`, i.description.slice(0, 250), true);
    // A weight of 1 is the default and is left implicit.
    if (scored && i.weighting !== 1) conn.set(`${p}weighting`, real(i.weighting), true);
    if (f.response !== null) conn.set(`${p}learner_response`, f.response, true);
    if (f.pattern !== null) conn.set(`${p}correct_responses.0.pattern`, f.pattern, true);
    // SCORM 2004 allows several correct patterns (e.g. a fill-in's accepted answers).
    f.alsoCorrect?.forEach((pattern, k) => conn.set(`${p}correct_responses.${k + 1}.pattern`, pattern, true));
    conn.set(`${p}result`, i.result, true);
    if (i.latencyMs !== null) conn.set(`${p}latency`, isoDuration(i.latencyMs), true);
  },
  writeObjective(conn, n, o, isNew) {
    const p = `cmi.objectives.${n}.`;
    if (isNew) conn.set(`${p}id`, o.id);
    // The verdict only: a compact record (see writeInteraction); the score is the exam's.
    conn.set(`${p}success_status`, o.passed ? 'passed' : 'failed');
  },
};

/** `early`: the result of the Initialize the page already made (early-open.ts), if it made one. */
export function scorm2004Session(api: Scorm2004Api, log: Logger, early: InitializeResult | null = null): ScormSession {
  const conn = new ScormConnection(
    {
      initialize: () => api.Initialize(''),
      terminate: () => api.Terminate(''),
      get: (el) => api.GetValue(el),
      set: (el, v) => api.SetValue(el, v),
      commit: () => api.Commit(''),
      lastError: () => api.GetLastError(),
    },
    log,
    // 403: "data model element value not initialized", an empty value, not a failure.
    ['403'],
    early,
  );
  return new ScormSession(conn, scorm2004Dialect);
}
