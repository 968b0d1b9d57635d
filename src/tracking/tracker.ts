import type { CourseState } from '../course/state.ts';
import type { CourseStore, StateChange } from '../course/store.ts';
import { SUSPEND_LIMIT, encodeState } from '../course/suspend-codec.ts';
import { effectiveTimeLimit, timeMultiplier, type LmsTiming, type TimeLimit } from '../course/timer.ts';
import type { Course, Quiz } from '../course/types.ts';
import type { Logger } from '../scorm/connection.ts';
import type { Launch, LmsSession } from '../scorm/session.ts';
import { StandaloneSession } from '../scorm/standalone.ts';
import { sleep, systemClock, type Clock } from './clock.ts';
import { CommitScheduler, type SaveState } from './commit-scheduler.ts';
import { urgencyOf } from './commit-policy.ts';
import { LocalBackup } from './local-backup.ts';
import { Reporter } from './reporter.ts';
import { resume } from './resume.ts';

/** How the course is connected, for the notices the learner sees. */
export type Connection = 'lms' | 'standalone' | 'refused';
export type { SaveState } from './commit-scheduler.ts';

export interface TrackerStart {
  state: CourseState;
  launch: Launch;
  connection: Connection;
  /** The pass mark in force: the LMS's mastery score when it sets one, else the course's. */
  passMark: number;
  /** The learner has saved progress to continue from. */
  canContinue: boolean;
  /** Quizzes whose time ran out while the course was closed: submitted now. */
  expired: string[];
  /** This browser held newer progress of this same record than the LMS: it was restored. */
  restored: boolean;
  /** The LMS handed back saved progress that could not be read. */
  unreadable: boolean;
}

export interface TrackerOptions {
  log: Logger;
  onSaveState?: (state: SaveState) => void;
  clock?: Clock;
  /** Delays between commit retries, in ms. */
  retryDelays?: readonly number[];
  /** Longest wait before answers given in an exam are committed, in ms. */
  answerCommitDelay?: number;
  /** Waits between tries when the LMS refuses to initialise, in ms. */
  initializeRetryDelays?: readonly number[];
  /** Where this browser's backup copy lives; null for none. */
  storage?: Storage | null;
  /** Identifies the LMS activity: the course's own address (each activity serves its own copy). */
  activity?: string;
  /** New record tokens; random by default. */
  newToken?: () => string;
}

function randomToken(): string {
  const bytes = new Uint8Array(8);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => (b % 36).toString(36)).join('');
}

/**
 * The course's side of the LMS record: decides at launch what to trust (`resume`),
 * follows the store and writes what changed (`Reporter`) when a commit is due
 * (`CommitScheduler`), and owns the page lifecycle. Review, browse and no-credit
 * launches write nothing at all.
 */
export class Tracker {
  private session: LmsSession;
  private connection: Connection;
  private passMark: number;
  private timing: LmsTiming = { maxTimeMs: null, action: '', multiplier: 1 };
  private token = '';
  private backup: LocalBackup | null = null;
  private reporter: Reporter | null = null;
  private store: CourseStore | null = null;
  private readonly clock: Clock;
  private readonly scheduler: CommitScheduler;

  constructor(
    private readonly course: Course,
    session: LmsSession | null,
    private readonly options: TrackerOptions,
  ) {
    this.session = session ?? new StandaloneSession(storageKey(course));
    this.connection = this.session.kind === 'standalone' ? 'standalone' : 'lms';
    this.passMark = course.passMark;
    this.clock = options.clock ?? systemClock;
    this.scheduler = new CommitScheduler(() => this.writeAndCommit(), this.clock, {
      retryDelays: options.retryDelays,
      soonDelay: options.answerCommitDelay,
      onSaveState: options.onSaveState,
    });
  }

  /** Opens the LMS session (retrying a refusal briefly) and decides what the learner resumes. */
  async begin(): Promise<TrackerStart> {
    let launch = this.session.start();
    // An LMS still loading may refuse at first: try again briefly before giving up.
    for (const delay of this.options.initializeRetryDelays ?? [300, 1000]) {
      if (launch) break;
      await sleep(this.clock, delay);
      launch = this.session.start();
    }
    if (!launch) {
      this.options.log('the LMS refused to start the session: progress is kept in this browser only');
      this.connection = 'refused';
      this.session = new StandaloneSession(storageKey(this.course));
      launch = this.session.start() as Launch;
    }
    this.passMark = launch.masteryScore ?? this.course.passMark;
    this.timing = { maxTimeMs: launch.maxTimeMs, action: launch.timeLimitAction, multiplier: timeMultiplier(launch.launchData) };
    if (this.connection === 'lms' && launch.recordsResults) {
      this.backup = new LocalBackup(
        this.course.id,
        this.options.activity ?? '',
        launch.learnerId || 'unknown',
        this.options.storage ?? null,
      );
    }
    const resumed = resume({
      course: this.course,
      suspendData: launch.suspendData,
      location: launch.location,
      local: this.backup?.read() ?? '',
      now: this.clock.now(),
      expiring: (quiz) => this.timeLimit(quiz)?.onExpiry === 'submit',
      newToken: this.options.newToken ?? randomToken,
      passMark: this.passMark,
    });
    for (const note of resumed.notes) this.options.log(note);
    this.token = resumed.token;
    if (launch.recordsResults) {
      this.reporter = new Reporter(this.course, this.session, this.passMark);
      // Attempts whose time ran out while the course was closed are reported now.
      this.reporter.note(resumed.saved, resumed.state, this.clock.now());
    }
    return {
      state: resumed.state,
      launch,
      connection: this.connection,
      passMark: this.passMark,
      canContinue: resumed.canContinue,
      expired: resumed.expired,
      restored: resumed.restored,
      unreadable: resumed.unreadable,
    };
  }

  /**
   * Follows the store from now on. In a session that records, the first commit goes out
   * at once, while the page is alive: it marks the attempt started, sets exit to
   * suspend and carries everything resume needs, so the session's last call matters little.
   */
  attach(store: CourseStore): () => void {
    this.store = store;
    if (!this.reporter) return () => {};
    this.scheduler.request('now');
    return store.subscribe((change) => this.onChange(change));
  }

  /** Commits on hide and ends the session when the page goes away; returns a function that stops listening. */
  listen(win: Window): () => void {
    const onPageHide = () => this.end(false);
    const onVisibility = () => {
      if (win.document.visibilityState === 'hidden' && this.session.open) this.scheduler.flushIfPending();
    };
    win.addEventListener('pagehide', onPageHide);
    win.document.addEventListener('visibilitychange', onVisibility);
    return () => {
      win.removeEventListener('pagehide', onPageHide);
      win.document.removeEventListener('visibilitychange', onVisibility);
    };
  }

  /** The learner pressed Exit: commit and terminate. */
  exit(): void {
    this.end(true);
  }

  /** The time limit in force for a quiz, or null when untimed. */
  timeLimit(quiz: Quiz): TimeLimit | null {
    return effectiveTimeLimit(quiz, this.timing);
  }

  private onChange({ prev, next }: StateChange): void {
    if (!this.session.open || !this.reporter) return;
    this.reporter.note(prev, next, this.clock.now());
    // The browser copy follows every change, so a save the LMS loses can be repaired.
    this.backup?.write(this.encode(next));
    this.scheduler.request(urgencyOf(this.course, prev, next, (quiz) => this.timeLimit(quiz) !== null));
  }

  /** Writes the record as it stands; false when nothing can be written. */
  private write(): boolean {
    if (!this.reporter || !this.store || !this.session.open) return false;
    const state = this.store.state;
    const suspend = this.encode(state);
    this.reporter.write(state, suspend);
    this.backup?.write(suspend);
    return true;
  }

  private writeAndCommit(): boolean {
    return this.write() && this.session.commit();
  }

  private end(commitFirst: boolean): void {
    if (!this.session.open) return;
    this.scheduler.stop();
    this.write();
    const ok = this.session.finish(commitFirst);
    this.scheduler.settle(ok);
  }

  /** Encodes the state; if it ever outgrows the limit, keeps the essentials. */
  private encode(state: CourseState): string {
    const stamp = { savedAt: this.clock.now(), token: this.token };
    const full = encodeState(state, stamp);
    if (full.length <= SUSPEND_LIMIT) return full;
    const essentials: CourseState = {
      ...state,
      quizzes: Object.fromEntries(Object.entries(state.quizzes).map(([id, p]) => [id, { ...p, attempt: null }])),
    };
    this.options.log(`suspend data of ${full.length} characters exceeds ${SUSPEND_LIMIT}: the attempt in progress is not saved`);
    return encodeState(essentials, stamp);
  }
}

export function storageKey(course: Course): string {
  return `scorm-course:${course.id}`;
}
