import { css } from 'lit';

/**
 * A quiz and its parts (intro, navigator, summary, result share these): the questions, the
 * one-row sticky bar with the time left and the question list's button, the pager, the
 * navigator and its key, flags, the summary before submitting, and the result.
 */
export const quizViewStyles = css`
  .questions {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1.25rem;
    margin-bottom: 1.25rem;
  }
  .check {
    margin-top: 0.5rem;
  }
  .alert {
    border: 2px solid var(--notice-line);
    background: var(--notice-bg);
    padding: 0.5rem 0.75rem;
    border-radius: 6px;
  }
  .critical {
    border-left: 6px solid var(--notice-line);
    padding: 0.25rem 0.75rem;
    margin: 0.75rem 0;
  }
  .result .critical {
    border-left-color: var(--bad);
  }
  .critical ul {
    margin: 0.25rem 0 0.5rem;
  }
  .result,
  .summary,
  .intro {
    border: 1px solid var(--line);
    background: var(--surface);
    border-radius: 8px;
    padding: 0.75rem 1.25rem;
    margin-bottom: 1.5rem;
  }
  .verdict.ok {
    color: var(--ok);
    font-weight: 600;
  }
  .verdict.bad {
    color: var(--bad);
    font-weight: 600;
  }
  [hidden] {
    display: none !important;
  }
  /* The bar and the questions draw into this view's shadow root and take no box of their own:
     the bar sticks within the whole attempt, and the questions' layout is the view's. */
  quiz-bar,
  quiz-questions {
    display: contents;
  }
  /* The attempt measures its own width: at a phone's, the timer's words go to screen readers only. */
  .attempt {
    container-type: inline-size;
  }
  /* One row that stays in view: the time left and the button that opens the question list. */
  .bar {
    position: sticky;
    top: 0;
    z-index: 1;
    background: var(--bg);
    border-bottom: 1px solid var(--line);
    margin-bottom: 1rem;
  }
  .bar-row {
    display: flex;
    flex-wrap: nowrap;
    align-items: center;
    gap: 0.75rem;
    padding: 0.3rem 0;
    min-height: 44px;
  }
  .timer {
    font-variant-numeric: tabular-nums;
    font-weight: 600;
    white-space: nowrap;
  }
  .timer.low {
    color: var(--bad);
  }
  .clock {
    width: 1em;
    height: 1em;
    margin-right: 0.35em;
    vertical-align: -0.125em;
  }
  /* Narrow: the clock icon and the figures say it; the words stay for screen readers. */
  @container (max-width: 25rem) {
    .timer-label,
    .toggle-label {
      position: absolute;
      width: 1px;
      height: 1px;
      overflow: hidden;
      clip-path: inset(50%);
      white-space: nowrap;
    }
  }
  .count {
    font-variant-numeric: tabular-nums;
    font-weight: 400;
  }
  .bar-row .toggle {
    margin-left: auto;
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    padding: 0.35rem 0.75rem;
    white-space: nowrap;
  }
  .chevron {
    width: 0.75rem;
    height: 0.75rem;
  }
  .toggle[aria-expanded='true'] .chevron {
    transform: rotate(180deg);
  }
  .pager {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
    margin-top: 1.5rem;
  }
  .pager .next {
    margin-left: auto;
  }
  .review-heading {
    margin-top: 2rem;
  }
  /* The pass: GOV.UK's confirmation panel, its colours from the theme's (forced colours keep its border). */
  .panel {
    background: var(--ok);
    color: var(--accent-text);
    border: 2px solid transparent;
    border-radius: 8px;
    padding: 1.25rem 1.5rem;
    text-align: center;
    margin-bottom: 1rem;
  }
  .panel h2 {
    font-size: 2rem;
    margin: 0 0 0.5rem;
    color: inherit;
  }
  .panel-body {
    font-size: 1.5rem;
    margin: 0;
  }
  .result.failed h2 {
    font-size: 1.75rem;
    margin-top: 0.25rem;
  }
  .result .score {
    font-size: 1.35rem;
    font-weight: 600;
  }
  .to-summary {
    margin: 0.75rem 0 0;
  }
  /* The save state, only while something is not saved: where the learner is, not at the page's top. */
  .save-state {
    margin: 0;
  }
  /* A save under way (a slow LRS) is not an error: muted; red only when something is not saved. */
  .save-state.shown {
    margin: 0 0 0.4rem;
    padding: 0.3rem 0.6rem;
    border-left: 4px solid var(--line);
    color: var(--muted);
  }
  .save-state.shown.problem {
    border-left-color: var(--bad);
    color: inherit;
    font-weight: 600;
  }
  /* In the page's flow under the bar, not over the question: nothing covered, no row clipped. */
  .navigator {
    display: block;
    padding: 0 0.25rem 0.75rem;
    margin-bottom: 1rem;
    border-bottom: 1px solid var(--line);
  }
  .key {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25rem 1.25rem;
    margin: 0.5rem 0 0.75rem;
    padding: 0;
    list-style: none;
    font-size: 0.9rem;
    color: var(--muted);
  }
  .key li {
    display: flex;
    align-items: center;
    gap: 0.4rem;
  }
  .swatch {
    display: inline-block;
    width: 1rem;
    height: 1rem;
    border: 2px solid var(--muted);
    border-radius: 3px;
    box-sizing: border-box;
  }
  .swatch.answered {
    background: var(--accent);
    border-color: var(--accent);
  }
  /* The question shown now: a ring of the text colour (the focus ring keeps its own colour). */
  .swatch.current,
  .grid button[aria-current] {
    box-shadow:
      0 0 0 2px var(--bg),
      0 0 0 5px var(--text);
  }
  @media (forced-colors: active) {
    .swatch.current,
    .grid button[aria-current] {
      border-width: 4px;
      border-style: double;
    }
  }
  .grid {
    display: grid;
    grid-template-columns: repeat(auto-fill, minmax(2.75rem, 1fr));
    gap: 0.4rem;
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .grid button {
    display: inline-flex;
    align-items: center;
    justify-content: center;
    gap: 0.15rem;
    width: 100%;
    min-width: 44px;
    min-height: 44px;
    padding: 0;
    font-weight: 600;
    font-variant-numeric: tabular-nums;
    background: var(--surface);
    color: var(--text);
    border: 2px solid var(--muted);
  }
  .grid button.answered {
    background: var(--accent);
    border-color: var(--accent);
    color: var(--accent-text);
  }
  .grid .flag-icon {
    width: 0.85rem;
    height: 0.85rem;
    flex: none;
  }
  .key .flag-icon {
    width: 1rem;
    height: 1rem;
  }
  .flag {
    display: inline-flex;
    align-items: center;
    gap: 0.4rem;
    margin-top: 0.5rem;
  }
  .flag .flag-icon {
    width: 1.1rem;
    height: 1.1rem;
  }
  .flag[aria-pressed='true'] {
    background: var(--notice-bg);
    border: 2px solid var(--notice-line);
    color: var(--text);
    font-weight: 600;
  }
  .summary h3 {
    font-size: 1.05rem;
    margin: 1.25rem 0 0.25rem;
  }
  .jump {
    list-style: none;
    margin: 0.25rem 0 0;
    padding: 0;
  }
  .jump li {
    display: flex;
    flex-wrap: wrap;
    align-items: baseline;
    gap: 0 0.75rem;
    padding: 0.15rem 0;
  }
  /* A move within the page, so it looks like a link (GOV.UK's error summary). */
  button.link {
    background: transparent;
    border: 0;
    padding: 0.5rem 0;
    color: var(--accent);
    text-decoration: underline;
    text-underline-offset: 0.15em;
    font-weight: 600;
  }
  .jump .prompt {
    flex: 1 1 14rem;
    min-width: 0;
    color: var(--muted);
    overflow: hidden;
    display: -webkit-box;
    -webkit-line-clamp: 2;
    line-clamp: 2;
    -webkit-box-orient: vertical;
  }
  .summary .actions {
    margin-top: 1.25rem;
  }
  .revisit {
    list-style: none;
    padding: 0;
  }
  .revisit > li {
    margin-bottom: 0.75rem;
  }
  .revisit button {
    text-align: left;
  }
  .revisit ul {
    margin: 0.25rem 0 0;
  }
  .actions {
    display: flex;
    flex-wrap: wrap;
    gap: 1rem;
  }
`;
