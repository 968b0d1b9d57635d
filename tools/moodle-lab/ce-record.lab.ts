import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test, type Browser, type FrameLocator, type Page } from '@playwright/test';
import { finishExam, readAllLessons, resultHeading, startExam } from '../../tests/support/flows.ts';
import { activity, ceRecordOf, distZip, HERE, LAB, login, newLearner, openActivity, type StoredCeRecord } from './lab.ts';

/*
 * The CE record in a real Moodle: the zips of LAB_DIST (a build with course.yaml filled in) are
 * uploaded as "Lab CE 1.2" and "Lab CE 2004" (recommended preset), and three new learners take
 * each: a nurse (credit), a front-desk learner (participation) and one who fails every exam
 * attempt (no certificate, no record). For each: the certificate (screen, print view and PDF), the
 * CE record Moodle stored (its own tables), and the same after a review launch. An administrator's
 * view of it: the 1.2 Interactions report and the 2004 attempt's Track details.
 * Writes out/ce-record/ (PNG, PDF and ce-record.json).
 */

const OUT = process.env.CE_OUT ?? join(HERE, 'out', 'ce-record');
const ADMIN = { username: 'admin', password: process.env.MOODLE_ADMIN_PASSWORD ?? 'Admin#12345' };
const VIEWPORT = { width: 1366, height: 768 };
const LEARNERS = [
  { kind: 'nurse', profession: 'Nurse (RN, LPN, LVN)' },
  { kind: 'front-desk', profession: 'Front-desk or patient coordinator' },
  { kind: 'failing', profession: null },
] as const;

/** Everything measured, written as it goes: learner, activity, record after completion and after review. */
const results: Record<string, unknown> = {};
function save(): void {
  // Merged into what an earlier run (or the other package's test, in a restarted worker) wrote.
  const file = join(OUT, 'ce-record.json');
  const before = existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Record<string, unknown>) : {};
  writeFileSync(file, JSON.stringify({ ...before, ...results }, null, 2));
}

/** The certificate as Chromium prints Moodle's player page reduced to the course frame: a PNG of the print view and a PDF. */
async function printCertificate(player: Page, name: string): Promise<number> {
  await player.evaluate(() => {
    for (let el = document.querySelector('#scorm_object'); el; el = el.parentElement) el.setAttribute('data-lab-keep', '');
  });
  const style = await player.addStyleTag({
    content:
      'body *:not([data-lab-keep]){display:none!important} [data-lab-keep]{margin:0!important;padding:0!important}' +
      ' #scorm_object{position:fixed!important;inset:0!important;width:100%!important;height:100%!important;z-index:99999;border:0}',
  });
  await player.emulateMedia({ media: 'print', colorScheme: 'light' });
  await player.screenshot({ path: join(OUT, `${name}-print-view.png`) });
  const pdf = await player.pdf({ path: join(OUT, `${name}.pdf`), format: 'Letter', printBackground: true });
  await player.emulateMedia({ media: 'screen' });
  await style.evaluate((el) => (el as Element).remove());
  return Number(/\/Type\s*\/Pages[^>]*\/Count (\d+)/.exec(pdf.toString('latin1'))?.[1] ?? 0);
}

/** Takes the course to its end: every lesson, then the exam (passed, or failed on every attempt). */
async function takeCourse(frame: FrameLocator, fail: boolean): Promise<void> {
  await frame.getByRole('button', { name: /^Start the course/ }).click();
  await readAllLessons(frame);
  await startExam(frame);
  await finishExam(frame, () => fail);
  for (let attempt = 2; fail && attempt <= 3; attempt++) {
    await frame.getByRole('button', { name: /^Try again/ }).click();
    await frame.getByRole('button', { name: 'Start', exact: true }).click();
    await finishExam(frame, () => true);
  }
  await expect(resultHeading(frame)).toHaveText(fail ? 'You did not pass' : 'You passed');
}

async function toCertificate(frame: FrameLocator, profession: string): Promise<void> {
  await frame.getByRole('button', { name: 'Continue: Evaluation' }).click();
  await frame
    .getByRole('group', { name: /Your profession/ })
    .getByRole('radio', { name: profession })
    .check();
  const groups = frame.locator('evaluation-view fieldset');
  for (let i = 0; i < (await groups.count()); i++) {
    const g = groups.nth(i);
    const radios = g.locator('input[type=radio]');
    if (await g.locator('input:checked').count()) continue;
    if (await radios.count()) await radios.nth(Math.max(0, (await radios.count()) - 2)).check();
    else if (await g.locator('input[type=number], input[inputmode=numeric]').count()) await g.locator('input').first().fill('60');
    else if (await g.locator('textarea').count())
      await g.locator('textarea').fill('Ask every caller about bladder changes and saddle numbness.');
  }
  await frame.getByRole('button', { name: 'Submit evaluation' }).click();
  await frame.getByRole('button', { name: /Continue: Certificate/ }).click();
  await expect(frame.getByRole('heading', { level: 1, name: /certificate/i })).toBeVisible();
}

/** Leaves the course with its own Exit (the course commits and terminates), then gives Moodle a moment. */
async function exitCourse(player: Page, frame: FrameLocator): Promise<void> {
  await frame.getByRole('button', { name: 'Exit course' }).click();
  await player.waitForTimeout(3000);
}

const ceOnly = (r: StoredCeRecord) => r.attempts.map((a) => ({ attempt: a.attempt, ce: a.ce }));

async function asLearner(browser: Browser, cmid: number, label: string, l: (typeof LEARNERS)[number]): Promise<string> {
  const context = await browser.newContext({ viewport: VIEWPORT, colorScheme: 'light' });
  const page = await context.newPage();
  const username = newLearner(`ce${l.kind.replace('-', '')}`);
  await login(page, username);
  const name = `${label}-${l.kind}`;
  let { player, frame } = await openActivity(page, cmid);
  if (player !== page) await player.setViewportSize(VIEWPORT);
  await takeCourse(frame, l.profession === null);
  if (l.profession) {
    await toCertificate(frame, l.profession);
    await frame.locator('certificate-view .certificate').evaluate((e) => e.scrollIntoView({ block: 'start' }));
    await player.screenshot({ path: join(OUT, `${name}-certificate.png`) });
    const pages = await printCertificate(player, `${name}-certificate`);
    results[`${name}`] = { username, pdfPages: pages };
  } else {
    await player.screenshot({ path: join(OUT, `${name}-result.png`) });
    results[`${name}`] = { username };
  }
  await exitCourse(player, frame);
  const afterCompletion = ceRecordOf(cmid, username);
  // A review launch (Moodle opens a finished attempt in review mode): look at the certificate, exit.
  ({ player, frame } = await openActivity(page, cmid));
  const review = frame.getByRole('button', { name: 'View your certificate' });
  if (await review.count()) {
    await review.click();
    await player.screenshot({ path: join(OUT, `${name}-review-certificate.png`) });
  }
  await exitCourse(player, frame);
  const afterReview = ceRecordOf(cmid, username);
  Object.assign(results[name] as object, {
    userid: afterCompletion.userid,
    afterCompletion: ceOnly(afterCompletion),
    unchangedByReview: JSON.stringify(afterReview) === JSON.stringify(afterCompletion),
  });
  save();
  await context.close();
  return username;
}

/**
 * Where an administrator finds the CE record, in Moodle's own reports: the activity's Interactions report
 * (students with attempts), and for each learner the attempt's interactions and its Track details.
 */
async function adminViews(browser: Browser, cmid: number, label: string, users: Record<string, string>): Promise<void> {
  const context = await browser.newContext({ viewport: { width: 1366, height: 900 }, colorScheme: 'light' });
  const page = await context.newPage();
  await login(page, ADMIN.username, ADMIN.password);
  await page.goto(`${LAB.url}/mod/scorm/report.php?id=${cmid}&mode=interactions`);
  // Only learners with attempts, with question, responses, right answer and result.
  const mode = page.locator('select[name="attemptsmode"]');
  if (await mode.count()) await mode.selectOption({ index: 1 });
  for (const box of ['qtext', 'resp', 'right', 'result']) {
    const input = page.locator(`input[type=checkbox][name="${box}"]`);
    if ((await input.count()) && !(await input.isChecked())) await input.check();
  }
  const save = page.getByRole('button', { name: 'Save preferences' });
  if (await save.count()) await save.click();
  await page.waitForLoadState();
  await page.screenshot({ path: join(OUT, `${label}-admin-interactions-report.png`), fullPage: true });
  for (const [kind, username] of Object.entries(users)) {
    const { userid } = ceRecordOf(cmid, username);
    const query = `id=${cmid}&user=${userid}&attempt=1`;
    await page.goto(`${LAB.url}/mod/scorm/report/userreportinteractions.php?${query}`);
    await page.screenshot({ path: join(OUT, `${label}-admin-${kind}-interactions.png`), fullPage: true });
    await page.goto(`${LAB.url}/mod/scorm/report/userreport.php?${query}`);
    const tracks = page.getByRole('link', { name: /Track details/i }).first();
    if (await tracks.count()) {
      await tracks.click();
      await page.waitForLoadState();
      // Every stored element is listed: a long page, captured in full.
      await page.screenshot({ path: join(OUT, `${label}-admin-${kind}-track-details.png`), fullPage: true, timeout: 120_000 });
    }
  }
  await context.close();
}

for (const version of (process.env.CE_SCORM ?? '12,2004').split(',') as ('12' | '2004')[]) {
  const label = version === '12' ? 'scorm12' : 'scorm2004';
  test(`CE record in Moodle, SCORM ${version === '12' ? '1.2' : '2004'}: a nurse, a front-desk learner and a failing learner`, async ({
    browser,
  }) => {
    mkdirSync(OUT, { recursive: true });
    const zip = distZip(version);
    const cmid = activity(`Lab CE ${version === '12' ? '1.2' : '2004'}`, zip, 'recommended');
    results[`${label}-activity`] = { zip, cmid };
    const users: Record<string, string> = {};
    for (const l of LEARNERS) users[l.kind] = await asLearner(browser, cmid, label, l);
    save();
    await adminViews(browser, cmid, label, users);
  });
}
