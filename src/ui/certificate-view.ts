import { LitElement, html } from 'lit';
import { creditEarned } from '../course/activity.ts';
import type { ActivityInfo } from '../course/types.ts';
import { ACTIVITY_STRINGS, creditLines } from './activity-info.ts';
import { certificateViewStyles } from './certificate-view.styles.ts';
import { dateText, displayName, hoursText, isoDateText } from './format.ts';
import { theme } from './theme.ts';

const STRINGS = {
  heading: 'Certificate of completion',
  certifies: 'This certifies that',
  completed: 'has completed the continuing-education activity',
  provider: (name: string) => `Provided by ${name}`,
  providerPending: `Provider: ${ACTIVITY_STRINGS.notYet}`,
  activityId: (id: string | null) => `Activity ID: ${id ?? ACTIVITY_STRINGS.notYet}`,
  dates: (review: string, expiry: string) => `Content last reviewed: ${review}. Expires: ${expiry}.`,
  score: (p: number) => `with a final exam score of ${p}%`,
  on: (date: string) => `on ${date}.`,
  time: (hours: string) => `Estimated learning time: ${hours}.`,
  nameLabel: 'Name to print on the certificate',
  noName: 'Your learning management system did not give your name: type it to print it on the certificate.',
  print: 'Print or save as PDF',
  note: 'Education for clinic staff; not medical advice.',
};

/** The certificate, once the course is complete: printable on one A4 or Letter page. */
export class CertificateView extends LitElement {
  static override properties = {
    courseTitle: { attribute: false },
    learnerName: { attribute: false },
    score: { type: Number },
    completedAt: { type: Number },
    minutes: { type: Number },
    activity: { attribute: false },
    typedName: { state: true },
  };
  declare courseTitle: string;
  /** As the LMS gives it. */
  declare learnerName: string;
  declare score: number;
  declare completedAt: number;
  declare minutes: number;
  /** Provider, credit, accreditation statement and dates. */
  declare activity: ActivityInfo;
  declare typedName: string;

  constructor() {
    super();
    this.typedName = '';
  }

  static override styles = [theme, certificateViewStyles];

  focusHeading(): void {
    this.renderRoot.querySelector('h1')?.focus({ preventScroll: true });
  }

  override render() {
    const fromLms = displayName(this.learnerName);
    const name = fromLms || this.typedName.trim();
    const a = this.activity;
    const date = (iso: string | null) => (iso ? isoDateText(iso) : ACTIVITY_STRINGS.notYet);
    return html`<h1 tabindex="-1">${STRINGS.heading}</h1>
      ${
        fromLms
          ? null
          : html`<div class="name-entry">
              <p>${STRINGS.noName}</p>
              <label for="name">${STRINGS.nameLabel}</label>
              <input
                id="name"
                autocomplete="name"
                .value=${this.typedName}
                @input=${(e: Event) => (this.typedName = (e.target as HTMLInputElement).value)}
              />
            </div>`
      }
      <section class="certificate" aria-labelledby="cert-title">
        <h2 id="cert-title">${STRINGS.heading}</h2>
        <p class="provider">${a.providerName ? STRINGS.provider(a.providerName) : STRINGS.providerPending}</p>
        <p>${STRINGS.certifies}</p>
        <p class="name">${name || '\u00a0'}</p>
        <p>${STRINGS.completed}</p>
        <p class="course">${this.courseTitle}</p>
        <p>${STRINGS.activityId(a.activityId)}</p>
        <p>${STRINGS.score(this.score)} ${STRINGS.on(dateText(this.completedAt))}</p>
        ${creditLines(a, this.minutes, this.completedAt, { measured: false })}
        ${a.accreditationStatement && creditEarned(a, this.completedAt) ? html`<p class="small">${a.accreditationStatement}</p>` : null}
        <p>${STRINGS.time(hoursText(this.minutes))}</p>
        <p class="small">${STRINGS.dates(date(a.reviewDate), date(a.expiryDate))}</p>
        <p class="note">${STRINGS.note}</p>
      </section>
      <div class="actions"><button @click=${() => window.print()}>${STRINGS.print}</button></div>`;
  }
}
customElements.define('certificate-view', CertificateView);

declare global {
  interface HTMLElementTagNameMap {
    'certificate-view': CertificateView;
  }
}
