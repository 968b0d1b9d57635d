import { css } from 'lit';

/**
 * The look of the lesson components authors write in Markdown (src/content/lesson-components.ts):
 * care cards, inset text, the warning callout, do and don't lists and details. Colours,
 * sizes and spaces are the tokens of theme.ts, light and dark. Nothing moves; every
 * state is said in words (the urgency before a care card's heading, "Do" and "Don't"),
 * so colour and icons only repeat it.
 */
export const contentComponents = css`
  .care-card,
  .inset-text,
  .warning-callout,
  .do-dont,
  .details {
    margin: var(--space-5) 0;
  }
  :is(.care-card__content, .warning-callout, .inset-text, .do-dont, .details__text) > :first-child {
    margin-top: 0;
  }
  :is(.care-card__content, .warning-callout, .inset-text, .do-dont, .details__text) > :last-child {
    margin-bottom: 0;
  }
  :is(.care-card__content, .warning-callout, .inset-text, .details__text) > :is(ul, ol) {
    padding-left: var(--space-5);
  }
  :is(.care-card, .warning-callout, .do-dont) h3 {
    font-size: var(--font-size-l);
    line-height: 1.3;
    margin: 0;
  }

  /* Care cards: a coloured heading band, its urgency read out before the heading. */
  .care-card {
    --band: var(--care-non-urgent);
    border: 1px solid var(--band);
    background: var(--surface);
  }
  .care-card--urgent {
    --band: var(--care-urgent);
  }
  .care-card--emergency {
    --band: var(--care-emergency);
    border: 2px solid var(--care-emergency-line);
  }
  .care-card__heading-container {
    position: relative;
    background: var(--band);
    color: var(--care-heading-text);
    padding: var(--space-3) var(--space-4);
  }
  /* A small pointer from the band into the card (decoration). */
  .care-card__heading-container::after {
    content: '';
    position: absolute;
    left: var(--space-5);
    bottom: -0.6rem;
    border: 0.6rem solid transparent;
    border-bottom: 0;
    border-top-color: var(--band);
  }
  .care-card__content {
    padding: var(--space-5) var(--space-4) var(--space-4);
  }
  .care-card--emergency .care-card__content {
    /* The body's own tokens, so text, links, citations and focus stay readable on black. */
    --text: var(--care-emergency-text);
    --muted: var(--care-emergency-text);
    --accent: var(--care-emergency-link);
    background: var(--care-emergency-body);
    color: var(--care-emergency-text);
  }
  .care-card--emergency .care-card__content a {
    color: var(--accent);
  }

  /* Inset text: a key point or caveat, set off by a bar on its left. */
  .inset-text {
    border-left: 0.5rem solid var(--inset-line);
    padding: var(--space-2) 0 var(--space-2) var(--space-4);
  }

  /* Warning callout: a yellow panel under a yellow label. */
  .warning-callout {
    background: var(--warning-bg);
    border: 1px solid var(--warning-label-bg);
    padding: 0 var(--space-4) var(--space-4);
  }
  .warning-callout h3.warning-callout__label {
    width: fit-content;
    margin: 0 0 var(--space-3) calc(-1 * var(--space-4));
    padding: var(--space-2) var(--space-4);
    background: var(--warning-label-bg);
    color: var(--warning-label-text);
  }

  /* Do and don't lists: the heading says which; a tick or a cross repeats it. */
  .do-dont {
    --mark: var(--do-mark);
    background: var(--surface);
    border: 1px solid var(--line);
    border-top: 0.25rem solid var(--mark);
    padding: var(--space-4);
  }
  .do-dont--dont {
    --mark: var(--dont-mark);
  }
  .do-dont h3.do-dont__heading {
    margin-bottom: var(--space-3);
  }
  .do-dont__list {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .do-dont__list > li {
    position: relative;
    padding-left: var(--space-6);
    margin-bottom: var(--space-3);
  }
  .do-dont__list > li:last-child {
    margin-bottom: 0;
  }
  .do-dont__icon {
    position: absolute;
    left: 0;
    top: 0.05em;
    width: 1.4em;
    height: 1.4em;
    fill: none;
    stroke: var(--mark);
    stroke-width: 3.5;
    stroke-linecap: round;
    stroke-linejoin: round;
  }

  /* Details: a native expander; the summary is a link-coloured line with a triangle. */
  .details > summary {
    display: flex;
    align-items: center;
    min-height: 44px;
    cursor: pointer;
    color: var(--accent);
    list-style: none;
  }
  .details > summary::-webkit-details-marker {
    display: none;
  }
  .details > summary::before {
    content: '';
    flex: none;
    margin-right: var(--space-2);
    border: 0.4rem solid transparent;
    border-left: 0.6rem solid currentColor;
    border-right: 0;
  }
  .details[open] > summary::before {
    border: 0.4rem solid transparent;
    border-top: 0.6rem solid currentColor;
    border-bottom: 0;
  }
  .details__summary-text {
    text-decoration: underline;
    text-underline-offset: 0.2em;
  }
  .details > summary:hover .details__summary-text {
    text-decoration-thickness: 2px;
  }
  .details__text {
    border-left: 0.25rem solid var(--line);
    padding: var(--space-2) 0 var(--space-2) var(--space-4);
    margin-top: var(--space-2);
  }

  @media (max-width: 30rem) {
    .care-card__content,
    .warning-callout,
    .do-dont {
      padding-left: var(--space-3);
      padding-right: var(--space-3);
    }
    .warning-callout h3.warning-callout__label {
      margin-left: calc(-1 * var(--space-3));
      padding-left: var(--space-3);
    }
    .care-card__heading-container {
      padding-left: var(--space-3);
      padding-right: var(--space-3);
    }
  }
  /* Printed, the bands and the label keep their colours (browsers drop backgrounds). */
  @media print {
    .care-card__heading-container,
    .care-card--emergency .care-card__content,
    .warning-callout,
    .warning-callout__label {
      print-color-adjust: exact;
      -webkit-print-color-adjust: exact;
    }
    .care-card,
    .warning-callout,
    .do-dont {
      break-inside: avoid;
    }
  }
  /* Windows high contrast replaces the colours: keep the band's edge, drop the pointer. */
  @media (forced-colors: active) {
    .care-card__heading-container {
      border-bottom: 2px solid CanvasText;
    }
    .care-card__heading-container::after {
      display: none;
    }
    .warning-callout h3.warning-callout__label {
      border-bottom: 2px solid CanvasText;
    }
  }
`;
