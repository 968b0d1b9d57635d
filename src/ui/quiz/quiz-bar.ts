import { LitElement, html } from 'lit';
import { isAnswered } from '../../course/questions.ts';
import type { QuizAttempt } from '../../course/state.ts';
import { formatClock } from '../../course/timer.ts';
import type { Question } from '../../course/types.ts';
import { StickyPaddingController } from './observers.ts';
import { partEvent } from './part-event.ts';

const STRINGS = {
  timeLeft: 'Time left:',
  questions: 'Questions',
  answered: 'answered',
};

/**
 * The attempt's sticky bar, in one row: the time left, and (in the exam) the button that opens
 * the question list (`quiz-toggle-list`) with the count answered; under it, the save state while
 * the attempt is not saved.
 *
 * It renders into quiz-view's shadow root (no shadow root of its own), styled by the view's
 * styles; the view gives it `display: contents`, so the bar sticks within the whole attempt.
 */
export class QuizBar extends LitElement {
  static override get properties() {
    return {
      questions: { attribute: false },
      attempt: { attribute: false },
      left: { attribute: false },
      paged: { attribute: false },
      listOpen: { attribute: false },
      saveNotice: { attribute: false },
      saveProblem: { attribute: false },
    };
  }
  declare questions: Question[];
  declare attempt: QuizAttempt;
  /** Time left in ms, or null when untimed. */
  declare left: number | null;
  /** The exam (one question per screen): the bar holds the question list's button. */
  declare paged: boolean;
  /** The question list is open (the button's aria-expanded). */
  declare listOpen: boolean;
  /** The save state in words while it is not saved ('' when it is). */
  declare saveNotice: string;
  /** The notice is a problem (not saved, offline), not a save under way. */
  declare saveProblem: boolean;

  constructor() {
    super();
    this.left = null;
    this.paged = false;
    this.listOpen = false;
    this.saveNotice = '';
    this.saveProblem = false;
    // A control reached with Tab is not hidden beneath the bar.
    new StickyPaddingController(this, '.bar');
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  /** Focus on the question list's button (Escape in the list returns there). */
  focusToggle(): void {
    (this.querySelector('.toggle') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  override render() {
    const a = this.attempt;
    const answered = this.questions.filter((q) => isAnswered(q, a.answers[q.id])).length;
    const left = this.left;
    return html`<div class="bar">
      <div class="bar-row">
        ${
          left !== null
            ? html`<span class="timer ${left < 60_000 ? 'low' : ''}" role="timer" aria-live="off"
                ><svg class="clock" viewBox="0 0 16 16" aria-hidden="true">
                  <circle cx="8" cy="8" r="6.5" fill="none" stroke="currentColor" stroke-width="1.6" />
                  <path d="M8 4.5V8l2.5 1.5" fill="none" stroke="currentColor" stroke-width="1.6" /></svg
                ><span class="timer-label">${STRINGS.timeLeft} </span>${formatClock(left)}</span
              >`
            : null
        }
        ${
          this.paged
            ? html`<button
                type="button"
                class="toggle secondary"
                aria-expanded=${this.listOpen ? 'true' : 'false'}
                aria-controls="navigator"
                @click=${() => this.dispatchEvent(partEvent('quiz-toggle-list'))}
              >
                <span class="toggle-label">${STRINGS.questions}</span>
                <span class="count">${answered}/${this.questions.length} ${STRINGS.answered}</span>
                <svg class="chevron" viewBox="0 0 12 12" aria-hidden="true">
                  <path d="M2 4l4 4 4-4" fill="none" stroke="currentColor" stroke-width="2" />
                </svg>
              </button>`
            : null
        }
      </div>
      <p class="save-state ${this.saveNotice ? 'shown' : ''} ${this.saveProblem ? 'problem' : ''}" role="status">${this.saveNotice}</p>
    </div>`;
  }
}
customElements.define('quiz-bar', QuizBar);

declare global {
  interface HTMLElementTagNameMap {
    'quiz-bar': QuizBar;
  }
}
