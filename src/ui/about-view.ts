import { LitElement, css, html } from 'lit';
import type { Course } from '../course/types.ts';
import { ACTIVITY_STRINGS, activityInfo, completionText } from './activity-info.ts';
import { activityInfoStyles } from './activity-info.styles.ts';
import { contentComponents } from './content-components.ts';
import { theme } from './theme.ts';
import { datedText } from './dated-text.ts';

const STRINGS = {
  heading: ACTIVITY_STRINGS.about,
  complete: 'How to complete the course and get your certificate',
  objectives: 'What you will learn',
};

/**
 * About this activity: everything an accredited provider tells learners before the course
 * starts, in full, reachable again from the course contents.
 */
export class AboutView extends LitElement {
  static override get properties() {
    return {
      course: { attribute: false },
      passMark: { type: Number },
      minutes: { type: Number },
      today: { type: Number },
    };
  }
  declare course: Course;
  declare passMark: number;
  declare minutes: number;
  /** Now (epoch ms), from the course's clock. */
  declare today: number;

  static override styles = [
    theme,
    activityInfoStyles,
    contentComponents,
    css`
      .objectives li {
        margin-bottom: 0.25rem;
      }
    `,
  ];

  focusHeading(): void {
    this.renderRoot.querySelector('h1')?.focus({ preventScroll: true });
  }

  override render() {
    const a = this.course.activity;
    const text = completionText(this.course, this.minutes, this.passMark);
    return html`<h1 tabindex="-1">${STRINGS.heading}</h1>
      <p>${datedText(a.introduction)}</p>
      <p>${datedText(a.audience)}</p>
      <p class="inset-text"><span class="visually-hidden">Information: </span>${datedText(a.disclaimer)}</p>
      <h2>${STRINGS.complete}</h2>
      <p>${text.time}</p>
      <p>${text.complete} ${text.certificate}</p>
      ${activityInfo(this.course, { minutes: this.minutes, today: this.today, compact: false })}
      <h2>${STRINGS.objectives}</h2>
      ${this.course.lessons.map(
        (l) =>
          html`<h3>${l.title}</h3>
            <ul class="objectives">
              ${l.objectives.map((o) => html`<li>${o.text}</li>`)}
            </ul>`,
      )}`;
  }
}
customElements.define('about-view', AboutView);

declare global {
  interface HTMLElementTagNameMap {
    'about-view': AboutView;
  }
}
