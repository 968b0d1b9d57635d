import { expect, test, type FrameLocator, type Locator, type Page } from '@playwright/test';
import { courseFrame } from './lms.ts';

/**
 * The course as Moodle 5.1's player shows it at its default settings on a 1366 x 768 laptop
 * (measured in the lab): a frame 714 x 666 px starting 296 px down a page taller than the
 * window, so only its top 470 px are visible and its bottom is below the fold.
 */
export const MOODLE_LAPTOP = { width: 1366, height: 768, frameTop: 296, frameWidth: 714, frameHeight: 666 } as const;

/** Sizes the preview LMS's course frame itself, e.g. to what of it Moodle's player shows at its defaults (the rest is below the fold). */
export async function frameOf(page: Page, width: number, height: number): Promise<void> {
  await page.setViewportSize({ width: width + 440, height: height + 200 });
  await page.addStyleTag({ content: `#main { grid-template-columns: ${width}px 26rem; } #frame { height: ${height}px !important; }` });
}

/** Lays out the preview LMS's page like Moodle's around the course frame (call after launch). */
export async function moodleLikeHost(page: Page): Promise<void> {
  const m = MOODLE_LAPTOP;
  await page.setViewportSize({ width: m.width, height: m.height });
  await page.addStyleTag({
    content: `body { height: auto; padding-bottom: 1200px; }
      #main { grid-template-columns: ${m.frameWidth}px 26rem; grid-template-rows: ${m.frameHeight}px; }
      #slot { margin-top: ${m.frameTop - 40}px; height: ${m.frameHeight}px; }
      #frame { height: ${m.frameHeight}px !important; }`,
  });
}

export function hostScroll(page: Page): Promise<number> {
  return page.evaluate(() => window.scrollY);
}

/** Scrolls the host page (the LMS's), as a learner who scrolled Moodle's page would have. */
export async function scrollHost(page: Page, y: number): Promise<void> {
  await page.evaluate((to) => window.scrollTo(0, to), y);
  expect(await hostScroll(page)).toBe(y);
}

/**
 * Activates a control with the keyboard: focus it without scrolling anything (Playwright's own
 * click and focus scroll every scroller up to the window, which would hide what the course does),
 * then Enter, as a learner would.
 */
export async function pressEnterOn(page: Page, control: Locator): Promise<void> {
  await control.evaluate((el) => (el as HTMLElement).focus({ preventScroll: true }));
  await page.keyboard.press('Enter');
}

/** The course's own scroll position (its document's), inside the frame. */
export function courseScroll(page: Page): Promise<number> {
  return courseFrame(page).evaluate(() => (document.scrollingElement ?? document.documentElement).scrollTop);
}

/** Opens a part of the course from its contents with the keyboard (behind the Contents button in a narrow course). */
export async function openFromContents(page: Page, frame: FrameLocator, title: string): Promise<void> {
  const toggle = frame.getByRole('button', { name: 'Show course contents' });
  if (await toggle.isVisible()) await pressEnterOn(page, toggle);
  const escaped = title.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  await pressEnterOn(page, frame.getByRole('navigation').getByRole('button', { name: new RegExp(`^${escaped} `) }));
  await expect(frame.getByRole('heading', { level: 1, name: title })).toBeFocused();
}

/**
 * End, pressed where the course has focus, scrolls the course's own document. Once in many CI
 * runs Chromium dropped the first press (the course stayed at 0 for 5 s with its heading focused);
 * a learner would press again, so the test does too, once, and records what the frame looked like.
 */
export async function pressEndInCourse(page: Page, where: string): Promise<void> {
  await page.keyboard.press('End');
  try {
    await expect.poll(() => courseScroll(page), { timeout: 3000 }).toBeGreaterThan(0);
    return;
  } catch {
    const seen = await courseFrame(page).evaluate(() => {
      const s = document.scrollingElement ?? document.documentElement;
      let el: Element | null = document.activeElement;
      while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
      return `focus in frame: ${document.hasFocus()}, active: ${el?.tagName ?? 'none'} "${el?.textContent?.slice(0, 40) ?? ''}", scrollHeight ${s.scrollHeight}, clientHeight ${s.clientHeight}`;
    });
    test.info().annotations.push({ type: 'End pressed twice', description: `${where}: ${seen}` });
    console.warn(`End pressed twice in ${where}: ${seen}`);
  }
  await page.keyboard.press('End');
  await expect.poll(() => courseScroll(page)).toBeGreaterThan(0);
}
