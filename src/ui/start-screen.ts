import { LitElement, css, html } from 'lit';
import { anyRelationships, isExpired } from '../course/activity.ts';
import { courseSequence } from '../course/state.ts';
import type { Course } from '../course/types.ts';
import { ACTIVITY_STRINGS, activityInfo, completionText, creditLines } from './activity-info.ts';
import { activityInfoStyles } from './activity-info.styles.ts';
import { intent } from './events.ts';
import { isoDateText } from './format.ts';
import { firstSentence, timeLine } from './first-screen.ts';
import type { MenuItem } from './menu-items.ts';
import { contentComponents } from './content-components.ts';
import { theme } from './theme.ts';
import { datedText } from './dated-text.ts';

const STRINGS = {
  objectives: 'What you will learn',
  details: (n: number) => `Objectives (${n}), credit, dates, disclosures and commercial support in full`,
  progress: 'Your progress',
  start: 'Start the course',
  continue: 'Continue where you left off',
  restart: 'Go to the first lesson',
  continueNote: (label: string) =>
    `You were last in: ${label}. Your progress is saved; you can also pick any part from the course contents.`,
  certificate: 'View your certificate',
  disclosuresLabel: 'Disclosures:',
  disclosuresPending: 'not yet provided.',
  disclosuresNone: 'no one who planned, wrote or reviewed it has a relevant financial relationship with an ineligible company.',
  disclosuresSome: 'some who planned, wrote or reviewed it have relevant financial relationships with ineligible companies, all mitigated.',
  supportLabel: 'Commercial support:',
  supportPending: 'not yet disclosed.',
  supportNone: 'none.',
  supportSome: (names: string[]) =>
    `received from ${names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names.join('')}; what each gave is listed below.`,
  expired: (expiry: string, review: string | null) =>
    `This activity is past its expiry date: it expired on ${expiry}${review ? `, and its content was last reviewed on ${review}` : ''}. ` +
    'It may be out of date. You can still take the course, but it no longer offers credit.',
};

/**
 * The first screen. What fits a 700 x 470 px frame comes first: the title, what the course is
 * for, time and credit, a one-line summary of the disclosures (what an accreditor requires
 * before the activity starts, with the detail one step away), and the way in. The rest follows.
 */
export class StartScreen extends LitElement {
  static override get properties() {
    return {
      course: { attribute: false },
      passMark: { type: Number },
      minutes: { type: Number },
      today: { type: Number },
      items: { attribute: false },
      resume: { attribute: false },
      completed: { type: Boolean },
      started: { type: Boolean },
      detailed: { state: true },
    };
  }
  declare course: Course;
  declare passMark: number;
  declare minutes: number;
  /** Now (epoch ms), from the course's clock: decides whether the activity has expired. */
  declare today: number;
  /** Progress of each part, as in the menu. */
  declare items: MenuItem[];
  /** Where the learner left off, when there is saved progress. */
  declare resume: { location: string; section: number; label: string } | null;
  declare completed: boolean;
  /** Something was read or taken: show the progress list. */
  declare started: boolean;
  /** The folded detail is built: after the first paint, or as soon as it is opened. */
  declare private detailed: boolean;

  static override styles = [
    theme,
    activityInfoStyles,
    contentComponents,
    css`
      /* Two lines in a 700 px frame, so that Start is on the first screen. */
      h1 {
        font-size: clamp(1.5rem, 1.2rem + 1.2vw, 2rem);
        margin: 0.5rem 0 0.75rem;
      }
      h4 {
        margin: 0.75rem 0 0.25rem;
      }
      .lead {
        margin: 0 0 0.75rem;
      }
      /* Key facts, like a summary list's: the small size keeps Start on the first screen of Moodle's 470 px. */
      .key {
        margin: 0 0 0.5rem;
        font-size: var(--font-size-m);
      }
      .key p {
        margin: 0 0 0.25rem;
        font-weight: 400;
      }
      .label {
        font-weight: 600;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        margin: 0.75rem 0 1rem;
      }
      .progress li {
        margin-bottom: 0.25rem;
      }
      .state {
        color: var(--muted);
      }
    `,
  ];

  constructor() {
    super();
    this.detailed = false;
  }

  // Closed, the detail is not seen, so building it waits until the first screen is painted.
  override firstUpdated(): void {
    requestAnimationFrame(() => setTimeout(() => (this.detailed = true)));
  }

  focusHeading(): void {
    this.renderRoot.querySelector('h1')?.focus({ preventScroll: true });
  }

  private go(location: string, section = 0): void {
    this.dispatchEvent(intent({ type: 'navigate', location, section }));
  }

  /** Disclosures and commercial support in one short line each; the full list is one step away. */
  private disclosureSummary() {
    const a = this.course.activity;
    const pending = a.planners === null || a.authors === null || a.reviewers === null;
    const people = pending ? STRINGS.disclosuresPending : anyRelationships(a) ? STRINGS.disclosuresSome : STRINGS.disclosuresNone;
    const support =
      a.commercialSupport === null
        ? STRINGS.supportPending
        : a.commercialSupport === 'none'
          ? STRINGS.supportNone
          : STRINGS.supportSome(a.commercialSupport.map((c) => c.supporter));
    return html`<p>
      <span class="label">${STRINGS.disclosuresLabel}</span> ${people} <span class="label">${STRINGS.supportLabel}</span> ${support}
    </p>`;
  }

  override render() {
    const first = courseSequence(this.course)[0] ?? 'start';
    const activity = this.course.activity;
    const text = completionText(this.course, this.minutes, this.passMark);
    const expired = isExpired(activity, this.today);
    const [lead, rest] = firstSentence(activity.introduction);
    const objectives = this.course.lessons.reduce((n, l) => n + l.objectives.length, 0);
    // The detail an accreditor asks for, one step away: folded, before the way in on a first visit.
    const info = html`<section aria-labelledby="about-activity">
      <h2 id="about-activity" class="visually-hidden">${ACTIVITY_STRINGS.about}</h2>
      <details @toggle=${() => (this.detailed = true)}>
        <summary>${STRINGS.details(objectives)}</summary>
        ${
          this.detailed
            ? html`<h3>${STRINGS.objectives}</h3>
                ${this.course.lessons.map(
                  (l) =>
                    html`<h4>${l.title}</h4>
                      <ul>
                        ${l.objectives.map((o) => html`<li>${o.text}</li>`)}
                      </ul>`,
                )}
                <h3>${ACTIVITY_STRINGS.about}</h3>
                ${activityInfo(this.course, { minutes: this.minutes, today: this.today, compact: true })}`
            : null
        }
      </details>
    </section>`;
    return html`<h1 tabindex="-1">${this.course.title}</h1>
      ${
        expired
          ? html`<p class="notice" role="note">
              ${STRINGS.expired(isoDateText(activity.expiryDate ?? ''), activity.reviewDate ? isoDateText(activity.reviewDate) : null)}
            </p>`
          : null
      }
      <p class="lead">${datedText(lead)}</p>
      <div class="key">
        <p>${timeLine(this.minutes, this.course.lessons.length)}</p>
        ${creditLines(activity, this.minutes, this.today, { measured: false })} ${this.resume ? null : this.disclosureSummary()}
      </div>
      ${this.resume ? html`<p>${STRINGS.continueNote(this.resume.label)}</p>` : info}
      <div class="actions">
        ${this.completed ? html`<button @click=${() => this.go('certificate')}>${STRINGS.certificate}</button>` : null}
        ${
          this.resume
            ? html`<button
                  class=${this.completed ? 'secondary' : ''}
                  @click=${() => this.go(this.resume?.location ?? first, this.resume?.section ?? 0)}
                >
                  ${STRINGS.continue}
                </button>
                <button class="secondary" @click=${() => this.go(first)}>${STRINGS.restart}</button>`
            : html`<button @click=${() => this.go(first)}>${STRINGS.start}</button>`
        }
      </div>
      ${
        this.started
          ? html`<h2>${STRINGS.progress}</h2>
              <ul class="progress">
                ${this.items.map((i) => html`<li>${i.label}: <span class="state">${i.state}</span></li>`)}
              </ul>`
          : null
      }
      ${this.resume ? html`${this.disclosureSummary()} ${info}` : null} ${rest ? html`<p>${datedText(rest)}</p>` : null}
      <p>${datedText(activity.audience)}</p>
      <p>${text.time} ${text.complete} ${text.certificate}</p>
      <p class="inset-text"><span class="visually-hidden">Information: </span>${datedText(activity.disclaimer)}</p>`;
  }
}
customElements.define('start-screen', StartScreen);

declare global {
  interface HTMLElementTagNameMap {
    'start-screen': StartScreen;
  }
}
