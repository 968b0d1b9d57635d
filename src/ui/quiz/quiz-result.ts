import { LitElement, html } from 'lit';
import { attemptResult, attemptsLeft, countedScore, quizPassed, type QuizAttempt, type QuizProgress } from '../../course/state.ts';
import type { Revisit } from '../../course/revisit.ts';
import type { Objective, Quiz } from '../../course/types.ts';
import { intent } from '../events.ts';
import { quizViewStyles } from '../quiz-view.styles.ts';
import { theme } from '../theme.ts';
import { partEvent } from './part-event.ts';

const STRINGS = {
  passed: 'You passed',
  failed: 'You did not pass',
  score: (p: number) => `Your score: ${p}%`,
  belowMark: (mark: number) => `The pass mark is ${mark}%.`,
  critical: (mark: number) =>
    'A question on a topic critical for patient safety was not answered correctly. ' +
    `Every question on these topics must be right to pass, so the score recorded is held just below the pass mark of ${mark}%:`,
  criticalToo:
    'A question on a topic critical for patient safety was not answered correctly either. Every question on these topics must be right to pass:',
  timedOut: 'Time ran out, so your attempt was submitted with the answers you had given.',
  counted: (p: number, counts: Quiz['counts']) =>
    `${counts === 'last' ? 'Score that counts (your last attempt)' : 'Best score so far, the one that counts'}: ${p}%.`,
  attemptsLeft: (n: number) => `You have ${n} ${n === 1 ? 'attempt' : 'attempts'} left.`,
  noAttempts: (n: number) =>
    `You have used all ${n} ${n === 1 ? 'attempt' : 'attempts'} for this quiz, so you cannot take it again. ` +
    'Your education coordinator can reset your attempts in the learning management system if needed.',
  reviewAfterPassing: 'The correct answers are shown once you pass.',
  reviewNever: 'This quiz does not show the correct answers.',
  revisitHeading: 'What to review',
  revisitIntro: 'Your answers showed gaps in these learning objectives. Going back over them before you try again will help.',
  revisitLesson: (title: string) => `Go to the lesson: ${title}`,
  retry: 'Try again',
  next: (label: string) => `Continue: ${label}`,
  spoken: (passed: boolean, score: number) => `${passed ? 'You passed' : 'You did not pass'}. Your score is ${score} percent.`,
};

/** What a screen reader hears once an attempt is submitted: the verdict and the recorded score. */
export function spokenResult(quiz: Quiz, attempt: QuizAttempt, passMark: number): string {
  const { passed, score } = attemptResult(quiz, attempt, passMark);
  return STRINGS.spoken(passed, score);
}

/**
 * A submitted attempt's result, first on the screen. A pass is a confirmation panel (GOV.UK's
 * panel pattern) with the score and the next step; a fail says so in its heading, with the one
 * score the LMS records, why it did not pass, what to review and the attempts left.
 */
export class QuizResult extends LitElement {
  static override get properties() {
    return {
      quiz: { attribute: false },
      progress: { attribute: false },
      passMark: { type: Number },
      critical: { attribute: false },
      revisit: { attribute: false },
      nextLocation: { attribute: false },
      nextLabel: { attribute: false },
      saveNotice: { attribute: false },
      saveProblem: { attribute: false },
    };
  }
  declare quiz: Quiz;
  declare progress: QuizProgress;
  declare passMark: number;
  declare critical: Objective[];
  declare revisit: Revisit[];
  declare nextLocation: string | null;
  declare nextLabel: string;
  declare saveNotice: string;
  /** The notice is a problem (not saved, offline), not a save under way. */
  declare saveProblem: boolean;

  constructor() {
    super();
    this.critical = [];
    this.revisit = [];
    this.nextLocation = null;
    this.nextLabel = '';
    this.saveNotice = '';
    this.saveProblem = false;
  }

  static override styles = [theme, quizViewStyles];

  focusHeading(): void {
    (this.renderRoot.querySelector('#result-heading') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private go(location: string): void {
    this.dispatchEvent(intent({ type: 'navigate', location }));
  }

  private renderRevisit() {
    return html`<h3>${STRINGS.revisitHeading}</h3>
      <p>${STRINGS.revisitIntro}</p>
      <ul class="revisit">
        ${this.revisit.map(
          (r) =>
            html`<li>
              <button type="button" class="secondary" @click=${() => this.go(`lesson:${r.lessonId}`)}>
                ${STRINGS.revisitLesson(r.lessonTitle)}
              </button>
              <ul>
                ${r.objectives.map((o) => html`<li>${o.text}</li>`)}
              </ul>
            </li>`,
        )}
      </ul>`;
  }

  override render() {
    const { quiz, progress } = this;
    const a = progress.attempt;
    if (!a?.submitted) return null;
    const result = attemptResult(quiz, a, this.passMark);
    const { score, percent, criticalMissed } = result;
    const left = attemptsLeft(quiz, progress);
    const counted = countedScore(quiz, progress);
    // The graded quiz's counted attempt shows the verdict the record keeps (fixed at launch: a pass
    // mark raised since takes no pass away, one lowered since is applied); any other, its own.
    const passed = (quiz.graded && score === counted ? quizPassed(quiz, progress, this.passMark) : null) ?? result.passed;
    const missed = passed ? [] : this.critical.filter((o) => criticalMissed.includes(o.id));
    const canRetry = left > 0 && (!passed || !quiz.graded);
    const next = this.nextLocation;
    const nextButton = next
      ? html`<button class=${canRetry ? 'secondary' : ''} @click=${() => this.go(next)}>${STRINGS.next(this.nextLabel)}</button>`
      : null;
    const saveState = html`<p class="save-state ${this.saveNotice ? 'shown' : ''} ${this.saveProblem ? 'problem' : ''}" role="status">
      ${this.saveNotice}
    </p>`;
    const common = html`${a.timedOut ? html`<p class="notice">${STRINGS.timedOut}</p>` : null}
    ${progress.attemptsUsed > 1 && counted !== null && counted !== score ? html`<p>${STRINGS.counted(counted, quiz.counts)}</p>` : null}`;
    if (passed) {
      return html`<section class="result" aria-labelledby="result-heading">
        <div class="panel">
          <h2 id="result-heading" tabindex="-1">${STRINGS.passed}</h2>
          <p class="panel-body">${STRINGS.score(score)}</p>
        </div>
        ${saveState} ${common} ${quiz.review === 'never' ? html`<p>${STRINGS.reviewNever}</p>` : null}
        <div class="actions">
          ${nextButton}
          ${canRetry ? html`<button class="secondary" @click=${() => this.dispatchEvent(partEvent('quiz-retry'))}>${STRINGS.retry}</button>` : null}
        </div>
      </section>`;
    }
    return html`<section class="result failed" aria-labelledby="result-heading">
      <h2 id="result-heading" tabindex="-1">${STRINGS.failed}</h2>
      ${saveState}
      <p class="score">${STRINGS.score(score)}</p>
      ${
        // Why: below the pass mark, or (only) a critical topic missed, which held the recorded score below it.
        percent < this.passMark ? html`<p>${STRINGS.belowMark(this.passMark)}</p>` : null
      }
      ${
        missed.length
          ? html`<div class="critical">
              <p>${percent < this.passMark ? STRINGS.criticalToo : STRINGS.critical(this.passMark)}</p>
              <ul>
                ${missed.map((o) => html`<li>${o.text}</li>`)}
              </ul>
            </div>`
          : null
      }
      ${common} ${this.revisit.length ? this.renderRevisit() : null}
      ${quiz.attempts !== null ? html`<p>${left > 0 ? STRINGS.attemptsLeft(left) : STRINGS.noAttempts(quiz.attempts)}</p>` : null}
      ${quiz.review === 'after_passing' ? html`<p>${STRINGS.reviewAfterPassing}</p>` : null}
      ${quiz.review === 'never' ? html`<p>${STRINGS.reviewNever}</p>` : null}
      <div class="actions">
        ${canRetry ? html`<button @click=${() => this.dispatchEvent(partEvent('quiz-retry'))}>${STRINGS.retry}</button>` : null}
        ${nextButton}
      </div>
    </section>`;
  }
}
customElements.define('quiz-result', QuizResult);

declare global {
  interface HTMLElementTagNameMap {
    'quiz-result': QuizResult;
  }
}
