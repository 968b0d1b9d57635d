/**
 * Timed quizzes run on a stored deadline, not a ticking counter: reloading,
 * crashing or closing the tab gives no time back.
 */

export interface TimeLimit {
  ms: number;
  /** `submit` when time runs out, or only `warn` (an LMS's time_limit_action "continue,…"). */
  onExpiry: 'submit' | 'warn';
  /** Who set it: the quiz's author, or the LMS (max_time_allowed), which wins. */
  source: 'author' | 'lms';
}

export interface LmsTiming {
  /** max_time_allowed, or null. */
  maxTimeMs: number | null;
  /** time_limit_action as the LMS gives it, or ''. */
  action: string;
  /** Per-learner multiplier from the launch data (an accommodation), 1 by default. */
  multiplier: number;
}

/**
 * The limit in force for a quiz. The LMS's max_time_allowed replaces the authored
 * limit (so an LMS admin can grant extra time) and applies to the graded quiz
 * even when its author set none; the launch-data multiplier scales either.
 */
export function effectiveTimeLimit(quiz: { timeLimitMinutes: number | null; graded: boolean }, lms: LmsTiming): TimeLimit | null {
  const fromLms = quiz.graded || quiz.timeLimitMinutes !== null ? lms.maxTimeMs : null;
  const base = fromLms ?? (quiz.timeLimitMinutes === null ? null : quiz.timeLimitMinutes * 60_000);
  if (base === null || base <= 0) return null;
  // time_limit_action governs only a limit the LMS set: SCORM 2004 defaults it to
  // "continue,no message", which must not switch off an author's limit.
  const onExpiry = fromLms !== null && lms.action.startsWith('continue') ? 'warn' : 'submit';
  return { ms: Math.round(base * lms.multiplier), onExpiry, source: fromLms === null ? 'author' : 'lms' };
}

export function remainingMs(deadline: number, now: number): number {
  return Math.max(0, deadline - now);
}

/** Remaining times (ms) at which to warn: early enough to act, few enough not to flood. */
export function warningPoints(limitMs: number): number[] {
  const points = [5 * 60_000, 60_000].filter((p) => p < limitMs * 0.75);
  return points.length ? points : [Math.round(limitMs / 2)];
}

/** `12:05` or `1:02:05`. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const mm = h ? String(m).padStart(2, '0') : String(m);
  return `${h ? `${h}:` : ''}${mm}:${String(s).padStart(2, '0')}`;
}

/** "5 minutes", "1 minute", "45 seconds": for announcements. */
export function spokenDuration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes >= 1) return `${minutes} ${minutes === 1 ? 'minute' : 'minutes'}`;
  const seconds = Math.max(1, Math.round(ms / 1000));
  return `${seconds} ${seconds === 1 ? 'second' : 'seconds'}`;
}

/**
 * The per-learner time multiplier in the LMS's launch data, e.g.
 * `time_multiplier=1.5` (alone or among `&`- or `;`-separated settings). 1 when
 * absent or out of range (1 to 10).
 */
export function timeMultiplier(launchData: string): number {
  const m = /(?:^|[&;\s])time_multiplier\s*=\s*(\d+(?:\.\d+)?)/.exec(launchData);
  const n = m ? Number(m[1]) : 1;
  return n >= 1 && n <= 10 ? n : 1;
}
