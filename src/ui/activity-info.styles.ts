import { css } from 'lit';

/**
 * The activity information of activity-info.ts, on the start screen and on About this
 * activity: the summary list of label and value, dates, people, credit lines and the
 * folded list of people.
 */ export const activityInfoStyles = css`
  .facts {
    margin: 1rem 0;
    border-top: 1px solid var(--line);
  }
  .facts > div {
    display: grid;
    grid-template-columns: 10rem minmax(0, 1fr);
    gap: 0 1.25rem;
    padding: 0.6rem 0;
    border-bottom: 1px solid var(--line);
  }
  .facts dt {
    font-weight: 600;
  }
  .facts dd {
    margin: 0;
  }
  .facts p {
    margin: 0 0 0.4rem;
  }
  .facts p:last-child {
    margin-bottom: 0;
  }
  @media (max-width: 40rem) {
    .facts > div {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  .dates {
    list-style: none;
    padding: 0;
    margin: 0 0 1rem;
  }
  .facts .dates {
    margin: 0;
  }
  .people {
    padding-left: 1.25rem;
  }
  .people li,
  .dates li {
    margin-bottom: 0.3rem;
  }
  .who,
  .credit,
  .label {
    font-weight: 600;
  }
  .small {
    font-size: 0.9rem;
    color: var(--muted);
  }
  h3.group {
    font-size: 1rem;
    margin: 1rem 0 0.25rem;
  }
  details {
    margin: 0.25rem 0 0;
  }
  summary {
    cursor: pointer;
    min-height: 44px;
    box-sizing: border-box;
    padding: 0.6rem 0;
    color: var(--accent);
    font-weight: 600;
  }
  summary:focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
`;
