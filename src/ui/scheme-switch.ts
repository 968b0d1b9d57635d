import { LitElement, css, html } from 'lit';
import { colorScheme, type SchemeChoice } from './color-scheme.ts';
import { theme } from './theme.ts';

const STRINGS: { label: string } & Record<SchemeChoice, string> = {
  label: 'Colour scheme',
  auto: 'Automatic',
  light: 'Light',
  dark: 'Dark',
};
const CHOICES: SchemeChoice[] = ['auto', 'light', 'dark'];

/**
 * The colour scheme switch of the course header: a native select (Automatic, Light, Dark),
 * remembered in this browser. Automatic follows the page around the course, else the device.
 * Unless the header is roomy only its icon shows; the select keeps its name and value.
 */
export class SchemeSwitch extends LitElement {
  static override styles = [
    theme,
    css`
      :host {
        display: inline-block;
      }
      label {
        position: relative;
        display: inline-flex;
        align-items: center;
      }
      svg {
        position: absolute;
        left: 0.6rem;
        width: 1.1em;
        height: 1.1em;
        pointer-events: none;
        color: var(--accent);
      }
      select {
        font: inherit;
        font-size: var(--font-size-s);
        min-height: 44px;
        padding: 0.3rem 0.5rem 0.3rem 2.1rem;
        border: 1px solid var(--accent);
        border-radius: 6px;
        background: transparent;
        color: var(--accent);
        cursor: pointer;
      }
      option {
        color: var(--text);
        background: var(--surface);
      }
      /* Unless the header is roomy, the icon alone, over a select as wide as a button. */
      @container course (max-width: 60rem) {
        select {
          appearance: none;
          width: 2.75rem;
          padding: 0;
          color: transparent;
        }
        svg {
          left: 50%;
          transform: translateX(-50%);
        }
      }
      @media (forced-colors: active) {
        svg {
          color: ButtonText;
        }
        select {
          border-color: ButtonText;
        }
      }
    `,
  ];

  private stop: (() => void) | null = null;

  override connectedCallback(): void {
    super.connectedCallback();
    this.stop = colorScheme.onChange(() => this.requestUpdate());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.stop?.();
  }

  override render() {
    return html`<label>
      <svg aria-hidden="true" viewBox="0 0 20 20">
        <circle cx="10" cy="10" r="8" fill="none" stroke="currentColor" stroke-width="2" />
        <path d="M10 2a8 8 0 0 1 0 16z" fill="currentColor" />
      </svg>
      <span class="visually-hidden">${STRINGS.label}</span>
      <select title=${STRINGS.label} @change=${(e: Event) => colorScheme.choose((e.target as HTMLSelectElement).value as SchemeChoice)}>
        ${CHOICES.map((c) => html`<option value=${c} ?selected=${colorScheme.choice === c}>${STRINGS[c]}</option>`)}
      </select>
    </label>`;
  }
}
customElements.define('scheme-switch', SchemeSwitch);
// The scheme applies from the first screen, before anyone touches the switch.
colorScheme.start();

declare global {
  interface HTMLElementTagNameMap {
    'scheme-switch': SchemeSwitch;
  }
}
