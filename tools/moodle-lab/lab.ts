import { execFileSync } from 'node:child_process';
import { readdirSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, type FrameLocator, type Page } from '@playwright/test';

/**
 * Where the lab is and how to drive it. Everything can be changed by environment variables, so the
 * scripts run against another Moodle on the same machine (they call its PHP CLI for learners and activities).
 */
export const LAB = {
  url: process.env.MOODLE_URL ?? 'http://127.0.0.1:8080',
  /** The folder that holds Moodle's config.php. */
  moodle: process.env.MOODLE_DIR ?? '/work/moodle-lab/moodle',
  /** PHP's ini folders: Debian's and the lab's (its error log and request logger). */
  phpIni: process.env.PHP_INI_SCAN_DIR ?? '/etc/php/8.2/cli/conf.d:/work/moodle-lab/php-ini',
  course: Number(process.env.MOODLE_COURSE ?? 2),
  password: 'Learner#2026',
};

export const HERE = dirname(fileURLToPath(import.meta.url));
export const ROOT = join(HERE, '..', '..');

/**
 * The newest zip of a SCORM version in dist/ (or `LAB_DIST`, e.g. the dist/ of a copy built with
 * another course.yaml): the names carry the activity id and the content version, so several
 * builds can sit side by side.
 */
export function distZip(version: '12' | '2004', dist = process.env.LAB_DIST ?? join(ROOT, 'dist')): string {
  const suffix = `-scorm${version}.zip`;
  const zips = readdirSync(dist)
    .filter((f) => f.endsWith(suffix))
    .map((f) => ({ path: join(dist, f), at: statSync(join(dist, f)).mtimeMs }))
    .sort((a, b) => b.at - a.at);
  const newest = zips[0];
  if (!newest) throw new Error(`no *${suffix} in ${dist}: run npm run package first`);
  return newest.path;
}

function php(script: string, args: string[]): string {
  return execFileSync('php', [join(HERE, script), LAB.moodle, ...args], {
    encoding: 'utf8',
    env: { ...process.env, PHP_INI_SCAN_DIR: LAB.phpIni },
  });
}

export type Preset = 'default' | 'recommended' | 'window';

/** Creates or updates the activity `name` with a zip from dist/ and a preset (plus single-setting overrides); returns its cmid. */
export function activity(name: string, zip: string, preset: Preset, overrides: Record<string, number> = {}): number {
  const out = php('activity.php', [String(LAB.course), zip, name, preset, JSON.stringify(overrides)]);
  const parsed: unknown = JSON.parse(out.trim().split('\n').pop() ?? '{}');
  const cmid = (parsed as { cmid?: unknown }).cmid;
  if (typeof cmid !== 'number') throw new Error(`activity.php said: ${out}`);
  return cmid;
}

/** A learner with no attempt yet, enrolled in the course. */
export function newLearner(prefix: string): string {
  const username = `${prefix}${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`.toLowerCase();
  php('learner.php', [String(LAB.course), username, LAB.password]);
  return username;
}

/** What Moodle holds for the learner in the activity: completion, grade, SCORM status and score. */
export function record(cmid: number, username: string): unknown {
  return JSON.parse(
    php('record.php', [String(cmid), username])
      .trim()
      .split('\n')
      .pop() ?? '{}',
  );
}

/** Every element Moodle holds for the learner's last attempt in the activity (elements.php). */
export function elementsOf(cmid: number, username: string): Record<string, string> {
  return JSON.parse(
    php('elements.php', [String(cmid), username])
      .trim()
      .split('\n')
      .pop() ?? '{}',
  ) as Record<string, string>;
}

/** The CE record (`ce-…` interactions) Moodle holds for the learner in the activity, attempt by attempt. */
export interface StoredCeRecord {
  userid: number;
  attempts: {
    attempt: number;
    ce: { n: number; id: string; response: string | null; result: string | null; weighting: string | null; type: string | null }[];
  }[];
}
export function ceRecordOf(cmid: number, username: string): StoredCeRecord {
  return JSON.parse(
    php('ce-record.php', [String(cmid), username])
      .trim()
      .split('\n')
      .pop() ?? '{}',
  ) as StoredCeRecord;
}

/** Logs in through the page's own request context (its cookies are the page's), as the login form posts. */
export async function login(page: Page, username: string, password = LAB.password): Promise<void> {
  const html = await (await page.request.get(`${LAB.url}/login/index.php`)).text();
  const token = /name="logintoken" value="([^"]+)"/.exec(html)?.[1] ?? '';
  await page.request.post(`${LAB.url}/login/index.php`, { form: { username, password, logintoken: token } });
  await page.goto(`${LAB.url}/my/`);
  if (page.url().includes('/login/')) throw new Error(`login failed for ${username}`);
}

export interface Opened {
  /** The page that holds the player: the same page, or the new window when the activity opens one. */
  player: Page;
  frame: FrameLocator;
  /** Whether Moodle showed its entry page (view.php) before the player. */
  entryPage: boolean;
}

/**
 * Opens the activity as a learner does: its page, then Enter when Moodle shows the entry page
 * (a new window when the activity is set to open one). Waits until the course takes input.
 */
export async function openActivity(page: Page, cmid: number): Promise<Opened> {
  await page.goto(`${LAB.url}/mod/scorm/view.php?id=${cmid}`);
  let player = page;
  const entryPage = !page.url().includes('/player.php');
  if (entryPage) {
    const enter = page.getByRole('button', { name: /^Enter/ }).first();
    const popup = page
      .context()
      .waitForEvent('page', { timeout: 5_000 })
      .catch(() => null);
    await enter.click();
    player = (await popup) ?? page;
  }
  await player.waitForLoadState();
  const frame = player.frameLocator('#scorm_object');
  await expect(frame.locator(':root[data-course-ready]')).toBeAttached({ timeout: 30_000 });
  return { player, frame, entryPage };
}
