import { css } from 'lit';

/**
 * A lesson: its meta line, objectives box, tables, links, citations and references, and the row at
 * its end.
 */
export const lessonViewStyles = css`
  .meta {
    color: var(--muted);
  }
  /* Lines of at most about 75 characters at any width (GOV.UK's and WCAG 1.4.8's measure). */
  :is(p, li, dd, dt, blockquote, figcaption, summary) {
    max-width: 64ch;
  }
  .objectives {
    background: var(--surface);
    border: 1px solid var(--line);
    border-radius: 8px;
    padding: 0.75rem 1.25rem;
  }
  .body :is(table) {
    border-collapse: collapse;
    width: 100%;
    display: block;
    overflow-x: auto;
  }
  .body :is(th, td) {
    border: 1px solid var(--line);
    padding: 0.4rem 0.6rem;
    text-align: left;
    vertical-align: top;
  }
  .body a,
  .references a {
    color: var(--accent);
    overflow-wrap: anywhere;
  }
  .body a.term {
    text-decoration-style: dotted;
    text-underline-offset: 0.2em;
  }
  .references {
    font-size: 0.92rem;
    color: var(--muted);
  }
  .references li {
    margin-bottom: 0.35rem;
    scroll-margin: 1rem;
  }
  /* Where a citation or a back link lands, also after a mouse click. */
  .references li:focus,
  .body sup.cite a:focus {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
  .body sup.cite {
    line-height: 0;
  }
  .body sup.cite a {
    text-decoration: none;
    padding: 0 0.05em;
  }
  .body sup.cite a:hover {
    text-decoration: underline;
  }
  .references .back {
    display: block;
    font-size: 0.85rem;
  }
  .references .back a {
    display: inline-block;
    min-width: 1.5em;
    text-align: center;
  }
  /* For keyboard users: out of sight until it has focus, then where it is. */
  .skip-end:not(:focus) {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip: rect(0 0 0 0);
    white-space: nowrap;
  }
  .skip-end:focus {
    display: inline-block;
    margin: 0 0 0.75rem;
    color: var(--accent);
  }
  .end {
    margin: 2rem 0;
    padding-top: 1rem;
    border-top: 1px solid var(--line);
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    align-items: center;
  }
`;
