import type { ReactiveController, ReactiveElement } from 'lit';

/**
 * Reports each element matching `selector` in the host's shadow root the first time any of it
 * is on screen, once per `round` (an attempt): the LMS learns when each question was first shown.
 */
export class SightingController implements ReactiveController {
  private observer: IntersectionObserver | null = null;
  private watched = new WeakSet<Element>();
  private round: unknown = undefined;

  constructor(
    private readonly host: ReactiveElement,
    private readonly options: {
      selector: string;
      /** What groups the sightings (a new value starts over), or null to watch nothing. */
      round: () => unknown;
      onSeen: (el: Element) => void;
    },
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    const round = this.options.round();
    if (round === null || typeof IntersectionObserver === 'undefined') return;
    if (round !== this.round) {
      this.observer?.disconnect();
      this.watched = new WeakSet();
      this.round = round;
    }
    // Seen within the course's own document, whatever the page around an LMS's frame shows.
    this.observer ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          this.observer?.unobserve(entry.target);
          this.options.onSeen(entry.target);
        }
      },
      { root: document },
    );
    for (const el of this.host.renderRoot.querySelectorAll(this.options.selector)) {
      if (this.watched.has(el)) continue;
      this.watched.add(el);
      this.observer.observe(el);
    }
  }

  hostDisconnected(): void {
    this.observer?.disconnect();
    this.observer = null;
    this.round = undefined;
  }
}

/**
 * Keeps the course document's scroll padding as tall as a sticky bar of the host, so that a
 * control reached with Tab is not hidden beneath it. Only the course's own document is touched.
 */
export class StickyPaddingController implements ReactiveController {
  private observer: ResizeObserver | null = null;
  private measured: Element | null = null;

  constructor(
    private readonly host: ReactiveElement,
    private readonly selector: string,
  ) {
    host.addController(this);
  }

  hostUpdated(): void {
    this.measure(this.host.renderRoot.querySelector(this.selector));
  }

  hostDisconnected(): void {
    this.measure(null);
  }

  private measure(bar: Element | null): void {
    if (bar === this.measured) return;
    this.measured = bar;
    this.observer?.disconnect();
    this.observer = null;
    const root = document.documentElement;
    if (!bar || typeof ResizeObserver === 'undefined') {
      root.style.removeProperty('scroll-padding-top');
      return;
    }
    this.observer = new ResizeObserver(() => {
      root.style.scrollPaddingTop = `${Math.ceil(bar.getBoundingClientRect().height) + 8}px`;
    });
    this.observer.observe(bar);
  }
}
