/**
 * A browser driven over the DevTools protocol alone, for the bench's timed launches.
 *
 * Playwright injects its own script into every frame a page makes. Traced, that is 20 ms and
 * more of the page's main thread at 1x CPU between a frame's navigation start and its first
 * request, and it falls inside every launch the bench times: a package with more frames pays it
 * more often. A learner's browser runs none of it, so the timed launches go through this small
 * client (Chromium's `--remote-debugging-pipe`) and Playwright keeps the work that is not timed.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';

type Message = {
  id?: number;
  method?: string;
  params?: Record<string, unknown>;
  sessionId?: string;
  result?: unknown;
  error?: { message: string };
};

/** A request the page made, held until the bench answers it (as a fake LRS does). */
export interface HeldRequest {
  url: string;
  method: string;
  headers: Record<string, string>;
  postData: string | undefined;
}

export interface Answer {
  status: number;
  contentType?: string;
  body?: string;
}

export class PipeBrowser {
  private next = 0;
  private readonly waiting = new Map<number, { ok: (r: unknown) => void; fail: (e: Error) => void }>();
  private readonly listeners = new Set<(m: Message) => void>();

  private constructor(
    private readonly proc: ChildProcess,
    private readonly profile: string,
  ) {
    const input = proc.stdio[4] as Readable;
    let buffer = '';
    input.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      for (let end = buffer.indexOf('\0'); end >= 0; end = buffer.indexOf('\0')) {
        const message = JSON.parse(buffer.slice(0, end)) as Message;
        buffer = buffer.slice(end + 1);
        const reply = message.id === undefined ? undefined : this.waiting.get(message.id);
        if (reply && message.id !== undefined) {
          this.waiting.delete(message.id);
          if (message.error) reply.fail(new Error(message.error.message));
          else reply.ok(message.result);
        } else for (const listen of this.listeners) listen(message);
      }
    });
  }

  static launch(executable: string, args: readonly string[]): PipeBrowser {
    const profile = mkdtempSync(join(tmpdir(), 'bench-browser-'));
    const proc = spawn(executable, [...args, '--headless=new', '--remote-debugging-pipe', `--user-data-dir=${profile}`, 'about:blank'], {
      stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'],
    });
    return new PipeBrowser(proc, profile);
  }

  send<T = Record<string, unknown>>(method: string, params: object = {}, sessionId?: string): Promise<T> {
    const id = ++this.next;
    return new Promise<T>((ok, fail) => {
      this.waiting.set(id, { ok: ok as (r: unknown) => void, fail: (e) => fail(new Error(`${method}: ${e.message}`)) });
      (this.proc.stdio[3] as Writable).write(`${JSON.stringify({ id, method, params, sessionId })}\0`);
    });
  }

  on(listen: (m: Message) => void): () => void {
    this.listeners.add(listen);
    return () => this.listeners.delete(listen);
  }

  /** A page in a fresh browser context (a cold launch) whose main thread runs at 1/`throttle` of the CPU's speed. */
  async newPage(throttle: number): Promise<PipePage> {
    const { browserContextId } = await this.send<{ browserContextId: string }>('Target.createBrowserContext');
    const { targetId } = await this.send<{ targetId: string }>('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await this.send<{ sessionId: string }>('Target.attachToTarget', { targetId, flatten: true });
    await this.send('Emulation.setCPUThrottlingRate', { rate: throttle }, sessionId);
    return new PipePage(this, sessionId, browserContextId);
  }

  /** Stops the browser, then removes its profile (which it writes to until it has exited). */
  async close(): Promise<void> {
    const exited = new Promise((done) => this.proc.once('exit', done));
    this.proc.kill();
    await exited;
    // Its helper processes may still be writing for a moment: retry, as Node's rm does on ENOTEMPTY.
    // A profile left behind in the temporary directory is not worth losing the run's figures for.
    try {
      rmSync(this.profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
    } catch (error) {
      console.warn(`bench: could not remove ${this.profile} (${(error as Error).message}); left for the system to clear`);
    }
  }
}

export class PipePage {
  private stopListening: (() => void) | null = null;

  constructor(
    private readonly browser: PipeBrowser,
    private readonly session: string,
    private readonly context: string,
  ) {}

  /** Runs `source` in every document before its own scripts (the preview LMS's settings). */
  async beforeEachDocument(source: string): Promise<void> {
    await this.browser.send('Page.enable', {}, this.session);
    await this.browser.send('Page.addScriptToEvaluateOnNewDocument', { source }, this.session);
  }

  /** Answers the page's requests under each prefix from the bench, as a route in Playwright does. */
  async answer(prefixes: string[], handler: (request: HeldRequest) => Promise<Answer>): Promise<void> {
    await this.browser.send('Fetch.enable', { patterns: prefixes.map((p) => ({ urlPattern: `${p}*` })) }, this.session);
    this.stopListening = this.browser.on((m) => {
      if (m.method !== 'Fetch.requestPaused' || m.sessionId !== this.session || !m.params) return;
      const { requestId, request } = m.params as {
        requestId: string;
        request: { url: string; method: string; headers: Record<string, string>; postData?: string };
      };
      const headers = Object.fromEntries(Object.entries(request.headers).map(([k, v]) => [k.toLowerCase(), v]));
      void handler({ url: request.url, method: request.method, headers, postData: request.postData }).then((a) =>
        this.browser.send(
          'Fetch.fulfillRequest',
          {
            requestId,
            responseCode: a.status,
            responseHeaders: a.contentType ? [{ name: 'Content-Type', value: a.contentType }] : [],
            body: Buffer.from(a.body ?? '').toString('base64'),
          },
          this.session,
        ),
      );
    });
  }

  async goto(url: string): Promise<void> {
    await this.browser.send('Page.navigate', { url }, this.session);
  }

  /** The value of an expression in the page's main frame (plain JSON). */
  async evaluate<T>(expression: string): Promise<T> {
    const r = await this.browser.send<{ result: { value?: T }; exceptionDetails?: { text: string } }>(
      'Runtime.evaluate',
      { expression, returnByValue: true },
      this.session,
    );
    if (r.exceptionDetails) throw new Error(`${expression.slice(0, 80)}…: ${r.exceptionDetails.text}`);
    return r.result.value as T;
  }

  /** Polls an expression every 50 ms until it is neither null nor undefined. */
  async waitFor<T>(expression: string, timeout = 60_000): Promise<T> {
    const until = Date.now() + timeout;
    for (;;) {
      const value = await this.evaluate<T | null>(expression);
      if (value !== null && value !== undefined) return value;
      if (Date.now() > until) throw new Error(`not true within ${timeout} ms: ${expression.slice(0, 120)}`);
      await new Promise((ok) => setTimeout(ok, 50));
    }
  }

  async close(): Promise<void> {
    this.stopListening?.();
    await this.browser.send('Target.disposeBrowserContext', { browserContextId: this.context });
  }
}
