/** The calls both SCORM versions share, under one set of names. */
export interface RawCalls {
  initialize(): string;
  terminate(): string;
  get(element: string): string;
  set(element: string, value: string): string;
  commit(): string;
  lastError(): string;
}

export type Logger = (message: string) => void;

/** What an Initialize returned, and the error code the LMS gave when it was not "true". */
export interface InitializeResult {
  value: string;
  code: string;
}

/**
 * Guards the LMS API: Initialize once, nothing before it or after Terminate,
 * Terminate once, no SetValue of an unchanged value, every result checked, and an
 * exception thrown by the LMS treated as a failed call rather than a crash.
 */
export class ScormConnection {
  private phase: 'new' | 'open' | 'closed' = 'new';
  private readonly written = new Map<string, string>();
  /** What the LMS holds, as far as the course can tell: read at launch, or set before a commit it confirmed. */
  private readonly stored = new Map<string, string>();

  constructor(
    private readonly raw: RawCalls,
    private readonly log: Logger,
    /** Error codes that a GetValue may return for an element the LMS has no value for. */
    private readonly emptyCodes: readonly string[] = [],
    /** The result of an Initialize the page already made (early-open.ts): the first open takes it instead of calling. */
    private early: InitializeResult | null = null,
  ) {}

  get isOpen(): boolean {
    return this.phase === 'open';
  }

  private call(name: string, fn: () => string): { ok: boolean; value: string; code: string } {
    let value: string;
    try {
      value = String(fn());
    } catch (err) {
      this.log(`${name} threw: ${String(err)}`);
      return { ok: false, value: '', code: 'exception' };
    }
    let code = '0';
    if (value === 'false' || value === '') {
      try {
        code = String(this.raw.lastError());
      } catch {
        code = 'exception';
      }
    }
    const ok = value !== 'false' && code === '0';
    return { ok, value, code };
  }

  open(): boolean {
    if (this.phase !== 'new') return this.phase === 'open';
    const r = this.early ?? this.call('Initialize', () => this.raw.initialize());
    this.early = null;
    if (r.value === 'true') this.phase = 'open';
    else this.log(`Initialize failed (error ${r.code})`);
    return this.phase === 'open';
  }

  get(element: string): string {
    if (this.phase !== 'open') return '';
    const r = this.call(`GetValue ${element}`, () => this.raw.get(element));
    if (r.code !== '0' && !this.emptyCodes.includes(r.code)) this.log(`GetValue ${element} failed (error ${r.code})`);
    return r.code === '0' ? r.value : '';
  }

  /** Notes a value the LMS already holds (read at launch), so setting it again sends nothing. */
  remember(element: string, value: string): void {
    this.written.set(element, value);
    this.stored.set(element, value);
  }

  /** The value last set (or remembered) for an element, if any. */
  current(element: string): string | undefined {
    return this.written.get(element);
  }

  /** The LMS confirmed a commit: everything set so far has arrived. */
  confirmStored(): void {
    for (const [element, value] of this.written) this.stored.set(element, value);
  }

  /** Values set that the LMS has not confirmed it holds. */
  unstored(): Array<[string, string]> {
    return [...this.written].filter(([element, value]) => this.stored.get(element) !== value);
  }

  /** Sets a value unless it is the one already written; `always` for write-once records. */
  set(element: string, value: string, always = false): boolean {
    if (this.phase !== 'open') return false;
    if (!always && this.written.get(element) === value) return true;
    const r = this.call(`SetValue ${element}`, () => this.raw.set(element, value));
    if (r.value === 'true') {
      this.written.set(element, value);
      return true;
    }
    this.log(`SetValue ${element}=${JSON.stringify(value)} failed (error ${r.code})`);
    return false;
  }

  commit(): boolean {
    if (this.phase !== 'open') return false;
    const r = this.call('Commit', () => this.raw.commit());
    if (r.value !== 'true') this.log(`Commit failed (error ${r.code})`);
    return r.value === 'true';
  }

  close(): boolean {
    if (this.phase !== 'open') return false;
    this.phase = 'closed';
    const r = this.call('Terminate', () => this.raw.terminate());
    if (r.value !== 'true') this.log(`Terminate failed (error ${r.code})`);
    return r.value === 'true';
  }
}
