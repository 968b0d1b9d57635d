import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { courseData, openFromMenu } from '../support/flows.ts';
import { courseFrame, launchCourse } from '../support/lms.ts';
import { ROOT } from '../support/paths.ts';

const shot = (name: string) => join(ROOT, 'test-results/screenshots', `${name}.png`);

test('a citation leads to its reference and back, by keyboard, inside the lesson', async ({ page }) => {
  const frame = await launchCourse(page, '12');
  await frame.getByRole('button', { name: 'Start the course' }).click();
  const lesson = (await courseData()).lessons[0];
  if (!lesson) throw new Error('no lesson');
  const first = lesson.references[0];
  if (!first || first.citations < 2) throw new Error("the first lesson's first reference should be cited twice");
  await expect(frame.getByRole('heading', { level: 1, name: lesson.title })).toBeVisible();

  // Markers are links named for screen readers, not just "[1]".
  const markers = frame.locator('lesson-view .body sup.cite a');
  expect(await markers.count()).toBeGreaterThan(3);
  const marker = frame.locator(`lesson-view [id="cite-${lesson.id}-${first.id}-2"]`);
  await expect(marker).toHaveAccessibleName('Reference 1');
  await expect(marker).toHaveText('[Reference 1]'); // the visible text is "[1]"; "Reference " is for screen readers

  // Enter on the marker moves focus (and the view) to the reference entry.
  await marker.focus();
  await page.keyboard.press('Enter');
  const entry = frame.locator(`lesson-view li[id="ref-${lesson.id}-${first.id}"]`);
  await expect(entry).toBeFocused();
  await expect(entry).toBeInViewport();
  await expect(entry).toContainText(first.text);
  // Its web page is dated.
  if (first.accessed) await expect(entry).toContainText(/\(accessed January 2026\)/);
  // The course's address did not change: the jump happened inside the lesson.
  expect(courseFrame(page).url()).not.toContain('#ref-');

  // The entry links back to each place it is cited; the second link returns to the marker used.
  const backLinks = entry.getByRole('link', { name: /^Back to citation [a-z] of reference 1$/ });
  await expect(backLinks).toHaveCount(first.citations);
  await backLinks.nth(1).focus();
  await page.keyboard.press('Enter');
  await expect(marker).toBeFocused();
  await expect(marker).toBeInViewport();

  // A reference cited once has a single "Back to text" link.
  const once = lesson.references.find((r) => r.citations === 1);
  if (once) {
    const n = lesson.references.indexOf(once) + 1;
    const onceMarker = frame.locator(`lesson-view [id="cite-${lesson.id}-${once.id}-1"]`);
    await onceMarker.focus();
    await page.keyboard.press('Enter');
    const onceEntry = frame.locator(`lesson-view li[id="ref-${lesson.id}-${once.id}"]`);
    await expect(onceEntry).toBeFocused();
    await onceEntry.getByRole('link', { name: `Back to text (reference ${n})` }).click();
    await expect(onceMarker).toBeFocused();
  }
});

for (const width of [320, 1280]) {
  test(`at ${width} px, citations and the reference list read well and fit (screenshots)`, async ({ page }, info) => {
    await page.setViewportSize({ width, height: width < 700 ? 720 : 900 });
    const frame = await launchCourse(page, '12');
    await frame.getByRole('button', { name: 'Start the course' }).click();
    const course = await courseData();
    const [anatomy, stenosis] = course.lessons;
    if (!anatomy || !stenosis) throw new Error('lessons missing');
    await expect(frame.getByRole('heading', { level: 1, name: anatomy.title })).toBeVisible();

    const save = async (name: string, locator: { screenshot: (o: { path: string }) => Promise<Buffer> }) => {
      const path = shot(`${name}-${width}px`);
      await locator.screenshot({ path });
      await info.attach(`${name}-${width}px`, { path, contentType: 'image/png' });
    };
    // A paragraph with two markers, and one with a marker in a list.
    await save('citations-paragraph', frame.locator('lesson-view .body p', { has: frame.locator('sup.cite') }).nth(1));
    await save('citations-list', frame.locator('lesson-view .body ul', { has: frame.locator('sup.cite') }).first());
    // The reference list as the learner sees it after following a citation: the entry in focus.
    const marker = frame.locator('lesson-view .body sup.cite a').first();
    await marker.focus();
    await page.keyboard.press('Enter');
    await save('citations-references', page.locator('#frame'));

    // The longest list: lesson 2, with DOIs and dated web pages.
    if (width <= 768) await frame.getByRole('button', { name: 'Show course contents' }).click();
    await openFromMenu(frame, stenosis.title);
    const care = frame.locator('lesson-view .body li', { hasText: 'Epidural steroid injections' });
    await care.evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await save('citations-standard-care', page.locator('#frame'));
    await frame.locator('lesson-view #refs').evaluate((el) => el.scrollIntoView({ block: 'start' }));
    await save('citations-references-stenosis', page.locator('#frame'));
    const overflow = await frame.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth);
    expect(overflow, `the lesson scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
  });
}
