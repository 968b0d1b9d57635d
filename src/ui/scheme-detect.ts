/**
 * Which colour scheme the course starts in, decided without Lit or the palette, so that the page's
 * early script in <head> (src/head.ts) sets it before the first screen is painted and the course
 * (color-scheme.ts) decides the same way after: the learner's choice, else the page around the
 * course, else the device.
 */

/** What the learner chose with the switch: a scheme, or "automatic". */
export type SchemeChoice = 'auto' | 'light' | 'dark';
export type Scheme = 'light' | 'dark';

/** A preference of this browser, not course progress: kept beside it, never sent to the LMS. */
export const KEY = 'course:color-scheme';
export const DEVICE_DARK = '(prefers-color-scheme: dark)';

/** The stored choice; "auto" when there is none or storage is unavailable (a sandboxed frame, blocked cookies). */
export function storedChoice(storage: () => Storage | null): SchemeChoice {
  try {
    const value = storage()?.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

/** `rgb(…)`/`rgba(…)` as numbers 0-255 and alpha 0-1; null for anything else. */
function parseColor(value: string): { r: number; g: number; b: number; a: number } | null {
  const m = /^rgba?\(\s*([\d.]+)[\s,]+([\d.]+)[\s,]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value);
  if (!m) return null;
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? parseFloat(m[4]) / 100 : Number(m[4]);
  return { r: Number(m[1]), g: Number(m[2]), b: Number(m[3]), a: alpha };
}

/** WCAG relative luminance, 0 (black) to 1 (white). */
function luminance({ r, g, b }: { r: number; g: number; b: number }): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/**
 * The scheme of the page around the course (Moodle's player page), when the browser lets the
 * course read it: a Bootstrap `data-bs-theme`, else the page's painted background, else its
 * `color-scheme` (an unstyled page is white). Null when the course is not in a frame or the
 * page is on another origin: reading it throws, and the device decides.
 */
export function hostScheme(win: Window): Scheme | null {
  try {
    if (win.parent === win) return null;
    const doc = win.parent.document;
    const view = doc.defaultView;
    if (!view) return null;
    const root = doc.documentElement;
    const declared = root.getAttribute('data-bs-theme') ?? doc.body?.getAttribute('data-bs-theme');
    if (declared === 'light' || declared === 'dark') return declared;
    for (const el of [doc.body, root]) {
      const bg = el ? parseColor(view.getComputedStyle(el).backgroundColor) : null;
      // Mid grey (#777) and darker reads as a dark page.
      if (bg && bg.a >= 0.5) return luminance(bg) < 0.18 ? 'dark' : 'light';
    }
    const words = view.getComputedStyle(root).colorScheme.split(/\s+/);
    if (!words.includes('dark')) return 'light';
    if (!words.includes('light')) return 'dark';
    return view.matchMedia(DEVICE_DARK).matches ? 'dark' : 'light';
  } catch {
    return null;
  }
}

/** The scheme for a choice: the choice itself, or for "auto" the page around the course, else the device. */
export function schemeFor(choice: SchemeChoice, win: Window): Scheme {
  if (choice !== 'auto') return choice;
  return hostScheme(win) ?? (win.matchMedia?.(DEVICE_DARK).matches ? 'dark' : 'light');
}

/** The scheme the course starts in, from the choice stored in this browser. */
export function initialScheme(win: Window, storage: () => Storage | null): Scheme {
  return schemeFor(storedChoice(storage), win);
}
