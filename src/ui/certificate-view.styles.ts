import { css } from 'lit';

/**
 * The certificate: one bordered page with the provider at the top, the learner and the activity
 * in the middle, the award and the record's facts, then the statements and the signature line.
 * In print only the page shows, sized to fit one Letter or A4 page inside index.html's margins.
 */
export const certificateViewStyles = css`
  .certificate {
    border: 3px solid var(--accent);
    outline: 1px solid var(--accent);
    outline-offset: -9px;
    border-radius: 2px;
    padding: 1.75rem 1.75rem 1.25rem;
    text-align: center;
    background: var(--surface);
    margin: 0 0 1rem;
    max-width: 46rem;
  }
  .certificate p {
    margin: 0.35rem 0;
  }
  .issuer-head {
    border-bottom: 1px solid var(--muted);
    padding-bottom: 0.6rem;
    margin-bottom: 0.9rem;
  }
  .provider {
    font-weight: 700;
    font-size: 1.1rem;
    letter-spacing: 0.02em;
  }
  .address {
    color: var(--muted);
    font-size: 0.9rem;
  }
  h1 {
    font-size: 1.9rem;
    margin: 0.4rem 0 0.8rem;
    letter-spacing: 0.03em;
  }
  .name {
    font-size: 1.7rem;
    font-weight: 600;
    margin: 0.5rem 0;
    overflow-wrap: anywhere;
    border-bottom: 1px solid var(--muted);
    display: inline-block;
    min-width: min(22rem, 100%);
    padding: 0 1rem 0.2rem;
  }
  .course {
    font-size: 1.25rem;
    font-weight: 600;
  }
  .award {
    font-size: 1.15rem;
    font-weight: 700;
    margin-top: 0.8rem;
  }
  .label {
    font-weight: 600;
  }
  .facts {
    display: flex;
    flex-wrap: wrap;
    justify-content: center;
    gap: 0.25rem 1.5rem;
    margin: 0.8rem 0;
    font-size: 0.95rem;
  }
  .facts dt {
    color: var(--muted);
    font-size: 0.85rem;
  }
  .facts dd {
    margin: 0;
    font-weight: 600;
  }
  .number {
    font-family: ui-monospace, 'Cascadia Mono', Consolas, monospace;
    letter-spacing: 0.05em;
  }
  .statement {
    text-align: start;
    font-size: 0.9rem;
  }
  .signature {
    margin: 1.5rem auto 0.5rem;
    width: min(20rem, 100%);
  }
  .signature .line {
    border-bottom: 1px solid currentColor;
    height: 2.5rem;
  }
  .issuer-name {
    font-weight: 600;
  }
  .note,
  .small {
    color: var(--muted);
    font-size: 0.9rem;
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
  .profession {
    border: 0;
    padding: 0;
  }
  .option {
    display: flex;
    gap: 0.5rem;
    align-items: center;
    min-height: 44px;
  }
  @media print {
    .actions,
    .name-entry {
      display: none;
    }
    .certificate {
      margin: 0;
      max-width: none;
      border-color: #000;
      outline-color: #000;
      color: #000;
      background: #fff;
      break-inside: avoid;
      font-size: 11pt;
    }
    .address,
    .facts dt,
    .note,
    .small {
      color: #333;
    }
  }
  @media (forced-colors: active) {
    .certificate {
      border-color: CanvasText;
      outline-color: CanvasText;
    }
  }
`;
