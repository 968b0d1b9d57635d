/**
 * `npm run bench`: size and speed of the packaged course, each figure next to its
 * budget. Writes bench/results.json; exits non-zero when a budget is broken.
 * Not part of `npm test`: timings on shared machines are noisy.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadavg } from 'node:os';
import { gzipSync } from 'node:zlib';
import { chromium, type FrameLocator, type Page } from '@playwright/test';
import { loadCourse } from '../src/content/load-course.ts';
import { courseSequence } from '../src/course/state.ts';
import type { Course } from '../src/course/types.ts';
import { buildPackages } from '../src/package/build-packages.ts';
import { buildPreviewHost } from '../src/preview/build-host.ts';
import type { LmsCall } from '../src/preview/lms-host.ts';
import { serveStatic } from '../src/preview/server.ts';
import { launchOptions } from '../tests/support/browser.ts';
import { FakeLrs, type LrsRoute } from '../tests/support/fake-lrs.ts';
import { PipeBrowser, type Answer } from './cdp.ts';
import { answerShownQuestions } from '../tests/support/learner.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RUNS = Number(process.env.BENCH_RUNS ?? 7);
// An unzipped SCORM package (e.g. a Rise 360 export) launched beside the course, the same way:
// absolute times differ up to 3x between machines, a ratio measured in one run does not.
const REFERENCE = process.env.BENCH_REFERENCE ? resolve(process.env.BENCH_REFERENCE) : null;
/** How many times sooner than the reference the course must reach SCORM Initialize. */
const REFERENCE_RATIO = 5;

interface Row {
  name: string;
  value: number;
  unit: string;
  budget?: number;
  /** The budget is a floor, not a ceiling. */
  atLeast?: boolean;
  note?: string;
}

const withinBudget = (r: Row) => r.budget === undefined || (r.atLeast ? r.value >= r.budget : r.value <= r.budget);

const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? (s[m] as number) : ((s[m - 1] as number) + (s[m] as number)) / 2;
};

interface LaunchTimes {
  /** From the LMS page's navigation to the course frame's: the preview LMS's own share. */
  host: number;
  initialize: number;
  firstHeading: number;
  interactive: number;
}

/**
 * A pause after each timed launch: closing a browser context ends its processes in the
 * background, which on a small machine would otherwise run during the next launch.
 */
const settle = () => new Promise((done) => setTimeout(done, 300));

/** Sets up the preview LMS in each document (as `window.__lmsConfig`), before its own script. */
const LMS_CONFIG = 'window.__lmsConfig = {};';

/**
 * True when a document (the course frame's, or the AU's own) shows a level-1 heading with a box:
 * the first-heading mark stands for a real heading. Looks through open shadow roots.
 */
const HEADING_SHOWN = (doc: string) => `(() => {
  const find = (root) => { for (const el of root.querySelectorAll('*')) {
    if (el.tagName === 'H1' && el.getBoundingClientRect().height > 0) return true;
    if (el.shadowRoot && find(el.shadowRoot)) return true; } return false; };
  return find(${doc});
})()`;

/** The course frame's window, from the preview LMS's page. */
const FRAME = `document.getElementById('frame')?.contentWindow`;

/** One cold launch: ms from the course frame's navigation start to each milestone. */
async function timeLaunch(browser: PipeBrowser, url: string, throttle: number): Promise<LaunchTimes> {
  const page = await browser.newPage(throttle);
  await page.beforeEachDocument(LMS_CONFIG);
  await page.goto(url);
  // Polls from the LMS page, the way a learner's browser is left alone: nothing runs in the
  // course frame but the course.
  await page.waitFor(`${FRAME}?.performance.getEntriesByName('course:first-heading').length || null`);
  await page.waitFor(`${HEADING_SHOWN(`${FRAME}.document`)} || null`);
  const times = await page.waitFor<LaunchTimes>(`(() => {
    const w = ${FRAME};
    const mark = (name) => w.performance.getEntriesByName(name)[0]?.startTime;
    const init = window.__lms?.calls.find((c) => /Initialize$/.test(c.fn))?.t;
    if (mark('course:interactive') === undefined || init === undefined) return null;
    return {
      host: w.performance.timeOrigin - performance.timeOrigin,
      initialize: performance.timeOrigin + init - w.performance.timeOrigin,
      firstHeading: mark('course:first-heading'),
      interactive: mark('course:interactive'),
    };
  })()`);
  await page.close();
  await settle();
  return times;
}

/**
 * One cold cmi5 launch, as a cmi5 LMS opens the AU (its own window) with the test suite's fake
 * LRS answering the page's requests: ms from the AU's navigation start to the first heading and to input.
 */
async function timeCmi5Launch(browser: PipeBrowser, origin: string, throttle: number): Promise<Omit<LaunchTimes, 'host' | 'initialize'>> {
  const page = await browser.newPage(throttle);
  const lrs = new FakeLrs(origin);
  await page.answer(lrs.prefixes, (request) => {
    let answer: Answer = { status: 200 };
    const route: LrsRoute = {
      request: () => ({
        url: () => request.url,
        method: () => request.method,
        headers: () => request.headers,
        postData: () => request.postData ?? null,
      }),
      fulfill: async (a) => {
        const json = a.json !== undefined;
        answer = {
          status: a.status ?? 200,
          contentType: a.contentType ?? (json ? 'application/json' : undefined),
          body: json ? JSON.stringify(a.json) : a.body,
        };
      },
    };
    return lrs.answer(route).then(() => answer);
  });
  await page.goto(lrs.launchUrl());
  await page.waitFor(`performance.getEntriesByName('course:interactive').length || null`);
  await page.waitFor(`${HEADING_SHOWN('document')} || null`);
  const marks = await page.evaluate<{ heading: number; interactive: number }>(`({
    heading: performance.getEntriesByName('course:first-heading')[0]?.startTime ?? NaN,
    interactive: performance.getEntriesByName('course:interactive')[0]?.startTime ?? NaN,
  })`);
  await page.close();
  await settle();
  return { firstHeading: marks.heading, interactive: marks.interactive };
}

/** A reference package's launch entry and SCORM version, read from its manifest. */
function referencePackage(dir: string): { href: string; version: '12' | '2004' } {
  const manifest = readFileSync(join(dir, 'imsmanifest.xml'), 'utf8');
  const sco = /<resource\b[^>]*scorm[Tt]ype="sco"[^>]*>/.exec(manifest)?.[0] ?? '';
  const href = /\shref="([^"]+)"/.exec(sco)?.[1];
  if (!href) throw new Error(`${dir}/imsmanifest.xml: no SCO resource with an href to launch`);
  const schemaVersion = /<schemaversion>\s*([^<]*?)\s*<\/schemaversion>/.exec(manifest)?.[1] ?? '';
  return { href, version: schemaVersion === '1.2' ? '12' : '2004' };
}

/** One cold launch of any package: ms from its frame's navigation start to the SCORM Initialize call. */
async function timeInitialize(browser: PipeBrowser, url: string, throttle: number): Promise<number> {
  const page = await browser.newPage(throttle);
  await page.beforeEachDocument(LMS_CONFIG);
  await page.goto(url);
  const ms = await page.waitFor<number>(`(() => {
    const init = window.__lms?.calls.find((c) => /Initialize$/.test(c.fn))?.t;
    const w = ${FRAME};
    return init === undefined || !w ? null : performance.timeOrigin + init - w.performance.timeOrigin;
  })()`);
  await page.close();
  await settle();
  return ms;
}

/** Completes the whole course as a learner would: every lesson read, every quiz passed, then Exit. */
async function completeCourse(page: Page, frame: FrameLocator, course: Course): Promise<void> {
  await frame.getByRole('button', { name: 'Start the course' }).click();
  for (const location of courseSequence(course)) {
    const [kind, id] = location.split(':');
    const nav = frame.getByRole('navigation');
    if (kind === 'lesson') {
      const lesson = course.lessons.find((l) => l.id === id);
      if (!lesson) continue;
      await nav.getByRole('button', { name: lesson.title, exact: false }).first().click();
      await frame.locator('lesson-view .end').scrollIntoViewIfNeeded();
      await frame.getByText('You have read this lesson.').waitFor();
    } else {
      const quiz = course.quizzes.find((q) => q.id === id);
      if (!quiz) continue;
      await nav.getByRole('button', { name: quiz.title, exact: false }).first().click();
      const start = frame.getByRole('button', { name: 'Start', exact: true });
      if (await start.count()) await start.click();
      await answerShownQuestions(frame, quiz);
      await frame.getByRole('button', { name: 'Submit answers', exact: true }).click();
      // The exam asks for a confirmation first ("Check your answers before submitting").
      if (quiz.feedback === 'after_submit') await frame.getByRole('button', { name: 'Submit answers now' }).click();
      await frame.getByText('You passed.').waitFor();
    }
  }
  await frame.getByRole('button', { name: 'Exit course' }).click();
  await frame.getByRole('heading', { name: 'You have left the course' }).waitFor();
  await page.waitForTimeout(50);
}

/** The whole course once, in Playwright (nothing here is timed): its LMS calls and the heap after. */
async function fullRun(url: string, course: Course) {
  // A browser of its own, started and stopped here, so that it is not running beside the timed launches.
  const browser = await chromium.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), '--enable-precise-memory-info'] });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.addInitScript(() => {
    (window as unknown as { __lmsConfig: object }).__lmsConfig = {};
  });
  await page.goto(url);
  const frame = page.frameLocator('#frame');
  await frame.getByRole('heading', { level: 1 }).waitFor();
  await completeCourse(page, frame, course);
  const calls = await page.evaluate(() => JSON.parse(JSON.stringify(window.__lms?.calls ?? [])) as LmsCall[]);
  const cdp = await context.newCDPSession(page);
  await cdp.send('HeapProfiler.collectGarbage');
  const frameHeap = await page
    .frames()[1]
    ?.evaluate(() => (performance as unknown as { memory?: { usedJSHeapSize: number } }).memory?.usedJSHeapSize ?? NaN);
  await context.close();
  await browser.close();
  return { calls, heap: frameHeap ?? NaN };
}

/** The machine's 1-minute load average: timings on a busy machine are not comparable with a quiet one's. */
const load = () => loadavg()[0]?.toFixed(2) ?? '?';

async function main(): Promise<void> {
  const loadBefore = load();
  const { course } = await loadCourse(ROOT);
  const packages = await buildPackages(ROOT, () => {});
  const host = await buildPreviewHost(ROOT);
  const reference = REFERENCE ? referencePackage(REFERENCE) : null;
  const server = await serveStatic({
    '/': host,
    '/scorm12/': join(ROOT, 'build/scorm12'),
    '/scorm2004/': join(ROOT, 'build/scorm2004'),
    '/cmi5/': join(ROOT, 'build/cmi5'),
    ...(REFERENCE ? { '/reference/': REFERENCE } : {}),
  });
  // Timed launches: no Playwright in the page (cdp.ts says why).
  const pipe = PipeBrowser.launch(launchOptions.executablePath ?? chromium.executablePath(), launchOptions.args ?? []);
  const rows: Row[] = [];
  try {
    for (const p of packages)
      rows.push({
        name: `zip size, ${p.version === 'cmi5' ? 'cmi5' : `SCORM ${p.version}`}`,
        value: p.bytes / 1024,
        unit: 'KB',
        budget: 150,
      });
    const html = readFileSync(join(ROOT, 'build/scorm12/index.html'));
    rows.push({
      name: 'index.html, gzip',
      value: gzipSync(html, { level: 9 }).length / 1024,
      unit: 'KB',
      budget: 120,
      note: `${(html.length / 1024).toFixed(1)} KB raw`,
    });

    for (const version of ['12', '2004'] as const) {
      const url = `${server.url}/?scorm=${version}`;
      const label = version === '12' ? '1.2' : '2004';
      for (const throttle of [1, 4]) {
        const runs: LaunchTimes[] = [];
        await timeLaunch(pipe, url, throttle); // warm-up, not counted
        for (let i = 0; i < RUNS; i++) runs.push(await timeLaunch(pipe, url, throttle));
        const suffix = `${throttle}x CPU, SCORM ${label}`;
        rows.push({
          name: `LMS page → course frame start, ${suffix}`,
          value: median(runs.map((r) => r.host)),
          unit: 'ms',
          note: 'the preview LMS loading, not the course',
        });
        rows.push({ name: `launch → Initialize, ${suffix}`, value: median(runs.map((r) => r.initialize)), unit: 'ms' });
        rows.push({
          name: `launch → first heading, ${suffix}`,
          value: median(runs.map((r) => r.firstHeading)),
          unit: 'ms',
          budget: throttle === 1 ? 120 : 350,
        });
        rows.push({ name: `launch → interactive, ${suffix}`, value: median(runs.map((r) => r.interactive)), unit: 'ms' });
      }
    }

    for (const throttle of [1, 4]) {
      const runs: Awaited<ReturnType<typeof timeCmi5Launch>>[] = [];
      await timeCmi5Launch(pipe, server.url, throttle); // warm-up, not counted
      for (let i = 0; i < RUNS; i++) runs.push(await timeCmi5Launch(pipe, server.url, throttle));
      const suffix = `${throttle}x CPU, cmi5`;
      rows.push({
        name: `launch → first heading, ${suffix}`,
        value: median(runs.map((r) => r.firstHeading)),
        unit: 'ms',
        budget: throttle === 1 ? 120 : 350,
        note: 'the AU in its own window, a fake LRS in the page',
      });
      rows.push({ name: `launch → interactive, ${suffix}`, value: median(runs.map((r) => r.interactive)), unit: 'ms' });
    }

    if (REFERENCE && reference) {
      const name = basename(REFERENCE);
      const label = reference.version === '12' ? '1.2' : '2004';
      if (!existsSync(join(REFERENCE, reference.href)))
        throw new Error(`${REFERENCE}: ${reference.href} (the manifest's launch) is missing`);
      const url = `${server.url}/?scorm=${reference.version}&course=${encodeURIComponent(`/reference/${reference.href}`)}`;
      const courseUrl = `${server.url}/?scorm=${reference.version}`;
      for (const throttle of [1, 4]) {
        // Launches alternate, the course's and the reference's, so a change in the machine's load
        // weighs on both alike.
        const oursRuns: number[] = [];
        const theirsRuns: number[] = [];
        await timeInitialize(pipe, courseUrl, throttle); // warm-ups, not counted
        await timeInitialize(pipe, url, throttle);
        for (let i = 0; i < RUNS; i++) {
          oursRuns.push(await timeInitialize(pipe, courseUrl, throttle));
          theirsRuns.push(await timeInitialize(pipe, url, throttle));
        }
        const theirs = median(theirsRuns);
        const ours = median(oursRuns);
        const suffix = `${throttle}x CPU, SCORM ${label}`;
        rows.push({ name: `reference launch → Initialize, ${suffix}`, value: theirs, unit: 'ms', note: name });
        rows.push({
          name: `sooner to Initialize than the reference, ${suffix}`,
          value: theirs / ours,
          unit: 'x',
          budget: REFERENCE_RATIO,
          atLeast: true,
          note: `${theirs.toFixed(0)} / ${ours.toFixed(0)} ms, launches alternating`,
        });
      }
    }

    // The full runs last, in Playwright (not timed): a browser of theirs does not run beside a timed launch.
    for (const version of ['12', '2004'] as const) {
      const url = `${server.url}/?scorm=${version}`;
      const label = version === '12' ? '1.2' : '2004';
      const { calls, heap } = await fullRun(url, course);
      const countOf = (re: RegExp) => calls.filter((c) => re.test(c.fn)).length;
      // Meaningful events: the first launch, each lesson read, the start of a timed attempt
      // (its deadline must survive a reload), each quiz submitted, the exit.
      const timed = course.quizzes.filter((q) => q.timeLimitMinutes !== null).length;
      const events = 1 + course.lessons.length + timed + course.quizzes.length + 1;
      const suspend = calls.filter((c) => /SetValue$/.test(c.fn) && c.args[0] === 'cmi.suspend_data').map((c) => String(c.args[1]).length);
      rows.push({ name: `JS heap after the whole course, SCORM ${label}`, value: heap / 1024 / 1024, unit: 'MB' });
      rows.push({ name: `Initialize calls, SCORM ${label}`, value: countOf(/Initialize$/), unit: '', budget: 1 });
      rows.push({ name: `GetValue calls, SCORM ${label}`, value: countOf(/GetValue$/), unit: '' });
      rows.push({ name: `SetValue calls, SCORM ${label}`, value: countOf(/SetValue$/), unit: '', budget: 599 });
      rows.push({
        name: `Commit calls, SCORM ${label}`,
        value: countOf(/Commit$/),
        unit: '',
        budget: events,
        note: `${events} meaningful events`,
      });
      rows.push({ name: `Terminate calls, SCORM ${label}`, value: countOf(/(Terminate|LMSFinish)$/), unit: '', budget: 1 });
      rows.push({ name: `longest suspend data, SCORM ${label}`, value: Math.max(0, ...suspend), unit: 'chars', budget: 4095 });
    }
  } finally {
    await pipe.close();
    await server.close();
  }

  const broken = rows.filter((r) => !withinBudget(r));
  const fmt = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  const width = Math.max(...rows.map((r) => r.name.length));
  console.log(`\n${'figure'.padEnd(width)}  ${'value'.padStart(10)}  ${'budget'.padStart(10)}  status`);
  for (const r of rows) {
    const value = `${fmt(r.value)} ${r.unit}`.trim();
    const budget = r.budget === undefined ? '' : `${r.atLeast ? '≥' : '≤'} ${fmt(r.budget)} ${r.unit}`.trim();
    const status = r.budget === undefined ? '' : withinBudget(r) ? 'ok' : r.atLeast ? 'UNDER BUDGET' : 'OVER BUDGET';
    console.log(`${r.name.padEnd(width)}  ${value.padStart(10)}  ${budget.padStart(10)}  ${status}${r.note ? `  (${r.note})` : ''}`);
  }
  mkdirSync(join(ROOT, 'bench'), { recursive: true });
  const loadAverage = { before: Number(loadBefore), after: Number(load()) };
  writeFileSync(
    join(ROOT, 'bench/results.json'),
    JSON.stringify({ date: new Date().toISOString(), runs: RUNS, loadAverage, rows }, null, 2) + '\n',
  );
  console.log(
    `\n${broken.length ? `${broken.length} budget(s) broken` : 'all budgets met'}; medians of ${RUNS} runs; ` +
      `load average ${loadAverage.before} before, ${loadAverage.after} after; written to bench/results.json`,
  );
  if (broken.length) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
