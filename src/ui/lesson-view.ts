import { LitElement, html, nothing } from 'lit';
import { unsafeHTML } from 'lit/directives/unsafe-html.js';
import { citationAnchor, referenceAnchor } from '../course/citations.ts';
import { spelledDate } from '../course/dates.ts';
import type { Lesson, Reference } from '../course/types.ts';
import { intent } from './events.ts';
import { contentComponents } from './content-components.ts';
import { lessonViewStyles } from './lesson-view.styles.ts';
import { spineDiagramStyles } from './spine-diagram.styles.ts';
import { focusWithinCourse, scrollWithinCourse } from './course-scroll.ts';
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
  skipToEnd: 'Skip to the end of the lesson',
};

/** One lesson. Counts as read once its end has been on screen. */
export class LessonView extends LitElement {
  static override get properties() {
    return {
      lesson: { attribute: false },
      nextLocation: { attribute: false },
      nextLabel: { attribute: false },
      viewed: { type: Boolean },
    };
  }
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

  static override styles = [theme, contentComponents, lessonViewStyles, spineDiagramStyles];

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
    if (heading) scrollWithinCourse(heading, 'start');
  }

  /** The last section heading above the upper third of the window is where the learner is. */
  private reportSection(): void {
    const line = window.innerHeight / 3;
    const section = this.headings().filter((h) => h.getBoundingClientRect().top < line).length;
    if (section === this.section) return;
    this.section = section;
    this.dispatchEvent(intent({ type: 'reach-section', lessonId: this.lesson.id, section }));
  }

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('scroll', this.onScroll, { passive: true });
  }

  override firstUpdated(): void {
    const ends = this.ends();
    if (!ends.length || typeof IntersectionObserver === 'undefined') return;
    // Seen within the course's own document: inside an LMS's frame, the page around it may
    // leave the frame's bottom below the window's fold while the learner reads to the end.
    this.observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((e) => e.isIntersecting)) this.markRead();
      },
      { root: document },
    );
    for (const end of ends) this.observer.observe(end);
  }

  override updated(changed: Map<string, unknown>): void {
    // Reused for another lesson: watch its end again.
    if (changed.has('lesson') && changed.get('lesson') !== undefined) {
      this.section = 0;
      for (const end of this.ends()) {
        this.observer?.unobserve(end);
        this.observer?.observe(end);
      }
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('scroll', this.onScroll);
    this.observer?.disconnect();
  }

  /**
   * The end of the text (the Continue row) and the end of the page (after the references): a
   * jump to the bottom (End, a scrollbar drag) can pass over the first without it ever being on screen.
   */
  private ends(): Element[] {
    return [...this.renderRoot.querySelectorAll('.end, .page-end')];
  }

  private markRead(): void {
    if (!this.viewed) this.dispatchEvent(intent({ type: 'lesson-viewed', lessonId: this.lesson.id }));
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
      this.dispatchEvent(intent({ type: 'open-term', termId: link.dataset.term }));
      return;
    }
    const href = link.getAttribute('href') ?? '';
    if (!href.startsWith('#')) return;
    const target = this.renderRoot.querySelector<HTMLElement>(`[id="${CSS.escape(href.slice(1))}"]`);
    if (!target) return;
    e.preventDefault();
    focusWithinCourse(target, 'center');
  }

  /** Links from a reference back to where the text cites it: one, or one per citation (a, b, c…). */
  private backLinks(r: Reference, n: number) {
    const id = this.lesson.id;
    if (r.citations === 1) {
      return html`<span class="back"
        ><a href="#${citationAnchor(id, r.id, 1)}"
          >${STRINGS.backToText}<span class="visually-hidden">${STRINGS.backToTextFor(n)}</span></a
        ></span
      >`;
    }
    if (r.citations > 1) {
      const letters = Array.from({ length: r.citations }, (_, i) => ({
        nth: i + 1,
        letter: i < 26 ? String.fromCharCode(97 + i) : String(i + 1),
      }));
      return html`<span class="back"
        >${STRINGS.backToText}:
        ${letters.map(
          ({ nth, letter }) =>
            html`<a href="#${citationAnchor(id, r.id, nth)}"
              ><span class="visually-hidden">${STRINGS.backToCitation}</span>${letter}<span class="visually-hidden"
                >${STRINGS.ofReference(n)}</span
              ></a
            > `,
        )}</span
      >`;
    }
    return null;
  }

  private next(): void {
    this.markRead();
    if (this.nextLocation) this.dispatchEvent(intent({ type: 'navigate', location: this.nextLocation }));
  }

  override render() {
    const l = this.lesson;
    return html`
      <article aria-labelledby="title" @click=${this.onClick}>
        <h1 id="title" tabindex="-1">${l.title}</h1>
        <p class="meta">${STRINGS.minutes(l.minutes)}</p>
        <a class="skip-end" href="#lesson-end">${STRINGS.skipToEnd}</a>
        <section class="objectives" aria-label="Learning objectives">
          <p>${STRINGS.objectives}</p>
          <ul>
            ${l.objectives.map((o) => html`<li>${o.text}</li>`)}
          </ul>
        </section>
        <div class="body">${unsafeHTML(l.html)}</div>
        <!-- The way on comes straight after the text, before the references and their links (a few Tab presses from the last paragraph). -->
        <div class="end" id=${this.nextLocation ? nothing : 'lesson-end'} tabindex=${this.nextLocation ? nothing : '-1'}>
          ${this.viewed ? html`<p>${STRINGS.read}</p>` : null}
          ${this.nextLocation ? html`<button id="lesson-end" @click=${this.next}>${STRINGS.next(this.nextLabel)}</button>` : null}
        </div>
        <section class="references" aria-labelledby="refs">
          <h2 id="refs">${STRINGS.references}</h2>
          <ol>
            ${l.references.map(
              (r, i) =>
                html`<li id=${referenceAnchor(l.id, r.id)} tabindex="-1">
                  ${r.text}
                  ${
                    r.url
                      ? html` <a href=${r.url} target="_blank" rel="noopener noreferrer"
                          >${r.url}<span class="visually-hidden"> ${STRINGS.newWindow}</span></a
                        >`
                      : null
                  }
                  ${r.accessed ? html` <span class="accessed">${STRINGS.accessed(spelledDate(r.accessed))}</span>` : null}
                  ${this.backLinks(r, i + 1)}
                </li>`,
            )}
          </ol>
        </section>
        <div class="page-end"></div>
      </article>
    `;
  }
}
customElements.define('lesson-view', LessonView);

declare global {
  interface HTMLElementTagNameMap {
    'lesson-view': LessonView;
  }
}
