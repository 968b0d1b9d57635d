import { css } from 'lit';

/**
 * The evaluation, on top of the shared form styles: the questions' tags, the text answers and
 * their counts, the error summary and the thank-you box.
 */
export const evaluationViewStyles = css`
  fieldset {
    margin-bottom: 1.25rem;
  }
  .tag {
    font-weight: 400;
    color: var(--muted);
    font-size: 0.9rem;
  }
  label.text {
    display: block;
    font-weight: 600;
    margin-bottom: 0.5rem;
  }
  textarea {
    font: inherit;
    width: 100%;
    box-sizing: border-box;
    min-height: 6rem;
    padding: 0.4rem 0.5rem;
    border: 1px solid var(--muted);
    border-radius: 6px;
    background: var(--bg);
    color: var(--text);
  }
  .count {
    color: var(--muted);
    font-size: 0.9rem;
    margin: 0.25rem 0 0;
  }
  .error-summary {
    border: 3px solid var(--bad);
    padding: 0.5rem 1rem;
    margin-bottom: 1.25rem;
  }
  .error-summary h2 {
    margin-top: 0.25rem;
    font-size: 1.1rem;
  }
  .error-summary a {
    color: var(--bad);
  }
  .thanks {
    border: 1px solid var(--line);
    background: var(--surface);
    border-radius: 8px;
    padding: 0.75rem 1.25rem;
  }
`;
