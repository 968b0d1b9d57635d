import type { Clock } from './clock.ts';

/**
 * `offline`: the LMS said it saved, but the browser was offline, so it may not have (an LMS
 * can report a save it could not send as done); it is sent again when the browser is back online.
 */
export type SaveState = 'saved' | 'saving' | 'unsaved' | 'offline';
/** What a commit came to: the LMS confirmed it, refused it, or said yes while the browser was offline. */
export type CommitResult = 'confirmed' | 'refused' | 'unconfirmed';
/** When a change must reach the LMS: committed now, soon (throttled), or with the next commit. */
export type Urgency = 'now' | 'soon' | 'later';

export interface CommitSchedulerOptions {
  /** Delays between retries of a refused commit, in ms; the last one repeats. */
  retryDelays?: readonly number[];
  /** Longest wait before a 'soon' change is committed, in ms. */
  soonDelay?: number;
  onSaveState?: (state: SaveState) => void;
}

export const DEFAULT_RETRY_DELAYS = [2000, 5000, 15000, 30000, 60000] as const;

/**
 * Decides when to commit: at once, within a delay, or with the next commit; retries a
 * refused commit with back-off until one succeeds, and tells the learner's screen the
 * save state. `commit` writes the record and commits it, returning the LMS's verdict.
 */
export class CommitScheduler {
  private state: SaveState = 'saved';
  private dirty = false;
  private soonTimer: unknown = undefined;
  private retryTimer: unknown = undefined;
  private retries = 0;
  private stopped = false;
  private paused = false;

  constructor(
    /** An LMS that answers over the network (cmi5) gives its verdict later, as a promise. */
    private readonly commit: () => CommitResult | Promise<CommitResult>,
    private readonly clock: Clock,
    private readonly options: CommitSchedulerOptions = {},
  ) {}

  get saveState(): SaveState {
    return this.state;
  }

  /** Something is not yet confirmed by the LMS. */
  get pending(): boolean {
    return this.dirty || this.state !== 'saved';
  }

  request(urgency: Urgency): void {
    if (this.stopped) return;
    this.dirty = true;
    if (this.paused) return;
    if (urgency === 'now') this.run();
    else if (urgency === 'soon' && this.soonTimer === undefined) {
      this.soonTimer = this.clock.setTimeout(() => {
        this.soonTimer = undefined;
        this.run();
      }, this.options.soonDelay ?? 60_000);
    }
  }

  /** Commits now if anything is unsent or unconfirmed (the tab was hidden). */
  flushIfPending(): void {
    if (!this.stopped && !this.paused && this.pending) this.run();
  }

  /** Another copy of the course writes the record now: nothing is committed until `resume`. */
  pause(): void {
    this.paused = true;
    this.clearTimers();
    this.setState('saved');
  }

  resume(): void {
    this.paused = false;
  }

  /** No more commits: the session is ending. Returns whether anything was still pending. */
  stop(): boolean {
    this.stopped = true;
    this.clearTimers();
    return this.pending;
  }

  /** The session's last save: saved or not, now or (over the network) when the LMS answers; the screen shows which. */
  settle(ok: boolean | Promise<boolean>): void {
    if (typeof ok !== 'boolean') {
      this.setState('saving');
      void ok.then((v) => this.settle(v));
      return;
    }
    if (ok) this.dirty = false;
    this.setState(ok ? 'saved' : 'unsaved');
  }

  private clearTimers(): void {
    this.clock.clearTimeout(this.soonTimer);
    this.clock.clearTimeout(this.retryTimer);
    this.soonTimer = undefined;
    this.retryTimer = undefined;
  }

  private run(): void {
    if (this.stopped) return;
    this.clearTimers();
    this.dirty = false;
    const before = this.state;
    this.setState('saving');
    const result = this.commit();
    if (typeof result === 'string') return this.settleRun(result);
    // A save over the network usually answers within a moment: "Saving…" shows only when it takes longer.
    this.setState(before);
    const slow = this.clock.setTimeout(() => this.setState('saving'), 1500);
    void result.then((r) => {
      this.clock.clearTimeout(slow);
      this.settleRun(r);
    });
  }

  private settleRun(result: CommitResult): void {
    if (result === 'confirmed') {
      this.retries = 0;
      this.setState('saved');
      return;
    }
    this.dirty = true;
    // Offline, retrying proves nothing: the tracker asks again when the browser is back online.
    if (result === 'unconfirmed') {
      this.setState('offline');
      return;
    }
    this.setState('unsaved');
    const delays = this.options.retryDelays ?? DEFAULT_RETRY_DELAYS;
    const delay = delays[Math.min(this.retries, delays.length - 1)] ?? 60_000;
    this.retries++;
    // A later request may already have started a run (or the session ended) while this one was under way.
    if (this.stopped || this.retryTimer !== undefined) return;
    this.retryTimer = this.clock.setTimeout(() => {
      this.retryTimer = undefined;
      this.run();
    }, delay);
  }

  private setState(s: SaveState): void {
    if (s === this.state) return;
    this.state = s;
    this.options.onSaveState?.(s);
  }
}
