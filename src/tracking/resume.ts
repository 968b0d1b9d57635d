import { mergeProgress, progressGain, type ProgressGain } from '../course/merge.ts';
import { fixVerdict, isValidLocation, markCompleted, quizProgress, submitExpired, type CourseState } from '../course/state.ts';
import { decodeState, encodeState } from '../course/suspend-codec.ts';
import type { Course, Quiz } from '../course/types.ts';

export interface ResumeInput {
  course: Course;
  /** cmi.suspend_data and the bookmark as the LMS handed them back. */
  suspendData: string;
  location: string;
  /** This browser's copies for the same learner and activity (none, or not to be used: empty). */
  local: string | readonly string[];
  now: number;
  /** Whether a quiz's attempt is submitted when its time runs out. */
  expiring: (quiz: Quiz) => boolean;
  /** A new record token, for a record that has none yet. */
  newToken: () => string;
  /** The pass mark in force (the LMS's mastery score when it sets one). */
  passMark?: number;
}

export interface Resumed {
  /** The saved state, before any expired attempt was submitted. */
  saved: CourseState;
  /** What the LMS handed back, decoded: the state the LMS's record is known to reflect. */
  inLms: CourseState;
  state: CourseState;
  /** The record token to keep writing. */
  token: string;
  /** This browser's copy of the same record held progress the LMS lacked: it was merged in. */
  restored: boolean;
  /** What the restore added (empty when nothing was restored). */
  gained: ProgressGain;
  /** There is progress to continue from. */
  canContinue: boolean;
  /** Quizzes whose time ran out while the course was closed: submitted now. */
  expired: string[];
  /** The LMS held saved progress that could not be read: the learner starts over. */
  unreadable: boolean;
  notes: string[];
}

/**
 * What to trust at launch. The LMS's record decides; this browser's copies are used only
 * to repair a save the same record lost: when the LMS holds data for this record (same
 * token) and a local copy is newer, it is merged in (nothing either holds is lost). An empty LMS record (a new attempt, a reset or
 * deleted attempt, another activity) is never filled from the browser.
 */
export function resume(input: ResumeInput): Resumed {
  const { course } = input;
  const notes: string[] = [];
  const lms = decodeState(course, input.suspendData);
  if (lms.note) notes.push(lms.note);
  let saved = lms.state;
  let newest = lms.savedAt;
  for (const text of typeof input.local === 'string' ? [input.local] : input.local) {
    if (lms.token === null || !text) continue;
    const local = decodeState(course, text);
    if (local.token !== lms.token || local.savedAt < newest) continue;
    newest = local.savedAt;
    // Merged, not replaced: the LMS may hold progress of its own (another device) that this copy lacks.
    saved = mergeProgress(saved, local.state);
  }
  const fromBrowser = saved !== lms.state;
  // A copy that differs only in its save time or the learner's place owes the LMS nothing worth a notice.
  const restored = fromBrowser && substance(saved) !== substance(lms.state);
  if (restored) notes.push('this browser held progress for this record that the LMS lacked: it was restored and is sent again');
  if (!fromBrowser && input.location && isValidLocation(course, input.location) && input.location !== saved.location) {
    saved = { ...saved, location: input.location, section: 0 };
  }
  // The exam's verdict under the pass mark of this launch (fixed for progress saved before verdicts
  // were kept; a fail judged again against a pass mark lowered since).
  saved = fixVerdict(course, saved, input.passMark);
  // Time that ran out while the course was closed is not given back. An attempt submitted so may
  // complete the course: it did so when the time ran out, which is the date its record carries.
  // A course complete otherwise at launch (a pass mark lowered since passes the exam) is so now.
  const { state: submitted, expired } = submitExpired(course, saved, input.now, input.expiring, input.passMark);
  const ranOut = Math.max(...expired.map((id) => quizProgress(submitted, id).attempt?.deadline ?? input.now));
  const state = markCompleted(course, submitted, expired.length ? Math.min(ranOut, input.now) : input.now, input.passMark);
  return {
    saved,
    inLms: lms.state,
    state,
    token: lms.token ?? input.newToken(),
    restored,
    gained: progressGain(lms.state, restored ? saved : lms.state),
    canContinue: input.suspendData !== '' && !lms.unreadable && (state.location !== 'start' || state.viewed.length > 0),
    expired,
    unreadable: lms.unreadable === true,
    notes,
  };
}

/**
 * What the learner did, as saved: without the save time, the place in the course or in an exam,
 * the moments questions were shown, and what was opened but not acted on (an exam attempt with
 * nothing answered or flagged, an evaluation with no answer). A copy that differs from the LMS's
 * only in these owes the LMS nothing worth a notice (it is merged all the same).
 */
function substance(state: CourseState): string {
  const quizzes = Object.fromEntries(
    Object.entries(state.quizzes).flatMap(([id, p]) => {
      const a = p.attempt;
      const idle = a && !a.submitted && !Object.keys(a.answers).length && !a.flagged.length && !a.checked.length;
      const attempt = !a || idle ? null : { ...a, current: 0, times: {} };
      // A quiz only opened, never answered or submitted, is as if never opened.
      if (!attempt && p.attemptsUsed === 0 && p.bestScore === null && p.lastScore === null) return [];
      return [[id, { ...p, attempt }]];
    }),
  );
  const e = state.evaluation;
  const evaluation = e && (e.submittedAt !== null || Object.values(e.answers).some((v) => v !== '')) ? { ...e, startedAt: 0 } : undefined;
  const { evaluation: _opened, ...rest } = state;
  return encodeState({ ...rest, ...(evaluation ? { evaluation } : {}), quizzes, location: 'start', section: 0 }, { savedAt: 0, token: '' });
}
