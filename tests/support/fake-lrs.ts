import type { Page } from '@playwright/test';
import { cmi5Ids } from '../../src/cmi5/ids.ts';

/**
 * An LMS and LRS for cmi5, in the test process: it launches the packaged AU the way CATAPULT's
 * player does (launch URL, fetch URL, LMS.LaunchData with a fresh session id), answers the
 * State API and the agent profile, stores statements, and checks every request against the
 * rules CATAPULT's conformance suite (cts) enforces, with the cts's requirement numbers. A
 * request that breaks one is refused as the cts refuses it (403) and listed in `violations`.
 */
export const VERB = (v: string) => `http://adlnet.gov/expapi/verbs/${v}`;
const CMI5 = 'https://w3id.org/xapi/cmi5/context/';
const CATEGORY_CMI5 = `${CMI5}categories/cmi5`;
const CATEGORY_MOVEON = `${CMI5}categories/moveon`;
const SESSION_ID = `${CMI5}extensions/sessionid`;
const MASTERY = `${CMI5}extensions/masteryscore`;

export type LaunchMode = 'Normal' | 'Browse' | 'Review';

export interface Statement {
  id: string;
  actor: unknown;
  verb: { id: string };
  object: { id: string; definition?: Record<string, unknown> };
  result?: {
    score?: { scaled: number; raw?: number; min?: number; max?: number };
    success?: boolean;
    completion?: boolean;
    duration?: string;
    response?: string;
    extensions?: Record<string, string>;
  };
  context: {
    registration: string;
    contextActivities: Record<string, { id: string }[]>;
    extensions: Record<string, unknown>;
  };
  timestamp: string;
  /** Added by the fake: the session that sent it. */
  session?: number;
}

interface Session {
  n: number;
  id: string;
  mode: LaunchMode;
  token: string;
  fetched: number;
  prefs: boolean;
  initialized: boolean;
  terminated: boolean;
  verbs: string[];
}

/**
 * What the fake needs of a request it answers: Playwright's `Route` has it, and so does the
 * bench's own browser client (bench/cdp.ts), which times launches without Playwright.
 */
export interface LrsRoute {
  request(): { url(): string; method(): string; headers(): Record<string, string>; postData(): string | null };
  fulfill(answer: { status?: number; json?: unknown; body?: string; contentType?: string }): Promise<void>;
}

const actor = { objectType: 'Agent', name: 'Dana Reyes', account: { homePage: 'https://lms.test', name: 'learner-42' } };

export class FakeLrs {
  readonly origin: string;
  readonly registration = 'c0ffee00-0000-4000-8000-000000000042';
  /** The AU as this LMS names it (the object of cmi5 defined statements). */
  readonly auId = 'https://lms.test/course/7/au/0';
  readonly publisherAuId = cmi5Ids('spine-stem-cell-course').au;
  readonly masteryScore = 0.8;
  readonly returnUrl: string;
  readonly statements: Statement[] = [];
  readonly violations: string[] = [];
  /** Every request the AU made, in order: `METHOD path` (and the state id). */
  readonly requests: string[] = [];
  readonly state = new Map<string, string>();
  /** While positive, each statements POST and state PUT is answered 503 (and counted down). */
  failWrites = 0;
  private sessions: Session[] = [];
  private registrationVerbs = new Set<string>();

  constructor(base: string) {
    this.origin = base;
    this.returnUrl = `${base}/lms-return`;
  }

  get session(): Session {
    const s = this.sessions.at(-1);
    if (!s) throw new Error('no session launched');
    return s;
  }

  /** The URL prefixes this LMS answers under its origin. */
  get prefixes(): string[] {
    return [`${this.origin}/lrs/`, `${this.origin}/lms-fetch/`, `${this.origin}/lms-return`];
  }

  /** Registers the routes on the page (once per page). */
  async install(page: Page): Promise<void> {
    for (const prefix of this.prefixes) await page.route(`${prefix}**`, (route) => this.answer(route));
  }

  /** Answers one request to the LRS, the fetch URL or the return URL. */
  answer(route: LrsRoute): Promise<void> {
    const url = route.request().url();
    if (url.startsWith(`${this.origin}/lrs/`)) return this.handle(route);
    if (url.startsWith(`${this.origin}/lms-fetch/`)) return this.fetchUrl(route);
    return route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>LMS</title><h1>Back in the LMS</h1>' });
  }

  /** Starts a new session (LMS.LaunchData with a new session id) and returns the AU's launch URL. */
  launchUrl(mode: LaunchMode = 'Normal', course = `${this.origin}/cmi5/index.html`): string {
    const n = this.sessions.length + 1;
    this.sessions.push({
      n,
      id: `session-${n}`,
      mode,
      token: '',
      fetched: 0,
      prefs: false,
      initialized: false,
      terminated: false,
      verbs: [],
    });
    this.state.set(
      'LMS.LaunchData',
      JSON.stringify({
        contextTemplate: { contextActivities: { grouping: [{ id: this.publisherAuId }] }, extensions: { [SESSION_ID]: `session-${n}` } },
        launchMode: mode,
        launchMethod: 'AnyWindow',
        moveOn: 'CompletedAndPassed',
        masteryScore: this.masteryScore,
        returnURL: this.returnUrl,
      }),
    );
    const q = new URLSearchParams({
      endpoint: `${this.origin}/lrs/`,
      fetch: `${this.origin}/lms-fetch/${n}`,
      actor: JSON.stringify(actor),
      registration: this.registration,
      activityId: this.auId,
    });
    return `${course}?${q}`;
  }

  /** The verbs stored, in order (last part of the IRI), optionally of one session only. */
  verbs(session?: number): string[] {
    return this.statements.filter((s) => session === undefined || s.session === session).map((s) => s.verb.id.replace(/.*\//, ''));
  }

  private violate(id: string, why: string): string {
    const text = `${id} ${why}`;
    this.violations.push(text);
    return text;
  }

  private async fetchUrl(route: LrsRoute): Promise<void> {
    const n = Number(route.request().url().replace(/.*\//, ''));
    const s = this.sessions.find((x) => x.n === n);
    if (!s || route.request().method() !== 'POST') return route.fulfill({ status: 400 });
    s.fetched++;
    // cmi5 8.2.3: the fetch URL answers once; a second fetch is an error.
    if (s.fetched > 1) {
      this.violate('8.2.3.0-2', 'fetch URL used twice');
      return route.fulfill({ status: 401, json: { 'error-code': '1', 'error-text': 'already in use' } });
    }
    s.token = `token-${n}`;
    await route.fulfill({ json: { 'auth-token': s.token } });
  }

  private async handle(route: LrsRoute): Promise<void> {
    const req = route.request();
    const url = new URL(req.url());
    const path = url.pathname.replace(/^\/lrs\//, '');
    // A closing page's last requests may arrive after the next launch: each is judged by its own session's token.
    const s = this.sessions.find((x) => x.token && req.headers()['authorization'] === `Basic ${x.token}`) ?? this.session;
    this.requests.push(`${s.n} ${req.method()} ${path}${url.searchParams.get('stateId') ? ` ${url.searchParams.get('stateId')}` : ''}`);
    if (req.headers()['authorization'] !== `Basic ${s.token}` || !s.token)
      return route.fulfill({ status: 401, body: this.violate('8.1.2.0-2', `${req.method()} ${path} without the session's token`) });
    if (s.terminated) return route.fulfill({ status: 401, body: this.violate('8.1.2.0-2', `${req.method()} ${path} after terminated`) });
    if (req.headers()['x-experience-api-version'] !== '1.0.3') this.violate('xAPI', 'X-Experience-API-Version missing');
    if (path === 'agents/profile') {
      if (url.searchParams.get('profileId') === 'cmi5LearnerPreferences') s.prefs = true;
      return route.fulfill({ status: 404 });
    }
    if (path === 'activities/state') {
      const agent = JSON.parse(url.searchParams.get('agent') ?? 'null') as unknown;
      if (JSON.stringify(agent) !== JSON.stringify(actor)) this.violate('8.1.3.0-3', 'state request for another agent');
      if (url.searchParams.get('registration') !== this.registration) this.violate('8.1.4.0-3', 'state request without the registration');
      const id = url.searchParams.get('stateId') ?? '';
      if (req.method() === 'GET') {
        const doc = this.state.get(id);
        return doc === undefined ? route.fulfill({ status: 404 }) : route.fulfill({ contentType: 'application/json', body: doc });
      }
      if (id === 'LMS.LaunchData') return route.fulfill({ status: 403, body: this.violate('10.2.1.0-5', 'LMS.LaunchData written') });
      if (s.mode !== 'Normal') this.violate('course', `state ${id} written in ${s.mode} mode`);
      if (this.failWrites > 0) {
        this.failWrites--;
        return route.fulfill({ status: 503 });
      }
      this.state.set(id, req.postData() ?? '');
      return route.fulfill({ status: 204 });
    }
    if (path === 'statements' && req.method() === 'POST') {
      if (this.failWrites > 0) {
        this.failWrites--;
        return route.fulfill({ status: 503 });
      }
      const body = JSON.parse(req.postData() ?? '[]') as Statement | Statement[];
      const list = Array.isArray(body) ? body : [body];
      for (const st of list) {
        const broken = this.check(st, s);
        if (broken) return route.fulfill({ status: 403, json: { violatedReqId: broken } });
        this.statements.push({ ...st, session: s.n });
      }
      return route.fulfill({ json: list.map((x) => x.id) });
    }
    return route.fulfill({ status: 400, body: this.violate('xAPI', `unexpected ${req.method()} ${path}`) });
  }

  /** The cts's checks of one statement (CATAPULT player/service/plugins/routes/lrs.js), in its order. */
  private check(st: Statement, s: Session): string | null {
    const v = (id: string, why: string) => this.violate(id, `${why} (${st.verb?.id})`);
    if (!s.prefs) return v('11.0.0.0-3', 'learner preferences not read before the first statement');
    if (!st.id) return v('9.1.0.0-1', 'no id');
    if (!st.timestamp) return v('9.7.0.0-1', 'no timestamp');
    if (!/(Z|\+00:?(?:00)?)$/.test(st.timestamp)) return v('9.7.0.0-2', 'timestamp not UTC');
    if (JSON.stringify(st.actor) !== JSON.stringify(actor)) return v('8.1.3.0-3', 'actor differs from the launch');
    if (!st.context?.contextActivities) return v('10.2.1.0-6', 'no contextActivities');
    if (st.context.contextActivities['grouping']?.[0]?.id !== this.publisherAuId)
      return v('10.2.1.0-6', 'grouping differs from the template');
    if (st.context.registration !== this.registration) return v('9.6.1.0-1', 'registration missing or different');
    if (st.context.extensions?.[SESSION_ID] !== s.id) return v('9.6.3.1-4', 'session id missing or different');
    const categories = (st.context.contextActivities['category'] ?? []).map((c) => c.id);
    const defined = categories.includes(CATEGORY_CMI5);
    const verb = st.verb.id;
    if (categories.includes(CATEGORY_MOVEON) && (!defined || ![VERB('passed'), VERB('failed'), VERB('completed')].includes(verb)))
      return v('9.6.2.2-2', 'moveOn category on a statement other than a defined passed, failed or completed');
    if (!s.initialized && verb !== VERB('initialized')) return v('9.3.0.0-4', 'statement before initialized');
    if (s.terminated) return v('9.3.0.0-5', 'statement after terminated');
    if (!defined) return null;
    if (st.object.id !== this.auId) return v('8.1.5.0-6', 'object is not the AU');
    const r = st.result;
    if (s.mode !== 'Normal' && [VERB('passed'), VERB('failed'), VERB('completed')].includes(verb))
      return v(s.mode === 'Browse' ? '10.2.2.0-2' : '10.2.2.0-3', `${verb} in ${s.mode} mode`);
    if (r?.completion !== undefined && verb !== VERB('completed')) return v('9.5.3.0-2', 'completion on another verb');
    if (r?.success !== undefined && verb !== VERB('passed') && verb !== VERB('failed')) return v('9.5.2.0-3', 'success on another verb');
    if (r?.score && verb !== VERB('passed') && verb !== VERB('failed')) return v('9.5.1.0-2', 'score on another verb');
    if (r?.score?.raw !== undefined && (r.score.min === undefined || r.score.max === undefined))
      return v('9.5.1.0-3', 'raw without min/max');
    if (r?.score && st.context.extensions[MASTERY] !== this.masteryScore) return v('9.6.3.2-2', 'masteryscore extension missing');
    if ((r?.completion !== undefined || r?.success !== undefined) && !categories.includes(CATEGORY_MOVEON))
      return v('9.6.2.2-1', 'no moveOn category');
    if ([VERB('terminated'), VERB('completed'), VERB('passed'), VERB('failed')].includes(verb) && !r?.duration)
      return v('9.5.4.1', 'no result.duration');
    const already = (x: string) => s.verbs.includes(VERB(x));
    switch (verb) {
      case VERB('initialized'):
        if (already('initialized')) return v('9.3.0.0-2', 'initialized twice');
        s.initialized = true;
        break;
      case VERB('terminated'):
        s.terminated = true;
        break;
      case VERB('completed'):
        if (r?.completion !== true) return v('9.5.3.0-1', 'completed without completion true');
        if (this.registrationVerbs.has('completed')) return v('9.3.0.0-6', 'completed twice in the registration');
        this.registrationVerbs.add('completed');
        break;
      case VERB('passed'):
        if (r?.success !== true) return v('9.5.2.0-1', 'passed without success true');
        if (r.score && r.score.scaled < this.masteryScore) return v('9.3.4.0-2', 'passed below mastery');
        if (already('failed')) return v('9.3.0.0-3', 'passed after failed in the session');
        if (this.registrationVerbs.has('passed')) return v('9.3.0.0-7', 'passed twice in the registration');
        this.registrationVerbs.add('passed');
        break;
      case VERB('failed'):
        if (r?.success !== false) return v('9.5.2.0-2', 'failed without success false');
        if (r.score && r.score.scaled >= this.masteryScore) return v('9.3.6.0-1', 'failed at or above mastery');
        if (already('failed')) return v('9.3.0.0-2', 'failed twice in the session');
        if (this.registrationVerbs.has('passed')) return v('9.3.0.0-8', 'failed after passed');
        break;
      default:
        return v('9.3.0.0-1', 'unknown cmi5 defined verb');
    }
    s.verbs.push(verb);
    return null;
  }
}
