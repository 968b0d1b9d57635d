import type { FrameLocator, Page } from '@playwright/test';

/**
 * Opens the course in this scheme as a learner would get it with the switch: the choice kept
 * in the browser (the preview LMS's page is light, so the device's preference alone no longer
 * makes the course dark). Call before launching.
 */
export async function chooseScheme(page: Page, scheme: 'light' | 'dark'): Promise<void> {
  await page.addInitScript((s) => {
    try {
      localStorage.setItem('course:color-scheme', s);
    } catch {
      // an opaque origin (about:blank) has no storage; the course frame does
    }
  }, scheme);
}

/** The scheme the course applied, and whether its page is painted dark (luminance of its background). */
export async function courseScheme(frame: FrameLocator): Promise<{ scheme: string | null; dark: boolean }> {
  return frame.locator('course-app').evaluate((app) => {
    const bg = getComputedStyle(app).backgroundColor;
    const [r = 0, g = 0, b = 0] = (bg.match(/[\d.]+/g) ?? []).map(Number);
    return { scheme: document.documentElement.dataset.scheme ?? null, dark: 0.2126 * r + 0.7152 * g + 0.0722 * b < 128 };
  });
}
