import type { Frame, Page } from '@playwright/test';

/** What has keyboard focus in the course frame, looking through shadow roots. */
export interface Focused {
  tag: string;
  type: string;
  name: string;
  /** Accessible name as a learner hears it: aria-label, label or text. */
  label: string;
  /** The question the focused control belongs to, if any. */
  question: string;
}

export function focused(frame: Frame): Promise<Focused | null> {
  return frame.evaluate(() => {
    if (!document.hasFocus()) return null;
    let el: Element | null = document.activeElement;
    while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement;
    if (!el || el === document.body) return null;
    const input = el as HTMLInputElement;
    const label = (el.getAttribute('aria-label') ?? input.labels?.[0]?.textContent ?? el.textContent ?? '').replace(/\s+/g, ' ').trim();
    const host = (el.getRootNode() as ShadowRoot).host as HTMLElement | undefined;
    return {
      tag: el.tagName.toLowerCase(),
      type: input.type ?? '',
      name: input.name ?? '',
      label,
      question: host?.dataset?.question ?? '',
    };
  });
}

/** Presses Tab (or Shift+Tab) until the focused control matches, as a keyboard user would. */
export async function tabTo(
  page: Page,
  frame: Frame,
  matches: (f: Focused) => boolean,
  what: string,
  key: 'Tab' | 'Shift+Tab' = 'Tab',
): Promise<void> {
  for (let i = 0; i < 300; i++) {
    await page.keyboard.press(key);
    const f = await focused(frame);
    if (f && matches(f)) return;
  }
  throw new Error(`could not reach ${what} with ${key}`);
}

export const button = (text: string | RegExp) => (f: Focused) =>
  f.tag === 'button' && (typeof text === 'string' ? f.label === text : text.test(f.label));
