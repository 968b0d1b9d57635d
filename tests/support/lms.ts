import { expect, type FrameLocator, type Page } from '@playwright/test';
import type { HostConfig, LmsCall } from '../../src/preview/lms-host.ts';

export type Version = '12' | '2004';
export const VERSIONS: Version[] = ['12', '2004'];

/** Element names that differ between the versions. */
export const EL = {
  '12': { status: 'cmi.core.lesson_status', raw: 'cmi.core.score.raw', exit: 'cmi.core.exit', sessionTime: 'cmi.core.session_time', location: 'cmi.core.lesson_location', entry: 'cmi.core.entry', mode: 'cmi.core.lesson_mode', credit: 'cmi.core.credit', response: 'student_response' },
  '2004': { status: 'cmi.completion_status', raw: 'cmi.score.raw', exit: 'cmi.exit', sessionTime: 'cmi.session_time', location: 'cmi.location', entry: 'cmi.entry', mode: 'cmi.mode', credit: 'cmi.credit', response: 'learner_response' },
} as const;

/** Opens the packaged course inside the preview LMS, configured before the page loads. */
export async function launchCourse(page: Page, version: Version, config: HostConfig = {}): Promise<FrameLocator> {
  await page.addInitScript((cfg) => {
    (window as unknown as { __lmsConfig: HostConfig }).__lmsConfig = cfg;
  }, config);
  await page.goto(`${process.env.LMS_URL}/?scorm=${version}`);
  const course = page.frameLocator('#frame');
  await expect(course.getByRole('heading', { level: 1 })).toBeVisible();
  return course;
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

/** Closes the course and launches it again with what the LMS kept. */
export async function relaunch(page: Page, overrides: Record<string, string> = {}): Promise<FrameLocator> {
  await page.evaluate((o) => window.__lms?.relaunch(o), overrides);
  const course = page.frameLocator('#frame');
  await expect(course.getByRole('heading', { level: 1 })).toBeVisible();
  return course;
}
