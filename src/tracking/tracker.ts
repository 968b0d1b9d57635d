import { latestTimes, mergeProgress } from '../course/merge.ts';
import type { Connection, CourseLaunch } from '../course/launch.ts';
import type { CourseState } from '../course/state.ts';
import type { CourseStore, StateChange } from '../course/store.ts';
import { SUSPEND_LIMIT, decodeState, encodeState } from '../course/suspend-codec.ts';
import { effectiveTimeLimit, timeMultiplier, type LmsTiming, type TimeLimit } from '../course/timer.ts';
import type { Course, Quiz } from '../course/types.ts';
import type { Logger } from '../scorm/connection.ts';
import type { Launch, LmsSession, RecordLists } from '../scorm/session.ts';
import { StandaloneSession } from '../scorm/standalone.ts';
import { sleep, systemClock, type Clock } from './clock.ts';
import { BrowserCopy, listsText, parseLists } from './browser-copy.ts';
import { CommitScheduler, type CommitResult, type SaveState } from './commit-scheduler.ts';
import { urgencyOf } from './commit-policy.ts';
import { Reporter } from './reporter.ts';
import { resume } from './resume.ts';
import { TabGuard, type Role, type RoleReason } from './tab-guard.ts';

export type { Connection } from '../course/launch.ts';
export type { SaveState } from './commit-scheduler.ts';
export type { Role, RoleReason } from './tab-guard.ts';

/** The launch as the views see it (`CourseLaunch`), with the state to start from and what the LMS handed over. */
export interface TrackerStart extends CourseLaunch {
  state: CourseState;
  launch: Launch;
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
  /**
   * Where this browser's copy of the record lives: localStorage and IndexedDB; null for none.
   * A function is called only when the copy is first read or written: the first touch of
   * localStorage waits on the browser process (measured up to 20 ms), so not before the first screen.
   */
  storage?: Storage | null | (() => Storage | null);
  indexedDB?: IDBFactory | null;
  /** Finds the other copies of the course open on the same record in this browser (tabs, windows). */
  locks?: LockManager | null;
  channel?: (name: string) => BroadcastChannel | null;
  /** This copy writes the record, or stands by while another copy does. */
  onRole?: (role: Role, why: RoleReason) => void;
  /** Identifies the LMS activity: the course's own address (each activity serves its own copy). */
  activity?: string;
  /** New record tokens; random by default. */
  newToken?: () => string;
}

/** What the copy writing the record hands to the one taking over. */
interface HandOver {
  /** Its saved state. */
  state: string;
  /** What it knows of the record's lists. */
  lists: RecordLists | null;
  /** Its record token, when it launched, and when the LMS first confirmed one of its commits (null: never). */
  token: string;
  launchedAt: number;
  confirmedAt: number | null;
}

/**
 * Whether two copies of the course write the same LMS record. The same token says so. Two copies
 * that each found the record empty made a token each, and are on one record only if neither had
 * saved before the other launched: one that saved before the other's launch would have been read
 * by it, had they shared the record (the other is then a new LMS attempt, say).
 */
function sameRecord(a: Pick<HandOver, 'token' | 'launchedAt' | 'confirmedAt'>, b: typeof a): boolean {
  if (a.token === b.token) return true;
  const savedBefore = (x: typeof a, y: typeof a) => x.confirmedAt !== null && x.confirmedAt < y.launchedAt;
  return !savedBefore(a, b) && !savedBefore(b, a);
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
  private backup: BrowserCopy | null = null;
  private guard: TabGuard<HandOver> | null = null;
  private role: Promise<Role> = Promise.resolve('writer');
  private standby = false;
  private offline = false;
  /** After saves the LMS may have lost, the next saved state is stamped at least this late, so it differs. */
  private stampFloor = 0;
  private lastStamp = 0;
  /** When this copy opened its session, and when the LMS first confirmed one of its commits. */
  private launchedAt = 0;
  private confirmedAt: number | null = null;
  /** The record's lists as last kept settled in this browser (see `keepLists`). */
  private settledLists: string | null = null;
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
    this.launchedAt = this.clock.now();
    let launch = this.session.start();
    // An LMS still loading may refuse at first: try again briefly before giving up.
    for (const delay of this.options.initializeRetryDelays ?? [300, 1000]) {
      if (launch) break;
      await sleep(this.clock, delay);
      launch = this.session.start();
    }
    if (!launch) {
      this.options.log('the LMS refused to start the session: progress is kept in this tab only');
      this.connection = 'refused';
      this.session = new StandaloneSession(storageKey(this.course), () => sessionStorage);
      launch = this.session.start() as Launch;
    }
    this.passMark = launch.masteryScore ?? this.course.passMark;
    this.timing = { maxTimeMs: launch.maxTimeMs, action: launch.timeLimitAction, multiplier: timeMultiplier(launch.launchData) };
    if (this.connection === 'lms' && launch.recordsResults) {
      this.backup = new BrowserCopy(
        this.course.id,
        this.options.activity ?? '',
        launch.learnerId || 'unknown',
        this.options.storage ?? null,
        this.options.indexedDB ?? null,
      );
      this.startGuard(this.backup.key);
    }
    const resumed = resume({
      course: this.course,
      suspendData: launch.suspendData,
      location: launch.location,
      // The copy only ever repairs a record the LMS holds: with none, the first screen need not wait for it.
      local: launch.suspendData && this.backup ? await this.backup.read() : [],
      now: this.clock.now(),
      expiring: (quiz) => this.timeLimit(quiz)?.onExpiry === 'submit',
      newToken: this.options.newToken ?? randomToken,
      passMark: this.passMark,
    });
    for (const note of resumed.notes) this.options.log(note);
    this.token = resumed.token;
    if (launch.recordsResults) {
      this.reporter = new Reporter(this.course, this.session, this.passMark, launch.learnerId);
      // What a lost session submitted (an exam attempt, the evaluation) is reported now, once:
      // the LMS's record then holds it, so the next launch finds nothing owed.
      if (resumed.restored) this.reporter.note(resumed.inLms, resumed.saved, this.clock.now());
      // The LMS holds the latest saved state, yet may lack what went with it: Moodle's 1.2 player
      // cannot send an objective again as the page closes after a refused save. When the last save
      // this browser made was not settled, the record's lists as it wrote them bring back the
      // entries and objectives the LMS lacks, where they were.
      else if (launch.suspendData && this.backup) {
        const stored = parseLists(await this.backup.readLists(), this.token);
        if (stored && !stored.settled) this.session.catchUp?.(stored.lists, true);
      }
      // Attempts whose time ran out while the course was closed are reported now.
      this.reporter.note(resumed.saved, resumed.state, this.clock.now());
    }
    return {
      state: resumed.state,
      launch,
      connection: this.connection,
      recordsResults: launch.recordsResults,
      learner: { name: launch.learnerName, id: launch.learnerId },
      passMark: this.passMark,
      timeLimit: (quiz) => this.timeLimit(quiz),
      canContinue: resumed.canContinue,
      expired: resumed.expired,
      restored: resumed.restored,
      gained: resumed.gained,
      unreadable: resumed.unreadable,
    };
  }

  /** Finds other copies of the course on this record; only one of them writes. */
  private startGuard(key: string): void {
    const channel = this.options.channel?.(key) ?? null;
    if (!channel && !this.options.locks) return;
    const guard = new TabGuard<HandOver>(key, {
      clock: this.clock,
      locks: this.options.locks ?? null,
      channel,
      handOver: () => {
        this.scheduler.flushIfPending();
        this.scheduler.pause();
        this.standby = true;
        return {
          state: this.store ? this.encode(this.store.state) : '',
          lists: this.session.lists?.() ?? null,
          token: this.token,
          launchedAt: this.launchedAt,
          confirmedAt: this.confirmedAt,
        };
      },
      onTakenOver: () => {
        this.scheduler.pause();
        this.standby = true;
        this.options.onRole?.('standby', 'taken-over');
      },
    });
    this.guard = guard;
    // Nothing is committed until it is known whether another copy already writes this record.
    this.scheduler.pause();
    this.role = guard.start().then((role) => {
      if (role === 'writer') this.scheduler.resume();
      else {
        this.standby = true;
        this.options.log('this record is open in another tab or window: this copy does not write until the learner takes over here');
        this.options.onRole?.('standby', 'open-elsewhere');
      }
      return role;
    });
  }

  /**
   * The learner continues here: the copy that was writing commits and hands over its state
   * (or, if it was closed, this browser's copy of the record is read), which is merged with
   * this one's, so nothing either holds is lost and no outcome goes down. This copy's session
   * then catches up with the record's lists as the other copy left them, so that what it writes
   * next follows them instead of overwriting them; then this copy writes.
   */
  async takeOver(): Promise<void> {
    if (!this.guard || !this.store || !this.standby) return;
    const received = await this.guard.takeOver();
    // Another copy has written this browser's copy of the lists since.
    this.settledLists = null;
    // A live copy on another record (an older LMS attempt, still open) hands over nothing of use.
    const self = { token: this.token, launchedAt: this.launchedAt, confirmedAt: this.confirmedAt };
    const handed = received !== null && sameRecord(received, self) ? received : null;
    if (received !== null && !handed) this.options.log('the copy that was writing is on another LMS record: nothing of it is taken over');
    const copies = handed !== null ? [handed.state] : received === null ? ((await this.backup?.read()) ?? []) : [];
    // The other copy's state (merged, when this browser keeps more than one): what it has reported.
    let other: CourseState | null = null;
    for (const text of copies) {
      const copy = decodeState(this.course, text);
      // A copy handed over by a live tab on this record is this record's; a stored one must carry its token.
      if (handed !== null || copy.token === this.token) other = other ? mergeProgress(other, copy.state) : copy.state;
    }
    const state = other ? mergeProgress(this.store.state, other) : this.store.state;
    const stored = received === null ? await this.backup?.readLists() : undefined;
    const lists = handed !== null ? handed.lists : stored ? (parseLists(stored, this.token)?.lists ?? null) : null;
    this.standby = false;
    this.scheduler.resume();
    if (lists) this.session.catchUp?.(lists);
    if (other && this.reporter) {
      // What this copy noted at its launch (an attempt whose time ran out, say) the other copy may
      // have reported since: only what the merged state adds to the other copy's is reported here.
      this.reporter.discard();
      this.reporter.note(other, state, this.clock.now());
    }
    this.store.adopt(state);
    this.scheduler.request('now');
    this.options.onRole?.('writer', 'took-over');
  }

  /**
   * Follows the store from now on. In a session that records, the first commit goes out
   * at once, while the page is alive: it marks the attempt started, sets exit to
   * suspend and carries everything resume needs, so the session's last call matters little.
   */
  attach(store: CourseStore, firstScreen?: Promise<void>): () => void {
    this.store = store;
    if (!this.reporter) return () => {};
    // The first commit waits to know whether another copy already writes this record, and for
    // the first screen (`firstScreen`), so the LMS's work on it does not delay what the learner sees.
    if (!this.guard && !firstScreen) this.scheduler.request('now');
    else
      void Promise.all([this.role, firstScreen]).then(([role]) => {
        if (role === 'writer') this.scheduler.request('now');
      });
    return store.subscribe((change) => this.onChange(change));
  }

  /** Commits on hide and ends the session when the page goes away; returns a function that stops listening. */
  listen(win: Window): () => void {
    const onPageHide = () => this.end(false);
    const onVisibility = () => {
      if (win.document.visibilityState === 'hidden' && this.session.open) this.scheduler.flushIfPending();
    };
    // An LMS may say a save succeeded that it could not send (Moodle's player does when a request
    // is aborted); while the browser is offline no save counts as confirmed, and once it is back
    // online everything is sent again.
    this.offline = (win.navigator as Navigator | undefined)?.onLine === false;
    const onOffline = () => (this.offline = true);
    const onOnline = () => {
      this.offline = false;
      if (!this.session.open || this.standby) return;
      // An LMS that posts only what changed would skip saved progress identical to what it thinks it sent.
      this.stampFloor = this.lastStamp + 1000;
      this.reporter?.resendUnconfirmed();
      this.scheduler.request('now');
    };
    win.addEventListener('pagehide', onPageHide);
    win.document.addEventListener('visibilitychange', onVisibility);
    win.addEventListener('offline', onOffline);
    win.addEventListener('online', onOnline);
    return () => {
      win.removeEventListener('pagehide', onPageHide);
      win.document.removeEventListener('visibilitychange', onVisibility);
      win.removeEventListener('offline', onOffline);
      win.removeEventListener('online', onOnline);
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

  private onChange({ prev, next, intent }: StateChange): void {
    if (!this.session.open || !this.reporter || this.standby) return;
    // An adopted state was reported by the copy that wrote it.
    if (intent.type !== 'adopt') this.reporter.note(prev, next, this.clock.now());
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
    this.keepLists(false);
    return true;
  }

  private writeAndCommit(): CommitResult | Promise<CommitResult> {
    if (!this.write()) return 'refused';
    const ok = this.session.commit();
    return typeof ok === 'boolean' ? this.verdict(ok) : ok.then((v) => this.verdict(v));
  }

  private verdict(ok: boolean): CommitResult {
    if (!ok) {
      // The LMS did not store it, but a player that posts only what changed counts it as sent
      // (Moodle's 1.2 player): what it carried is set again, so that the retry sends it, and the
      // saved progress is stamped anew, so that even a save within the same second differs.
      this.stampFloor = this.lastStamp + 1000;
      this.reporter?.resendUnconfirmed();
      return 'refused';
    }
    if (this.offline) return 'unconfirmed';
    this.confirmedAt ??= this.clock.now();
    this.reporter?.confirm();
    this.keepLists(true);
    return 'confirmed';
  }

  private end(commitFirst: boolean): void {
    if (!this.session.open) return;
    this.scheduler.stop();
    this.guard?.close();
    // A copy that stands by ends nothing: its LMS session holds the record as it was at its
    // launch, and a final call (2004 players post the whole record with it) would write that over.
    if (this.standby) return;
    this.write();
    const ok = this.session.finish(commitFirst);
    if (ok === true && !this.offline) this.keepLists(true);
    this.scheduler.settle(typeof ok === 'boolean' ? ok && !this.offline : ok.then((stored) => stored && !this.offline));
  }

  /**
   * Keeps the record's lists in this browser's copy (see `RecordLists`), for a copy of the course
   * that takes over or the next launch; `stored`: the LMS confirmed the save that carried them.
   */
  private keepLists(stored: boolean): void {
    const lists = this.session.lists?.();
    if (!lists || !this.backup) return;
    const settled = stored && !this.session.owes?.();
    // Lists the LMS confirmed stay settled whatever a later save does: most saves (a lesson read,
    // a place) change nothing in them, and need not write them twice.
    const written = JSON.stringify(lists);
    if (!settled && written === this.settledLists) return;
    this.backup.writeLists(listsText(this.token, lists, settled));
    this.settledLists = settled ? written : null;
  }

  /**
   * Encodes the state; if it ever outgrows the limit (the build checks that the largest state
   * with times within ten-fold limits fits), first the open attempts' question times go, which
   * only the report's latencies use and this page still holds, but for the latest question's,
   * which date the attempt's last activity (what a merge of two copies goes by); and only then
   * the open attempts (which no content the build lets through can reach).
   */
  private encode(state: CourseState): string {
    const stamp = { savedAt: Math.max(this.clock.now(), this.stampFloor), token: this.token };
    this.lastStamp = stamp.savedAt;
    const full = encodeState(state, stamp);
    if (full.length <= SUSPEND_LIMIT) return full;
    const untimed = encodeState(
      {
        ...state,
        quizzes: Object.fromEntries(
          Object.entries(state.quizzes).map(([id, p]) => [
            id,
            p.attempt && !p.attempt.submitted ? { ...p, attempt: { ...p.attempt, times: latestTimes(p.attempt.times) } } : p,
          ]),
        ),
      },
      stamp,
    );
    if (untimed.length <= SUSPEND_LIMIT) {
      this.options.log(
        `suspend data of ${full.length} characters exceeds ${SUSPEND_LIMIT}: the open attempt is saved with only its latest question's times`,
      );
      return untimed;
    }
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
