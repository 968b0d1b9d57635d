import { LitElement, css, html } from 'lit';
import type { GlossaryTerm } from '../course/types.ts';
import { intent } from './events.ts';
import { focusWithinCourse } from './course-scroll.ts';
import { theme } from './theme.ts';

const STRINGS = {
  title: 'Glossary',
  intro: 'Plain-language definitions of the medical terms used in this course. Terms are linked from their first use in each lesson.',
  back: (label: string) => `Back to: ${label}`,
};

/** The glossary: every term and its definition; opened from a linked term, it focuses that term. */
export class GlossaryView extends LitElement {
  static override get properties() {
    return {
      terms: { attribute: false },
      returnTo: { attribute: false },
      returnLabel: { attribute: false },
    };
  }
  declare terms: GlossaryTerm[];
  /** Where the learner came from (a lesson), or null. */
  declare returnTo: string | null;
  declare returnLabel: string;

  static override styles = [
    theme,
    css`
      dt {
        font-weight: 600;
        margin-top: 1rem;
        scroll-margin-top: 1rem;
      }
      dt:focus {
        outline: 3px solid var(--focus);
        outline-offset: 2px;
      }
      dd {
        margin: 0.25rem 0 0;
      }
      .back {
        margin: 1rem 0;
      }
    `,
  ];

  focusHeading(): void {
    this.renderRoot.querySelector('h1')?.focus({ preventScroll: true });
  }

  /** Moves focus (and the screen reader) to one term. */
  focusTerm(id: string): void {
    const dt = this.renderRoot.querySelector<HTMLElement>(`#glossary-${id}`);
    focusWithinCourse(dt, 'start');
  }

  private back() {
    return this.returnTo
      ? html`<p class="back">
          <button class="secondary" @click=${() => this.dispatchEvent(intent({ type: 'navigate', location: this.returnTo ?? 'start' }))}>
            ${STRINGS.back(this.returnLabel)}
          </button>
        </p>`
      : null;
  }

  override render() {
    return html`<h1 tabindex="-1">${STRINGS.title}</h1>
      <p>${STRINGS.intro}</p>
      ${this.back()}
      <dl>
        ${this.terms.map(
          (t) =>
            html`<dt id=${`glossary-${t.id}`} tabindex="-1">${t.term}</dt>
              <dd>${t.definition}</dd>`,
        )}
      </dl>
      ${this.back()}`;
  }
}
customElements.define('glossary-view', GlossaryView);

declare global {
  interface HTMLElementTagNameMap {
    'glossary-view': GlossaryView;
  }
}
