import { chooseScheme } from '../support/color-scheme.ts';
import { join } from 'node:path';
import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { showComponentSample } from '../support/components-sample.ts';
import { courseData, openFromMenu } from '../support/flows.ts';
import { launchCourse } from '../support/lms.ts';
import { ROOT } from '../support/paths.ts';

async function lessonTitle(id: string): Promise<string> {
  const lesson = (await courseData()).lessons.find((l) => l.id === id);
  if (!lesson) throw new Error(`no lesson ${id}`);
  return lesson.title;
}

async function openLesson(frame: FrameLocator, id: string, narrow = false): Promise<void> {
  if (narrow) await frame.getByRole('button', { name: 'Show course contents' }).click();
  await openFromMenu(frame, await lessonTitle(id));
}

/** Text only screen readers get: in the page, but not on screen. */
async function expectHidden(text: Locator): Promise<void> {
  const box = await text.boundingBox();
  expect(box?.width ?? 0).toBeLessThanOrEqual(1);
}

test('lesson 2: red flags in an emergency care card read as "Emergency advice", the FDA warning in a callout, the caveat as inset text', async ({
  page,
}) => {
  const frame = await launchCourse(page, '12');
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await openLesson(frame, 'stenosis');

  const card = frame.locator('lesson-view .care-card--emergency');
  await expect(card).toHaveCount(1);
  await expect(card.getByRole('heading', { level: 3 })).toHaveAccessibleName(
    'Emergency advice: Emergency: get a clinician now; if none can be reached at once, the emergency department',
  );
  await expectHidden(card.locator('h3 .visually-hidden'));
  await expect(card.getByRole('listitem')).toHaveCount(3);
  await expect(card.getByRole('listitem').first()).toContainText('Cauda equina syndrome');
  // The same-day signs in an urgent card beside it.
  await expect(frame.locator('lesson-view .care-card--urgent').getByRole('heading', { level: 3 })).toHaveAccessibleName(
    'Urgent advice: Same day: pass to a clinician before the call ends',
  );
  // Citations and glossary links inside the card still work.
  await expect(card.locator('sup.cite a').first()).toHaveAccessibleName(/^Reference \d+$/);
  await expect(card.locator('a.term').first()).toBeVisible();

  const warning = frame.locator('lesson-view .warning-callout');
  await expect(warning.getByRole('heading', { level: 3 })).toHaveAccessibleName('Important: FDA safety warning');
  await expect(warning).toContainText('In April 2014 the FDA required a warning');

  const inset = frame.locator('lesson-view .inset-text');
  await expect(inset).toContainText('no stem-cell or other cell product is FDA-approved for spinal stenosis');
  await expectHidden(inset.getByText('Information:'));
});

test('lesson 6: an urgent care card read as "Urgent advice"; "Do" and "Don\'t" lists whose ticks and crosses are hidden from screen readers', async ({
  page,
}) => {
  const frame = await launchCourse(page, '12');
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await openLesson(frame, 'risks');

  const card = frame.locator('lesson-view .care-card--urgent');
  await expect(card.getByRole('heading', { level: 3 })).toHaveAccessibleName(
    'Urgent advice: Same day: after an injection or harvest, a patient reports',
  );
  await expect(card).toContainText('the patient needs to be assessed today');

  const doList = frame.locator('lesson-view .do-dont--do');
  await expect(doList.getByRole('heading', { level: 3 })).toHaveAccessibleName('Do');
  await expect(doList.getByRole('list').getByRole('listitem')).toHaveCount(4);
  const dontList = frame.locator('lesson-view .do-dont--dont');
  await expect(dontList.getByRole('heading', { level: 3 })).toHaveAccessibleName("Don't");
  await expect(dontList.getByRole('listitem')).toHaveText([
    'Do not promise or dismiss outcomes, and do not give individual medical advice outside your role.',
  ]);
  for (const icon of await frame.locator('lesson-view .do-dont__icon').all()) {
    await expect(icon).toHaveAttribute('aria-hidden', 'true');
    await expect(icon).toBeVisible();
  }
  await expect(frame.locator('lesson-view .inset-text')).toContainText('The sample answers below are starting points');
});

test('a non-urgent care card and a details expander (sample): named for screen readers, opened with the keyboard, 44 px to touch', async ({
  page,
}) => {
  const frame = await launchCourse(page, '12');
  await frame.getByRole('button', { name: 'Start the course' }).click();
  await showComponentSample(frame);
  await expect(frame.locator('lesson-view .care-card--non-urgent').getByRole('heading', { level: 3 })).toHaveAccessibleName(
    'Non-urgent advice: Book a routine appointment if a patient has:',
  );
  const details = frame.locator('lesson-view details.details');
  const summary = details.locator('summary');
  await expect(summary).toHaveAccessibleName('What the clinician checks on examination');
  await expect(details.getByText('Reflexes, strength')).toBeHidden();
  expect((await summary.boundingBox())?.height ?? 0).toBeGreaterThanOrEqual(44);
  await summary.focus();
  await page.keyboard.press('Enter');
  await expect(details.getByText('Reflexes, strength')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(details.getByText('Reflexes, strength')).toBeHidden();
});

const shot = (name: string) => join(ROOT, 'test-results/screenshots', `${name}.png`);

/** Puts a component near the top of the window, with a little of the text above it. */
async function bringIntoView(component: Locator): Promise<void> {
  await component.evaluate((el) => {
    el.scrollIntoView({ block: 'start' });
    window.scrollBy(0, -48);
  });
}

async function noSidewaysScroll(frame: FrameLocator, what: string, width: number): Promise<void> {
  const overflow = await frame.locator('html').evaluate((el) => el.scrollWidth - el.clientWidth);
  expect(overflow, `${what} scrolls sideways at ${width} px`).toBeLessThanOrEqual(0);
}

for (const scheme of ['light', 'dark'] as const) {
  for (const width of [320, 1280]) {
    test(`${scheme}, ${width} px: every component fits without sideways scrolling (screenshots cards-*)`, async ({ page }, info) => {
      await page.emulateMedia({ colorScheme: scheme });
      // The preview LMS's page is light: the switch's stored choice gives the dark scheme.
      await chooseScheme(page, scheme);
      await page.setViewportSize({ width, height: width < 700 ? 720 : 900 });
      const frame = await launchCourse(page, '12');
      await frame.getByRole('button', { name: 'Start the course' }).click();
      const narrow = width <= 768;
      const save = async (name: string, component: Locator, p: Page = page) => {
        await bringIntoView(component);
        await noSidewaysScroll(frame, name, width);
        const path = shot(`cards-${name}-${width}px-${scheme}`);
        await p.locator('#frame').screenshot({ path });
        await info.attach(`cards-${name}-${width}px-${scheme}`, { path, contentType: 'image/png' });
      };

      await openLesson(frame, 'stenosis', narrow);
      await save('emergency', frame.locator('lesson-view .care-card--emergency'));
      await save('warning', frame.locator('lesson-view .warning-callout'));
      await save('inset', frame.locator('lesson-view .inset-text'));

      await openLesson(frame, 'risks', narrow);
      await save('do-dont', frame.locator('lesson-view .do-dont--do'));
      await save('urgent', frame.locator('lesson-view .care-card--urgent'));

      await showComponentSample(frame);
      await save('non-urgent', frame.locator('lesson-view .care-card--non-urgent'));
      await frame.locator('lesson-view details.details summary').click();
      await save('details-open', frame.locator('lesson-view details.details'));
    });
  }
}
