import { isValidLocation, submitExpired, type CourseState } from '../course/state.ts';
import { decodeState } from '../course/suspend-codec.ts';
import type { Course, Quiz } from '../course/types.ts';

export interface ResumeInput {
  course: Course;
  /** cmi.suspend_data and the bookmark as the LMS handed them back. */
  suspendData: string;
  location: string;
  /** This browser's copy for the same learner and activity, or '' (none, or not to be used). */
  local: string;
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
  state: CourseState;
  /** The record token to keep writing. */
  token: string;
  /** This browser's copy of the same record was newer than the LMS's, and was used. */
  restored: boolean;
  /** There is progress to continue from. */
  canContinue: boolean;
  /** Quizzes whose time ran out while the course was closed: submitted now. */
  expired: string[];
  /** The LMS held saved progress that could not be read: the learner starts over. */
  unreadable: boolean;
  notes: string[];
}

/**
 * What to trust at launch. The LMS's record decides; this browser's copy is used only
 * to repair a save the same record lost: when the LMS holds data for this record (same
 * token) and the local copy is newer. An empty LMS record (a new attempt, a reset or
 * deleted attempt, another activity) is never filled from the browser.
 */
export function resume(input: ResumeInput): Resumed {
  const { course } = input;
  const notes: string[] = [];
  const lms = decodeState(course, input.suspendData);
  if (lms.note) notes.push(lms.note);
  let chosen = lms;
  let restored = false;
  if (lms.token !== null && input.local) {
    const local = decodeState(course, input.local);
    if (local.token === lms.token && local.savedAt > lms.savedAt) {
      notes.push('this browser held newer progress for this record than the LMS: it was restored');
      chosen = local;
      restored = true;
    }
  }
  const saved = chosen.state;
  if (!restored && input.location && isValidLocation(course, input.location) && input.location !== saved.location) {
    saved.location = input.location;
    saved.section = 0;
  }
  // Time that ran out while the course was closed is not given back.
  const { state, expired } = submitExpired(course, saved, input.now, input.expiring, input.passMark);
  return {
    saved,
    state,
    token: lms.token ?? input.newToken(),
    restored,
    canContinue: input.suspendData !== '' && !lms.unreadable && (state.location !== 'start' || state.viewed.length > 0),
    expired,
    unreadable: lms.unreadable === true,
    notes,
  };
}
