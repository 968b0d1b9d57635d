import { mkdirSync, writeFileSync } from 'node:fs';
import { extname, join } from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { HERE, LAB } from './lab.ts';

/**
 * Downloads a SCORM activity's reports as a teacher does, through Moodle's pages: the basic, interactions
 * and objectives reports, each in every format the Download menu offers (ODS, Excel, text). The
 * interactions report is downloaded twice: as Moodle first shows it (responses only) and with the question,
 * response, right answer and result summaries ticked and shown, since a download holds the columns the page
 * shows. Only users with attempts are listed (the page's Show setting). Files go to REPORT_OUT (default out/reports/<cmid>/) as <report>.<ext>, with what Moodle offered in
 * offered.json.
 *
 *   REPORT_CMIDS   the activities, e.g. "14,9" (required)
 *   MOODLE_ADMIN   teacher or admin login, "user:password" (default the lab's admin)
 */
const [adminUser = 'admin', adminPassword = 'Admin#12345'] = (process.env.MOODLE_ADMIN ?? 'admin:Admin#12345').split(':');
const cmids = (process.env.REPORT_CMIDS ?? '').split(',').filter(Boolean).map(Number);

async function loginAs(page: Page, username: string, password: string): Promise<void> {
  const html = await (await page.request.get(`${LAB.url}/login/index.php`)).text();
  const token = /name="logintoken" value="([^"]+)"/.exec(html)?.[1] ?? '';
  await page.request.post(`${LAB.url}/login/index.php`, { form: { username, password, logintoken: token } });
  await page.goto(`${LAB.url}/my/`);
  if (page.url().includes('/login/')) throw new Error(`login failed for ${username}`);
}

/** Opens the Download menu and saves each format it offers; returns the menu's items. */
async function downloadAll(page: Page, dir: string, name: string): Promise<string[]> {
  const menu = page
    .getByRole('button', { name: 'Download' })
    .or(page.getByRole('link', { name: 'Download', exact: true }))
    .first();
  const items = page.locator('.dropdown-menu.show a.dropdown-item');
  // After the preferences form posts, the menu's script may not be ready for the first click.
  await page.waitForLoadState('load');
  for (let tries = 0; tries < 5 && !(await items.first().isVisible()); tries++) {
    await menu.click();
    await items
      .first()
      .waitFor({ timeout: 2_000 })
      .catch(() => undefined);
  }
  const labels = (await items.allTextContents()).map((t) => t.trim());
  for (const label of labels) {
    if (!(await items.first().isVisible())) await menu.click();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('.dropdown-menu.show a.dropdown-item', { hasText: label }).click(),
    ]);
    const file = join(dir, `${name}${extname(download.suggestedFilename())}`);
    await download.saveAs(file);
    console.log(`${label}: ${download.suggestedFilename()} → ${file}`);
  }
  return labels;
}

for (const cmid of cmids) {
  test(`reports of activity ${cmid}`, async ({ browser }) => {
    const dir = process.env.REPORT_OUT ?? join(HERE, 'out', 'reports', String(cmid));
    mkdirSync(dir, { recursive: true });
    const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1366, height: 768 } });
    const page = await context.newPage();
    await loginAs(page, adminUser, adminPassword);
    const offered: Record<string, string[]> = {};
    // Learners with attempts only: the course's other enrolled users are not the activity's record.
    const open = async (mode: string) => {
      await page.goto(`${LAB.url}/mod/scorm/report.php?id=${cmid}&mode=${mode}&attemptsmode=1`);
      await expect(page.locator('#region-main')).toBeVisible();
    };

    await open('basic');
    offered.basic = await downloadAll(page, dir, 'basic');

    // Moodle's first view: only the responses, which cannot be read without their questions.
    await open('interactions');
    for (const label of ['Summary of question', 'Summary of right answer', 'Summary of result']) await page.getByLabel(label).uncheck();
    await page.getByLabel('Summary of responses').check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    offered['interactions (responses only)'] = await downloadAll(page, dir, 'interactions-responses-only');
    for (const label of ['Summary of question', 'Summary of responses', 'Summary of right answer', 'Summary of result'])
      await page.getByLabel(label).check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    offered.interactions = await downloadAll(page, dir, 'interactions');

    await open('objectives');
    await page.getByLabel('Show objective score').check();
    await page.getByRole('button', { name: 'Save preferences' }).click();
    offered.objectives = await downloadAll(page, dir, 'objectives');

    // What the interactions page itself shows: the 2004 report's emptiness is stated from it.
    await open('interactions');
    const headers = await page.locator('#region-main table thead th').allTextContents();
    offered['interactions page columns'] = headers.map((h) => h.trim()).filter(Boolean);
    writeFileSync(join(dir, 'offered.json'), JSON.stringify(offered, null, 2) + '\n');
    await context.close();
  });
}
