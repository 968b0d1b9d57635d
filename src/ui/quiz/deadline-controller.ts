import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { remainingMs } from '../../course/timer.ts';

/**
 * The time left before a stored deadline, on an injected clock: while a deadline is set it
 * re-reads the clock each second, updates its host and reports the time left (for warnings
 * and the submission at zero). The deadline, not a counter, is the truth: a tab put to sleep
 * shows the right time when it wakes.
 */
export class DeadlineController implements ReactiveController {
  private ticker: ReturnType<typeof setInterval> | undefined;
  /** When the clock was last read (0 before the first tick). */
  private at = 0;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly options: {
      /** The clock (the app's `now`, which tests move). */
      now: () => number;
      /** The deadline in force (epoch ms), or null when nothing is timed now. */
      deadline: () => number | null;
      /** Each second while a deadline is set, with the time left. */
      onTick: (leftMs: number, deadline: number) => void;
    },
  ) {
    // The clock is not read here: the host's own properties (its `now`) are not set yet.
    host.addController(this);
  }

  /** Time left in ms, or null when nothing is timed. */
  get remaining(): number | null {
    const deadline = this.options.deadline();
    return deadline === null ? null : remainingMs(deadline, this.at);
  }

  hostConnected(): void {
    this.sync();
  }

  hostUpdated(): void {
    this.sync();
  }

  hostDisconnected(): void {
    clearInterval(this.ticker);
    this.ticker = undefined;
  }

  private sync(): void {
    const running = this.options.deadline() !== null;
    if (running && !this.ticker) {
      this.tick();
      this.ticker = setInterval(() => this.tick(), 1000);
    } else if (!running && this.ticker) this.hostDisconnected();
  }

  private tick(): void {
    const deadline = this.options.deadline();
    if (deadline === null) return;
    const before = this.remaining;
    this.at = this.options.now();
    const left = remainingMs(deadline, this.at);
    // The clock shows whole seconds: the host re-renders only when the figure changes.
    if (before === null || Math.ceil(before / 1000) !== Math.ceil(left / 1000)) this.host.requestUpdate();
    this.options.onTick(left, deadline);
  }
}
