import { LitElement, html } from 'lit';
import { isAnswered } from '../../course/questions.ts';
import type { QuizAttempt } from '../../course/state.ts';
import { formatClock } from '../../course/timer.ts';
import type { Question } from '../../course/types.ts';
import { quizViewStyles } from '../quiz-view.styles.ts';
import { theme } from '../theme.ts';
import { partEvent } from './part-event.ts';

const STRINGS = {
  heading: 'Check your answers before submitting',
  answered: (answered: number, total: number) => `You have answered ${answered} of ${total} questions.`,
  time: (clock: string) => `Time left: ${clock}.`,
  timePassed: 'The time limit has passed; you can still submit.',
  open: (n: number) => `Not answered (${n})`,
  openNote: 'A question you do not answer scores no marks.',
  flagged: (n: number) => `Flagged for review (${n})`,
  allDone: 'You have answered every question, and none is flagged for review.',
  final: 'Once you submit, you cannot change your answers.',
  questionLink: (n: number) => `Question ${n}`,
  submitNow: 'Submit answers now',
  back: 'Go back to the questions',
};

/**
 * "Check your answers before submitting": what is unanswered or flagged, each a way back to
 * its question (`quiz-jump`), the time left, then Submit (`quiz-submit-now`) or back (`quiz-back`).
 */
export class QuizSummary extends LitElement {
  static override get properties() {
    return {
      questions: { attribute: false },
      attempt: { attribute: false },
      left: { attribute: false },
    };
  }
  declare questions: Question[];
  declare attempt: QuizAttempt;
  /** Time left in ms, or null when untimed. */
  declare left: number | null;

  static override styles = [theme, quizViewStyles];

  focusHeading(): void {
    (this.renderRoot.querySelector('h2') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private send(name: string, index?: number): void {
    this.dispatchEvent(partEvent(name, index));
  }

  override render() {
    const a = this.attempt;
    const numbered = this.questions.map((q, i) => ({ q, i }));
    const open = numbered.filter(({ q }) => !isAnswered(q, a.answers[q.id]));
    const flagged = numbered.filter(({ q }) => a.flagged.includes(q.id));
    const list = (items: { q: Question; i: number }[]) =>
      html`<ul class="jump">
        ${items.map(
          ({ q, i }) =>
            html`<li>
              <button type="button" class="link" @click=${() => this.send('quiz-jump', i)}>${STRINGS.questionLink(i + 1)}</button>
              <span class="prompt">${q.prompt}</span>
            </li>`,
        )}
      </ul>`;
    const left = this.left;
    return html`<section class="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" tabindex="-1">${STRINGS.heading}</h2>
      <p>
        ${STRINGS.answered(this.questions.length - open.length, this.questions.length)}
        ${left === null ? null : left > 0 ? STRINGS.time(formatClock(left)) : STRINGS.timePassed}
      </p>
      ${
        open.length
          ? html`<h3>${STRINGS.open(open.length)}</h3>
              <p>${STRINGS.openNote}</p>
              ${list(open)}`
          : null
      }
      ${
        flagged.length
          ? html`<h3>${STRINGS.flagged(flagged.length)}</h3>
              ${list(flagged)}`
          : null
      }
      ${!open.length && !flagged.length ? html`<p>${STRINGS.allDone}</p>` : null}
      <p>${STRINGS.final}</p>
      <div class="actions">
        <button type="button" @click=${() => this.send('quiz-submit-now')}>${STRINGS.submitNow}</button>
        <button type="button" class="secondary" @click=${() => this.send('quiz-back')}>${STRINGS.back}</button>
      </div>
    </section>`;
  }
}
customElements.define('quiz-summary', QuizSummary);

declare global {
  interface HTMLElementTagNameMap {
    'quiz-summary': QuizSummary;
  }
}
