import { css } from 'lit';

/**
 * The evaluation, on top of the shared form styles: the questions' tags, the text answers and
 * their counts, numbers with their unit and error, confidence ratings, the error summary and
 * the thank-you box.
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
  .hint {
    color: var(--muted);
    font-size: 0.9rem;
    margin: 0 0 0.5rem;
  }
  /* A number question: a box like a question group, the unit beside its field. */
  .question {
    border: 1px solid var(--line);
    border-radius: 8px;
    background: var(--surface);
    padding: 0.75rem 1.25rem 1rem;
    margin-bottom: 1.25rem;
  }
  .number {
    display: flex;
    align-items: center;
    gap: 0.5rem;
  }
  .number input {
    font: inherit;
    width: 5em;
    min-height: 44px;
    padding: 0.3rem 0.5rem;
    border: 1px solid var(--muted);
    border-radius: 6px;
    background: var(--bg);
    color: var(--text);
  }
  .number input[aria-invalid='true'] {
    border: 3px solid var(--bad);
  }
  /* GOV.UK's error message: bold, in the error colour, above the field it is about. */
  .field-error {
    color: var(--bad);
    font-weight: 700;
    margin: 0 0 0.5rem;
  }
  /* A confidence rating: one group per topic, its two scales side by side where they fit. */
  fieldset.item {
    margin: 0.75rem 0 0;
    padding: 0.5rem 0.75rem 0.5rem;
    background: var(--bg);
  }
  .pair {
    display: grid;
    grid-template-columns: repeat(auto-fit, minmax(13rem, 1fr));
    gap: 0 1.5rem;
  }
  fieldset.when {
    border: 0;
    background: none;
    padding: 0;
    margin: 0;
  }
  fieldset.when legend {
    font-weight: 400;
    color: var(--muted);
    margin-bottom: 0.25rem;
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
