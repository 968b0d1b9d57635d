import { DEVICE_DARK, KEY, schemeFor, storedChoice, type Scheme, type SchemeChoice } from './scheme-detect.ts';
import { palette } from './theme.ts';

export type { Scheme, SchemeChoice };

function storeChoice(storage: () => Storage | null, choice: SchemeChoice): void {
  try {
    if (choice === 'auto') storage()?.removeItem(KEY);
    else storage()?.setItem(KEY, choice);
  } catch {
    // Not kept: the choice still holds until the course is closed.
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
    return schemeFor(this.#choice, this.win);
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
