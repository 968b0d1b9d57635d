import { join } from 'node:path';
import { expect, test, type FrameLocator } from '@playwright/test';
import { courseData } from '../support/flows.ts';
import { focused } from '../support/keyboard.ts';
import { VERSIONS, courseFrame, launchCourse } from '../support/lms.ts';
import { frameOf, hostScroll, openFromContents, pressEndInCourse, pressEnterOn } from '../support/moodle-frame.ts';
import { ROOT } from '../support/paths.ts';

const shot = (name: string) => join(ROOT, 'test-results/screenshots', `${name}.png`);

/** The bottom of an element of the course, in its frame's viewport, looking through shadow roots. */
function bottomOf(frame: FrameLocator, selector: string) {
  return frame
    .locator(selector)
    .first()
    .evaluate((el) => el.getBoundingClientRect().bottom);
}

for (const version of VERSIONS) {
  test(`SCORM ${version === '12' ? '1.2' : '2004'}: in the 714 x 470 px that Moodle's player shows, the start screen shows the title once, what the course is for, time and credit, the disclosures in short, and Start`, async ({
    page,
  }) => {
    const course = await courseData();
    const frame = await launchCourse(page, version);
    await frameOf(page, 714, 470);
    const start = frame.locator('start-screen');
    await expect(frame.getByRole('heading', { level: 1, name: course.title })).toBeVisible();
    await expect(start.locator('.lead')).toHaveText(
      /^This course prepares clinic staff for the questions patients ask about spinal stenosis/,
    );
    await expect(start.locator('.key')).toContainText(/Time: about [\d.]+ hours?, in \d+ short lessons and a final exam\./);
    await expect(start.locator('.key .credit')).toBeVisible();
    await expect(start.locator('.key')).toContainText('Disclosures: not yet provided. Commercial support: not yet disclosed.');
    const startButton = frame.getByRole('button', { name: 'Start the course' });
    for (const [what, selector] of [
      ['the title', 'start-screen h1'],
      ['what it is for', 'start-screen .lead'],
      ['time, credit and disclosures', 'start-screen .key'],
      ['Start', 'start-screen .actions button'],
    ] as const)
      expect(await bottomOf(frame, selector), `${what} is below the first screen`).toBeLessThanOrEqual(470);
    await expect(startButton).toBeInViewport({ ratio: 1 });
    // The detail an accreditor requires comes before Start, one step away: the summary opens it.
    const objectives = course.lessons.reduce((n, l) => n + l.objectives.length, 0);
    const details = start.locator('details', {
      has: frame.locator('summary', { hasText: `Objectives (${objectives}), credit, dates, disclosures and commercial support in full` }),
    });
    await expect(start.getByRole('heading', { name: 'What you will learn' })).toBeHidden();
    await pressEnterOn(page, details.locator('summary').first());
    await expect(details.locator('.facts')).toBeVisible();
    await expect(details.getByRole('heading', { name: 'What you will learn' })).toBeVisible();
    for (const l of course.lessons) await expect(details.getByRole('heading', { level: 4, name: l.title })).toBeVisible();
    const order = await details.evaluate(
      (d, b) => (b ? d.compareDocumentPosition(b) & Node.DOCUMENT_POSITION_FOLLOWING : 0),
      await startButton.elementHandle(),
    );
    expect(order).toBeTruthy();
    // The full title once inside the course; the header has the short one, whole (not cut with an ellipsis).
    const text = await frame.locator('course-app').evaluate((app) => {
      const all = (n: Node): string =>
        n instanceof Element && n.shadowRoot
          ? [...n.shadowRoot.childNodes].map(all).join(' ')
          : n.nodeType === Node.TEXT_NODE
            ? (n.textContent ?? '')
            : [...n.childNodes].map(all).join(' ');
      return all(app);
    });
    expect(text.split(course.title).length - 1).toBe(1);
    const title = frame.locator('header .course-title');
    await expect(title).toHaveText(course.activity.shortTitle ?? '');
    expect(await title.evaluate((el) => el.scrollWidth - el.clientWidth)).toBeLessThanOrEqual(0);
    await page.locator('#frame').screenshot({ path: shot(`start-714x470-${version}`) });
  });
}

test('on a phone the start screen fits its width; screenshots at 367 x 500 (Moodle on a 390 x 844 phone) and 390 x 844', async ({
  page,
}) => {
  const frame = await launchCourse(page, '12');
  for (const [w, h] of [
    [367, 500],
    [390, 844],
  ] as const) {
    await frameOf(page, w, h);
    await expect(frame.getByRole('button', { name: 'Start the course' })).toBeVisible();
    expect(
      await frame.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth),
      `sideways scrolling at ${w} px`,
    ).toBeLessThanOrEqual(0);
    await page.locator('#frame').screenshot({ path: shot(`start-${w}x${h}`) });
  }
});

test('every lesson: Continue is at most 10 Tab presses after its last paragraph, a skip link at its top leads there, and the references stay reachable after it', async ({
  page,
}) => {
  test.setTimeout(90_000);
  const course = await courseData();
  const frame = await launchCourse(page, '12');
  await frameOf(page, 714, 666);
  const host = await hostScroll(page);
  await pressEnterOn(page, frame.getByRole('button', { name: 'Start the course' }));
  for (const [i, lesson] of course.lessons.entries()) {
    if (i > 0) await openFromContents(page, frame, lesson.title);
    const h1 = frame.getByRole('heading', { level: 1, name: lesson.title });
    await expect(h1).toBeFocused();
    // From the heading: the first Tab reaches the skip link, which takes focus to Continue.
    await page.keyboard.press('Tab');
    const skip = frame.getByRole('link', { name: 'Skip to the end of the lesson' });
    await expect(skip).toBeFocused();
    await expect(skip).toBeInViewport();
    await page.keyboard.press('Enter');
    const next = frame.locator('lesson-view .end button');
    await expect(next).toBeFocused();
    await expect(next).toHaveText(/^Continue: /);
    await expect(next).toBeInViewport();
    expect(await hostScroll(page), 'the skip link moved the page around the course').toBe(host);

    // From the last paragraph of the lesson's text, as a reader who got there: count the Tab presses.
    await frame
      .locator('lesson-view .body p')
      .last()
      .evaluate((p) => {
        p.setAttribute('tabindex', '-1');
        (p as HTMLElement).focus({ preventScroll: true });
      });
    let presses = 0;
    for (; presses < 11;) {
      await page.keyboard.press('Tab');
      presses++;
      if ((await focused(courseFrame(page)))?.label.startsWith('Continue: ')) break;
    }
    expect(presses, `Tab presses from the last paragraph of "${lesson.title}" to Continue`).toBeLessThanOrEqual(10);
    // The references follow Continue, every link still reachable: the next Tab is the first reference's link.
    const refLinks = frame.locator('lesson-view .references a');
    if (await refLinks.count()) {
      await page.keyboard.press('Tab');
      await expect(refLinks.first()).toBeFocused();
    }
  }
});

test('the progress counts what completion counts and says so; knowledge checks are marked as practice', async ({ page }) => {
  const course = await courseData();
  const steps = course.lessons.length + 1 + (course.evaluation?.required ? 1 : 0);
  const frame = await launchCourse(page, '12');
  await frameOf(page, 1280, 800);
  const progress = frame.locator('header .progress');
  await expect(progress).toHaveText(`Required parts: 0 of ${steps} done`);
  await pressEnterOn(page, frame.getByRole('button', { name: 'Start the course' }));
  // End scrolls what has focus: wait for the lesson to take it, or the key lands on the start screen.
  await expect(frame.getByRole('heading', { level: 1, name: course.lessons[0]?.title })).toBeFocused();
  await pressEndInCourse(page, 'the first lesson');
  await expect(progress).toHaveText(`Required parts: 1 of ${steps} done`);
  const check = course.quizzes.find((q) => !q.graded);
  await expect(frame.getByRole('navigation').getByRole('button', { name: `${check?.title} practice, not taken yet` })).toBeVisible();
});

test('at 1280 px the contents stay in view beside a long lesson; after exit there are no contents, and the header keeps the title and the progress apart', async ({
  page,
}) => {
  const course = await courseData();
  const frame = await launchCourse(page, '12');
  await frameOf(page, 1280, 800);
  await pressEnterOn(page, frame.getByRole('button', { name: 'Start the course' }));
  await expect(frame.getByRole('heading', { level: 1, name: course.lessons[0]?.title })).toBeFocused();
  await pressEndInCourse(page, 'the first lesson');
  await expect(frame.getByText('You have read this lesson.')).toBeAttached();
  const menu = frame.getByRole('navigation', { name: 'Course contents' });
  await expect(menu.getByRole('heading', { name: 'Course contents' })).toBeInViewport();
  await expect(menu.getByRole('button', { name: `${course.lessons[0]?.title} read` })).toBeInViewport();

  for (const width of [1280, 714, 390]) {
    const again = await launchCourse(page, '12');
    await frameOf(page, width, 600);
    await pressEnterOn(page, again.getByRole('button', { name: 'Exit course' }));
    await expect(again.getByRole('heading', { level: 1, name: 'You have left the course' })).toBeFocused();
    await expect(again.locator('course-menu')).toHaveCount(0);
    await expect(again.getByRole('button', { name: /contents/i })).toHaveCount(0);
    await expect(again.getByRole('button', { name: 'Exit course' })).toHaveCount(0);
    const bar = again.locator('header progress');
    await expect(bar).toBeVisible();
    expect((await bar.boundingBox())?.width ?? 0).toBeGreaterThan(20);
    const words = await again.locator('header .progress').boundingBox();
    const title = again.locator('header .course-title');
    if (await title.isVisible()) {
      const t = await title.boundingBox();
      expect((t?.x ?? 0) + (t?.width ?? 0), `title and progress overlap at ${width} px`).toBeLessThanOrEqual(words?.x ?? 0);
    }
    await page.locator('#frame').screenshot({ path: shot(`exited-${width}`) });
  }
});
