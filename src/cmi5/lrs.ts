import type { Logger } from '../scorm/connection.ts';
import type { Cmi5Actor, Cmi5LaunchParams } from './launch-params.ts';

/**
 * One request to the LRS: a batch of statements, or a state document. A batch `alone` takes
 * no other statement (a verdict: a statement the LRS refuses cannot take it down with it).
 */
export type LrsItem = { kind: 'statements'; statements: object[]; alone?: boolean } | { kind: 'state'; stateId: string; body: string };

/** Chromium refuses `keepalive` requests whose bodies in flight exceed 64 KB: each batch stays well below. */
const BATCH_BYTES = 48_000;

type FetchLike = typeof fetch;

/**
 * A small xAPI client for the calls cmi5 needs (fetch-token, State API, agent profile,
 * statements), over `fetch`. Requests that fail stay queued in order, and go out again at
 * the next flush: the tracker's commit retries give the back-off and tell the learner.
 */
export class LrsClient {
  private token = '';
  private queue: LrsItem[] = [];
  private running: Promise<boolean> | null = null;

  constructor(
    private readonly launch: Cmi5LaunchParams,
    private readonly log: Logger,
    private readonly fetchFn: FetchLike = (...args) => fetch(...args),
  ) {}

  /** POSTs to the fetch URL once (a second fetch is an error in cmi5: the token is kept for the session). */
  async fetchToken(): Promise<boolean> {
    if (this.token) return true;
    try {
      const r = await this.fetchFn(this.launch.fetch, { method: 'POST' });
      const body: unknown = r.ok ? await r.json() : null;
      const token = typeof body === 'object' && body !== null ? (body as Record<string, unknown>)['auth-token'] : undefined;
      if (typeof token === 'string' && token) this.token = token;
      else this.log(`cmi5 fetch URL answered ${r.status} without a token`);
    } catch (err) {
      this.log(`cmi5 fetch URL failed: ${String(err)}`);
    }
    return this.token !== '';
  }

  private headers(json: boolean): Record<string, string> {
    const h: Record<string, string> = { Authorization: `Basic ${this.token}`, 'X-Experience-API-Version': '1.0.3' };
    if (json) h['Content-Type'] = 'application/json';
    return h;
  }

  private query(params: Record<string, string>): string {
    return new URLSearchParams(params).toString();
  }

  private agent(): string {
    return JSON.stringify(this.launch.actor satisfies Cmi5Actor);
  }

  private stateUrl(stateId: string): string {
    const { activityId, registration } = this.launch;
    return `${this.launch.endpoint}activities/state?${this.query({ stateId, activityId, agent: this.agent(), registration })}`;
  }

  /** A JSON document from the LRS: null when it has none (404); throws when the LRS cannot be asked. */
  private async getJson(url: string): Promise<unknown> {
    const r = await this.fetchFn(url, { headers: this.headers(false) });
    if (r.status === 404) return null;
    if (!r.ok) throw new Error(`${r.status} for ${url.replace(/\?.*/, '')}`);
    const text = await r.text();
    return text ? (JSON.parse(text) as unknown) : null;
  }

  getState(stateId: string): Promise<unknown> {
    return this.getJson(this.stateUrl(stateId));
  }

  getLearnerPreferences(): Promise<unknown> {
    return this.getJson(
      `${this.launch.endpoint}agents/profile?${this.query({ agent: this.agent(), profileId: 'cmi5LearnerPreferences' })}`,
    );
  }

  /**
   * Queues statements, in order, joined to the batch before them while it is small; `alone`
   * statements go in a batch of their own (the cmi5 verdicts).
   */
  sendStatements(statements: object[], alone = false): void {
    if (alone) {
      if (statements.length) this.queue.push({ kind: 'statements', statements: [...statements], alone: true });
      return;
    }
    for (const s of statements) {
      const last = this.queue.at(-1);
      if (
        last?.kind === 'statements' &&
        !last.alone &&
        last !== this.inFlight &&
        JSON.stringify([...last.statements, s]).length < BATCH_BYTES
      )
        last.statements.push(s);
      else this.queue.push({ kind: 'statements', statements: [s] });
    }
  }

  /** Queues a state document; one already waiting for the same id is replaced (only the latest matters). */
  putState(stateId: string, body: string): void {
    const waiting = this.queue.findIndex((i) => i.kind === 'state' && i.stateId === stateId && i !== this.inFlight);
    if (waiting >= 0) this.queue.splice(waiting, 1);
    this.queue.push({ kind: 'state', stateId, body });
  }

  get pending(): boolean {
    return this.queue.length > 0;
  }

  private inFlight: LrsItem | null = null;

  /** Sends what is queued, in order; true once all of it is stored, false at the first failure (it stays queued). */
  flush(): Promise<boolean> {
    this.running ??= this.drain().finally(() => (this.running = null));
    return this.running;
  }

  private async drain(): Promise<boolean> {
    while (this.queue.length) {
      const item = this.queue[0]!;
      this.inFlight = item;
      // keepalive: a request under way when the learner leaves (Exit, a closed window) still arrives.
      const ok = await this.send(item, true);
      this.inFlight = null;
      if (ok === 'retry') return false;
      this.queue.shift();
    }
    return true;
  }

  private request(item: LrsItem, keepalive: boolean): { url: string; init: RequestInit } {
    if (item.kind === 'statements')
      return {
        url: `${this.launch.endpoint}statements`,
        init: { method: 'POST', headers: this.headers(true), body: JSON.stringify(item.statements), keepalive },
      };
    return { url: this.stateUrl(item.stateId), init: { method: 'PUT', headers: this.headers(true), body: item.body, keepalive } };
  }

  private async send(item: LrsItem, keepalive: boolean): Promise<'stored' | 'rejected' | 'retry'> {
    const { url, init } = this.request(item, keepalive);
    try {
      const r = await this.fetchFn(url, init);
      if (r.ok) return 'stored';
      // A request the LRS refuses as such (4xx) would be refused again: it is logged and dropped.
      // Not 401: the LRS did not accept the launch's credentials (a session that outlived its
      // token), which says nothing of the request; it stays queued, and the learner is told
      // the progress is not saved. (403 is a cmi5 rule the statement broke: dropped.)
      if (r.status >= 400 && r.status < 500 && r.status !== 401 && r.status !== 408 && r.status !== 429) {
        this.log(`the LRS refused ${init.method} ${url.replace(/\?.*/, '')} (${r.status}): ${(await r.text()).slice(0, 300)}`);
        return 'rejected';
      }
      this.log(`the LRS answered ${r.status} to ${init.method} ${url.replace(/\?.*/, '')}: sent again later`);
    } catch (err) {
      this.log(`${init.method} ${url.replace(/\?.*/, '')} failed (${String(err)}): sent again later`);
    }
    return 'retry';
  }

  /**
   * The page is going away: what is queued goes out now with `keepalive`, which outlives the
   * page. Requests may then arrive in any order, so `last` (the terminated statement) is sent
   * only when everything fits in one batch with it and no state document or request is under
   * way: a state PUT or statement that arrived after `terminated` would be refused.
   */
  sendOnClose(last: object): boolean {
    // The request under way is a keepalive one: it arrives by itself, and may arrive after anything sent now.
    const waiting = this.queue.filter((i) => i !== this.inFlight);
    const busy = this.inFlight !== null;
    const statements = waiting.flatMap((i) => (i.kind === 'statements' ? i.statements : []));
    // A state document follows the statements it records (a verdict sent is marked in it): while
    // statements are unconfirmed it stays in this browser's copy, which the next launch merges in
    // and reports again, rather than arrive alone and claim a verdict the LRS may never get.
    const unconfirmed = statements.length > 0 || this.inFlight?.kind === 'statements';
    const states = unconfirmed ? [] : waiting.filter((i): i is Extract<LrsItem, { kind: 'state' }> => i.kind === 'state');
    if (unconfirmed && waiting.some((i) => i.kind === 'state'))
      this.log('the page closed with statements unconfirmed: the state document was left to the next launch');
    this.queue = [];
    for (const s of states) void this.send(s, true);
    const withLast = [...statements, last];
    const fits = JSON.stringify(withLast).length < BATCH_BYTES;
    if (states.length === 0 && fits && !busy) {
      void this.send({ kind: 'statements', statements: withLast }, true);
      return true;
    }
    let batch: object[] = [];
    for (const s of statements) {
      if (batch.length && JSON.stringify([...batch, s]).length >= BATCH_BYTES) {
        void this.send({ kind: 'statements', statements: batch }, true);
        batch = [];
      }
      batch.push(s);
    }
    if (batch.length) void this.send({ kind: 'statements', statements: batch }, true);
    this.log('the page closed with saves under way: the terminated statement was left out so that none of them is refused');
    return false;
  }
}
