import { LitElement, html } from 'lit';
import { creditOffered, designatedCredits, isBeforeRelease, isExpired, professionName } from '../course/activity.ts';
import { certificateFacts } from '../course/ce-record.ts';
import type { ActivityInfo } from '../course/types.ts';
import { ACTIVITY_STRINGS } from './activity-info.ts';
import { certificateViewStyles } from './certificate-view.styles.ts';
import { intent } from './events.ts';
import { amountText, dateText, displayName, isoDateText } from './format.ts';
import { professionChoice } from './profession-choice.ts';
import { theme } from './theme.ts';

const STRINGS = {
  completion: 'Certificate of completion',
  participation: 'Certificate of participation',
  certifies: 'This certifies that',
  completed: 'completed the continuing-education activity',
  on: (date: string) => `on ${date}`,
  providerPending: `Provider: ${ACTIVITY_STRINGS.notYet}`,
  credit: 'Credit awarded',
  hours: 'Hours of participation',
  amount: (amount: number, type: string) => `${amountText(amount)} ${type}`,
  hoursAmount: (hours: number) => `${amountText(hours)} ${hours === 1 ? 'hour' : 'hours'}`,
  profession: 'Profession',
  professionNotGiven: 'not given',
  noCreditFor: 'No credit type is designated for this profession.',
  notOffered: (release: string) => `Completed before the release date (${release}): no credit is offered.`,
  expired: (expiry: string) => `Completed after the expiry date (${expiry}): credit is no longer offered.`,
  notDesignated: ACTIVITY_STRINGS.notDesignated,
  activityId: 'Activity ID',
  version: 'Content version',
  number: 'Certificate number',
  score: 'Final exam score',
  designation: 'Designation',
  accreditation: 'Accreditation',
  issuer: 'Issued by',
  issuerPending: `Issuer: ${ACTIVITY_STRINGS.notYet}`,
  signature: 'Signature',
  nameLabel: 'Name to print on the certificate',
  noName: 'Your learning management system did not give your name: type it to print it on the certificate.',
  print: 'Print or save as PDF',
  printHint: 'In the print window, choose "Save as PDF" as the printer to keep a copy. The certificate fits one Letter or A4 page.',
  note: 'Education for clinic staff; not medical advice. Keep this certificate for your records.',
};

/**
 * The certificate, once the course is complete: one designed page (Letter and A4) with
 * everything ANCC and ACCME ask a certificate to carry, printable from the course.
 */
export class CertificateView extends LitElement {
  static override get properties() {
    return {
      courseTitle: { attribute: false },
      courseId: { attribute: false },
      learnerName: { attribute: false },
      learnerId: { attribute: false },
      profession: { attribute: false },
      score: { type: Number },
      completedAt: { type: Number },
      minutes: { type: Number },
      activity: { attribute: false },
      disabled: { type: Boolean },
      typedName: { state: true },
    };
  }
  declare courseTitle: string;
  /** The package's id, which numbers certificates while the provider's activity id is not given. */
  declare courseId: string;
  /** As the LMS gives it. */
  declare learnerName: string;
  declare learnerId: string;
  /** The profession the learner chose, if any. */
  declare profession: string | undefined;
  declare score: number;
  declare completedAt: number;
  declare minutes: number;
  /** Provider, credit, accreditation statement, issuer and dates. */
  declare activity: ActivityInfo;
  /** Review mode: nothing can change. */
  declare disabled: boolean;
  declare typedName: string;

  constructor() {
    super();
    this.typedName = '';
    this.learnerId = '';
    this.courseId = '';
    this.disabled = false;
  }

  static override styles = [theme, certificateViewStyles];

  focusHeading(): void {
    this.renderRoot.querySelector('h1')?.focus({ preventScroll: true });
  }

  /** Why a completion earns no credit, in one line (nothing when it does). */
  private noCreditReason(): string {
    const a = this.activity;
    const at = this.completedAt;
    if (!designatedCredits(a).length) return STRINGS.notDesignated;
    if (isBeforeRelease(a, at)) return STRINGS.notOffered(isoDateText(a.releaseDate ?? ''));
    if (isExpired(a, at)) return STRINGS.expired(isoDateText(a.expiryDate ?? ''));
    return creditOffered(a, at) ? STRINGS.noCreditFor : '';
  }

  override render() {
    const a = this.activity;
    const asked = a.professions.length > 0;
    const chosen = professionName(a, this.profession);
    if (asked && !chosen) {
      // A course without an evaluation asks here, once, before the certificate is shown.
      return html`<h1 tabindex="-1">${STRINGS.completion}</h1>
        <form class="choose" @submit=${(e: Event) => e.preventDefault()}>
          ${professionChoice(
            a.professions,
            this.profession,
            (id) => this.dispatchEvent(intent({ type: 'choose-profession', profession: id })),
            {
              disabled: this.disabled,
              correctable: false,
            },
          )}
        </form>`;
    }
    const fromLms = displayName(this.learnerName);
    const name = fromLms || this.typedName.trim();
    // The same facts the LMS's CE record holds (src/course/ce-record.ts).
    const { credit, hours, number } = certificateFacts({
      activity: a,
      courseId: this.courseId,
      learnerId: this.learnerId,
      profession: this.profession,
      completedAt: this.completedAt,
      minutes: this.minutes,
    });
    const heading = credit ? STRINGS.completion : STRINGS.participation;
    const row = (label: string, value: unknown) =>
      html`<div>
        <dt>${label}</dt>
        <dd>${value}</dd>
      </div>`;
    return html`${
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
      <article class="certificate" aria-labelledby="cert-title">
        <header class="issuer-head">
          <p class="provider">${a.providerName ?? STRINGS.providerPending}</p>
          ${a.providerContact ? html`<p class="address">${a.providerContact}</p>` : null}
        </header>
        <h1 id="cert-title" tabindex="-1">${heading}</h1>
        <p>${STRINGS.certifies}</p>
        <p class="name">${name || '\u00a0'}</p>
        <p>${STRINGS.completed}</p>
        <p class="course">${this.courseTitle}</p>
        <p>${STRINGS.on(dateText(this.completedAt))}</p>
        <p class="award">
          ${
            credit
              ? html`<span class="label">${STRINGS.credit}:</span> ${STRINGS.amount(credit.amount, credit.type)}`
              : html`<span class="label">${STRINGS.hours}:</span> ${STRINGS.hoursAmount(hours)}`
          }
        </p>
        ${credit ? null : html`<p class="small">${this.noCreditReason()}</p>`}
        <dl class="facts">
          ${asked ? row(STRINGS.profession, chosen ?? STRINGS.professionNotGiven) : null}
          ${row(STRINGS.activityId, a.activityId ?? ACTIVITY_STRINGS.notYet)} ${row(STRINGS.version, a.version)}
          ${row(STRINGS.number, html`<span class="number">${number}</span>`)} ${row(STRINGS.score, `${this.score}%`)}
        </dl>
        ${
          credit
            ? html`<p class="statement"><span class="label">${STRINGS.designation}:</span> ${credit.designation}</p>
                ${a.accreditationStatement ? html`<p class="statement"><span class="label">${STRINGS.accreditation}:</span> ${a.accreditationStatement}</p>` : null}`
            : null
        }
        <div class="signature">
          <div class="line" aria-hidden="true"></div>
          <p>
            ${a.issuer ? html`${STRINGS.issuer} <span class="issuer-name">${a.issuer.name}</span>, ${a.issuer.role}` : STRINGS.issuerPending}
          </p>
        </div>
        <p class="note">${STRINGS.note}</p>
      </article>
      <div class="actions">
        <button @click=${() => window.print()}>${STRINGS.print}</button>
        <p class="small">${STRINGS.printHint}</p>
      </div>`;
  }
}
customElements.define('certificate-view', CertificateView);

declare global {
  interface HTMLElementTagNameMap {
    'certificate-view': CertificateView;
  }
}
