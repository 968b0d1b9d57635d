import { LitElement, css, html } from 'lit';
import { intent } from './events.ts';
import type { MenuItem } from './menu-items.ts';
import { theme } from './theme.ts';

const STRINGS = {
  heading: 'Course contents',
};

/**
 * The course contents: every part with its progress in words. Where the course is narrow, the shell
 * shows them behind a button in its header.
 */
export class CourseMenu extends LitElement {
  static override get properties() {
    return {
      items: { attribute: false },
      current: { attribute: false },
      disabled: { type: Boolean },
    };
  }
  declare items: MenuItem[];
  declare current: string;
  declare disabled: boolean;

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
      @media print {
        :host {
          display: none;
        }
      }
    `,
  ];

  private choose(location: string): void {
    this.dispatchEvent(intent({ type: 'navigate', location }));
  }

  override render() {
    return html`<nav aria-label=${STRINGS.heading}>
      <h2>${STRINGS.heading}</h2>
      <ol>
        ${this.items.map(
          (item) =>
            html`<li>
              <button
                aria-current=${item.location === this.current ? 'page' : 'false'}
                ?disabled=${this.disabled}
                @click=${() => this.choose(item.location)}
              >
                ${item.label}<span class="state">${item.state}</span>
              </button>
            </li>`,
        )}
      </ol>
    </nav>`;
  }
}
customElements.define('course-menu', CourseMenu);

declare global {
  interface HTMLElementTagNameMap {
    'course-menu': CourseMenu;
  }
}
