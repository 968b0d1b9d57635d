import { css } from 'lit';

/** Shared look: system fonts, a restrained palette, visible focus, light and dark. */
export const theme = css`
  :host {
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
    color: var(--text);
    font-family: system-ui, -apple-system, 'Segoe UI', Roboto, 'Helvetica Neue', Arial, sans-serif;
    font-size: 1rem;
    line-height: 1.55;
  }
  @media (prefers-color-scheme: dark) {
    :host {
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
    }
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
