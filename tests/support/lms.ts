import { expect, type Frame, type FrameLocator, type Page } from '@playwright/test';
import type { HostConfig, LaunchInfo, LmsCall, RelaunchOptions } from '../../src/preview/lms-host.ts';

export type Version = '12' | '2004';
export const VERSIONS: Version[] = ['12', '2004'];

/** Element names that differ between the versions. */
export const EL = {
  '12': {
    status: 'cmi.core.lesson_status',
    raw: 'cmi.core.score.raw',
    exit: 'cmi.core.exit',
    sessionTime: 'cmi.core.session_time',
    location: 'cmi.core.lesson_location',
    entry: 'cmi.core.entry',
    mode: 'cmi.core.lesson_mode',
    credit: 'cmi.core.credit',
    response: 'student_response',
  },
  '2004': {
    status: 'cmi.completion_status',
    raw: 'cmi.score.raw',
    exit: 'cmi.exit',
    sessionTime: 'cmi.session_time',
    location: 'cmi.location',
    entry: 'cmi.entry',
    mode: 'cmi.mode',
    credit: 'cmi.credit',
    response: 'learner_response',
  },
} as const;

/** The name the preview LMS gives the frame it opens the course (or test SCO) in. */
const FRAME_NAME = 'course';

/** The course frame as Playwright's Frame (for `evaluate`), found by its name; again after each relaunch. */
export function courseFrame(page: Page): Frame {
  const frame = page.frame({ name: FRAME_NAME });
  if (!frame) throw new Error('no course frame');
  return frame;
}

/**
 * The course frame, once the course says it is ready for input (`data-course-ready` on its
 * root element, set when its first screen has rendered; the test SCO sets it too).
 */
async function readyCourse(page: Page): Promise<FrameLocator> {
  const course = page.frameLocator(`iframe[name="${FRAME_NAME}"]`);
  await expect(course.locator(':root[data-course-ready]')).toBeAttached();
  return course;
}

/**
 * Opens the packaged course inside the preview LMS, configured before the page loads; resolves
 * when the course is ready for input. `lmsUrl` serves another build of the course (default:
 * the one built from the project).
 */
export async function launchCourse(
  page: Page,
  version: Version,
  config: HostConfig = {},
  lmsUrl = process.env.LMS_URL,
): Promise<FrameLocator> {
  await page.addInitScript((cfg) => {
    (window as unknown as { __lmsConfig: HostConfig }).__lmsConfig = cfg;
  }, config);
  await page.goto(`${lmsUrl}/?scorm=${version}`);
  return readyCourse(page);
}

export function lmsCalls(page: Page): Promise<LmsCall[]> {
  return page.evaluate(() => JSON.parse(JSON.stringify(window.__lms?.calls ?? [])) as LmsCall[]);
}

export function lmsData(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => {
    const flat = window.__lms?.cmi() ?? {};
    return Object.fromEntries(Object.entries(flat).map(([k, v]) => [k, String(v ?? '')]));
  });
}

/** Removes the course frame, as an LMS does when the learner leaves: the course sees pagehide. */
export async function closeCourse(page: Page): Promise<void> {
  await page.evaluate(() => window.__lms?.closeCourse());
}

/** Closes the course and launches it again with what the LMS kept; resolves when it is ready for input. */
export async function relaunch(page: Page, overrides: Record<string, string> = {}): Promise<FrameLocator> {
  await page.evaluate((o) => window.__lms?.relaunch(o), overrides);
  return readyCourse(page);
}

// ------------------------------------------------ the preview LMS's Moodle profile

/** What Moodle's database holds for the current attempt (Moodle profile; scorm-again profile: what it carries over). */
export function storedRecord(page: Page): Promise<Record<string, string>> {
  return page.evaluate(() => window.__lms?.stored() ?? {});
}

/** Every attempt's stored record for the current learner and activity, oldest first. */
export function storedAttempts(page: Page): Promise<Array<Record<string, string>>> {
  return page.evaluate(() => window.__lms?.attempts() ?? []);
}

/** Mode, credit, entry, activity and attempt number of the current launch. */
export async function launchInfo(page: Page): Promise<LaunchInfo> {
  const info = await page.evaluate(() => window.__lms?.launchInfo());
  if (!info) throw new Error('no preview LMS on the page');
  return info;
}

/**
 * Closes the course and launches it again under Moodle's rules: optionally as a new attempt,
 * in another activity or as another learner. Resolves when the new course (or test SCO) is ready for input.
 */
export async function relaunchMoodle(
  page: Page,
  opts: RelaunchOptions & { overrides?: Record<string, string> } = {},
): Promise<FrameLocator> {
  const { overrides = {}, ...rest } = opts;
  await page.evaluate(([o, r]) => window.__lms?.relaunch(o, r), [overrides, rest] as const);
  return readyCourse(page);
}

/** An administrator deletes an attempt of the current learner (default: the current attempt). */
export async function deleteAttempt(page: Page, attempt?: number): Promise<void> {
  await page.evaluate((n) => window.__lms?.deleteAttempt(n), attempt);
}

export interface ScoResult {
  result: string;
  error: string;
}
export type ScoCall = [fn: string, ...args: string[]];

/** The test SCO (tests/support/fake-sco): it calls the API only as the test tells it to. */
export interface TestSco {
  frame: Frame;
  /** Calls the API function, then GetLastError; both answers as strings. */
  call(fn: string, ...args: string[]): Promise<ScoResult>;
  run(calls: ScoCall[]): Promise<ScoResult[]>;
  /** Calls to make in the SCO's pagehide handler, as a course does when dismissed. */
  onDismiss(calls: ScoCall[]): Promise<void>;
}

interface ScoGlobal {
  sco: { call(fn: string, ...args: string[]): ScoResult; run(calls: ScoCall[]): ScoResult[]; onDismiss: ScoCall[] };
}

/** Opens the test SCO instead of the course inside the preview LMS. */
export async function launchTestSco(page: Page, version: Version, config: HostConfig = {}): Promise<TestSco> {
  await page.addInitScript((cfg) => {
    (window as unknown as { __lmsConfig: HostConfig }).__lmsConfig = cfg;
  }, config);
  await page.goto(`${process.env.LMS_URL}/?scorm=${version}&course=/fake-sco/index.html`);
  return testSco(page);
}

/** The test SCO in the current course frame (again after each relaunch). */
export async function testSco(page: Page): Promise<TestSco> {
  await expect((await readyCourse(page)).getByRole('heading', { level: 1, name: 'Test SCO' })).toBeVisible();
  const frame = courseFrame(page);
  return {
    frame,
    call: (fn, ...args) => frame.evaluate(([f, a]) => (window as unknown as ScoGlobal).sco.call(f, ...a), [fn, args] as const),
    run: (calls) => frame.evaluate((c) => (window as unknown as ScoGlobal).sco.run(c), calls),
    onDismiss: (calls) =>
      frame.evaluate((c) => {
        (window as unknown as ScoGlobal).sco.onDismiss = c;
      }, calls),
  };
}

/** Resolves once the course frame has laid out and painted what changed (two animation frames), instead of a fixed wait. */
export async function afterPaint(frame: FrameLocator): Promise<void> {
  await frame.locator('html').evaluate(() => new Promise<void>((done) => requestAnimationFrame(() => requestAnimationFrame(() => done()))));
}
