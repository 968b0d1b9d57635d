import { LitElement, css, html } from 'lit';
import { isExpired } from '../course/activity.ts';
import { courseSequence } from '../course/state.ts';
import type { Course } from '../course/types.ts';
import { ACTIVITY_STRINGS, activityInfo, completionText } from './activity-info.ts';
import { activityInfoStyles } from './activity-info.styles.ts';
import { intent } from './events.ts';
import { isoDateText } from './format.ts';
import type { MenuItem } from './menu-items.ts';
import { contentComponents } from './content-components.ts';
import { theme } from './theme.ts';
import { datedText } from './dated-text.ts';

const STRINGS = {
  objectives: 'What you will learn',
  progress: 'Your progress',
  start: 'Start the course',
  continue: 'Continue where you left off',
  restart: 'Go to the first lesson',
  continueNote: (label: string) =>
    `You were last in: ${label}. Your progress is saved; you can also pick any part from the course contents.`,
  certificate: 'View your certificate',
  expired: (expiry: string, review: string | null) =>
    `This activity is past its expiry date: it expired on ${expiry}${review ? `, and its content was last reviewed on ${review}` : ''}. ` +
    'It may be out of date. You can still take the course, but it no longer offers credit.',
};

/** The first screen: who the course is for, its objectives and time, and where the learner stands. */
export class StartScreen extends LitElement {
  static override properties = {
    course: { attribute: false },
    passMark: { type: Number },
    minutes: { type: Number },
    today: { type: Number },
    items: { attribute: false },
    resume: { attribute: false },
    completed: { type: Boolean },
    started: { type: Boolean },
  };
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

  static override styles = [
    theme,
    activityInfoStyles,
    contentComponents,
    css`
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
        margin: 1.5rem 0 1rem;
      }
      .progress li {
        margin-bottom: 0.25rem;
      }
      .state {
        color: var(--muted);
      }
    `,
  ];

  focusHeading(): void {
    this.renderRoot.querySelector('h1')?.focus({ preventScroll: true });
  }

  private go(location: string, section = 0): void {
    this.dispatchEvent(intent('navigate', { location, section }));
  }

  override render() {
    const first = courseSequence(this.course)[0] ?? 'start';
    const activity = this.course.activity;
    const text = completionText(this.course, this.minutes, this.passMark);
    const expired = isExpired(activity, this.today);
    // First visit: the activity information comes before the Start button; back again, the way on comes first.
    const info = html`<section aria-labelledby="about-activity">
      <h2 id="about-activity">${ACTIVITY_STRINGS.about}</h2>
      ${activityInfo(this.course, { minutes: this.minutes, today: this.today, compact: true })}
    </section>`;
    return html`<h1 tabindex="-1">${this.course.title}</h1>
      ${
        expired
          ? html`<p class="notice" role="note">
              ${STRINGS.expired(isoDateText(activity.expiryDate ?? ''), activity.reviewDate ? isoDateText(activity.reviewDate) : null)}
            </p>`
          : null
      }
      <p>${datedText(activity.introduction)}</p>
      <p>${datedText(activity.audience)}</p>
      <p>${text.time} ${text.complete} ${text.certificate}</p>
      ${this.resume ? null : info}
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
      ${this.resume ? html`<p>${STRINGS.continueNote(this.resume.label)}</p>` : null}
      <p class="inset-text"><span class="visually-hidden">Information: </span>${datedText(activity.disclaimer)}</p>
      ${
        this.started
          ? html`<h2>${STRINGS.progress}</h2>
              <ul class="progress">
                ${this.items.map((i) => html`<li>${i.label}: <span class="state">${i.state}</span></li>`)}
              </ul>`
          : null
      }
      ${this.resume ? info : null}
      <h2>${STRINGS.objectives}</h2>
      ${this.course.lessons.map(
        (l) =>
          html`<h3>${l.title}</h3>
            <ul>
              ${l.objectives.map((o) => html`<li>${o.text}</li>`)}
            </ul>`,
      )}`;
  }
}
customElements.define('start-screen', StartScreen);

declare global {
  interface HTMLElementTagNameMap {
    'start-screen': StartScreen;
  }
}
