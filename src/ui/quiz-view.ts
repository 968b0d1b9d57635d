import { LitElement, css, html } from 'lit';
import { scoreQuiz } from '../course/scoring.ts';
import type { QuizProgress } from '../course/state.ts';
import type { Quiz } from '../course/types.ts';
import { intent } from './events.ts';
import { theme } from './theme.ts';

const STRINGS = {
  intro: (n: number, mark: number, graded: boolean) =>
    `${n} ${n === 1 ? 'question' : 'questions'}. You pass with ${mark}% or more.${graded ? ' This quiz sets your course score; your best attempt counts.' : ''}`,
  question: (i: number, n: number) => `Question ${i} of ${n}`,
  submit: 'Submit answers',
  unanswered: (n: number) => `Answer every question before you submit: ${n} ${n === 1 ? 'question is' : 'questions are'} still open.`,
  resultHeading: 'Your result',
  score: (p: number) => `Your score: ${p}%.`,
  passed: 'You passed.',
  failed: (mark: number) => `You did not reach the pass mark of ${mark}%. Review the lesson and try again.`,
  best: (p: number) => `Best score so far: ${p}%.`,
  correct: 'Correct.',
  incorrect: 'Not correct.',
  yourAnswer: 'Your answer:',
  rightAnswer: 'Correct answer:',
  noAnswer: 'no answer',
  retry: 'Try again',
  next: (label: string) => `Continue: ${label}`,
};

/** A quiz: answer with native radio buttons, submit, see score and feedback. */
export class QuizView extends LitElement {
  static override properties = {
    quiz: { attribute: false },
    progress: { attribute: false },
    passMark: { type: Number },
    nextLocation: { attribute: false },
    nextLabel: { attribute: false },
    showUnanswered: { state: true },
  };
  declare quiz: Quiz;
  declare progress: QuizProgress;
  declare passMark: number;
  declare nextLocation: string | null;
  declare nextLabel: string;
  declare showUnanswered: boolean;

  constructor() {
    super();
    this.showUnanswered = false;
  }

  static override styles = [
    theme,
    css`
      fieldset {
        border: 1px solid var(--line);
        border-radius: 8px;
        background: var(--surface);
        margin: 0 0 1.25rem;
        padding: 0.75rem 1.25rem 1rem;
      }
      legend {
        font-weight: 600;
        padding: 0 0.25rem;
      }
      .count {
        display: block;
        font-weight: 400;
        color: var(--muted);
        font-size: 0.9rem;
      }
      label {
        display: flex;
        gap: 0.6rem;
        align-items: flex-start;
        min-height: 44px;
        padding: 0.35rem 0;
        cursor: pointer;
      }
      input[type='radio'] {
        width: 1.25rem;
        height: 1.25rem;
        margin-top: 0.15rem;
        flex: none;
        accent-color: var(--accent);
      }
      .feedback {
        border-left: 4px solid var(--line);
        padding-left: 0.75rem;
      }
      .feedback.ok {
        border-color: var(--ok);
      }
      .feedback.bad {
        border-color: var(--bad);
      }
      .verdict.ok {
        color: var(--ok);
        font-weight: 600;
      }
      .verdict.bad {
        color: var(--bad);
        font-weight: 600;
      }
      .alert {
        border: 2px solid var(--notice-line);
        background: var(--notice-bg);
        padding: 0.5rem 0.75rem;
        border-radius: 6px;
      }
      .result {
        border: 1px solid var(--line);
        background: var(--surface);
        border-radius: 8px;
        padding: 0.75rem 1.25rem;
        margin-bottom: 1.5rem;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
    `,
  ];

  focusHeading(): void {
    this.renderRoot.querySelector('h1')?.focus();
  }

  private onChange(questionId: string, choiceId: string): void {
    this.dispatchEvent(intent('answer', { quizId: this.quiz.id, questionId, choiceId }));
  }

  private submit(): void {
    const open = this.quiz.questions.filter((q) => !this.progress.answers[q.id]);
    if (open.length) {
      this.showUnanswered = true;
      void this.updateComplete.then(() => (this.renderRoot.querySelector(`input[name="${open[0]?.id}"]`) as HTMLInputElement | null)?.focus());
      return;
    }
    this.showUnanswered = false;
    this.dispatchEvent(intent('submit-quiz', { quizId: this.quiz.id }));
    void this.updateComplete.then(() => (this.renderRoot.querySelector('#result-heading') as HTMLElement | null)?.focus());
  }

  private retry(): void {
    this.dispatchEvent(intent('retry-quiz', { quizId: this.quiz.id }));
    void this.updateComplete.then(() => this.focusHeading());
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('quiz')) this.showUnanswered = false;
  }

  override render() {
    const { quiz, progress } = this;
    const done = progress.submitted;
    const result = done ? scoreQuiz(quiz, progress.answers, this.passMark) : null;
    const open = quiz.questions.filter((q) => !progress.answers[q.id]).length;
    const n = quiz.questions.length;
    return html`
      <h1 tabindex="-1">${quiz.title}</h1>
      <p>${STRINGS.intro(n, this.passMark, quiz.graded)}</p>
      ${result
        ? html`<section class="result" aria-labelledby="result-heading">
            <h2 id="result-heading" tabindex="-1">${STRINGS.resultHeading}</h2>
            <p>
              ${STRINGS.score(result.percent)}
              <span class="verdict ${result.passed ? 'ok' : 'bad'}">${result.passed ? STRINGS.passed : STRINGS.failed(this.passMark)}</span>
            </p>
            ${progress.scores.length > 1 ? html`<p>${STRINGS.best(Math.max(...progress.scores))}</p>` : null}
            <div class="actions">
              ${!result.passed ? html`<button @click=${this.retry}>${STRINGS.retry}</button>` : null}
              ${this.nextLocation
                ? html`<button class=${result.passed ? '' : 'secondary'} @click=${() => this.dispatchEvent(intent('navigate', { location: this.nextLocation ?? 'start' }))}>
                    ${STRINGS.next(this.nextLabel)}
                  </button>`
                : null}
            </div>
          </section>`
        : null}
      <form @submit=${(e: Event) => e.preventDefault()}>
        ${quiz.questions.map((q, i) => {
          const chosen = progress.answers[q.id];
          const ok = result?.correct[q.id];
          return html`<fieldset>
            <legend><span class="count">${STRINGS.question(i + 1, n)}</span>${q.prompt}</legend>
            ${q.choices.map(
              (c) => html`<label>
                <input
                  type="radio"
                  name=${q.id}
                  value=${c.id}
                  .checked=${chosen === c.id}
                  ?disabled=${done}
                  @change=${() => this.onChange(q.id, c.id)}
                />
                <span>${c.text}</span>
              </label>`,
            )}
            ${result
              ? html`<div class="feedback ${ok ? 'ok' : 'bad'}">
                  <p><span class="verdict ${ok ? 'ok' : 'bad'}">${ok ? STRINGS.correct : STRINGS.incorrect}</span>
                    ${ok ? null : html`${STRINGS.yourAnswer} ${q.choices.find((c) => c.id === chosen)?.text ?? STRINGS.noAnswer}. ${STRINGS.rightAnswer} ${q.choices.find((c) => c.id === q.correct)?.text}.`}
                  </p>
                  <p>${q.rationale}</p>
                </div>`
              : null}
          </fieldset>`;
        })}
        ${done
          ? null
          : html`<div role="alert">${this.showUnanswered && open ? html`<p class="alert">${STRINGS.unanswered(open)}</p>` : null}</div>
              <button type="submit" @click=${this.submit}>${STRINGS.submit}</button>`}
      </form>
    `;
  }
}
customElements.define('quiz-view', QuizView);
