import { expect, test, type Page } from '@playwright/test';
import { courseData } from '../support/flows.ts';
import { VERSIONS, courseFrame, launchCourse, lmsCalls, type Version } from '../support/lms.ts';
import { frameOf } from '../support/moodle-frame.ts';

/**
 * The packaged page before its script runs: the first screen drawn at build time, and the early
 * Initialize in <head>. The course's module is cut out of the page as the preview LMS serves it,
 * which is what a learner's browser shows while that module is still being compiled.
 */
async function launchWithoutCourseScript(page: Page, version: Version): Promise<void> {
  await page.route(/\/scorm(12|2004)\/index\.html$/, async (route) => {
    const response = await route.fetch();
    const html = await response.text();
    const start = html.indexOf('<script type="module"');
    const end = html.indexOf('</script>', start);
    expect(start, 'the course script is in the page').toBeGreaterThan(0);
    await route.fulfill({ response, body: html.slice(0, start) + html.slice(end + '</script>'.length) });
  });
  await page.addInitScript(() => {
    (window as unknown as { __lmsConfig: object }).__lmsConfig = {};
  });
  await page.goto(`${process.env.LMS_URL}/?scorm=${version}`);
}

/** The box of the visible level-1 heading in the course frame, rounded to whole pixels. */
async function headingBox(page: Page): Promise<number[]> {
  const box = await page.frameLocator('iframe[name="course"]').getByRole('heading', { level: 1 }).boundingBox();
  if (!box) throw new Error('no heading');
  return [box.x, box.y, box.width, box.height].map(Math.round);
}

for (const version of VERSIONS) {
  const label = version === '12' ? '1.2' : '2004';

  test(`SCORM ${label}: before the course's script runs, the page shows the title, what the course is for and the time, where the start screen then shows them`, async ({
    page,
  }) => {
    const course = await courseData();
    // A phone, Moodle's frame on a laptop (one column), a wide course (the contents column beside).
    for (const [width, height] of [
      [320, 600],
      [714, 470],
      [1024, 600],
    ] as const) {
      await launchWithoutCourseScript(page, version);
      await frameOf(page, width, height);
      const first = page.frameLocator('iframe[name="course"]').locator('#course-first-screen');
      await expect(first.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
      await expect(first.locator('.fs-lead')).toHaveText(/^This course prepares clinic staff for the questions patients ask/);
      const firstTexts = [await first.locator('.fs-lead').textContent(), await first.locator('.fs-key').textContent()];
      const before = await headingBox(page);
      await page.unrouteAll();

      const frame = await launchCourse(page, version);
      await frameOf(page, width, height);
      await expect(frame.locator('#course-first-screen')).toHaveCount(0);
      await expect(frame.getByRole('heading', { level: 1 })).toHaveCount(1);
      const start = frame.locator('start-screen');
      expect(firstTexts, `${width} px: the same words`).toEqual([
        await start.locator('.lead').textContent(),
        await start.locator('.key p').first().textContent(),
      ]);
      // No jump when the course takes over: the heading is where the first screen drew it.
      expect(await headingBox(page), `${width} px: the heading's box`).toEqual(before);
    }
  });

  test(`SCORM ${label}: the package opens the LMS session from its <head>, before the course's script, and the course takes that session over without a second Initialize`, async ({
    page,
  }) => {
    await launchWithoutCourseScript(page, version);
    await expect(page.frameLocator('iframe[name="course"]').locator('#course-first-screen h1')).toBeVisible();
    const early = await lmsCalls(page);
    expect(early.map((c) => [c.fn, c.result])).toEqual([[version === '12' ? 'LMSInitialize' : 'Initialize', 'true']]);
    await page.unrouteAll();

    const frame = await launchCourse(page, version);
    await frame.getByRole('button', { name: 'Start the course' }).click();
    const calls = await lmsCalls(page);
    const launch = Math.max(...calls.map((c) => c.launch));
    const ours = calls.filter((c) => c.launch === launch);
    expect(ours.filter((c) => /Initialize$/.test(c.fn))).toHaveLength(1);
    expect(ours[0]?.fn, 'Initialize comes first').toMatch(/Initialize$/);
    // The session works: the course reads and writes through it.
    expect(ours.some((c) => /GetValue$/.test(c.fn))).toBe(true);
    expect(courseFrame(page).url()).toMatch(/index\.html/);
  });
}

test("the first screen is drawn in the scheme the course will use: the page around it, not the device's, unless the learner chose one", async ({
  page,
}) => {
  await page.emulateMedia({ colorScheme: 'dark' });
  const first = page.frameLocator('iframe[name="course"]');
  const background = () => first.locator('body').evaluate((b) => getComputedStyle(b).backgroundColor);
  // The preview LMS's page is light: a dark device gets a light first screen, as the course then is.
  await launchWithoutCourseScript(page, '12');
  await expect(first.locator('#course-first-screen h1')).toBeVisible();
  await expect(first.locator(':root')).toHaveAttribute('data-scheme', 'light');
  expect(await background()).toBe('rgb(251, 251, 250)');
  await page.unrouteAll();
  const frame = await launchCourse(page, '12');
  await expect(frame.locator(':root')).toHaveAttribute('data-scheme', 'light');

  // The learner's own choice, kept in this browser, wins from the first frame.
  await page.addInitScript(() => {
    if (window !== window.top) localStorage.setItem('course:color-scheme', 'dark');
  });
  await launchWithoutCourseScript(page, '12');
  await expect(first.locator('#course-first-screen h1')).toBeVisible();
  await expect(first.locator(':root')).toHaveAttribute('data-scheme', 'dark');
  expect(await background()).toBe('rgb(21, 25, 29)');
});
