import { copyFileSync, mkdtempSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, test, type FrameLocator, type Page } from '@playwright/test';
import { buildPackages } from '../../src/package/build-packages.ts';
import { serveStatic, type StaticServer } from '../../src/preview/server.ts';
import { creditHours, estimatedMinutes } from '../../src/course/learning-time.ts';
import { amountText, countText } from '../../src/ui/format.ts';
import { certificateNumber, isValidCertificateNumber } from '../../src/course/certificate-number.ts';
import { completeEvaluation, courseData, finishExam, goToCertificate, openFromMenu, readAllLessons, startExam } from '../support/flows.ts';
import { afterPaint, launchCourse, lmsData, relaunch, type Version } from '../support/lms.ts';
import { FIXTURE, ROOT } from '../support/paths.ts';

/*
 * The activity information (course.yaml) as learners see it: on the start screen, on the
 * About this activity screen and on the certificate, once with every field filled in (the
 * example file) and once as the project ships it (placeholders).
 *
 * The example is built the way `npm run package` builds the course, from a copy of the
 * project whose course.yaml is the example (the rest is linked, not copied), and served
 * with the preview LMS the global setup built. Nothing in the course or in the shared
 * setup changes for it, and only this file pays for the second build.
 */

const EXAMPLE = {
  provider: 'Example Nursing Education Provider (fictitious)',
  contact: '100 Example Street, Springfield, ce@example.org, 555-0100',
  id: 'EXAMPLE-SSC-2026',
  version: '2026.06.2',
  credit: '1.25 ANCC nursing contact hours, for Nurse (RN, LPN, LVN).',
  statement:
    'Example statement (fictitious): Example Nursing Education Provider is accredited as a provider of nursing continuing professional development by an example accreditor.',
  released: 'Released: January 15, 2026',
  reviewed: 'Content last reviewed: June 1, 2026',
  expires: 'Expires: December 31, 2028',
  people: ['Alex Example, MSN, RN', 'Sam Sample', 'Robin Demo, MD', 'Casey Reviewer, PA-C'],
  relationship: 'Consultant, Example Regenerative Products Inc. (fictitious)',
  mitigation: 'Content peer reviewed by a clinical reviewer without relevant financial relationships',
  support: 'Questions about the course or your certificate: ce-support@example.org',
  gap: "staff of the example provider's member clinics said they were unsure",
};

const HONEST = {
  provider: 'Provider: not yet provided.',
  id: 'Activity ID: not yet provided.',
  credit: 'This activity has not been designated for credit.',
  people: 'Planners, authors and clinical reviewers: not yet disclosed by the provider.',
  dates: ['Released: not yet provided', 'Content last reviewed: not yet provided', 'Expires: not yet provided'],
  gap: 'The practice gap this activity addresses: not yet provided.',
};

/** The value beside a label in the start screen's summary list. */
function fact(frame: FrameLocator, label: string) {
  return frame
    .locator('start-screen .facts > div')
    .filter({ has: frame.getByText(label, { exact: true }) })
    .locator('dd');
}

/**
 * Builds the course's own content with another course.yaml (an example) and serves it in the
 * preview LMS. The content's `rules:` come along: they belong to the lessons, not to the example.
 */
async function serveExample(courseYaml: string): Promise<{ server: StaticServer; dir: string }> {
  const dir = mkdtempSync(join(tmpdir(), 'course-example-'));
  for (const name of ['src', 'node_modules', 'lessons', 'quizzes', 'imsmanifest.xml', 'tsconfig.json', 'package.json'])
    symlinkSync(join(ROOT, name), join(dir, name));
  // Copied: Vite takes the project root from where these two files are.
  for (const name of ['vite.config.ts', 'index.html']) copyFileSync(join(ROOT, name), join(dir, name));
  const rules = /^rules:\n(?: .*\n|\n)*/m.exec(readFileSync(join(ROOT, 'course.yaml'), 'utf8'))?.[0] ?? '';
  const example = readFileSync(courseYaml, 'utf8').replace(/^rules:\n(?: .*\n|\n)*/m, '');
  writeFileSync(join(dir, 'course.yaml'), `${example.trimEnd()}\n\n${rules}`);
  const built = await buildPackages(dir, () => {});
  const dirOf = (v: string) => built.find((p) => p.version === v)?.dir ?? '';
  const server = await serveStatic({ '/': join(ROOT, 'build/preview'), '/scorm12/': dirOf('1.2'), '/scorm2004/': dirOf('2004') });
  return { server, dir };
}

async function violations(page: Page): Promise<string[]> {
  const result = await new AxeBuilder({ page }).include('#frame').withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}

/** Full-length screenshots at a phone's and a desktop's width, with no sideways scrolling at either. */
async function screenshots(page: Page, frame: FrameLocator, name: string): Promise<void> {
  for (const width of [320, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await afterPaint(frame);
    const overflow = await frame.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, `${name} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
    // Grow the window until the course frame holds the whole screen (the preview LMS gives it part of the window).
    const content = await frame.locator('course-app').evaluate((el) => Math.ceil(el.getBoundingClientRect().height));
    let height = 900;
    for (let i = 0; i < 4; i++) {
      const frameHeight = (await page.locator('#frame').boundingBox())?.height ?? height;
      if (frameHeight >= content) break;
      height = Math.min(16_000, Math.ceil((height * content) / frameHeight) + 20);
      await page.setViewportSize({ width, height });
    }
    await frame.locator('html').evaluate(() => window.scrollTo(0, 0));
    await afterPaint(frame);
    await page.locator('#frame').screenshot({ path: join(ROOT, 'test-results/screenshots', `activity-${width}px-${name}.png`) });
  }
  await page.setViewportSize({ width: 1280, height: 900 });
}

/** Reads every lesson, passes the exam, answers the evaluation (as `profession`, when given) and opens the certificate. */
async function complete(frame: FrameLocator, profession?: string): Promise<void> {
  await readAllLessons(frame);
  await startExam(frame);
  await finishExam(frame);
  if (profession) {
    await frame.getByRole('button', { name: 'Continue: Evaluation' }).click();
    await frame
      .getByRole('group', { name: /Your profession/ })
      .getByRole('radio', { name: profession })
      .check();
    await completeEvaluation(frame);
    await frame.getByRole('button', { name: /Continue: Certificate/ }).click();
    await expect(frame.getByRole('heading', { level: 1, name: /certificate/i })).toBeVisible();
    return;
  }
  await goToCertificate(frame);
}

/**
 * The certificate's height when printed on a Letter page at 96 dpi, inside index.html's
 * 15 mm margins (print media, at the printable width); a screenshot of it is kept.
 */
async function printedHeight(page: Page, frame: FrameLocator, name: string, paper: Paper = LETTER): Promise<number> {
  await page.emulateMedia({ media: 'print' });
  const certificate = frame.locator('certificate-view');
  const width = Math.floor(((paper.width - 30) / 25.4) * 96);
  await certificate.evaluate((el, w) => Object.assign((el as HTMLElement).style, { width: `${w}px`, display: 'block' }), width);
  const height = await certificate.evaluate((el) => el.getBoundingClientRect().height);
  await certificate.screenshot({ path: join(ROOT, 'test-results/screenshots', `activity-print-${name}-${paper.name}.png`) });
  await certificate.evaluate((el) => Object.assign((el as HTMLElement).style, { width: '', display: '' }));
  await page.emulateMedia({ media: 'screen' });
  return height;
}
/** Paper sizes in mm: A4 is the narrower page, Letter the shorter. */
type Paper = { name: string; width: number; height: number };
const LETTER: Paper = { name: 'letter', width: 215.9, height: 279.4 };
const A4: Paper = { name: 'a4', width: 210, height: 297 };
/** The printable height at 96 dpi inside index.html's 15 mm margins. */
const printable = (paper: Paper) => Math.floor(((paper.height - 30) / 25.4) * 96);
const LETTER_HEIGHT = printable(LETTER);

test.describe('with every field filled in (tests/fixtures/course-complete.yaml)', () => {
  test.describe.configure({ mode: 'default' });
  let example: { server: StaticServer; dir: string } | undefined;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    example = await serveExample(join(ROOT, 'tests/fixtures/course-complete.yaml'));
  });
  test.afterAll(async () => {
    await example?.server.close();
    if (example) rmSync(example.dir, { recursive: true, force: true });
  });
  const launch = (page: Page, version: Version, config = {}) => launchCourse(page, version, config, example?.server.url);
  const supportedHours = (h: number) => `supports at most ${amountText(h)} ${h === 1 ? 'hour' : 'hours'}, rounded down to the quarter hour`;

  test('the start screen shows the activity information before the Start button', async ({ page }) => {
    const frame = await launch(page, '12');
    const start = frame.locator('start-screen');
    const info = frame.getByRole('region', { name: 'About this activity' });
    await expect(info.getByRole('heading', { level: 2, name: 'About this activity' })).toBeVisible();
    const lessons = (await courseData()).lessons.length;
    await expect(start).toContainText(`in ${countText(lessons)} short lessons with a knowledge check after each`);
    await expect(start).toContainText('Then answer a short evaluation of the course, and your certificate is ready');
    await expect(fact(frame, 'Provider')).toHaveText(`Provided by ${EXAMPLE.provider}. Activity ID: ${EXAMPLE.id}.`);
    for (const text of [
      EXAMPLE.credit,
      'Set from the measured learning time',
      // The hours the content's measured learning time supports, whatever the lessons say today.
      supportedHours(creditHours(estimatedMinutes(await courseData()))),
      EXAMPLE.statement,
    ])
      await expect(fact(frame, 'Credit')).toContainText(text);
    for (const text of [EXAMPLE.released, EXAMPLE.reviewed, EXAMPLE.expires]) await expect(fact(frame, 'Dates')).toContainText(text);
    await expect(fact(frame, 'Disclosures')).toContainText('All of these relationships have been mitigated.');
    await expect(fact(frame, 'Commercial support')).toHaveText('None; this activity received no commercial support.');
    await expect(fact(frame, 'Unapproved and off-label uses')).toContainText(
      'products and uses that the US Food and Drug Administration (FDA)',
    );
    await expect(fact(frame, 'Questions')).toHaveText('ce-support@example.org');
    // The information is one step away, before Start; inside it the people are folded away too; both open with the keyboard.
    const all = info.locator('details').first();
    await expect(fact(frame, 'Provider')).toBeHidden();
    await all.locator('summary').first().focus();
    await page.keyboard.press('Enter');
    await expect(fact(frame, 'Provider')).toBeVisible();
    const people = info.locator('.facts details');
    await expect(people.locator('summary')).toHaveText('Who planned, wrote and reviewed this course (4 people)');
    await expect(info.getByText(EXAMPLE.relationship)).toBeHidden();
    await people.locator('summary').focus();
    await page.keyboard.press('Enter');
    for (const group of ['Planners', 'Authors', 'Clinical reviewers'])
      await expect(people.getByRole('heading', { level: 3, name: group })).toBeVisible();
    for (const p of EXAMPLE.people) await expect(people).toContainText(p);
    await expect(people).toContainText(`Financial relationships with ineligible companies: ${EXAMPLE.relationship}`);
    await expect(people).toContainText(`How this was mitigated: ${EXAMPLE.mitigation}`);
    await expect(people).toContainText('(Nurse planner). Financial relationships with ineligible companies: none.');
    // The information comes before the way in.
    const button = await frame.getByRole('button', { name: 'Start the course' }).elementHandle();
    const order = await info.evaluate(
      (section, b) => (b ? section.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING : 0),
      button,
    );
    expect(order).toBeTruthy();
    await expect(start).not.toContainText('not yet');
    for (const colorScheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme });
      // The preview LMS's page is light, so the device alone no longer darkens the course: the switch does.
      await frame.getByRole('combobox', { name: 'Colour scheme' }).selectOption(colorScheme);
      expect(await violations(page), colorScheme).toEqual([]);
    }
    await screenshots(page, frame, 'start');
    // The summary that opens the list is a touch target of at least 44 px on a phone.
    await page.setViewportSize({ width: 320, height: 720 });
    expect((await people.locator('summary').boundingBox())?.height).toBeGreaterThanOrEqual(44);
  });

  test('About this activity is in the course contents, shows everything, and a relaunch returns to it', async ({ page }) => {
    const frame = await launch(page, '12');
    await openFromMenu(frame, 'About this activity');
    const about = frame.locator('about-view');
    for (const h of [
      'How to complete the course and get your certificate',
      'Credit',
      'Dates',
      'Disclosures',
      'Planners',
      'Unapproved and off-label uses',
      'Why this activity',
      'Provider',
      'What you will learn',
    ]) {
      await expect(about.getByRole('heading', { name: h, exact: true })).toBeVisible();
    }
    for (const text of [
      `Provided by ${EXAMPLE.provider}.`,
      `Contact: ${EXAMPLE.contact}`,
      `Activity ID: ${EXAMPLE.id}`,
      `Content version: ${EXAMPLE.version}.`,
      EXAMPLE.credit,
      'Set from the measured learning time: ',
      EXAMPLE.statement,
      EXAMPLE.released,
      EXAMPLE.reviewed,
      `${EXAMPLE.expires} (the last day credit can be earned)`,
      ...EXAMPLE.people,
      EXAMPLE.relationship,
      EXAMPLE.mitigation,
      EXAMPLE.support,
      EXAMPLE.gap,
      'For nurses, medical assistants, front-desk',
      'It is not medical advice',
    ]) {
      await expect(about).toContainText(text);
    }
    await expect(about).not.toContainText('not yet');
    for (const colorScheme of ['dark', 'light'] as const) {
      await page.emulateMedia({ colorScheme });
      // The preview LMS's page is light, so the device alone no longer darkens the course: the switch does.
      await frame.getByRole('combobox', { name: 'Colour scheme' }).selectOption(colorScheme);
      expect(await violations(page), colorScheme).toEqual([]);
    }
    await screenshots(page, frame, 'about');
    // The bookmark accepts the new location.
    const again = await relaunch(page);
    expect((await lmsData(page))['cmi.core.lesson_location']).toBe('about');
    // Back again, the way on comes first and the activity information follows.
    await screenshots(page, again, 'start-returning');
    await again.getByRole('button', { name: 'Continue where you left off' }).click();
    await expect(again.getByRole('heading', { level: 1, name: 'About this activity' })).toBeVisible();
  });

  test('the certificate carries the provider, the activity, the learner, the credit, the statement and the dates, on one Letter or A4 page', async ({
    page,
  }) => {
    test.setTimeout(120_000);
    const frame = await launch(page, '12', { cmi: { 'cmi.core.student_name': 'Okafor, Adaeze', 'cmi.core.student_id': 'okafor-7' } });
    await complete(frame, 'Nurse (RN, LPN, LVN)');
    const certificate = frame.locator('certificate-view .certificate');
    const today = new Date().toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
    // The heading once, as the page's only h1.
    await expect(frame.getByRole('heading', { level: 1 })).toHaveText(['Certificate of completion']);
    for (const text of [
      EXAMPLE.provider,
      EXAMPLE.contact,
      'Adaeze Okafor',
      'Spinal Stenosis and Stem-Cell Therapy',
      `on ${today}`,
      'Credit awarded: 1.25 ANCC nursing contact hours',
      'Designation: Example statement (fictitious): this activity is designated for 1.25 ANCC nursing contact hours.',
      `Accreditation: ${EXAMPLE.statement}`,
      'Issued by Alex Example, MSN, RN, Nurse planner',
    ]) {
      await expect(certificate).toContainText(text);
    }
    const facts = certificate.locator('.facts');
    await expect(facts.locator('dt')).toHaveText([
      'Profession',
      'Activity ID',
      'Content version',
      'Certificate number',
      'Final exam score',
    ]);
    await expect(facts.locator('dd').nth(0)).toHaveText('Nurse (RN, LPN, LVN)');
    await expect(facts.locator('dd').nth(1)).toHaveText(EXAMPLE.id);
    await expect(facts.locator('dd').nth(2)).toHaveText(EXAMPLE.version);
    const number = (await facts.locator('dd').nth(3).textContent())?.trim() ?? '';
    const day = new Date();
    const iso = `${day.getFullYear()}-${String(day.getMonth() + 1).padStart(2, '0')}-${String(day.getDate()).padStart(2, '0')}`;
    expect(number).toBe(certificateNumber(EXAMPLE.id, 'okafor-7', iso));
    expect(isValidCertificateNumber(number)).toBe(true);
    // One hour figure: the credit, not the learning time beside it.
    await expect(certificate).not.toContainText('Estimated learning time');
    await expect(frame.getByRole('button', { name: 'Print or save as PDF' })).toBeVisible();
    expect(await violations(page)).toEqual([]);
    expect(await printedHeight(page, frame, 'certificate')).toBeLessThanOrEqual(LETTER_HEIGHT);
    expect(await printedHeight(page, frame, 'certificate', A4)).toBeLessThanOrEqual(printable(A4));
    await screenshots(page, frame, 'certificate');
  });

  test('before the release date the course runs and says why it offers no credit yet', async ({ page }) => {
    await page.clock.install({ time: new Date('2026-01-14T15:00:00') });
    const frame = await launch(page, '12');
    const line =
      'Credit is not offered yet: this activity is released for credit on January 15, 2026. A completion before that day earns no credit.';
    await expect(fact(frame, 'Credit')).toHaveText(line);
    await expect(frame.locator('start-screen')).not.toContainText(EXAMPLE.statement);
    await openFromMenu(frame, 'About this activity');
    await expect(frame.locator('about-view')).toContainText(line);
    await expect(frame.locator('about-view')).not.toContainText('ANCC');
  });

  test('after the expiry date the course still runs, says it has expired, and the certificate gives no credit', async ({ page }) => {
    test.setTimeout(120_000);
    await page.clock.install({ time: new Date('2029-01-10T15:00:00') });
    const frame = await launch(page, '2004', { cmi: { 'cmi.learner_name': 'Adaeze Okafor' } });
    const start = frame.locator('start-screen');
    await expect(start.locator('.notice[role="note"]')).toHaveText(
      'This activity is past its expiry date: it expired on December 31, 2028, and its content was last reviewed on June 1, 2026. It may be out of date. You can still take the course, but it no longer offers credit.',
    );
    await expect(start).toContainText('Credit is no longer offered. This activity expired on December 31, 2028.');
    await expect(start).toContainText('Expired: December 31, 2028');
    await expect(start).not.toContainText('ANCC');
    await expect(start).not.toContainText(EXAMPLE.statement);
    await screenshots(page, frame, 'start-expired');
    await complete(frame);
    const certificate = frame.locator('certificate-view .certificate');
    await expect(certificate).toContainText('Adaeze Okafor');
    await expect(certificate).toContainText('on January 10, 2029');
    await expect(certificate).toContainText('Completed after the expiry date (December 31, 2028): credit is no longer offered.');
    await expect(certificate).toContainText('Hours of participation:');
    await expect(certificate).not.toContainText('ANCC');
    await expect(certificate).not.toContainText(EXAMPLE.statement);
  });
});

// The course.yaml the project first shipped, every provider field a placeholder: a provider who
// fills in the shipped one does not change what this checks.
test.describe('with the provider fields still placeholders (tests/fixtures/course/course.yaml)', () => {
  let shipped: { server: StaticServer; dir: string } | undefined;
  test.beforeAll(async () => {
    test.setTimeout(180_000);
    shipped = await serveExample(join(FIXTURE, 'course.yaml'));
  });
  test.afterAll(async () => {
    await shipped?.server.close();
    if (shipped) rmSync(shipped.dir, { recursive: true, force: true });
  });
  test('the start screen, About this activity and the certificate say what is not yet provided, and invent nothing', async ({ page }) => {
    test.setTimeout(120_000);
    const frame = await launchCourse(page, '12', { cmi: { 'cmi.core.student_name': 'Okafor, Adaeze' } }, shipped?.server.url);
    const start = frame.locator('start-screen');
    await expect(fact(frame, 'Provider')).toHaveText('Not yet provided. Activity ID: not yet provided.');
    for (const text of [HONEST.credit, ...HONEST.dates, HONEST.people]) await expect(start).toContainText(text);
    await expect(fact(frame, 'Commercial support')).toHaveText('Not yet disclosed by the provider.');
    await expect(fact(frame, 'Questions')).toHaveText('Not yet provided.');
    await expect(start.locator('.facts details')).toHaveCount(0);
    await expect(start).not.toContainText('Accreditation statement');
    await expect(start).not.toContainText('mitigated');
    await expect(start).toContainText('For nurses, medical assistants, front-desk and patient-coordinator staff');
    await expect(start).toContainText('It is not medical advice');
    await screenshots(page, frame, 'start-placeholders');

    await openFromMenu(frame, 'About this activity');
    const about = frame.locator('about-view');
    for (const text of [
      HONEST.provider,
      HONEST.id,
      'Contact: not yet provided.',
      HONEST.credit,
      ...HONEST.dates,
      HONEST.people,
      'Commercial support: not yet disclosed by the provider.',
      HONEST.gap,
      'Questions about the course or your certificate: not yet provided.',
    ]) {
      await expect(about).toContainText(text);
    }
    await expect(about).not.toContainText('measured learning time');
    expect(await violations(page)).toEqual([]);

    await complete(frame);
    const certificate = frame.locator('certificate-view .certificate');
    for (const text of ['Provider: not yet provided', 'Adaeze Okafor', HONEST.credit, 'Issuer: not yet provided']) {
      await expect(certificate).toContainText(text);
    }
    expect(await printedHeight(page, frame, 'certificate-placeholders')).toBeLessThanOrEqual(LETTER_HEIGHT);
    await screenshots(page, frame, 'certificate-placeholders');
  });
});
