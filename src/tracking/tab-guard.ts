import { sleep, type Clock } from './clock.ts';

/** Whether this copy of the course writes to the LMS record (`writer`) or waits (`standby`). */
export type Role = 'writer' | 'standby';

/** Why the role changed: another copy held the record at launch, another copy took over, or this one did. */
export type RoleReason = 'open-elsewhere' | 'taken-over' | 'took-over';

type Message<T> =
  | { t: 'hello'; from: string; at: number }
  | { t: 'here'; from: string; at: number }
  | { t: 'writer'; from: string }
  | { t: 'take-over'; from: string }
  | { t: 'handed-over'; from: string; to: string; state: T };

/** `T`: what the writer hands over (a structured-clonable value). */
export interface TabGuardOptions<T = string> {
  /** Answers a take-over: commits what this copy holds and returns it. */
  handOver: () => T;
  /** This copy stopped writing because another one took over. */
  onTakenOver: () => void;
  clock: Clock;
  /** The browser's Web Locks, where the page is a secure context; null otherwise. */
  locks: LockManager | null;
  /** A channel between the copies of the course in this browser, or null (then every copy writes). */
  channel: BroadcastChannel | null;
  /** Without Web Locks: how long a new copy listens for a writer before it writes itself. */
  listenMs?: number;
  /** How long a take-over waits for the writer to hand over before it takes the record anyway. */
  handOverMs?: number;
}

function randomId(): string {
  return Math.random().toString(36).slice(2, 10);
}

/**
 * One writer per LMS record in one browser. Copies of the course open on the same record
 * (two tabs, a double click) find each other: the first one keeps writing, later ones stand
 * by until the learner takes over there, when the writer commits, hands over its state and
 * stands by in turn. Web Locks decide who writes where the browser offers them (a secure
 * context); elsewhere a broadcast channel does, by asking whether a writer is there.
 */
export class TabGuard<T = string> {
  private readonly id = randomId();
  private readonly startedAt: number;
  private role: Role = 'standby';
  private release: (() => void) | null = null;
  private handedOver: ((state: T) => void) | null = null;
  private rivals: { id: string; at: number }[] = [];
  /** Still listening for a writer at launch (without Web Locks). */
  private listening = false;

  constructor(
    private readonly name: string,
    private readonly options: TabGuardOptions<T>,
  ) {
    this.startedAt = options.clock.now();
    options.channel?.addEventListener('message', (e: MessageEvent<Message<T>>) => this.receive(e.data));
  }

  get current(): Role {
    return this.role;
  }

  /** Decides at launch whether this copy writes. */
  async start(): Promise<Role> {
    const { locks, channel } = this.options;
    if (locks) {
      this.role = (await this.lock(true)) ? 'writer' : 'standby';
      return this.role;
    }
    if (!channel) {
      this.role = 'writer';
      return this.role;
    }
    let writerSeen = false;
    const seen = (e: MessageEvent<Message<T>>) => {
      if (e.data.t === 'writer') writerSeen = true;
    };
    channel.addEventListener('message', seen);
    this.listening = true;
    this.post({ t: 'hello', from: this.id, at: this.startedAt });
    await sleep(this.options.clock, this.options.listenMs ?? 300);
    this.listening = false;
    channel.removeEventListener('message', seen);
    // Copies opened close together, each listening: the one opened first writes (by id at the same moment).
    const earlier = this.rivals.some((r) => r.at < this.startedAt || (r.at === this.startedAt && r.id < this.id));
    this.role = writerSeen || earlier ? 'standby' : 'writer';
    // One that opened while this one listened may still be listening: it hears this.
    if (this.role === 'writer') this.post({ t: 'writer', from: this.id });
    return this.role;
  }

  /**
   * The learner takes over here: the writer (if any is left) commits and hands over what it
   * holds, which this resolves with; null when no writer answered (it was closed).
   */
  async takeOver(): Promise<T | null> {
    const handed = new Promise<T>((resolve) => (this.handedOver = resolve));
    this.post({ t: 'take-over', from: this.id });
    const wait = sleep(this.options.clock, this.options.handOverMs ?? 2000).then(() => null);
    const state = await Promise.race([handed, wait]);
    this.handedOver = null;
    if (this.options.locks) {
      // The writer released its lock when it handed over; one that did not answer loses it.
      await this.lock(false, state === null);
    }
    this.role = 'writer';
    return state;
  }

  /** The page is going away: a writer lets the record go. */
  close(): void {
    this.release?.();
    this.release = null;
    this.options.channel?.close();
  }

  private receive(message: Message<T>): void {
    if (message.t === 'hello') {
      if (this.role === 'writer') this.post({ t: 'writer', from: this.id });
      else {
        this.rivals.push({ id: message.from, at: message.at });
        // The newcomer never heard this copy's own hello, sent before it was there.
        if (this.listening) this.post({ t: 'here', from: this.id, at: this.startedAt });
      }
    } else if (message.t === 'here') {
      this.rivals.push({ id: message.from, at: message.at });
    } else if (message.t === 'take-over' && this.role === 'writer') {
      const state = this.options.handOver();
      this.role = 'standby';
      this.post({ t: 'handed-over', from: this.id, to: message.from, state });
      this.release?.();
      this.release = null;
      this.options.onTakenOver();
    } else if (message.t === 'handed-over' && message.to === this.id) {
      this.handedOver?.(message.state);
    }
  }

  /** Takes the record's lock: at once or not at all (`ifAvailable`), waiting for it, or from its holder (`steal`). */
  private lock(ifAvailable: boolean, steal = false): Promise<boolean> {
    const locks = this.options.locks;
    if (!locks) return Promise.resolve(true);
    return new Promise<boolean>((resolve) => {
      const options: LockOptions = steal ? { steal: true } : ifAvailable ? { ifAvailable: true } : {};
      locks
        .request(this.name, options, (lock) => {
          if (!lock) {
            resolve(false);
            return undefined;
          }
          resolve(true);
          return new Promise<void>((release) => (this.release = release));
        })
        .catch(() => {
          // Another copy took the lock from this one (it did not answer in time).
          if (this.role === 'writer') {
            this.role = 'standby';
            this.release = null;
            this.options.onTakenOver();
          }
        });
    });
  }

  private post(message: Message<T>): void {
    try {
      this.options.channel?.postMessage(message);
    } catch {
      // The channel is closed: the page is going away.
    }
  }
}
