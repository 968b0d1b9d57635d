import { LitElement, html } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { isAnswered, optionOrder, questionScore } from '../../course/questions.ts';
import { attemptResult, type QuizAttempt } from '../../course/state.ts';
import type { Question, Quiz } from '../../course/types.ts';
import { intent } from '../events.ts';
import { questionElement } from '../questions/index.ts';
import type { QuestionBase, QuestionFeedback } from '../questions/question-base.ts';
import { flagIcon } from './flag-icon.ts';
import { SightingController } from './observers.ts';
import { partEvent } from './part-event.ts';

const STRINGS = {
  check: 'Check answer',
  submit: 'Submit answers',
  unanswered: (n: number) => `Answer every question before you submit: ${n} ${n === 1 ? 'question is' : 'questions are'} still open.`,
  previous: 'Previous',
  next: 'Next',
  flag: 'Flag for review',
  flagWhich: (n: number) => `Flag for review: question ${n}`,
  reviewHeading: 'Your answers',
};

/** `quiz-flag`'s detail. */
export interface FlagRequest {
  questionId: string;
  flagged: boolean;
}

/**
 * The questions of an attempt. In the exam (`paged`), the question page: one question, its flag,
 * and the way on (Previous, Next, or Submit after the last), which asks for a question by its
 * index (`quiz-go`) or for the summary (`quiz-submit`). Otherwise every question together: a
 * knowledge check, each with Check answer (`quiz-check`), whose Submit first names what is still
 * open (`quiz-submit` once nothing is), and any quiz's review once submitted.
 *
 * It renders into quiz-view's shadow root (no shadow root of its own): the view's styles apply,
 * and the view moves focus to the questions it finds there. The LMS learns here when each
 * question of an open attempt was first on screen (`question-shown`).
 */
export class QuizQuestions extends LitElement {
  static override get properties() {
    return {
      quiz: { attribute: false },
      attempt: { attribute: false },
      questions: { attribute: false },
      passMark: { attribute: false },
      paged: { attribute: false },
      showUnanswered: { state: true },
    };
  }
  declare quiz: Quiz;
  declare attempt: QuizAttempt;
  /** The attempt's questions, in its order. */
  declare questions: Question[];
  declare passMark: number;
  /** The exam: one question per screen. */
  declare paged: boolean;
  /** Submit was pressed with questions still open (a knowledge check). */
  declare showUnanswered: boolean;

  constructor() {
    super();
    this.paged = false;
    this.showUnanswered = false;
    new SightingController(this, {
      selector: '[data-question]',
      round: () => (this.attempt && !this.attempt.submitted ? this.attempt.startedAt : null),
      onSeen: (el) => {
        const id = el.getAttribute('data-question');
        const open = this.attempt;
        if (id && open && !open.submitted && !open.times[id]) {
          this.dispatchEvent(intent({ type: 'question-shown', quizId: this.quiz.id, questionId: id }));
        }
      },
    });
  }

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  override willUpdate(changed: Map<string, unknown>): void {
    if (changed.has('quiz')) this.showUnanswered = false;
  }

  private send<T>(name: string, detail?: T): void {
    this.dispatchEvent(partEvent(name, detail));
  }

  private submit(): void {
    const a = this.attempt;
    if (!this.paged && !a.submitted) {
      const open = this.questions.filter((q) => !isAnswered(q, a.answers[q.id]));
      if (open.length) {
        this.showUnanswered = true;
        void this.updateComplete.then(() =>
          (this.querySelector(`[data-question="${open[0]?.id}"]`) as QuestionBase<Question> | null)?.focusFirst(),
        );
        return;
      }
      this.showUnanswered = false;
    }
    this.send('quiz-submit');
  }

  private reveals(a: QuizAttempt): boolean {
    if (this.quiz.review === 'never') return false;
    if (this.quiz.review === 'always' || !a.submitted) return true;
    return attemptResult(this.quiz, a, this.passMark).passed;
  }

  private renderQuestion(q: Question, i: number) {
    const a = this.attempt;
    const n = this.questions.length;
    const checked = a.checked.includes(q.id);
    const done = a.submitted || checked;
    const feedback: QuestionFeedback | null = done ? { earned: questionScore(q, a.answers[q.id]), reveal: this.reveals(a) } : null;
    const tag = unsafeStatic(questionElement(q.type));
    const immediate = this.quiz.feedback === 'immediate' && !done;
    const flagged = a.flagged.includes(q.id);
    return html`<div>
      ${staticHtml`<${tag}
        data-question=${q.id}
        .quizId=${this.quiz.id}
        .question=${q}
        .answer=${a.answers[q.id]}
        .order=${optionOrder(q, a.seed, this.quiz.shuffleChoices)}
        .number=${i + 1}
        .total=${n}
        ?disabled=${done}
        .feedback=${feedback}
      ></${tag}>`}
      ${
        immediate
          ? html`<button
              class="check secondary"
              data-check=${q.id}
              ?disabled=${!isAnswered(q, a.answers[q.id])}
              @click=${() => this.send('quiz-check', q.id)}
            >
              ${STRINGS.check}
            </button>`
          : null
      }
      ${
        this.paged && !done
          ? html`<button
              type="button"
              class="flag secondary"
              data-flag=${q.id}
              aria-label=${STRINGS.flagWhich(i + 1)}
              aria-pressed=${flagged ? 'true' : 'false'}
              @click=${() => this.send<FlagRequest>('quiz-flag', { questionId: q.id, flagged: !flagged })}
            >
              ${flagIcon(flagged)}${STRINGS.flag}
            </button>`
          : null
      }
    </div>`;
  }

  /** The question page: one question of the exam, its flag, and the way on. */
  private renderPage() {
    const i = Math.min(this.attempt.current, this.questions.length - 1);
    const q = this.questions[i];
    if (!q) return null;
    const last = i === this.questions.length - 1;
    return html`<form @submit=${(e: Event) => e.preventDefault()} aria-label=${this.quiz.title}>
      ${this.renderQuestion(q, i)}
      <div class="pager">
        ${i > 0 ? html`<button type="button" class="secondary prev" @click=${() => this.send('quiz-go', i - 1)}>${STRINGS.previous}</button>` : null}
        ${
          last
            ? html`<button type="submit" class="next" @click=${this.submit}>${STRINGS.submit}</button>`
            : html`<button type="button" class="next" @click=${() => this.send('quiz-go', i + 1)}>${STRINGS.next}</button>`
        }
      </div>
    </form>`;
  }

  /** Every question together: a knowledge check during its attempt, and any quiz's review once submitted. */
  private renderAll() {
    const a = this.attempt;
    const open = !a.submitted ? this.questions.filter((q) => !isAnswered(q, a.answers[q.id])).length : 0;
    return html`<form @submit=${(e: Event) => e.preventDefault()} aria-label=${this.quiz.title}>
      ${a.submitted ? html`<h2 class="review-heading">${STRINGS.reviewHeading}</h2>` : null}
      <div class="questions">${this.questions.map((q, i) => this.renderQuestion(q, i))}</div>
      ${
        a.submitted
          ? null
          : html`<div role="alert">${this.showUnanswered && open ? html`<p class="alert">${STRINGS.unanswered(open)}</p>` : null}</div>
              <button type="submit" @click=${this.submit}>${STRINGS.submit}</button>`
      }
    </form>`;
  }

  override render() {
    return this.paged && !this.attempt.submitted ? this.renderPage() : this.renderAll();
  }
}
customElements.define('quiz-questions', QuizQuestions);

declare global {
  interface HTMLElementTagNameMap {
    'quiz-questions': QuizQuestions;
  }
}
