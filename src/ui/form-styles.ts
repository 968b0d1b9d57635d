import { css } from 'lit';

/**
 * A question as a form group, shared by the quiz questions and the evaluation: a box whose
 * legend is the question, and large native radios and checkboxes with their labels.
 */
export const formStyles = css`
  fieldset {
    border: 1px solid var(--line);
    border-radius: 8px;
    background: var(--surface);
    margin: 0;
    padding: 0.75rem 1.25rem 1rem;
    min-width: 0;
  }
  /* Floated, the legend sits inside the box instead of across its top border (GOV.UK's
     pattern); it still names the group for assistive technology. */
  legend {
    float: left;
    width: 100%;
    font-weight: 600;
    padding: 0;
    margin: 0 0 0.5rem;
    white-space: normal;
  }
  legend + * {
    clear: both;
  }
  label.option {
    display: flex;
    gap: 0.6rem;
    align-items: flex-start;
    min-height: 44px;
    padding: 0.35rem 0;
    cursor: pointer;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.25rem;
    height: 1.25rem;
    margin-top: 0.15rem;
    flex: none;
    accent-color: var(--accent);
  }
`;
