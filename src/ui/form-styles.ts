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
    gap: 0.75rem;
    align-items: flex-start;
    min-height: 2.75rem;
    padding: 0.25rem 0;
    cursor: pointer;
  }
  /* The text beside a 40 px box starts level with the box's middle. */
  label.option > span {
    padding-top: calc((2.5rem - 1.55em) / 2);
    max-width: 60ch;
  }
  /*
   * GOV.UK's large radios and checkboxes: still the native inputs (keyboard, screen readers and
   * form semantics unchanged), drawn 40 px so that they are easy to hit. The mark is a
   * pseudo-element; forced colours draw it in the system's text colour.
   */
  input[type='radio'],
  input[type='checkbox'] {
    appearance: none;
    display: grid;
    place-content: center;
    flex: none;
    width: 2.5rem;
    height: 2.5rem;
    margin: 0;
    border: 2px solid var(--text);
    background: var(--surface);
    color: var(--text);
    cursor: pointer;
  }
  input[type='radio'] {
    border-radius: 50%;
  }
  input[type='radio']::before {
    content: '';
    width: 1.25rem;
    height: 1.25rem;
    border-radius: 50%;
    background: currentColor;
    transform: scale(0);
  }
  input[type='checkbox']::before {
    content: '';
    width: 1.4rem;
    height: 0.75rem;
    margin-top: -0.35rem;
    border: solid currentColor;
    border-width: 0 0 0.3rem 0.3rem;
    transform: rotate(-45deg) scale(0);
  }
  input[type='radio']:checked::before {
    transform: scale(1);
  }
  input[type='checkbox']:checked::before {
    transform: rotate(-45deg) scale(1);
  }
  input:is([type='radio'], [type='checkbox']):focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
    box-shadow: 0 0 0 2px var(--text) inset;
  }
  input:is([type='radio'], [type='checkbox']):disabled {
    cursor: default;
    opacity: 0.75;
  }
  @media (forced-colors: active) {
    input:is([type='radio'], [type='checkbox']) {
      border-color: CanvasText;
    }
    input[type='radio']::before {
      background: CanvasText;
    }
    input[type='checkbox']::before {
      border-color: CanvasText;
    }
  }
`;
