import { LitElement, html } from 'lit';
import { drawQuestions } from '../../course/pool.ts';
import { attemptsLeft, type QuizProgress } from '../../course/state.ts';
import { spokenDuration, type TimeLimit } from '../../course/timer.ts';
import type { Objective, Quiz } from '../../course/types.ts';
import { quizViewStyles } from '../quiz-view.styles.ts';
import { theme } from '../theme.ts';
import { partEvent } from './part-event.ts';

const STRINGS = {
  label: 'About this quiz',
  bank: (quiz: Quiz, drawn: number) =>
    quiz.drawPerObjective !== null
      ? `Each attempt asks ${drawn} questions drawn from a bank of ${quiz.questions.length}, covering every learning objective.`
      : `${quiz.draw ?? quiz.questions.length} questions${quiz.draw !== null ? `, drawn from a bank of ${quiz.questions.length}` : ''}.`,
  passRule: (mark: number, graded: boolean, counts: Quiz['counts']) =>
    `You pass with ${mark}% or more.` +
    `${graded ? ` This quiz sets your course score; ${counts === 'last' ? 'your last' : 'your best'} attempt counts.` : ''}`,
  attempts: (left: number, total: number | null) =>
    total === null ? 'You can take it as often as you like.' : `Attempts left: ${left} of ${total}.`,
  feedback: (q: Quiz) =>
    q.feedback === 'immediate'
      ? 'Check each answer as you go: you will see at once whether it is right, and why.'
      : 'The questions come one at a time; you can go back to any of them, flag one to come back to, ' +
        'and before you submit you will see which are unanswered or flagged. You will see your result after you submit.',
  timed: (ms: number, lms: boolean) =>
    `Time limit: ${spokenDuration(ms)}${lms ? ', set by your learning management system' : ''}. ` +
    'The clock starts when you press Start and keeps running if you leave or close the course. ' +
    'You will be warned before time runs out; when it does, your answers so far are submitted.',
  timedWarnOnly: (ms: number) =>
    `Time limit: ${spokenDuration(ms)}, set by your learning management system. The clock starts when you press Start. ` +
    'When it runs out you will be told, and you can still finish.',
  moreTime:
    'If you need more time as an accommodation, ask your education coordinator or LMS administrator before you start: ' +
    'they can extend the limit for you.',
  criticalIntro:
    'Some topics are critical for patient safety. ' +
    'Every question on them must be answered correctly to pass, whatever your overall score:',
  start: 'Start',
};

/**
 * What a quiz asks before an attempt: how many questions, the pass rule, the attempts left,
 * the critical topics and any time limit, then Start (a `quiz-start` event). The timing text
 * is there only while an attempt can still start.
 */
export class QuizIntro extends LitElement {
  static override get properties() {
    return {
      quiz: { attribute: false },
      progress: { attribute: false },
      passMark: { type: Number },
      timeLimit: { attribute: false },
      critical: { attribute: false },
    };
  }
  declare quiz: Quiz;
  declare progress: QuizProgress;
  declare passMark: number;
  declare timeLimit: TimeLimit | null;
  declare critical: Objective[];

  constructor() {
    super();
    this.critical = [];
    this.timeLimit = null;
  }

  static override styles = [theme, quizViewStyles];

  /** Focus for Start, once the intro is on screen again (after Try again). */
  focusStart(): void {
    (this.renderRoot.querySelector('button') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  override render() {
    const quiz = this.quiz;
    const left = attemptsLeft(quiz, this.progress);
    const limit = left > 0 ? this.timeLimit : null;
    return html`<section class="intro" aria-label=${STRINGS.label}>
        <p>${STRINGS.bank(quiz, drawQuestions(quiz, 0).length)} ${STRINGS.passRule(this.passMark, quiz.graded, quiz.counts)}</p>
        <p>${STRINGS.feedback(quiz)} ${STRINGS.attempts(left, quiz.attempts)}</p>
        ${
          this.critical.length
            ? html`<div class="critical">
                <p>${STRINGS.criticalIntro}</p>
                <ul>
                  ${this.critical.map((o) => html`<li>${o.text}</li>`)}
                </ul>
              </div>`
            : null
        }
        ${
          limit
            ? html`<p class="notice">
                  ${limit.onExpiry === 'warn' ? STRINGS.timedWarnOnly(limit.ms) : STRINGS.timed(limit.ms, limit.source === 'lms')}
                </p>
                <p>${STRINGS.moreTime}</p>`
            : null
        }
      </section>
      ${left > 0 ? html`<button @click=${() => this.dispatchEvent(partEvent('quiz-start'))}>${STRINGS.start}</button>` : null}`;
  }
}
customElements.define('quiz-intro', QuizIntro);

declare global {
  interface HTMLElementTagNameMap {
    'quiz-intro': QuizIntro;
  }
}
