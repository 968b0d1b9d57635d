import { palette } from './theme.ts';

/** What the learner chose with the switch: a scheme, or "automatic". */
export type SchemeChoice = 'auto' | 'light' | 'dark';
export type Scheme = 'light' | 'dark';

/** A preference of this browser, not course progress: kept beside it, never sent to the LMS. */
const KEY = 'course:color-scheme';
const DEVICE_DARK = '(prefers-color-scheme: dark)';

/** The stored choice; "auto" when there is none or storage is unavailable (a sandboxed frame, blocked cookies). */
export function storedChoice(storage: () => Storage | null): SchemeChoice {
  try {
    const value = storage()?.getItem(KEY);
    return value === 'light' || value === 'dark' ? value : 'auto';
  } catch {
    return 'auto';
  }
}

function storeChoice(storage: () => Storage | null, choice: SchemeChoice): void {
  try {
    if (choice === 'auto') storage()?.removeItem(KEY);
    else storage()?.setItem(KEY, choice);
  } catch {
    // Not kept: the choice still holds until the course is closed.
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

/**
 * The course's colour scheme: the learner's choice, else the page around the course, else the
 * device. It is set as `data-scheme` on the course document's root, where `palette` reads it;
 * forced colours (Windows high contrast) override both schemes as before.
 */
export class ColorScheme {
  #choice: SchemeChoice;
  #listeners = new Set<() => void>();

  constructor(
    private readonly win: Window,
    private readonly storage: () => Storage | null,
  ) {
    this.#choice = storedChoice(storage);
  }

  get choice(): SchemeChoice {
    return this.#choice;
  }

  /** The scheme in use now. */
  get scheme(): Scheme {
    if (this.#choice !== 'auto') return this.#choice;
    return hostScheme(this.win) ?? (this.win.matchMedia?.(DEVICE_DARK).matches ? 'dark' : 'light');
  }

  /** Puts the palette in the document, applies the scheme, and follows the device's changes. */
  start(): void {
    const doc = this.win.document;
    if (!doc.getElementById('course-palette')) {
      const style = doc.createElement('style');
      style.id = 'course-palette';
      style.textContent = palette.cssText;
      doc.head.append(style);
    }
    this.win.matchMedia?.(DEVICE_DARK).addEventListener?.('change', () => this.apply());
    this.apply();
  }

  /** The learner's choice, remembered in this browser. */
  choose(choice: SchemeChoice): void {
    this.#choice = choice;
    storeChoice(this.storage, choice);
    this.apply();
  }

  /** Called when the scheme in use may have changed. */
  onChange(listener: () => void): () => void {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  }

  private apply(): void {
    this.win.document.documentElement.dataset.scheme = this.scheme;
    for (const listener of this.#listeners) listener();
  }
}

/** The course's one colour scheme, for the switch and for whoever else needs to know it. */
export const colorScheme = new ColorScheme(window, () => {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
});
