/**
 * The neutral vocabulary the tracker speaks. One implementation per SCORM version
 * plus a standalone one; none of them knows about lessons or quizzes.
 */

import type { AnswerReport } from '../interaction/answer-report.ts';

export type LaunchMode = 'normal' | 'browse' | 'review';

export interface Launch {
  /** The LMS asked to resume the previous session (entry = resume). */
  resumed: boolean;
  location: string;
  suspendData: string;
  /** As the LMS gives it ("Last, First" or "First Last"), or ''. */
  learnerName: string;
  learnerId: string;
  mode: LaunchMode;
  /** False in browse or review mode, or without credit: nothing is recorded then. */
  recordsResults: boolean;
  /** Pass mark the LMS imposes (percent), or null. */
  masteryScore: number | null;
  /** max_time_allowed in ms, or null. */
  maxTimeMs: number | null;
  /** time_limit_action as given, or ''. */
  timeLimitAction: string;
  /** cmi.launch_data, or ''. */
  launchData: string;
}

export interface Outcome {
  /** Percent 0-100, or null before the graded quiz was submitted. */
  score: number | null;
  passed: boolean | null;
  completed: boolean;
  /** 0-1. */
  progress: number;
  /** Not passed, and no attempt left: the failure is final. */
  outOfAttempts: boolean;
}

/** An answered question in a form both SCORM versions can format: each question type makes one. */
export type InteractionAnswer = AnswerReport;

export interface Interaction {
  /** Readable in LMS reports, e.g. `anatomy_quiz-lumbar_count`. */
  id: string;
  description: string;
  answer: InteractionAnswer;
  /** `neutral` for survey answers, which are not scored. */
  result: 'correct' | 'incorrect' | 'neutral';
  weighting: number;
  /** When the question was first shown to the learner. */
  shownAt: Date;
  /** When the learner last changed the answer; null when unanswered. */
  answeredAt: Date | null;
  /** From first shown to the learner's first response; null when unanswered. */
  latencyMs: number | null;
  /** Objective ids the question assesses. */
  objectives: string[];
}

export interface ObjectiveResult {
  id: string;
  /** Percent 0-100. */
  score: number;
  passed: boolean;
}

/**
 * What a session knows of the LMS record's two lists, by index: the interactions and objectives
 * it wrote or caught up with, null (or a null result) where only the LMS knows the value. Another
 * copy of the course taking over the record (tab-guard.ts) catches up with these, so that what it
 * writes next goes after them instead of over them (SCORM numbers list entries from the _count
 * its own launch read).
 */
export interface RecordLists {
  interactions: Array<Interaction | null>;
  objectives: Array<{ id: string; result: ObjectiveResult | null }>;
}

export type SessionKind = 'scorm12' | 'scorm2004' | 'cmi5' | 'standalone';

export interface LmsSession {
  readonly kind: SessionKind;
  /** Longest text one interaction response can hold (SCORM 1.2: 255); longer text is split. */
  readonly textLimit: number;
  /** Opens the session; null when the LMS refused to initialise. */
  start(): Launch | null;
  setLocation(location: string): void;
  setSuspendData(data: string): void;
  setOutcome(outcome: Outcome): void;
  recordInteraction(interaction: Interaction): void;
  recordObjective(objective: ObjectiveResult): void;
  /** What this session knows of the record's lists (SCORM); absent where entries are not numbered. */
  lists?(): RecordLists;
  /**
   * Another copy of the course wrote the record meanwhile: writes the entries `lists` holds beyond
   * this session's own (at the same indices, the same values) and every objective result it knows,
   * so the record never goes back and new entries follow. `missingOnly`: only objectives this
   * session does not know, for lists kept by this browser, which may be older than the record.
   */
  catchUp?(lists: RecordLists, missingOnly?: boolean): void;
  /** Values a refused save left owed, which only a commit can send again (see resendUnstored). */
  owes?(): boolean;
  /** Which exam attempts become interaction records: every one, or only the final one. */
  readonly interactionsFor: 'every' | 'final';
  /** LMSs of this version typically post only what changed: a possibly lost record is set again to be sent again. */
  readonly postsOnlyChanges: boolean;
  /** Persists what was set; false when the LMS did not confirm it (later, for an LMS reached over the network). */
  commit(): boolean | Promise<boolean>;
  /** The LMS confirmed the last commit while the browser was online: what was set has arrived. */
  confirmStored?(): void;
  /**
   * The last commit may not have stored what it carried (refused, or made offline). Where the LMS
   * posts only what changed since its last post, failed or not, the next commit sends the values
   * it may have lost again (see ScormDialect.repost).
   */
  resendUnstored?(): void;
  /**
   * Ends the session exactly once: session time, then Terminate (in review, browse
   * or no-credit launches, Terminate alone). `commitFirst` is false while the page is
   * being dismissed, when synchronous commits are blocked and Terminate carries the data.
   * True when the LMS stored the record; an LMS reached over the network (cmi5) answers later.
   */
  finish(commitFirst: boolean): boolean | Promise<boolean>;
  readonly open: boolean;
}
