/**
 * The CE record in the LMS: when the certificate is issued, the course writes what it says
 * (profession, credit, hours, date, number, content version) as `ce-…` interactions, once, in
 * both SCORM versions; never before completion, and never again in a review launch.
 *
 * Built, like activity-info.spec.ts, from a copy of the project whose course.yaml is the example
 * with every field filled in (credit: 1.25 ANCC nursing contact hours for nurses).
 */
import { copyFileSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test, type FrameLocator } from '@playwright/test';
import { localIsoDate } from '../../src/course/activity.ts';
import { CE_RECORD } from '../../src/course/ce-record.ts';
import { certificateNumber, isValidCertificateNumber } from '../../src/course/certificate-number.ts';
import { creditHours, estimatedMinutes } from '../../src/course/learning-time.ts';
import { buildPackages } from '../../src/package/build-packages.ts';
import type { HostConfig } from '../../src/preview/lms-host.ts';
import { serveStatic, type StaticServer } from '../../src/preview/server.ts';
import { completeEvaluation, courseData, finishExam, readAllLessons, startExam } from '../support/flows.ts';
import {
  VERSIONS,
  closeCourse,
  launchCourse,
  launchInfo,
  lmsCalls,
  lmsData,
  relaunchMoodle,
  storedRecord,
  type Version,
} from '../support/lms.ts';
import { ROOT } from '../support/paths.ts';
import { strictViolations } from '../support/strict-scorm.ts';

const EXAMPLE = { id: 'EXAMPLE-SSC-2026', version: '2026.06.2', credit: 'ANCC nursing contact hours', amount: '1.25' };
const MOODLE: HostConfig = { profile: 'moodle' };

/** The ce-… interactions of a flat record: id → response, and how often each id was stored. */
function ceOf(version: Version, record: Record<string, string>): { values: Record<string, string>; counts: Record<string, number> } {
  const response = version === '12' ? 'student_response' : 'learner_response';
  const values: Record<string, string> = {};
  const counts: Record<string, number> = {};
  for (const [k, id] of Object.entries(record)) {
    const m = /^cmi\.interactions\.(\d+)\.id$/.exec(k);
    if (!m || !id.startsWith('ce-')) continue;
    const at = `cmi.interactions.${m[1]}`;
    values[id] = record[`${at}.${response}`] ?? '';
    counts[id] = (counts[id] ?? 0) + 1;
    // Not scored, like the evaluation (2004 leaves the weight of 0 out: a compact record; an
    // element never set reads as '' from the LMS's API and is missing from Moodle's store).
    expect([record[`${at}.result`], record[`${at}.weighting`] || undefined, record[`${at}.type`]], id).toEqual([
      'neutral',
      version === '12' ? '0' : undefined,
      version === '12' ? 'fill-in' : 'long-fill-in',
    ]);
  }
  return { values, counts };
}

let server: StaticServer;
let dir: string;

test.beforeAll(async () => {
  test.setTimeout(180_000);
  dir = mkdtempSync(join(tmpdir(), 'course-ce-record-'));
  for (const name of ['src', 'node_modules', 'lessons', 'quizzes', 'imsmanifest.xml', 'tsconfig.json', 'package.json'])
    symlinkSync(join(ROOT, name), join(dir, name));
  for (const name of ['vite.config.ts', 'index.html']) copyFileSync(join(ROOT, name), join(dir, name));
  copyFileSync(join(ROOT, 'tests/fixtures/course-complete.yaml'), join(dir, 'course.yaml'));
  const built = await buildPackages(dir, () => {});
  const dirOf = (v: string) => built.find((p) => p.version === v)?.dir ?? '';
  server = await serveStatic({ '/': join(ROOT, 'build/preview'), '/scorm12/': dirOf('1.2'), '/scorm2004/': dirOf('2004') });
});
test.afterAll(async () => {
  await server?.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Passes the exam and opens the evaluation, choosing `profession` there. */
async function passAndChoose(frame: FrameLocator, profession: string): Promise<void> {
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await readAllLessons(frame);
  await startExam(frame);
  await finishExam(frame);
  await frame.getByRole('button', { name: 'Continue: Evaluation' }).click();
  await frame
    .getByRole('group', { name: /Your profession/ })
    .getByRole('radio', { name: profession })
    .check();
}

/** Submits the evaluation and opens the certificate; returns the number it shows. */
async function certificate(frame: FrameLocator): Promise<string> {
  await completeEvaluation(frame);
  await frame.getByRole('button', { name: /Continue: Certificate/ }).click();
  const facts = frame.locator('certificate-view .facts > div');
  return ((await facts.filter({ hasText: 'Certificate number' }).locator('dd').textContent()) ?? '').trim();
}

const learnerIdOf = (version: Version, cmi: Record<string, string>) =>
  cmi[version === '12' ? 'cmi.core.student_id' : 'cmi.learner_id'] ?? '';

for (const version of VERSIONS) {
  const name = version === '12' ? '1.2' : '2004';

  test(`SCORM ${name}: a nurse's CE record (credit) is written once at completion, not before, and a review launch leaves it unchanged`, async ({
    page,
  }) => {
    test.setTimeout(180_000);
    let frame = await launchCourse(page, version, MOODLE, server.url);
    await passAndChoose(frame, 'Nurse (RN, LPN, LVN)');
    // Passed, but the certificate waits for the evaluation: nothing of the record yet.
    expect(Object.keys(ceOf(version, await lmsData(page)).values)).toEqual([]);
    const learnerId = learnerIdOf(version, await lmsData(page));
    const shown = await certificate(frame);

    frame = await relaunchMoodle(page);
    expect((await launchInfo(page)).mode).toBe('review');
    const record = await storedRecord(page);
    const { values, counts } = ceOf(version, record);
    const today = localIsoDate(Date.now());
    expect(values).toEqual({
      'ce-profession': 'nurse',
      'ce-credit-type': EXAMPLE.credit,
      'ce-credit-amount': EXAMPLE.amount,
      'ce-hours': EXAMPLE.amount,
      'ce-completed': today,
      'ce-certificate': certificateNumber(EXAMPLE.id, learnerId || 'unknown', today),
      'ce-version': EXAMPLE.version,
    });
    // The number the learner printed, checkable; each fact stored once.
    expect(values['ce-certificate']).toBe(shown);
    expect(isValidCertificateNumber(shown)).toBe(true);
    expect(Object.values(counts)).toEqual(Object.keys(CE_RECORD).map(() => 1));

    // Review: the certificate is there, and the stored record stays exactly as it was.
    await frame.getByRole('button', { name: 'View your certificate' }).click();
    await expect(frame.locator('certificate-view .facts')).toContainText(shown);
    await frame.getByRole('button', { name: 'Exit course' }).click();
    await relaunchMoodle(page);
    expect(await storedRecord(page)).toEqual(record);
    const calls = await lmsCalls(page);
    expect(calls.filter((c) => c.launch === 2 && /(SetValue|Commit)$/.test(c.fn))).toEqual([]);
    await closeCourse(page);
    // As moodle-records.spec.ts: Moodle's 1.2 player re-posts a relaunched record with the review's closing LMSFinish.
    const reviewFinish = /^launch [23], call \d+ LMSFinish\(""\): LMS error 101$/;
    expect(strictViolations(await lmsCalls(page), version).filter((v) => !reviewFinish.test(v))).toEqual([]);
  });

  test(`SCORM ${name}: a front-desk learner's CE record says participation, with the certificate's hours`, async ({ page }) => {
    test.setTimeout(180_000);
    const frame = await launchCourse(page, version, {}, server.url);
    await passAndChoose(frame, 'Front-desk or patient coordinator');
    const learnerId = learnerIdOf(version, await lmsData(page));
    const shown = await certificate(frame);
    // A participant's hours are those the activity is designated for (the fixture's nursing credit),
    // not the measured learning time, which supports more.
    const hours = Number(EXAMPLE.amount);
    expect(creditHours(estimatedMinutes(await courseData()))).toBeGreaterThan(hours);
    await expect(frame.locator('certificate-view .award')).toContainText(`${hours} hours`);
    await closeCourse(page);
    const today = localIsoDate(Date.now());
    const { values, counts } = ceOf(version, await lmsData(page));
    expect(values).toEqual({
      'ce-profession': 'front_desk',
      'ce-credit-type': 'participation',
      'ce-credit-amount': '0',
      'ce-hours': String(hours),
      'ce-completed': today,
      'ce-certificate': certificateNumber(EXAMPLE.id, learnerId || 'unknown', today),
      'ce-version': EXAMPLE.version,
    });
    expect(values['ce-certificate']).toBe(shown);
    expect(Object.values(counts).every((n) => n === 1)).toBe(true);
    expect(strictViolations(await lmsCalls(page), version)).toEqual([]);
  });
}
