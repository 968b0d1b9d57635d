import type { Clock } from '../../src/tracking/clock.ts';
import { ScormConnection, type RawCalls } from '../../src/scorm/connection.ts';
import { ScormSession } from '../../src/scorm/scorm-session.ts';
import { scorm12Dialect } from '../../src/scorm/scorm12.ts';
import { scorm2004Dialect } from '../../src/scorm/scorm2004.ts';

/** A clock whose time moves only when a test says so; timers fire in order. */
export class FakeClock implements Clock {
  private timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;

  constructor(public time = Date.UTC(2026, 10, 25, 9, 0, 0)) {}

  now(): number {
    return this.time;
  }

  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.time + ms, fn, id });
    return id;
  }

  clearTimeout(handle: unknown): void {
    this.timers = this.timers.filter((t) => t.id !== handle);
  }

  /**
   * Moves time forward, firing each timer that falls due on the way. A timer already overdue (the
   * clock was set forward, as a computer that slept) fires now, once, as a browser's does on waking.
   */
  advance(ms: number): void {
    const end = this.time + ms;
    for (;;) {
      const due = this.timers.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.timers = this.timers.filter((t) => t !== due);
      this.time = Math.max(this.time, due.at);
      due.fn();
    }
    this.time = end;
  }

  get pendingTimers(): number {
    return this.timers.length;
  }
}

export interface FakeLmsOptions {
  /** Values the LMS hands the course (read-only ones included). */
  cmi?: Record<string, string>;
  /** Commits refused before one succeeds. */
  refuseCommits?: number;
}

/**
 * An LMS API in memory, for one SCORM version: it stores what is set, logs every call
 * as `fn element=value`, and can refuse commits. Just enough of an LMS for unit tests.
 */
export function fakeLms(version: '12' | '2004', options: FakeLmsOptions = {}) {
  const cmi: Record<string, string> = { ...(options.cmi ?? {}) };
  const calls: string[] = [];
  let refusals = options.refuseCommits ?? 0;
  let error = '0';
  const raw: RawCalls = {
    initialize: () => (calls.push('Initialize'), 'true'),
    terminate: () => (calls.push('Terminate'), 'true'),
    get: (el) => {
      calls.push(`GetValue ${el}`);
      error = el in cmi ? '0' : version === '2004' ? '403' : '0';
      return cmi[el] ?? '';
    },
    set: (el, v) => {
      calls.push(`SetValue ${el}=${v}`);
      cmi[el] = v;
      error = '0';
      return 'true';
    },
    commit: () => {
      calls.push('Commit');
      if (refusals > 0) {
        refusals--;
        error = '391';
        return 'false';
      }
      error = '0';
      return 'true';
    },
    lastError: () => error,
  };
  const session = (clock: Clock) =>
    new ScormSession(
      new ScormConnection(raw, () => {}, version === '2004' ? ['403'] : []),
      version === '12' ? scorm12Dialect : scorm2004Dialect,
      () => clock.now(),
    );
  return { cmi, calls, raw, session };
}

/** A Storage in memory, for the browser copy. */
export function memoryStorage(): Storage {
  const data = new Map<string, string>();
  return {
    get length() {
      return data.size;
    },
    clear: () => data.clear(),
    getItem: (k) => data.get(k) ?? null,
    key: (i) => [...data.keys()][i] ?? null,
    removeItem: (k) => void data.delete(k),
    setItem: (k, v) => void data.set(k, String(v)),
  };
}
