import { LitElement, html, nothing } from 'lit';
import { isAnswered } from '../../course/questions.ts';
import type { QuizAttempt } from '../../course/state.ts';
import type { Question } from '../../course/types.ts';
import { quizViewStyles } from '../quiz-view.styles.ts';
import { theme } from '../theme.ts';
import { flagIcon } from './flag-icon.ts';
import { partEvent } from './part-event.ts';

const STRINGS = {
  navigator: 'Questions',
  navQuestion: (n: number, answered: boolean, flagged: boolean, current: boolean) =>
    `Question ${n}, ${answered ? 'answered' : 'not answered'}${flagged ? ', flagged' : ''}${current ? ', shown now' : ''}`,
  keyAnswered: 'Answered',
  keyNotAnswered: 'Not answered',
  keyFlagged: 'Flagged for review',
  keyCurrent: 'Shown now',
  review: 'Check your answers and submit',
};

/** Sent when the learner picks a question (`detail`: its index) or asks for the summary (`quiz-summary`). */
export type JumpEvent = CustomEvent<number>;

/**
 * The list of an attempt's questions: each a button with its number and its state in words
 * (answered, flagged, shown now), then the way to the summary. It lies in the page's flow,
 * under the sticky bar, so it never covers the question or clips its last row.
 */
export class QuizNavigator extends LitElement {
  static override get properties() {
    return {
      questions: { attribute: false },
      attempt: { attribute: false },
    };
  }
  declare questions: Question[];
  declare attempt: QuizAttempt;

  static override styles = [theme, quizViewStyles];

  /** Focus for the question shown now, as the list opens. */
  focusCurrent(): void {
    (this.renderRoot.querySelector('[aria-current]') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private jump(index: number): void {
    this.dispatchEvent(partEvent('quiz-jump', index));
  }

  override render() {
    const a = this.attempt;
    return html`<nav class="navigator" aria-label=${STRINGS.navigator}>
      <ul class="key" aria-hidden="true">
        <li><span class="swatch answered"></span>${STRINGS.keyAnswered}</li>
        <li><span class="swatch"></span>${STRINGS.keyNotAnswered}</li>
        <li>${flagIcon(true)}${STRINGS.keyFlagged}</li>
        <li><span class="swatch current"></span>${STRINGS.keyCurrent}</li>
      </ul>
      <ol class="grid">
        ${this.questions.map((q, i) => {
          const done = isAnswered(q, a.answers[q.id]);
          const flag = a.flagged.includes(q.id);
          const current = i === a.current;
          return html`<li>
            <button
              type="button"
              class=${done ? 'answered' : ''}
              data-jump=${q.id}
              aria-current=${current ? 'step' : nothing}
              aria-label=${STRINGS.navQuestion(i + 1, done, flag, current)}
              @click=${() => this.jump(i)}
            >
              ${i + 1}${flag ? flagIcon(true) : nothing}
            </button>
          </li>`;
        })}
      </ol>
      <p class="to-summary">
        <button type="button" class="link" @click=${() => this.dispatchEvent(partEvent('quiz-summary'))}>${STRINGS.review}</button>
      </p>
    </nav>`;
  }
}
customElements.define('quiz-navigator', QuizNavigator);

declare global {
  interface HTMLElementTagNameMap {
    'quiz-navigator': QuizNavigator;
  }
}
