import { css } from 'lit';

/**
 * Shared look: system fonts, a restrained palette, visible focus, light and dark.
 *
 * Design tokens. Sizes are in rem, so they follow the reader's text size and zoom.
 * The content components' colours (lesson care cards, warning callout, do and don't
 * lists; styles in content-components.ts) were checked for WCAG AA by hand (relative
 * luminance, WCAG 2.1 §1.4.3; axe checks the pages in both schemes too):
 *
 * | pair                                                   | light  | dark   |
 * |--------------------------------------------------------|--------|--------|
 * | white on the non-urgent band #0b5c8c                   | 7.18:1 | 7.18:1 |
 * | white on the urgent / emergency band #c0271c / #b3261e | 5.92:1 | 6.54:1 |
 * | emergency body text on #212b32 / #0b0d0f               | 14.42:1 (white) | 16.39:1 (#e8ecef) |
 * | links in the emergency body, #7cc4f0                   | 7.56:1 | 10.21:1 |
 * | text on the warning #fff9c4 / #3a3118                  | 14.83:1 | 10.83:1 |
 * | text on the warning label #ffeb3b / #f2d049            | 13.01:1 | 11.69:1 (#15191d) |
 * | links on the warning, --accent                         | 6.70:1 | 6.75:1 |
 * | tick #007f3b / #7fd49b, cross #c0271c / #ff9d92 (icons, 3:1 needed) | 5.12:1, 5.72:1 | 8.91:1, 7.93:1 |
 */
/**
 * The colours, on the course document's root so that every component inherits them: light by
 * default, dark when color-scheme.ts says so (`data-scheme="dark"` on <html>: the learner's
 * choice, the page around the course, or the device). Print is always light.
 */
export const palette = css`
  :root {
    /* Body text: 16 px on small screens, 19 px where the course's own window is wider (GOV.UK's
       and NHS.UK's sizes; in an LMS frame that window is the frame). */
    --body-size: 1rem;
    color-scheme: light;
    --bg: #fbfbfa;
    --surface: #ffffff;
    --text: #1c2329;
    --muted: #4a5560;
    --line: #d5dadf;
    --accent: #0b5c8c;
    --accent-text: #ffffff;
    --ok: #1d6b3a;
    --bad: #a12a1f;
    --notice-bg: #fff6dc;
    --notice-line: #b58a00;
    --mine-bg: #eaf3f9;
    --focus: #c25400;
    /* Content components */
    --care-non-urgent: #0b5c8c;
    --care-urgent: #c0271c;
    --care-emergency: #c0271c;
    --care-emergency-line: #c0271c;
    --care-emergency-body: #212b32;
    --care-emergency-text: #ffffff;
    --care-emergency-link: #7cc4f0;
    --care-heading-text: #ffffff;
    --inset-line: var(--accent);
    --warning-bg: #fff9c4;
    --warning-label-bg: #ffeb3b;
    --warning-label-text: #1c2329;
    --do-mark: #007f3b;
    --dont-mark: #c0271c;
    /* The spine figure's regions */
    --spine-cervical: #d8e8f3;
    --spine-thoracic: #e3ecd9;
    --spine-lumbar: #f5e3cf;
    --spine-sacral: #e6dcef;
  }
  @media (min-width: 641px) {
    :root {
      --body-size: 1.1875rem;
    }
  }
  @media screen {
    :root[data-scheme='dark'] {
      color-scheme: dark;
      --bg: #15191d;
      --surface: #1d2328;
      --text: #e8ecef;
      --muted: #b3bcc4;
      --line: #3b454e;
      --accent: #7cc4f0;
      --accent-text: #0d1a24;
      --ok: #7fd49b;
      --bad: #ff9d92;
      --notice-bg: #3a3118;
      --notice-line: #d9b64a;
      --mine-bg: #1e3240;
      --focus: #ffb066;
      --care-urgent: #b3261e;
      --care-emergency: #b3261e;
      /* the black body needs a brighter edge on a dark page: 4.34:1 against --bg */
      --care-emergency-line: #e0483c;
      --care-emergency-body: #0b0d0f;
      --care-emergency-text: #e8ecef;
      --warning-bg: #3a3118;
      --warning-label-bg: #f2d049;
      --warning-label-text: #15191d;
      --do-mark: #7fd49b;
      --dont-mark: #ff9d92;
      --spine-cervical: var(--surface);
      --spine-thoracic: var(--surface);
      --spine-lumbar: var(--surface);
      --spine-sacral: var(--surface);
    }
  }
`;

/** What every component shares: type, spacing, focus, buttons; the colours come from `palette`. */
export const theme = css`
  :host {
    /* Type scale */
    --font-size-s: 0.875rem;
    --font-size-m: 1rem;
    --font-size-l: 1.1875rem;
    --font-size-xl: 1.5rem;
    /* Spacing scale */
    --space-1: 0.25rem;
    --space-2: 0.5rem;
    --space-3: 0.75rem;
    --space-4: 1rem;
    --space-5: 1.5rem;
    --space-6: 2rem;
    color: var(--text);
    font-family:
      system-ui,
      -apple-system,
      'Segoe UI',
      Roboto,
      'Helvetica Neue',
      Arial,
      sans-serif;
    font-size: var(--body-size, 1rem);
    line-height: 1.55;
  }
  *:focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  h1,
  h2,
  h3 {
    line-height: 1.25;
  }
  h1 {
    font-size: clamp(1.5rem, 1.1rem + 2vw, 2.2rem);
  }
  h1:focus {
    outline: none;
  }
  button {
    font: inherit;
    min-height: 44px;
    padding: 0.5rem 1.1rem;
    border-radius: 6px;
    border: 1px solid var(--accent);
    background: var(--accent);
    color: var(--accent-text);
    cursor: pointer;
  }
  button.secondary {
    background: transparent;
    color: var(--accent);
  }
  .notice {
    border: 2px solid var(--notice-line);
    background: var(--notice-bg);
    padding: 0.6rem 0.9rem;
    border-radius: 6px;
    margin: 1rem 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  @media (prefers-reduced-motion: reduce) {
    * {
      transition: none !important;
      animation: none !important;
      scroll-behavior: auto !important;
    }
  }
`;
