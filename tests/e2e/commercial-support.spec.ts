import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { buildPackages } from '../../src/package/build-packages.ts';
import { serveStatic, type StaticServer } from '../../src/preview/server.ts';
import { openFromMenu } from '../support/flows.ts';
import { launchCourse } from '../support/lms.ts';
import { ROOT } from '../support/paths.ts';

/*
 * Commercial support as learners read it before they start (ACCME Standard 4): each supporter's
 * name and what it gave, on the start screen and on About this activity. Built for credit from
 * the complete example with two supporters added (the rest of the project is linked, not copied).
 */

const SUPPORTERS = `commercial_support:
  - supporter: Example Devices Inc. (fictitious)
    agreement_signed: 2025-12-01
    amount: USD 5,000
    in_kind: none
  - supporter: Example Models LLC (fictitious)
    agreement_signed: 2026-01-10
    amount: none
    in_kind: the loan of two spine models for the course photographs
`;

async function serveSupported(): Promise<{ server: StaticServer; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'course-supported-'));
  for (const name of ['src', 'node_modules', 'lessons', 'quizzes', 'imsmanifest.xml', 'tsconfig.json', 'package.json'])
    symlinkSync(join(ROOT, name), join(dir, name));
  // Copied: Vite takes the project root from where these two files are.
  for (const name of ['vite.config.ts', 'index.html']) copyFileSync(join(ROOT, name), join(dir, name));
  const example = readFileSync(join(ROOT, 'tests/fixtures/course-complete.yaml'), 'utf8');
  const text = example.replace('commercial_support: none\n', SUPPORTERS);
  expect(text).not.toBe(example);
  writeFileSync(join(dir, 'course.yaml'), text);
  const built = await buildPackages(dir, () => {}, { forCredit: true });
  const dirOf = (v: string) => built.find((p) => p.version === v)?.dir ?? '';
  const server = await serveStatic({ '/': join(ROOT, 'build/preview'), '/scorm12/': dirOf('1.2'), '/scorm2004/': dirOf('2004') });
  return { server, dir };
}

let supported: { server: StaticServer; dir: string } | undefined;
test.beforeAll(async () => {
  test.setTimeout(180_000);
  supported = await serveSupported();
});
test.afterAll(async () => {
  await supported?.server.close();
  if (supported) rmSync(supported.dir, { recursive: true, force: true });
});

test('each supporter and what it gave is named before the start and on About this activity', async ({ page }) => {
  test.setTimeout(120_000);
  const frame = await launchCourse(page, '12', {}, supported?.server.url);
  const start = frame.locator('start-screen');
  // The short line beside Start names them; the detail is one step away.
  await expect(start.locator('.key')).toContainText(
    'Commercial support: received from Example Devices Inc. (fictitious) and Example Models LLC (fictitious); what each gave is listed below.',
  );
  await start.locator('details summary').first().click();
  const fact = start.locator('.facts > div').filter({ has: frame.getByText('Commercial support', { exact: true }) });
  await expect(fact.locator('li')).toHaveText([
    'Example Devices Inc. (fictitious): USD 5,000 (monetary support).',
    'Example Models LLC (fictitious): in kind, the loan of two spine models for the course photographs.',
  ]);
  await expect(fact).toContainText('This activity received support from the following ineligible companies.');
  // The agreement's date is the provider's record, not the learner's.
  await expect(start).not.toContainText('2025-12-01');

  await openFromMenu(frame, 'About this activity');
  const about = frame.locator('about-view');
  await expect(about).toContainText('Commercial support: this activity received support from the following ineligible companies.');
  await expect(about.locator('ul.supporters li')).toHaveCount(2);
  const axe = await new AxeBuilder({ page }).include('#frame').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  expect(axe.violations.map((v) => v.id)).toEqual([]);
});
