/**
 * The authoring loop: `npm start` on a copy of the project, a content mistake saved, then
 * fixed. The page shows the error with its file and line over the last good build, and
 * after the fix reloads the course itself, back where the author was.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, renameSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { ROOT } from '../support/paths.ts';

test.describe.configure({ timeout: 180_000 });

let dir = '';
let preview: ChildProcess | null = null;
let output = '';

test.beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'preview-'));
  for (const entry of [
    'src',
    'lessons',
    'quizzes',
    'imsmanifest.xml',
    'course.yaml',
    'vite.config.ts',
    'index.html',
    'tsconfig.json',
    'package.json',
  ]) {
    try {
      cpSync(join(ROOT, entry), join(dir, entry), { recursive: true });
    } catch {
      // an optional file the project does not have
    }
  }
  symlinkSync(join(ROOT, 'node_modules'), join(dir, 'node_modules'));
  // A worker may run this file's tests one after another, each with its own preview: the last
  // one's output must not be taken for this one's start. Port 0: the system picks a free one.
  output = '';
  preview = spawn(process.execPath, ['--import', 'tsx', join(dir, 'src/preview/cli.ts')], {
    cwd: dir,
    env: { ...process.env, COURSE_ROOT: dir, PORT: '0' },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  preview.stdout?.on('data', (d: Buffer) => (output += d.toString()));
  preview.stderr?.on('data', (d: Buffer) => (output += d.toString()));
  const started = /Preview LMS running:\n {2}SCORM 1\.2: +(http:\/\/127\.0\.0\.1:\d+)\//;
  await expect.poll(() => started.test(output), { timeout: 120_000 }).toBe(true);
  process.env.PREVIEW_URL = started.exec(output)?.[1];
});

test.afterAll(() => {
  preview?.kill('SIGTERM');
  rmSync(dir, { recursive: true, force: true });
});

test('a content error shows in the page with file and line; the fix reloads the course where the author was', async ({ page }) => {
  await page.goto(`${process.env.PREVIEW_URL}/?scorm=12`);
  const frame = page.frameLocator('#frame');
  await frame.getByRole('button', { name: 'Start the course' }).click();
  const lesson2 = frame
    .getByRole('navigation')
    .getByRole('button', { name: /^Spinal stenosis/ })
    .first();
  await lesson2.click();
  const heading = await frame.getByRole('heading', { level: 1 }).innerText();

  const file = join(dir, 'quizzes/anatomy.yaml');
  const good = readFileSync(file, 'utf8');
  const broken = good.replace(/^pass_mark: \d+$/m, 'pass_mark: lots');
  const line = broken.split('\n').findIndex((l) => l.startsWith('pass_mark: lots')) + 1;
  writeFileSync(file, broken);
  const alert = page.locator('#build-errors');
  await expect(alert).toBeVisible({ timeout: 60_000 });
  await expect(alert).toContainText(`quizzes/anatomy.yaml:${line} pass_mark: must be a number from 0 to 100`);
  // The last good build stays usable underneath.
  await expect(frame.getByRole('heading', { level: 1 })).toHaveText(heading);
  await page.screenshot({ path: 'test-results/screenshots/preview-content-error.png' });

  writeFileSync(file, good);
  await expect(alert).toBeHidden({ timeout: 60_000 });
  // Reloaded by itself (a new launch), back on the same lesson, not the start screen.
  await expect
    .poll(() => page.evaluate(() => (window as unknown as { __lms: { launches: number } }).__lms.launches), { timeout: 30_000 })
    .toBe(2);
  await expect(page.frameLocator('#frame').getByRole('heading', { level: 1 })).toHaveText(heading);
});

test('a file replaced by a new one (as sed -i and many editors save) is noticed at every save', async ({ page }) => {
  const file = join(dir, 'quizzes/stenosis-check.yaml');
  const good = readFileSync(file, 'utf8');
  // Writes a new file and renames it over the old one: the old file, and any watch on it, is gone.
  const saveByRename = (text: string) => {
    writeFileSync(`${file}.new`, text);
    renameSync(`${file}.new`, file);
  };
  const built = async () => ((await (await fetch(`${process.env.PREVIEW_URL}/__preview/status`)).json()) as { build: number }).build;
  await page.goto(`${process.env.PREVIEW_URL}/?scorm=12`);
  const alert = page.locator('#build-errors');
  const title = 'Spinal stenosis: check what you know';
  for (const [round, wrong] of [
    [1, 'pass_mark: lots'],
    [2, 'pass_mark: 200'],
  ] as const) {
    const before = await built();
    saveByRename(good.replace(/^pass_mark: \d+$/m, wrong));
    await expect(alert, `broken save ${round}`).toBeVisible({ timeout: 60_000 });
    await expect(alert).toContainText('quizzes/stenosis-check.yaml:4 pass_mark: must be');
    // The second fix changes the title too: the build that follows is the new content.
    const fixed = round === 1 ? good : good.replace(/^title: .*$/m, `title: "${title}"`);
    saveByRename(fixed);
    await expect(alert, `fix ${round}`).toBeHidden({ timeout: 60_000 });
    await expect.poll(built, { timeout: 30_000 }).toBeGreaterThan(before);
  }
  expect(readFileSync(join(dir, 'build/scorm12/index.html'), 'utf8')).toContain(title);
  // Watching works here, so the page says nothing about it.
  await expect(page.locator('#watch-notice')).toBeHidden();
  writeFileSync(file, good);
});
