import type { ProgressGain } from './merge.ts';
import type { TimeLimit } from './timer.ts';
import type { Quiz } from './types.ts';

/** How the course is connected, for the notices the learner sees. */
export type Connection = 'lms' | 'standalone' | 'refused';

/**
 * What the course learned as it launched, as the tracker decided it: from the LMS (its mode
 * and credit, the learner, the limits it sets) and from the saved record (what there is to
 * continue, what was restored or ran out). Decided once; the views read it as one object.
 */
export interface CourseLaunch {
  connection: Connection;
  /** False in browse or review mode, or without credit: nothing the learner does is recorded. */
  recordsResults: boolean;
  /** As the LMS gives them: the name ("Last, First" or "First Last", or ''), and the id that numbers the certificate. */
  learner: { name: string; id: string };
  /** The pass mark in force: the LMS's mastery score when it sets one, else the course's. */
  passMark: number;
  /** The time limit in force for a quiz (the LMS's or the authored one, times any extra time), or null. */
  timeLimit: (quiz: Quiz) => TimeLimit | null;
  /** The learner has saved progress to continue from. */
  canContinue: boolean;
  /** Quizzes whose time ran out while the course was closed: submitted at launch. */
  expired: string[];
  /** This browser held progress of this same record that the LMS lacked: it was restored and is sent again. */
  restored: boolean;
  /** What the restore added. */
  gained: ProgressGain;
  /** The LMS handed back saved progress that could not be read: the learner starts over. */
  unreadable: boolean;
}
