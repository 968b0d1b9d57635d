import { css } from 'lit';

/**
 * The spine diagram (a `<figure class="diagram">` of inline SVG panels written in a lesson's
 * Markdown): the panels side by side as the width allows, the regions' colours (plain
 * surfaces in dark mode), the canal, nerves, cord and roots, a focused region's outline,
 * and the text description's summary.
 */
export const spineDiagramStyles = css`
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
  /* The regions' tints are the palette's (theme.ts): pale in light, the surface colour in dark. */
  .diagram .cervical {
    fill: var(--spine-cervical);
  }
  .diagram .thoracic {
    fill: var(--spine-thoracic);
  }
  .diagram .lumbar {
    fill: var(--spine-lumbar);
  }
  .diagram .sacral,
  .diagram .coccyx {
    fill: var(--spine-sacral);
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
`;
