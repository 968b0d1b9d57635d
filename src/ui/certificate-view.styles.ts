import { css } from 'lit';

/**
 * The certificate: a double-bordered card with the learner's name, the course and the credit, the
 * name entry above it, and a print of the card alone.
 */
export const certificateViewStyles = css`
  .certificate {
    border: 6px double var(--accent);
    border-radius: 4px;
    padding: 2rem 1.5rem;
    text-align: center;
    background: var(--surface);
    margin: 1rem 0;
  }
  .certificate h2 {
    font-size: 1.6rem;
    margin-top: 0;
  }
  .name {
    font-size: 1.6rem;
    font-weight: 600;
    margin: 0.5rem 0;
    overflow-wrap: anywhere;
  }
  .course {
    font-size: 1.2rem;
    font-weight: 600;
  }
  .note,
  .small {
    color: var(--muted);
    font-size: 0.9rem;
  }
  .certificate p {
    margin: 0.5rem 0;
  }
  .certificate .credit {
    font-weight: 600;
  }
  label {
    display: block;
    margin-bottom: 0.25rem;
  }
  input {
    font: inherit;
    min-height: 44px;
    padding: 0.3rem 0.5rem;
    width: min(24rem, 100%);
    box-sizing: border-box;
  }
  .actions {
    margin: 1rem 0;
  }
  @media print {
    .actions,
    .name-entry,
    h1 {
      display: none;
    }
    .certificate {
      margin: 0;
      border-color: #000;
      color: #000;
      background: #fff;
      break-inside: avoid;
    }
  }
`;
