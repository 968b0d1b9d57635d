import { html, svg } from 'lit';

/** A flag, outlined or filled: its shape, not only its colour, says whether a question is flagged. */
export const flagIcon = (filled: boolean) =>
  html`<svg class="flag-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    ${svg`<path d="M3.5 1.5v13" stroke="currentColor" stroke-width="1.6" fill="none" /><path
        d="M4 2.5h8.5l-2 3 2 3H4z"
        stroke="currentColor"
        stroke-width="1.4"
        stroke-linejoin="round"
        fill=${filled ? 'currentColor' : 'none'}
      />`}
  </svg>`;
