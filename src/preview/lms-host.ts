/**
 * The preview LMS: scorm-again plays the LMS around the packaged course in an
 * iframe, as Moodle's player does. Used by `npm start` and by every browser test.
 * Tests configure it through `window.__lmsConfig` before the page loads.
 */
import { Scorm12API, Scorm2004API } from 'scorm-again';

export interface LmsCall {
  fn: string;
  args: unknown[];
  result: unknown;
  error: string;
  launch: number;
  /** performance.now() of the host page when the call returned. */
  t: number;
  threw?: string;
}

export interface HostConfig {
  /** Flattened CMI to preload, e.g. `{ 'cmi.core.entry': 'resume' }`. */
  cmi?: Record<string, string>;
  /** Number of commits (Terminate's included) that fail with error 391 before they succeed. */
  failCommits?: number;
  /** The LMS answers "false" to Initialize: always, or to the first N calls. */
  refuseInitialize?: boolean | number;
  /** Do not expose an API at all. */
  noApi?: boolean;
  /** Keep the LMS data in localStorage across page loads (the interactive preview). */
  persist?: boolean;
}

type Api = Scorm12API | Scorm2004API;

declare global {
  interface Window {
    __lmsConfig?: HostConfig;
    __lms?: {
      calls: LmsCall[];
      launches: number;
      version: '12' | '2004';
      cmi: () => Record<string, unknown>;
      relaunch: (overrides?: Record<string, string>) => Promise<void>;
      closeCourse: () => void;
    };
  }
}

const params = new URLSearchParams(location.search);
const version: '12' | '2004' = params.get('scorm') === '2004' ? '2004' : '12';
const config: HostConfig = window.__lmsConfig ?? { persist: true };
const courseUrl = params.get('course') ?? `/scorm${version}/index.html`;
const storeKey = `preview-lms:${version}`;
const calls: LmsCall[] = [];
let launches = 0;
let failuresLeft = config.failCommits ?? 0;
let refusalsLeft = config.refuseInitialize === true ? Infinity : Number(config.refuseInitialize ?? 0);
let refusing = false;
let api: Api;

const NOT_KEPT = /(\._count|\._children|\.session_time|\.exit|\.entry|_version|\.total_time)$/;

/** What an LMS keeps between sessions, as a preload for the next launch. */
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

async function manifestDefaults(): Promise<Record<string, string>> {
  // Like Moodle, pass the manifest's pass mark to the course.
  try {
    const xml = await (await fetch(new URL('imsmanifest.xml', new URL(courseUrl, location.href)))).text();
    const out: Record<string, string> = {};
    const mastery = /<adlcp:masteryscore>\s*([\d.]+)\s*</.exec(xml)?.[1];
    const measure = /<imsss:minNormalizedMeasure>\s*([-\d.]+)\s*</.exec(xml)?.[1];
    if (version === '12' && mastery) out['cmi.student_data.mastery_score'] = mastery;
    if (version === '2004' && measure) out['cmi.scaled_passing_score'] = measure;
    return out;
  } catch {
    return {};
  }
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

/** Wraps the API the course sees so that every call, with its result and error code, is logged. */
function observed(target: Api, launch: number): Api {
  return new Proxy(target, {
    get(t, prop, receiver) {
      const value = Reflect.get(t, prop, receiver) as unknown;
      if (typeof value !== 'function' || typeof prop !== 'string' || !/^(LMS)?[A-Z]/.test(prop)) return value;
      return (...args: unknown[]) => {
        if (/Initialize$/.test(prop)) refusing = refusalsLeft-- > 0;
        if (refusing && /Initialize$/.test(prop)) {
          calls.push({ fn: prop, args, result: 'false', error: '101', launch, t: performance.now() });
          return 'false';
        }
        let result: unknown;
        try {
          result = (value as (...a: unknown[]) => unknown).apply(t, args);
        } catch (err) {
          calls.push({ fn: prop, args, result: undefined, error: t.lastErrorCode, launch, t: performance.now(), threw: String(err) });
          throw err;
        }
        const error = refusing && /GetLastError$/.test(prop) ? '101' : t.lastErrorCode;
        calls.push({ fn: prop, args, result, error, launch, t: performance.now() });
        if (/Commit|Finish|Terminate/.test(prop)) save();
        schedulePanel();
        return refusing && /GetLastError$/.test(prop) ? '101' : result;
      };
    },
  });
}

function save(): void {
  if (config.persist) localStorage.setItem(storeKey, JSON.stringify(carryOver(api.getFlattenedCMI())));
}

async function launch(preload: Record<string, string>): Promise<void> {
  launches++;
  document.getElementById('frame')?.remove(); // fires pagehide in the course
  const core = version === '12' ? 'cmi.core.' : 'cmi.';
  const learner = version === '12' ? 'cmi.core.student_name' : 'cmi.learner_name';
  api = createApi({
    ...(await manifestDefaults()),
    [learner]: 'Nurse, Pat',
    [`${core}entry`]: 'ab-initio',
    [`${core}credit`]: 'credit',
    ...preload,
  });
  const w = window as unknown as Record<string, unknown>;
  delete w.API;
  delete w.API_1484_11;
  if (!config.noApi) w[version === '12' ? 'API' : 'API_1484_11'] = observed(api, launches);
  const frame = document.createElement('iframe');
  frame.id = 'frame';
  frame.title = 'Course';
  frame.src = courseUrl;
  document.getElementById('slot')?.append(frame);
  schedulePanel();
}

let panelQueued = false;
function schedulePanel(): void {
  if (panelQueued) return;
  panelQueued = true;
  requestAnimationFrame(() => {
    panelQueued = false;
    const flat = api.getFlattenedCMI();
    const rows = Object.entries(flat).filter(([, v]) => v !== '' && v != null && typeof v !== 'object');
    (document.getElementById('cmi') as HTMLElement).innerHTML = rows.map(([k, v]) => `<tr><td>${esc(k)}</td><td>${esc(String(v))}</td></tr>`).join('');
    (document.getElementById('calls') as HTMLElement).innerHTML = calls
      .slice(-60)
      .reverse()
      .map((c) => `<tr><td>${esc(c.fn)}(${esc(c.args.map((a) => JSON.stringify(a)).join(', '))})</td><td class="${c.error !== '0' ? 'bad' : ''}">${esc(String(c.result))}${c.error !== '0' ? ` [${esc(c.error)}]` : ''}</td></tr>`)
      .join('');
    (document.getElementById('state') as HTMLElement).textContent = `launch ${launches}`;
  });
}

function esc(s: string): string {
  return s.replace(/[&<>"]/g, (c) => `&#${c.charCodeAt(0)};`);
}

/** Closes the course and opens it again with what the LMS kept (and any `overrides`, for tests). */
async function relaunch(overrides: Record<string, string> = {}): Promise<void> {
  document.getElementById('frame')?.remove();
  await new Promise((r) => setTimeout(r, 0));
  await launch({ ...carryOver(api.getFlattenedCMI()), ...overrides });
}

(document.getElementById('version') as HTMLElement).textContent = version === '12' ? 'SCORM 1.2' : 'SCORM 2004 4th edition';
document.getElementById('relaunch')?.addEventListener('click', () => void relaunch());
document.getElementById('reset')?.addEventListener('click', () => {
  localStorage.removeItem(storeKey);
  void launch({});
});

window.__lms = {
  calls,
  version,
  get launches() {
    return launches;
  },
  cmi: () => api.getFlattenedCMI(),
  relaunch: (overrides) => relaunch(overrides),
  closeCourse: () => document.getElementById('frame')?.remove(),
};

const stored = config.persist ? localStorage.getItem(storeKey) : null;
void launch({ ...(stored ? (JSON.parse(stored) as Record<string, string>) : {}), ...(config.cmi ?? {}) });
