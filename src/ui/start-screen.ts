import { LitElement, css, html } from 'lit';
import type { Course } from '../course/types.ts';
import { intent } from './events.ts';
import { hoursText } from './format.ts';
import type { MenuItem } from './menu-items.ts';
import { theme } from './theme.ts';

const STRINGS = {
  who: 'For nurses, medical assistants, front-desk and patient-coordinator staff of spine, pain and orthopedic clinics.',
  time: (minutes: number) => `Estimated time: about ${hoursText(minutes)}, in six short lessons with a knowledge check after each, and a final exam. You can stop at any point and continue later.`,
  passRule: (mark: number) => `To complete the course, read every lesson and pass the final exam with ${mark}% or more.`,
  objectives: 'What you will learn',
  disclaimer: 'This course is education for clinic staff. It is not medical advice and does not replace the judgement of the treating clinician.',
  progress: 'Your progress',
  start: 'Start the course',
  continue: 'Continue where you left off',
  restart: 'Go to the first lesson',
  continueNote: (label: string) => `You were last in: ${label}. Your progress is saved; you can also pick any part from the course contents.`,
  certificate: 'View your certificate',
};

/** The first screen: who the course is for, its objectives and time, and where the learner stands. */
export class StartScreen extends LitElement {
  static override properties = {
    course: { attribute: false },
    passMark: { type: Number },
    minutes: { type: Number },
    items: { attribute: false },
    resume: { attribute: false },
    completed: { type: Boolean },
    started: { type: Boolean },
  };
  declare course: Course;
  declare passMark: number;
  declare minutes: number;
  /** Progress of each part, as in the menu. */
  declare items: MenuItem[];
  /** Where the learner left off, when there is saved progress. */
  declare resume: { location: string; section: number; label: string } | null;
  declare completed: boolean;
  /** Something was read or taken: show the progress list. */
  declare started: boolean;

  static override styles = [
    theme,
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
    const first = this.items[0]?.location ?? 'start';
    return html`<h1 tabindex="-1">${this.course.title}</h1>
      <p>${STRINGS.who}</p>
      <p>${STRINGS.time(this.minutes)} ${STRINGS.passRule(this.passMark)}</p>
      <div class="actions">
        ${this.completed ? html`<button @click=${() => this.go('certificate')}>${STRINGS.certificate}</button>` : null}
        ${this.resume
          ? html`<button class=${this.completed ? 'secondary' : ''} @click=${() => this.go(this.resume?.location ?? first, this.resume?.section ?? 0)}>${STRINGS.continue}</button>
              <button class="secondary" @click=${() => this.go(first)}>${STRINGS.restart}</button>`
          : html`<button @click=${() => this.go(first)}>${STRINGS.start}</button>`}
      </div>
      ${this.resume ? html`<p>${STRINGS.continueNote(this.resume.label)}</p>` : null}
      <p class="notice">${STRINGS.disclaimer}</p>
      ${this.started
        ? html`<h2>${STRINGS.progress}</h2>
            <ul class="progress">
              ${this.items.map((i) => html`<li>${i.label}: <span class="state">${i.state}</span></li>`)}
            </ul>`
        : null}
      <h2>${STRINGS.objectives}</h2>
      ${this.course.lessons.map(
        (l) => html`<h3>${l.title}</h3>
          <ul>
            ${l.objectives.map((o) => html`<li>${o.text}</li>`)}
          </ul>`,
      )}`;
  }
}
customElements.define('start-screen', StartScreen);
