/**
 * The preview LMS: scorm-again plays the LMS around the packaged course in an
 * iframe, as Moodle's player does. Used by `npm start` and by every browser test.
 * Tests configure it through `window.__lmsConfig` before the page loads.
 *
 * Two profiles: plain scorm-again (the default), and `moodle`, which keeps scorm-again
 * as the API the course talks to but adds what Moodle 5.1 does around it (attempts per
 * learner and activity, review mode, what a launch hands back, what each commit posts,
 * the 1.2 status rewrite, the dismissal beacon's size limit); see moodle-profile.ts.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';
import {
  BEACON_LIMIT,
  MoodlePage,
  MoodleRecords,
  readManifest,
  type LaunchInfo,
  type ManifestValues,
  type MoodleStore,
  type Value,
} from './moodle-profile.ts';

export type Profile = 'scorm-again' | 'moodle';
export type { LaunchInfo };

/** Moodle profile: what a Commit, LMSFinish or Terminate posted to Moodle's datamodel.php. */
export interface MoodleRequestLog {
  /** Elements posted (dotted names), in order. */
  sent: string[];
  /** Size of the request as a `sendBeacon` multipart body. */
  beaconBytes: number;
  /** Made while the host was removing the course frame: sent by `sendBeacon`. */
  beacon: boolean;
  /** The values reached Moodle's database. */
  stored: boolean;
}

export interface LmsCall {
  fn: string;
  args: unknown[];
  result: unknown;
  error: string;
  launch: number;
  /** performance.now() of the host page when the call returned. */
  t: number;
  threw?: string;
  /** Moodle profile only, on Commit/LMSCommit/LMSFinish/Terminate that reached StoreData. */
  request?: MoodleRequestLog;
}

export interface HostConfig {
  /** Flattened CMI to preload, e.g. `{ 'cmi.core.entry': 'resume' }` (first launch only). */
  cmi?: Record<string, string>;
  /** Number of commits (Terminate's included) that fail with error 391 before they succeed. */
  failCommits?: number;
  /** The LMS answers "false" to Initialize: always, or to the first N calls. */
  refuseInitialize?: boolean | number;
  /** Do not expose an API at all. */
  noApi?: boolean;
  /** Keep the LMS data in localStorage across page loads (the interactive preview). */
  persist?: boolean;
  /** `moodle`: Moodle 5.1's attempts, modes and storage rules. Default: plain scorm-again. */
  profile?: Profile;
  /** Moodle profile: the activity launched first (each has its own URL path and records). Default `main`. */
  activity?: string;
  /** Moodle profile: the learner's username (cmi.core.student_id / cmi.learner_id). Default `pnurse`. */
  learnerId?: string;
}

/** Faults of a real Moodle that the Moodle profile can play (tests, and the preview by hand). */
export interface MoodleFaults {
  /**
   * The learner's Moodle session ended (a timeout, an administrator): datamodel.php answers with
   * the login page, which the player reports as "false", error 101; nothing is stored.
   */
  endSession(): void;
  /**
   * The learner logs in again: Moodle's login page clears the site's whole localStorage
   * (core/storage_validation). The preview's own records stand for Moodle's database and stay.
   */
  logIn(): void;
  /**
   * A network outage that aborts the player's requests: request.js falls back to sendBeacon and
   * answers "true", error 0, though nothing reaches Moodle (`true`), or the outage ends (`false`).
   */
  dropSaves(on: boolean): void;
}

export interface RelaunchOptions {
  /** Moodle profile: "Start a new attempt" (granted only when the current attempt is finished, as in Moodle). */
  newAttempt?: boolean;
  /** Moodle profile: launch this activity (same package, its own path and records). */
  activity?: string;
  /** Moodle profile: launch as this learner. */
  learnerId?: string;
}

export interface LmsHandle {
  calls: LmsCall[];
  readonly launches: number;
  version: '12' | '2004';
  profile: Profile;
  /** The live CMI of the current launch, as scorm-again holds it. */
  cmi: () => Record<string, unknown>;
  /** Closes the course (the course sees pagehide) and launches it again. */
  relaunch: (overrides?: Record<string, string>, opts?: RelaunchOptions) => Promise<void>;
  closeCourse: () => void;
  /** Moodle profile: an administrator deletes an attempt (default: the current one). */
  deleteAttempt: (attempt?: number) => void;
  /** What the LMS keeps for the current attempt (Moodle profile: its database record). */
  stored: () => Record<string, string>;
  /** Every attempt's stored record for the current learner and activity, oldest first. */
  attempts: () => Array<Record<string, string>>;
  launchInfo: () => LaunchInfo;
  /** Moodle profile only. */
  faults: MoodleFaults;
}

type Api = Scorm12API | Scorm2004API;

declare global {
  interface Window {
    __lmsConfig?: HostConfig;
    __lms?: LmsHandle;
  }
}

const params = new URLSearchParams(location.search);
const version: '12' | '2004' = params.get('scorm') === '2004' ? '2004' : '12';
const config: HostConfig = window.__lmsConfig ?? { persist: true };
const profile: Profile = config.profile ?? (params.get('profile') === 'moodle' ? 'moodle' : 'scorm-again');
const coursePath = params.get('course') ?? `/scorm${version}/index.html`;
const storeKey = `preview-lms:${version}`;
const moodleKey = `preview-lms:moodle:${version}`;
const calls: LmsCall[] = [];
let launches = 0;
let failuresLeft = config.failCommits ?? 0;
let refusalsLeft = config.refuseInitialize === true ? Infinity : Number(config.refuseInitialize ?? 0);
let refusing = false;
let api: Api;
/** Set while the host removes the course frame: Moodle's player then posts by sendBeacon. */
let dismissing = false;
/**
 * request.js mod_scorm_monitorForBeaconRequirement() also switches the player to sendBeacon
 * when its own page is unloading (beforeunload, unload, pagehide; off again at pageshow)
 * or hidden (visibilitychange): closing or reloading the preview tab, or hiding it.
 */
let hostUnloading = false;
for (const type of ['beforeunload', 'unload', 'pagehide']) window.addEventListener(type, () => (hostUnloading = true));
window.addEventListener('pageshow', () => (hostUnloading = false));
const beaconMode = () => dismissing || hostUnloading || document.visibilityState === 'hidden';
/** An error code the Moodle layer reports instead of scorm-again's, until the next call. */
let errorOverride: string | null = null;
/** Moodle profile faults: the session has ended; saves are aborted but reported as done. */
let sessionEnded = false;
let savesDropped = false;

let activity = config.activity ?? params.get('activity') ?? 'main';
let learnerId = config.learnerId ?? params.get('learner') ?? 'pnurse';
/** Moodle's fullname() with "SCORM standards mode" off (the default): "First Last". */
const LEARNER_NAME = 'Pat Nurse';
const moodleStore: MoodleStore =
  profile === 'moodle' && config.persist ? (JSON.parse(localStorage.getItem(moodleKey) ?? '{}') as MoodleStore) : {};
const records = new MoodleRecords(version, moodleStore);
/** The Moodle player state of the current launch. */
interface MoodleLaunch {
  page: MoodlePage;
  info: LaunchInfo;
}
let current: MoodleLaunch | undefined;

/** Set when the course is reopened after an edit: it goes back to where the author was. */
let continueAfterLaunch = false;

/** Like Moodle's pluginfile.php/<context>/mod_scorm/content/<revision>/: each activity has its own path. */
function courseUrl(): string {
  const url = profile === 'moodle' && coursePath.startsWith('/') ? `/activity/${encodeURIComponent(activity)}${coursePath}` : coursePath;
  return continueAfterLaunch ? `${url}#continue` : url;
}

const NOT_KEPT = /(\._count|\._children|\.session_time|\.exit|\.entry|_version|\.total_time)$/;

/** What an LMS keeps between sessions, as a preload for the next launch (scorm-again profile). */
function carryOver(flat: Record<string, unknown>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(flat)) {
    // Empty lists flatten to objects; only real values are carried over.
    if (!NOT_KEPT.test(k) && (typeof v === 'string' || typeof v === 'number') && v !== '') out[k] = String(v);
  }
  const exit = String(flat[version === '12' ? 'cmi.core.exit' : 'cmi.exit'] ?? '');
  out[version === '12' ? 'cmi.core.entry' : 'cmi.entry'] = exit === 'suspend' ? 'resume' : '';
  return out;
}

async function manifest(): Promise<ManifestValues> {
  try {
    return readManifest(await (await fetch(new URL('imsmanifest.xml', new URL(courseUrl(), location.href)))).text());
  } catch {
    return { objectiveIds: [] };
  }
}

async function manifestDefaults(): Promise<Record<string, string>> {
  // Like Moodle, pass the manifest's pass mark to the course.
  const m = await manifest();
  const out: Record<string, string> = {};
  if (version === '12' && m.masteryScore) out['cmi.student_data.mastery_score'] = m.masteryScore;
  if (version === '2004' && m.scaledPassingScore) out['cmi.scaled_passing_score'] = m.scaledPassingScore;
  return out;
}

function createApi(preload: Record<string, string>): Api {
  const httpService = {
    processHttpRequest() {
      if (failuresLeft > 0) {
        failuresLeft--;
        return { result: 'false', errorCode: 391 };
      }
      return { result: 'true', errorCode: 0 };
    },
    updateSettings() {},
  };
  const settings = {
    logLevel: 5 as const,
    autocommit: false,
    ...(config.failCommits ? { lmsCommitUrl: '/commit', httpService } : { lmsCommitUrl: false }),
  };
  const lms = version === '12' ? new Scorm12API(settings) : new Scorm2004API(settings);
  lms.loadFromFlattenedJSON(preload);
  return lms;
}

/** datamodelurlparams of Moodle's player (id, a, sesskey, attempt, scoid): part of every request's size. */
function moodleUrlParams(attempt: number): string {
  return `id=42&a=7&sesskey=k3Jd9sPq2Z&attempt=${attempt}&scoid=14`;
}

const ARRAY_ELEMENT = /^cmi\.(objectives|interactions|comments_from_learner)\.\d+\./;

/** Moodle's launch decision and the values it hands over, turned into a scorm-again preload. */
async function moodleLaunch(overrides: Record<string, string>, newAttempt: boolean): Promise<Record<string, string>> {
  reloadStore();
  const l = records.launch({ learnerId, learnerName: LEARNER_NAME, activity, newAttempt, manifest: await manifest() });
  // Overrides stand for values the LMS returned (tests): the page treats them as already stored.
  for (const [k, v] of Object.entries(overrides)) {
    if (ARRAY_ELEMENT.test(k)) l.arrays[k] = v;
    else l.def[k] = v;
  }
  current = { page: new MoodlePage(version, l.def, l.arrays, moodleUrlParams(l.info.attempt)), info: l.info };
  persist();
  const preload: Record<string, string> = {};
  const all: Record<string, Value> = { ...l.def, ...l.arrays };
  for (const [k, v] of Object.entries(all)) {
    if (k === 'cmi.core.exit' || k === 'cmi.exit') continue; // write-only: the course cannot read it
    if (typeof v === 'number') continue; // Moodle's unstored 2004 preference defaults: keep scorm-again's
    if (v === '' && !k.endsWith('.entry')) continue; // keep scorm-again's initial values (e.g. "not attempted")
    preload[k] = v;
  }
  return preload;
}

/**
 * With `persist`, the Moodle profile's records live in localStorage, shared by every preview
 * page of the origin as Moodle's database is shared by a learner's tabs: each launch and save
 * starts from what is stored now, not from what this page read when it opened.
 */
function reloadStore(): void {
  if (profile !== 'moodle' || !config.persist) return;
  const latest = JSON.parse(localStorage.getItem(moodleKey) ?? '{}') as MoodleStore;
  for (const k of Object.keys(moodleStore)) delete moodleStore[k];
  Object.assign(moodleStore, latest);
}

function persist(): void {
  if (!config.persist) return;
  if (profile === 'moodle') localStorage.setItem(moodleKey, JSON.stringify(moodleStore));
  else localStorage.setItem(storeKey, JSON.stringify(carryOver(api.getFlattenedCMI())));
}

const COMMITS = /^(LMSCommit|LMSFinish|Commit|Terminate)$/;
const ERROR_READS = /^(LMS)?(GetLastError|GetErrorString|GetDiagnostic)$/;

/**
 * A Commit/LMSFinish/Terminate in the Moodle profile: scorm_12.js / scorm_13.js StoreData()
 * posts the collected values; during dismissal request.js sends them by sendBeacon, which
 * Chromium refuses over 64 KB (the API then answers "false", error 101, nothing stored).
 */
function moodleCommit(
  t: Api,
  fn: string,
  apply: () => unknown,
  ctx: MoodleLaunch,
): { result: unknown; error: string; request?: MoodleRequestLog } {
  // Moodle reaches StoreData only in a live session (the caller has checked the "" argument).
  if (!t.isInitialized() || t.isTerminated()) {
    const result = apply();
    return { result, error: t.lastErrorCode };
  }
  const finishing = fn === 'LMSFinish' || fn === 'Terminate';
  const req = ctx.page.collect(finishing);
  const beacon = beaconMode();
  // An ended session gets the login page back: the player reports false/101 (request.js).
  const refused = (beacon && req.beaconBytes > BEACON_LIMIT) || sessionEnded;
  // Moodle's 2004 Terminate stays initialized after a failed request; 1.2's LMSFinish has
  // already ended the session before posting, so scorm-again may end it too.
  const result = refused && fn === 'Terminate' ? 'false' : apply();
  const ok = !refused && result === 'true';
  if (ok && !savesDropped) {
    // Another tab of the same learner may have saved meanwhile: Moodle's database is one, shared.
    reloadStore();
    records.save(ctx.info.learnerId, ctx.info.activity, ctx.info.attempt, req.values);
    persist();
  }
  if (refused) errorOverride = '101';
  const request = { sent: req.values.map(([k]) => k), beaconBytes: req.beaconBytes, beacon, stored: ok && !savesDropped };
  return { result: refused ? 'false' : result, error: refused ? '101' : t.lastErrorCode, request };
}

/** Wraps the API the course sees so that every call, with its result and error code, is logged. */
function observed(target: Api, launch: number, ctx: MoodleLaunch | undefined): Api {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string' || !/^(LMS)?[A-Z]/.test(prop)) return value;
      return (...args: unknown[]) => {
        if (!ERROR_READS.test(prop)) errorOverride = null;
        if (/Initialize$/.test(prop)) refusing = refusalsLeft-- > 0;
        if (refusing && /Initialize$/.test(prop)) {
          calls.push({ fn: prop, args, result: 'false', error: '101', launch, t: performance.now() });
          return 'false';
        }
        const apply = () => (value as (...a: unknown[]) => unknown).apply(t, args);
        let result: unknown;
        let error: string;
        let request: MoodleRequestLog | undefined;
        try {
          if (ctx && COMMITS.test(prop) && args[0] === '') ({ result, error, request } = moodleCommit(t, prop, apply, ctx));
          else {
            result = apply();
            error = t.lastErrorCode;
          }
        } catch (err) {
          calls.push({ fn: prop, args, result: undefined, error: t.lastErrorCode, launch, t: performance.now(), threw: String(err) });
          throw err;
        }
        if (ctx && /SetValue$/.test(prop) && result === 'true') ctx.page.set(String(args[0]), String(args[1]));
        const override = /GetLastError$/.test(prop) ? (refusing ? '101' : errorOverride) : null;
        if (override) {
          result = override;
          error = override;
        }
        calls.push({ fn: prop, args, result, error, launch, t: performance.now(), ...(request ? { request } : {}) });
        if (!ctx && COMMITS.test(prop)) persist();
        schedulePanel();
        return result;
      };
    },
  });
}

/**
 * Removes the course frame. The course's pagehide handler runs during the removal, so
 * the calls it makes are flagged as made during dismissal (Moodle: sendBeacon).
 */
function dismiss(): void {
  const frame = document.getElementById('frame');
  if (!frame) return;
  dismissing = true;
  try {
    frame.remove();
  } finally {
    dismissing = false;
  }
}

async function launch(preload: Record<string, string>, newAttempt = false): Promise<void> {
  launches++;
  dismiss(); // fires pagehide in the course
  let full: Record<string, string>;
  if (profile === 'moodle') {
    full = await moodleLaunch(preload, newAttempt);
  } else {
    const core = version === '12' ? 'cmi.core.' : 'cmi.';
    const learner = version === '12' ? 'cmi.core.student_name' : 'cmi.learner_name';
    full = {
      ...(await manifestDefaults()),
      [learner]: 'Nurse, Pat',
      [`${core}entry`]: 'ab-initio',
      [`${core}credit`]: 'credit',
      ...preload,
    };
  }
  api = createApi(full);
  const w = window as unknown as Record<string, unknown>;
  delete w.API;
  delete w.API_1484_11;
  if (!config.noApi) w[version === '12' ? 'API' : 'API_1484_11'] = observed(api, launches, profile === 'moodle' ? current : undefined);
  const frame = document.createElement('iframe');
  frame.id = 'frame';
  frame.name = 'course';
  frame.title = 'Course';
  frame.src = courseUrl();
  document.getElementById('slot')?.append(frame);
  schedulePanel();
}

function launchInfo(): LaunchInfo {
  if (profile === 'moodle' && current) return { ...current.info };
  const flat = api.getFlattenedCMI();
  const get = (k12: string, k2004: string) => String(flat[version === '12' ? k12 : k2004] ?? '');
  const mode = get('cmi.core.lesson_mode', 'cmi.mode') === 'review' ? 'review' : 'normal';
  return {
    mode,
    credit: get('cmi.core.credit', 'cmi.credit') === 'no-credit' ? 'no-credit' : 'credit',
    entry: get('cmi.core.entry', 'cmi.entry'),
    activity,
    attempt: 1,
    learnerId,
  };
}

function stored(): Record<string, string> {
  if (profile !== 'moodle') return carryOver(api.getFlattenedCMI());
  reloadStore();
  return current ? { ...records.record(current.info.learnerId, current.info.activity, current.info.attempt) } : {};
}

function attempts(): Array<Record<string, string>> {
  if (profile !== 'moodle') return [stored()];
  return current ? records.attempts(current.info.learnerId, current.info.activity).map((a) => ({ ...a.record })) : [];
}

let panelQueued = false;
/**
 * The panel is the preview's own display: it is drawn when the page is idle, so that it does
 * not take the main thread, which the course frame shares, from a course that is launching.
 */
const whenIdle = (draw: () => void) =>
  typeof requestIdleCallback === 'function' ? requestIdleCallback(draw, { timeout: 500 }) : setTimeout(draw, 50);
function schedulePanel(): void {
  if (panelQueued) return;
  panelQueued = true;
  whenIdle(() => {
    panelQueued = false;
    const table = (rows: Array<[string, unknown]>) =>
      rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(String(v))}</td></tr>`).join('');
    const flat = api.getFlattenedCMI();
    (document.getElementById('cmi') as HTMLElement).innerHTML = table(
      Object.entries(flat).filter(([, v]) => v !== '' && v != null && typeof v !== 'object'),
    );
    (document.getElementById('calls') as HTMLElement).innerHTML = calls
      .slice(-60)
      .reverse()
      .map((c) => {
        const req = c.request
          ? ` <small>${c.request.beacon ? 'beacon ' : ''}${c.request.sent.length} values, ${c.request.beaconBytes} B${c.request.stored ? '' : ', not stored'}</small>`
          : '';
        return `<tr><td>${esc(c.fn)}(${esc(c.args.map((a) => JSON.stringify(a)).join(', '))})</td><td class="${c.error !== '0' ? 'bad' : ''}">${esc(String(c.result))}${c.error !== '0' ? ` [${esc(c.error)}]` : ''}${req}</td></tr>`;
      })
      .join('');
    const state = document.getElementById('state') as HTMLElement;
    if (profile === 'moodle' && current) {
      const i = current.info;
      state.textContent = `launch ${launches} · Moodle 5.1 · activity ${i.activity} · attempt ${i.attempt} · ${i.mode}${i.mode === 'review' ? ' (no-credit: nothing should be recorded)' : ''}`;
      (document.getElementById('stored') as HTMLElement).innerHTML = table(Object.entries(stored()));
    } else {
      state.textContent = `launch ${launches}`;
    }
  });
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Closes the course and opens it again with what the LMS kept (and any `overrides`, for tests). */
async function relaunch(overrides: Record<string, string> = {}, opts: RelaunchOptions = {}): Promise<void> {
  dismiss();
  await new Promise((r) => setTimeout(r, 0));
  if (profile === 'moodle') {
    if (opts.activity) activity = opts.activity;
    if (opts.learnerId) learnerId = opts.learnerId;
    await launch(overrides, opts.newAttempt ?? false);
  } else {
    await launch({ ...carryOver(api.getFlattenedCMI()), ...overrides });
  }
}

function deleteAttempt(attempt?: number): void {
  if (profile !== 'moodle' || !current) return;
  records.deleteAttempt(current.info.learnerId, current.info.activity, attempt ?? current.info.attempt);
  persist();
  schedulePanel();
}

// The preview bar: links keep the other setting, and the Moodle controls show only in that profile.
const query = (over: Record<string, string | null>) => {
  const q = new URLSearchParams(location.search);
  for (const [k, v] of Object.entries(over)) {
    if (v === null) q.delete(k);
    else q.set(k, v);
  }
  return `?${q.toString()}`;
};
(document.getElementById('version') as HTMLElement).textContent = version === '12' ? 'SCORM 1.2' : 'SCORM 2004 4th edition';
(document.getElementById('profile') as HTMLElement).textContent = profile === 'moodle' ? 'Moodle 5.1 rules' : 'plain scorm-again';
document.getElementById('v12')?.setAttribute('href', query({ scorm: '12' }));
document.getElementById('v2004')?.setAttribute('href', query({ scorm: '2004' }));
const toggle = document.getElementById('profile-toggle');
toggle?.setAttribute('href', query({ profile: profile === 'moodle' ? null : 'moodle', activity: null }));
if (toggle) toggle.textContent = profile === 'moodle' ? 'Switch to plain scorm-again' : 'Switch to Moodle 5.1 rules';
for (const el of document.querySelectorAll<HTMLElement>('.moodle-only')) el.hidden = profile !== 'moodle';
document.getElementById('relaunch')?.addEventListener('click', () => void relaunch());
document.getElementById('new-attempt')?.addEventListener('click', () => void relaunch({}, { newAttempt: true }));
document.getElementById('delete-attempt')?.addEventListener('click', () => {
  dismiss(); // first, so the course's last Terminate does not recreate the attempt
  deleteAttempt();
  void relaunch();
});
const activityPicker = document.getElementById('activity') as HTMLSelectElement | null;
if (activityPicker) {
  if (![...activityPicker.options].some((o) => o.value === activity)) activityPicker.add(new Option(activity, activity));
  activityPicker.value = activity;
  activityPicker.addEventListener('change', () => void relaunch({}, { activity: activityPicker.value }));
}
document.getElementById('reset')?.addEventListener('click', () => {
  dismiss();
  localStorage.removeItem(storeKey);
  localStorage.removeItem(moodleKey);
  for (const k of Object.keys(moodleStore)) delete moodleStore[k];
  void launch({});
});

window.__lms = {
  calls,
  version,
  profile,
  get launches() {
    return launches;
  },
  cmi: () => api.getFlattenedCMI(),
  relaunch: (overrides, opts) => relaunch(overrides, opts),
  closeCourse: () => dismiss(),
  deleteAttempt,
  stored,
  attempts,
  launchInfo,
  faults: {
    endSession: () => {
      sessionEnded = true;
      schedulePanel();
    },
    logIn: () => {
      sessionEnded = false;
      const keep = Object.keys(localStorage).filter((k) => k.startsWith('preview-lms:'));
      const kept = keep.map((k) => [k, localStorage.getItem(k) ?? ''] as const);
      localStorage.clear();
      for (const [k, v] of kept) localStorage.setItem(k, v);
    },
    dropSaves: (on) => {
      savesDropped = on;
    },
  },
};

/**
 * Under `npm start` the server reports each rebuild: a good one reopens the course where the
 * author was (a relaunch, so the LMS data carries over); a failed one shows its errors, with
 * file and line, over the last good build. Elsewhere (tests, a static copy) there is no
 * status to read, and nothing happens.
 */
async function followBuilds(): Promise<void> {
  let seen: number | null = null;
  for (;;) {
    let status: { build: number; problems: string[]; watch?: string | null };
    try {
      const res = await fetch('/__preview/status', { cache: 'no-store' });
      if (!res.ok) return;
      status = (await res.json()) as typeof status;
    } catch {
      if (seen === null) return;
      await new Promise((r) => setTimeout(r, 2000));
      continue;
    }
    const box = document.getElementById('build-errors');
    const list = document.getElementById('build-error-list');
    if (box && list) {
      box.hidden = status.problems.length === 0;
      list.innerHTML = status.problems.map((p) => `<li>${esc(p)}</li>`).join('');
    }
    const notice = document.getElementById('watch-notice');
    if (notice) {
      notice.hidden = !status.watch;
      notice.textContent = status.watch ?? '';
    }
    if (seen !== null && status.build > seen && !status.problems.length) {
      continueAfterLaunch = true;
      await relaunch();
      continueAfterLaunch = false;
    }
    seen = status.build;
    await new Promise((r) => setTimeout(r, 700));
  }
}

void followBuilds();

if (profile === 'moodle') {
  void launch(config.cmi ?? {});
} else {
  const kept = config.persist ? localStorage.getItem(storeKey) : null;
  void launch({ ...(kept ? (JSON.parse(kept) as Record<string, string>) : {}), ...(config.cmi ?? {}) });
}
