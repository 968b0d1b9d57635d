import { LitElement, css, html } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { citationAnchor, referenceAnchor } from '../course/citations.ts';
import { spelledDate } from '../course/dates.ts';
import type { Lesson, Reference } from '../course/types.ts';
import { intent } from './events.ts';
import { contentComponents } from './content-components.ts';
import { theme } from './theme.ts';

const STRINGS = {
  minutes: (n: number) => `About ${n} minutes`,
  objectives: 'After this lesson you will be able to:',
  read: 'You have read this lesson.',
  references: 'References',
  newWindow: '(opens in a new window)',
  accessed: (date: string) => `(accessed ${date})`,
  backToText: 'Back to text',
  backToTextFor: (n: number) => ` (reference ${n})`,
  backToCitation: 'Back to citation ',
  ofReference: (n: number) => ` of reference ${n}`,
  next: (label: string) => `Continue: ${label}`,
};

/** One lesson. Counts as read once its end has been on screen. */
export class LessonView extends LitElement {
  static override properties = {
    lesson: { attribute: false },
    nextLocation: { attribute: false },
    nextLabel: { attribute: false },
    viewed: { type: Boolean },
  };
  declare lesson: Lesson;
  declare nextLocation: string | null;
  declare nextLabel: string;
  declare viewed: boolean;
  private observer?: IntersectionObserver;
  private section = 0;
  private scrollQueued = false;
  private readonly onScroll = () => {
    if (this.scrollQueued) return;
    this.scrollQueued = true;
    requestAnimationFrame(() => {
      this.scrollQueued = false;
      this.reportSection();
    });
  };

  static override styles = [
    theme,
    contentComponents,
    css`
      .meta {
        color: var(--muted);
      }
      .objectives {
        background: var(--surface);
        border: 1px solid var(--line);
        border-radius: 8px;
        padding: 0.75rem 1.25rem;
      }
      .body :is(table) {
        border-collapse: collapse;
        width: 100%;
        display: block;
        overflow-x: auto;
      }
      .body :is(th, td) {
        border: 1px solid var(--line);
        padding: 0.4rem 0.6rem;
        text-align: left;
        vertical-align: top;
      }
      .body a,
      .references a {
        color: var(--accent);
        overflow-wrap: anywhere;
      }
      .body a.term {
        text-decoration-style: dotted;
        text-underline-offset: 0.2em;
      }
      .references {
        font-size: 0.92rem;
        color: var(--muted);
      }
      .references li {
        margin-bottom: 0.35rem;
        scroll-margin: 1rem;
      }
      /* Where a citation or a back link lands, also after a mouse click. */
      .references li:focus,
      .body sup.cite a:focus {
        outline: 3px solid var(--focus);
        outline-offset: 2px;
      }
      .body sup.cite {
        line-height: 0;
      }
      .body sup.cite a {
        text-decoration: none;
        padding: 0 0.05em;
      }
      .body sup.cite a:hover {
        text-decoration: underline;
      }
      .references .back {
        display: block;
        font-size: 0.85rem;
      }
      .references .back a {
        display: inline-block;
        min-width: 1.5em;
        text-align: center;
      }
      figure.diagram {
        margin: 1.5rem 0;
      }
      .diagram-panels {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
      .diagram-panels svg {
        flex: 1 1 15rem;
        max-width: 22rem;
        height: auto;
      }
      .diagram text {
        fill: var(--text);
        font-size: 13px;
        font-family: inherit;
      }
      .diagram text.small {
        font-size: 11px;
        fill: var(--muted);
      }
      .diagram svg:last-child text {
        text-anchor: middle;
      }
      .diagram text.heading {
        font-weight: 600;
      }
      .diagram .bone {
        fill: var(--surface);
        stroke: var(--text);
        stroke-width: 1.5;
      }
      .diagram .cervical {
        fill: #d8e8f3;
      }
      .diagram .thoracic {
        fill: #e3ecd9;
      }
      .diagram .lumbar {
        fill: #f5e3cf;
      }
      .diagram .sacral,
      .diagram .coccyx {
        fill: #e6dcef;
      }
      @media (prefers-color-scheme: dark) {
        .diagram .cervical,
        .diagram .thoracic,
        .diagram .lumbar,
        .diagram .sacral,
        .diagram .coccyx {
          fill: var(--surface);
        }
      }
      .diagram .canal {
        fill: var(--bg);
        stroke: var(--text);
      }
      .diagram .nerve {
        fill: var(--accent);
      }
      .diagram .squeezed {
        fill: var(--bad);
      }
      .diagram .disc,
      .diagram .thick {
        fill: var(--notice-line);
        stroke: var(--text);
      }
      .diagram .cord {
        stroke: var(--accent);
        stroke-width: 5;
      }
      .diagram .roots {
        stroke: var(--accent);
        stroke-width: 3;
        stroke-dasharray: 4 4;
      }
      .diagram .region:focus {
        outline: none;
      }
      .diagram .region:focus-visible > :first-child,
      .diagram .region:focus-visible .canal {
        stroke: var(--focus);
        stroke-width: 4;
      }
      .diagram summary {
        cursor: pointer;
        min-height: 44px;
        display: flex;
        align-items: center;
      }
      .end {
        margin-top: 2rem;
        padding-top: 1rem;
        border-top: 1px solid var(--line);
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        align-items: center;
      }
    `,
  ];

  focusHeading(): void {
    this.renderRoot.querySelector('h1')?.focus({ preventScroll: true });
  }

  private headings(): HTMLElement[] {
    return [...this.renderRoot.querySelectorAll<HTMLElement>('.body h2')];
  }

  /** Brings the learner back to a section reached earlier (1-based; 0 is the top). */
  scrollToSection(section: number): void {
    this.section = section;
    const heading = this.headings()[section - 1];
    if (heading) heading.scrollIntoView({ block: 'start' });
  }

  /** The last section heading above the upper third of the window is where the learner is. */
  private reportSection(): void {
    const line = window.innerHeight / 3;
    const section = this.headings().filter((h) => h.getBoundingClientRect().top < line).length;
    if (section === this.section) return;
    this.section = section;
    this.dispatchEvent(intent('lesson-position', { lessonId: this.lesson.id, section }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('scroll', this.onScroll, { passive: true });
  }

  override firstUpdated(): void {
    const end = this.renderRoot.querySelector('.end');
    if (!end || typeof IntersectionObserver === 'undefined') return;
    this.observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting)) this.markRead();
    });
    this.observer.observe(end);
  }

  override updated(changed: Map<string, unknown>): void {
    // Reused for another lesson: watch its end again.
    if (changed.has('lesson') && changed.get('lesson') !== undefined) {
      this.section = 0;
      const end = this.renderRoot.querySelector('.end');
      if (end && this.observer) {
        this.observer.unobserve(end);
        this.observer.observe(end);
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('scroll', this.onScroll);
    this.observer?.disconnect();
  }

  private markRead(): void {
    if (!this.viewed) this.dispatchEvent(intent('lesson-viewed', { lessonId: this.lesson.id }));
  }

  /**
   * A glossary link opens the definition in the course instead of following the anchor.
   * A citation or a back link moves to its target here: the lesson sits in a shadow root,
   * where the browser's own in-page navigation does not find ids.
   */
  private onClick(e: Event): void {
    const link = (e.target as HTMLElement | null)?.closest?.('a') as HTMLAnchorElement | null;
    if (!link) return;
    if (link.classList.contains('term') && link.dataset.term) {
      e.preventDefault();
      this.dispatchEvent(intent('open-term', { termId: link.dataset.term }));
      return;
    }
    const href = link.getAttribute('href') ?? '';
    if (!href.startsWith('#')) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(href.slice(1))}"]`);
    if (!target) return;
    e.preventDefault();
    target.focus({ preventScroll: true });
    target.scrollIntoView({ block: 'center' });
  }

  /** Links from a reference back to where the text cites it: one, or one per citation (a, b, c…). */
  private backLinks(r: Reference, n: number) {
    const id = this.lesson.id;
    if (r.citations === 1) {
      return html`<span class="back"><a href="#${citationAnchor(id, r.id, 1)}">${STRINGS.backToText}<span class="visually-hidden">${STRINGS.backToTextFor(n)}</span></a></span>`;
    }
    if (r.citations > 1) {
      const letters = Array.from({ length: r.citations }, (_, i) => ({ nth: i + 1, letter: i < 26 ? String.fromCharCode(97 + i) : String(i + 1) }));
      return html`<span class="back">${STRINGS.backToText}:
        ${letters.map(
          ({ nth, letter }) =>
            html`<a href="#${citationAnchor(id, r.id, nth)}"><span class="visually-hidden">${STRINGS.backToCitation}</span>${letter}<span class="visually-hidden">${STRINGS.ofReference(n)}</span></a> `,
        )}</span
      >`;
    }
    return null;
  }

  private next(): void {
    this.markRead();
    if (this.nextLocation) this.dispatchEvent(intent('navigate', { location: this.nextLocation }));
  }

  override render() {
    const l = this.lesson;
    return html`
      <article aria-labelledby="title" @click=${this.onClick}>
        <h1 id="title" tabindex="-1">${l.title}</h1>
        <p class="meta">${STRINGS.minutes(l.minutes)}</p>
        <section class="objectives" aria-label="Learning objectives">
          <p>${STRINGS.objectives}</p>
          <ul>
            ${l.objectives.map((o) => html`<li>${o.text}</li>`)}
          </ul>
        </section>
        <div class="body">${unsafeHTML(l.html)}</div>
        <section class="references" aria-labelledby="refs">
          <h2 id="refs">${STRINGS.references}</h2>
          <ol>
            ${l.references.map(
              (r, i) => html`<li id=${referenceAnchor(l.id, r.id)} tabindex="-1">
                ${r.text}
                ${r.url ? html` <a href=${r.url} target="_blank" rel="noopener noreferrer">${r.url}<span class="visually-hidden"> ${STRINGS.newWindow}</span></a>` : null}
                ${r.accessed ? html` <span class="accessed">${STRINGS.accessed(spelledDate(r.accessed))}</span>` : null} ${this.backLinks(r, i + 1)}
              </li>`,
            )}
          </ol>
        </section>
        <div class="end">
          ${this.viewed ? html`<p>${STRINGS.read}</p>` : null}
          ${this.nextLocation ? html`<button @click=${this.next}>${STRINGS.next(this.nextLabel)}</button>` : null}
        </div>
      </article>
    `;
  }
}
customElements.define('lesson-view', LessonView);
