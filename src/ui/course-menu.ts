import { LitElement, css, html, unsafeCSS } from 'lit';
import { intent } from './events.ts';
import type { MenuItem } from './menu-items.ts';
import { theme } from './theme.ts';

const STRINGS = {
  heading: 'Course contents',
  show: 'Show course contents',
  hide: 'Hide course contents',
};

/** Narrow screens, where the menu collapses behind a button. */
const NARROW = '(max-width: 48rem)';

/** The course contents: every part with its progress in words; collapsible on small screens. */
export class CourseMenu extends LitElement {
  static override properties = {
    items: { attribute: false },
    current: { attribute: false },
    disabled: { type: Boolean },
    open: { state: true },
  };
  declare items: MenuItem[];
  declare current: string;
  declare disabled: boolean;
  declare open: boolean;

  constructor() {
    super();
    this.open = false;
  }

  static override styles = [
    theme,
    css`
      :host {
        display: block;
      }
      h2 {
        font-size: 1rem;
        margin: 0 0 0.5rem;
      }
      .toggle {
        display: none;
      }
      ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      li button {
        display: block;
        width: 100%;
        text-align: left;
        background: transparent;
        color: var(--text);
        border: 1px solid transparent;
        margin-bottom: 0.25rem;
      }
      li button[aria-current='page'] {
        border-color: var(--accent);
        font-weight: 600;
      }
      .state {
        display: block;
        font-size: 0.85rem;
        color: var(--muted);
        font-weight: 400;
      }
      @media ${unsafeCSS(NARROW)} {
        .toggle {
          display: block;
          width: 100%;
        }
        h2.wide {
          display: none;
        }
        :host(:not([data-open])) ol {
          display: none;
        }
        ol {
          margin-top: 0.5rem;
        }
      }
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  override updated(): void {
    this.toggleAttribute('data-open', this.open);
  }

  private choose(location: string): void {
    // On a small screen the menu gets out of the way once a choice is made.
    if (window.matchMedia(NARROW).matches) this.open = false;
    this.dispatchEvent(intent('navigate', { location }));
  }

  override render() {
    return html`<nav aria-label=${STRINGS.heading}>
      <h2 class="wide">${STRINGS.heading}</h2>
      <button class="toggle secondary" aria-expanded=${this.open ? 'true' : 'false'} aria-controls="items" @click=${() => (this.open = !this.open)}>
        ${this.open ? STRINGS.hide : STRINGS.show}
      </button>
      <ol id="items">
        ${this.items.map(
          (item) => html`<li>
            <button aria-current=${item.location === this.current ? 'page' : 'false'} ?disabled=${this.disabled} @click=${() => this.choose(item.location)}>
              ${item.label}<span class="state">${item.state}</span>
            </button>
          </li>`,
        )}
      </ol>
    </nav>`;
  }
}
customElements.define('course-menu', CourseMenu);
