import { LitElement, html, nothing } from 'lit';
import { attemptQuestions, type QuizAttempt, type QuizProgress } from '../course/state.ts';
import { spokenDuration, warningPoints, type TimeLimit } from '../course/timer.ts';
import type { Revisit } from '../course/revisit.ts';
import type { Objective, Question, Quiz } from '../course/types.ts';
import { intent } from './events.ts';
import type { QuestionBase } from './questions/question-base.ts';
import { DeadlineController } from './quiz/deadline-controller.ts';
import { scrollCourseToTop } from './course-scroll.ts';
import './quiz/quiz-bar.ts';
import './quiz/quiz-intro.ts';
import './quiz/quiz-navigator.ts';
import type { FlagRequest } from './quiz/quiz-questions.ts';
import './quiz/quiz-questions.ts';
import { spokenResult } from './quiz/quiz-result.ts';
import './quiz/quiz-result.ts';
import './quiz/quiz-summary.ts';
import { quizViewStyles } from './quiz-view.styles.ts';
import { theme } from './theme.ts';

const STRINGS = {
  warning: (ms: number) => `${spokenDuration(ms)} left.`,
  timeUpWarn: 'The time limit has passed. You can still finish and submit.',
  submitted: 'Answers submitted.',
  timedOut: 'Time ran out, so your attempt was submitted with the answers you had given.',
  // What is said at each step of the exam, one question at a time
  step: (n: number, total: number) => `Question ${n} of ${total}`,
};

type FocusTarget = { kind: 'feedback'; questionId: string } | { kind: 'result' } | { kind: 'start' } | { kind: 'step' };

/**
 * A quiz: the introduction (with any time limit announced), then the attempt, then the result
 * and the review. The exam (answers submitted at once) shows one question per screen with a
 * sticky one-row bar (time left, the question list), a pager and a summary before submitting;
 * a knowledge check shows its questions together, each checked on the spot.
 *
 * The parts are elements of their own (`quiz-intro`, `quiz-bar`, `quiz-navigator`,
 * `quiz-questions`, `quiz-summary`, `quiz-result`); this view keeps what joins them: the
 * intents it sends, the deadline and its warnings, and where focus goes at each step.
 */
export class QuizView extends LitElement {
  static override get properties() {
    return {
      quiz: { attribute: false },
      progress: { attribute: false },
      passMark: { type: Number },
      timeLimit: { attribute: false },
      nextLocation: { attribute: false },
      nextLabel: { attribute: false },
      revisit: { attribute: false },
      critical: { attribute: false },
      saveNotice: { attribute: false },
      saveProblem: { attribute: false },
      now: { attribute: false },
      navigatorOpen: { state: true },
      summaryOpen: { state: true },
      announcement: { state: true },
      stepAnnouncement: { state: true },
    };
  }
  declare quiz: Quiz;
  declare progress: QuizProgress;
  declare passMark: number;
  declare timeLimit: TimeLimit | null;
  declare nextLocation: string | null;
  declare nextLabel: string;
  /** After a failed attempt: the lessons and objectives to go back to (never the keys). */
  declare revisit: Revisit[];
  /** The quiz's critical objectives, named before an attempt and in a result that missed one. */
  declare critical: Objective[];
  /** The save state in words while it is not saved ('' when it is): in the sticky bar during an attempt, above the result after it. */
  declare saveNotice: string;
  /** The notice is a problem (not saved, offline), not a save under way. */
  declare saveProblem: boolean;
  /** The course's clock (injected, so that tests move time). */
  declare now: () => number;
  /** The list of question numbers is shown (it opens from the bar). */
  declare navigatorOpen: boolean;
  /** "Check your answers before submitting" is shown in place of the question. */
  declare summaryOpen: boolean;
  /** Timer warnings and the result: said at once. */
  declare announcement: string;
  /** "Question 5 of 29" at each step: said politely. */
  declare stepAnnouncement: string;
  /** Warning points already announced for the current deadline. */
  private announced = new Set<number>();
  private warnedDeadline: number | null = null;
  private expirySent = false;
  /** Where focus goes once the progress an intent asked for arrives. */
  private afterProgress: FocusTarget | null = null;
  /** The summary was opened with Submit after the last question (not from the list): back returns there. */
  private summaryFromSubmit = false;

  private readonly clock = new DeadlineController(this, {
    now: () => this.now(),
    deadline: () => {
      const a = this.attempt;
      return a && !a.submitted ? a.deadline : null;
    },
    onTick: (left, deadline) => this.onTick(left, deadline),
  });

  constructor() {
    super();
    this.navigatorOpen = false;
    this.summaryOpen = false;
    this.critical = [];
    this.revisit = [];
    this.saveNotice = '';
    this.saveProblem = false;
    this.now = () => Date.now();
    this.announcement = '';
    this.stepAnnouncement = '';
  }

  static override styles = [theme, quizViewStyles];

  focusHeading(): void {
    this.renderRoot.querySelector('h1')?.focus({ preventScroll: true });
  }

  /** Done when the parts this view renders into its own shadow root (the bar, the questions) are too: focus moves find them as drawn. */
  protected override async getUpdateComplete(): Promise<boolean> {
    const done = await super.getUpdateComplete();
    await Promise.all([...this.renderRoot.querySelectorAll<LitElement>('quiz-bar, quiz-questions')].map((part) => part.updateComplete));
    return done;
  }

  private get attempt(): QuizAttempt | null {
    return this.progress.attempt;
  }

  /** Quizzes answered as a whole and submitted at once (the exam): one question per screen, the navigator, flags and the summary. */
  private get paged(): boolean {
    return this.quiz.feedback === 'after_submit';
  }

  override willUpdate(changed: Map<string, unknown>): void {
    const a = this.attempt;
    if (changed.has('quiz') || !a || a.submitted) {
      this.summaryOpen = false;
      this.navigatorOpen = false;
    }
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('progress') && this.afterProgress) {
      const target = this.afterProgress;
      this.afterProgress = null;
      // Only the change the intent asked for moves focus; any other (a question scrolled into
      // view, an intent that changed nothing) drops the request rather than stealing focus later.
      if (this.reached(target)) void this.focusAfterProgress(target);
    }
  }

  /** Deadline arithmetic on each second: warnings at set points, submission at zero. */
  private onTick(left: number, deadline: number): void {
    const a = this.attempt;
    if (!a || a.submitted) return;
    const limit = deadline - a.startedAt;
    if (this.warnedDeadline !== deadline) {
      // A new or resumed attempt: points already behind us are not announced late.
      this.warnedDeadline = deadline;
      this.expirySent = false;
      this.announced = new Set(warningPoints(limit).filter((p) => left < p - 2000));
    }
    for (const point of warningPoints(limit)) {
      if (left <= point && !this.announced.has(point) && left > 0) {
        this.announced.add(point);
        this.announcement = STRINGS.warning(left);
      }
    }
    if (left === 0 && !this.expirySent) {
      this.expirySent = true;
      if (this.timeLimit?.onExpiry === 'warn') this.announcement = STRINGS.timeUpWarn;
      else {
        // Submitted as it stands, without the summary. Focus inside the quiz (on a question, or
        // on the summary) would fall to the page with the controls: it goes to the result.
        if ((this.renderRoot as ShadowRoot).activeElement) this.afterProgress = { kind: 'result' };
        this.dispatchEvent(intent({ type: 'submit-quiz', quizId: this.quiz.id, timedOut: true }));
      }
    }
  }

  /** Submit from the questions: the exam's summary first; a knowledge check with nothing left open, at once. */
  private submit(): void {
    if (!this.attempt) return;
    if (this.paged) {
      this.summaryFromSubmit = true;
      void this.openSummary();
      return;
    }
    this.afterProgress = { kind: 'result' };
    this.dispatchEvent(intent({ type: 'submit-quiz', quizId: this.quiz.id, timedOut: false }));
  }

  /** "Check your answers before submitting": always shown first, even with nothing left open. */
  private async openSummary(): Promise<void> {
    this.navigatorOpen = false;
    this.summaryOpen = true;
    await this.updateComplete;
    scrollCourseToTop();
    const summary = this.renderRoot.querySelector('quiz-summary');
    await summary?.updateComplete;
    summary?.focusHeading();
  }

  private openSummaryFromList(): void {
    this.summaryFromSubmit = false;
    void this.openSummary();
  }

  private submitNow(): void {
    this.afterProgress = { kind: 'result' };
    this.dispatchEvent(intent({ type: 'submit-quiz', quizId: this.quiz.id, timedOut: false }));
  }

  /** Back from the summary to where the learner was: Submit after the last question, or the question's legend. */
  private async backToQuestions(): Promise<void> {
    this.summaryOpen = false;
    if (!this.summaryFromSubmit) return this.focusStep();
    await this.updateComplete;
    (this.renderRoot.querySelector('button[type="submit"]') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  /**
   * Moves to a question (pager, navigator or summary). The store keeps the index (resume
   * returns to it); focus follows once the new question is rendered.
   */
  private goTo(index: number): void {
    const a = this.attempt;
    if (!a || a.submitted) return;
    this.navigatorOpen = false;
    this.summaryOpen = false;
    if (index === a.current) {
      void this.focusStep();
      return;
    }
    this.afterProgress = { kind: 'step' };
    this.dispatchEvent(intent({ type: 'go-to-question', quizId: this.quiz.id, index }));
  }

  /** The question shown: the course's scroller to its top, focus on its legend, its number said. */
  private async focusStep(): Promise<void> {
    await this.updateComplete;
    const a = this.attempt;
    if (!a || a.submitted) return;
    const question = this.renderRoot.querySelector('[data-question]') as QuestionBase<Question> | null;
    await question?.updateComplete;
    scrollCourseToTop();
    question?.focusPrompt({ preventScroll: true });
    // A new string each time, so that the same step said twice is said again.
    const step = STRINGS.step(a.current + 1, a.questions.length);
    this.stepAnnouncement = this.stepAnnouncement === step ? `${step}\u00a0` : step;
  }

  private flag({ questionId, flagged }: FlagRequest): void {
    this.dispatchEvent(intent({ type: 'flag-question', quizId: this.quiz.id, questionId, flagged }));
  }

  private toggleNavigator(): void {
    this.navigatorOpen = !this.navigatorOpen;
  }

  /** Escape closes the list of questions and returns to its button. */
  private onKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.navigatorOpen) return;
    this.navigatorOpen = false;
    this.renderRoot.querySelector('quiz-bar')?.focusToggle();
  }

  private check(questionId: string): void {
    this.afterProgress = { kind: 'feedback', questionId };
    this.dispatchEvent(intent({ type: 'check-answer', quizId: this.quiz.id, questionId }));
  }

  private retry(): void {
    this.afterProgress = { kind: 'start' };
    this.dispatchEvent(intent({ type: 'retry-quiz', quizId: this.quiz.id }));
  }

  private start(): void {
    this.afterProgress = { kind: 'step' };
    this.dispatchEvent(intent({ type: 'start-quiz', quizId: this.quiz.id }));
  }

  private reached(target: FocusTarget): boolean {
    const a = this.attempt;
    switch (target.kind) {
      case 'result':
        return !!a?.submitted;
      case 'feedback':
        return !!a?.checked.includes(target.questionId);
      case 'step':
        return !!a && !a.submitted;
      case 'start':
        return true;
    }
  }

  /**
   * Moves focus once the new progress is on screen. An intent changes the store, the shell
   * re-renders and only then does this view get the new progress: focusing earlier would
   * find the old controls, and focus would fall to the page when they disappear.
   */
  private async focusAfterProgress(target: FocusTarget): Promise<void> {
    // The questions draw the new progress after this view has: wait for them.
    await this.updateComplete;
    if (target.kind === 'start') {
      // Try again: an untimed quiz starts at once (its first question), a timed one shows Start.
      const a = this.attempt;
      if (a && !a.submitted) return this.paged ? this.focusStep() : this.focusFirstQuestion();
      const intro = this.renderRoot.querySelector('quiz-intro');
      await intro?.updateComplete;
      if (intro) intro.focusStart();
      else this.focusHeading();
      return;
    }
    if (target.kind === 'result') {
      scrollCourseToTop();
      const result = this.renderRoot.querySelector('quiz-result');
      await result?.updateComplete;
      result?.focusHeading();
      const a = this.attempt;
      if (a?.submitted)
        this.announcement = `${a.timedOut ? STRINGS.timedOut : STRINGS.submitted} ${spokenResult(this.quiz, a, this.passMark)}`;
      return;
    }
    if (target.kind === 'step') return this.paged ? this.focusStep() : this.focusFirstQuestion();
    const question = this.renderRoot.querySelector(`[data-question="${target.questionId}"]`) as QuestionBase<Question> | null;
    await question?.updateComplete;
    question?.focusFeedback();
  }

  private async focusFirstQuestion(): Promise<void> {
    await this.updateComplete;
    const question = this.renderRoot.querySelector('[data-question]') as QuestionBase<Question> | null;
    await question?.updateComplete;
    question?.focusFirst();
  }

  override render() {
    const { quiz } = this;
    const a = this.attempt;
    const questions = a ? attemptQuestions(quiz, a) : [];
    const left = a && !a.submitted ? this.clock.remaining : null;
    const live = html`<p class="visually-hidden" aria-live="assertive">${this.announcement}</p>
      <p class="visually-hidden step-live" aria-live="polite">${this.stepAnnouncement}</p>`;
    const heading = html`<h1 tabindex="-1">${quiz.title}</h1>`;
    const questionsOf = (attempt: QuizAttempt) =>
      html`<quiz-questions
        .quiz=${quiz}
        .attempt=${attempt}
        .questions=${questions}
        .passMark=${this.passMark}
        .paged=${this.paged}
        @quiz-go=${(e: CustomEvent<number>) => this.goTo(e.detail)}
        @quiz-submit=${this.submit}
        @quiz-check=${(e: CustomEvent<string>) => this.check(e.detail)}
        @quiz-flag=${(e: CustomEvent<FlagRequest>) => this.flag(e.detail)}
      ></quiz-questions>`;
    if (!a) {
      return html`${heading}
        <quiz-intro
          .quiz=${quiz}
          .progress=${this.progress}
          .passMark=${this.passMark}
          .timeLimit=${this.timeLimit}
          .critical=${this.critical}
          @quiz-start=${this.start}
        ></quiz-intro>
        ${live}`;
    }
    if (a.submitted) {
      return html`${heading}
        <quiz-result
          .quiz=${quiz}
          .progress=${this.progress}
          .passMark=${this.passMark}
          .critical=${this.critical}
          .revisit=${this.revisit}
          .nextLocation=${this.nextLocation}
          .nextLabel=${this.nextLabel}
          .saveNotice=${this.saveNotice}
          .saveProblem=${this.saveProblem}
          @quiz-retry=${this.retry}
        ></quiz-result>
        ${live} ${questionsOf(a)}`;
    }
    return html`${heading}
      <div class="attempt" @keydown=${this.onKey}>
        ${
          left !== null || this.paged
            ? html`<quiz-bar
                .questions=${questions}
                .attempt=${a}
                .left=${left}
                .paged=${this.paged}
                .listOpen=${this.navigatorOpen}
                .saveNotice=${this.saveNotice}
                .saveProblem=${this.saveProblem}
                @quiz-toggle-list=${this.toggleNavigator}
              ></quiz-bar>`
            : null
        }
        ${
          this.paged
            ? html`<quiz-navigator
                id="navigator"
                .questions=${questions}
                .attempt=${a}
                ?hidden=${!this.navigatorOpen}
                @quiz-jump=${(e: CustomEvent<number>) => this.goTo(e.detail)}
                @quiz-summary=${this.openSummaryFromList}
              ></quiz-navigator>`
            : nothing
        }
        ${live}
        ${
          !this.paged
            ? questionsOf(a)
            : this.summaryOpen
              ? html`<quiz-summary
                  .questions=${questions}
                  .attempt=${a}
                  .left=${left}
                  @quiz-jump=${(e: CustomEvent<number>) => this.goTo(e.detail)}
                  @quiz-submit-now=${this.submitNow}
                  @quiz-back=${this.backToQuestions}
                ></quiz-summary>`
              : questionsOf(a)
        }
      </div> `;
  }
}
customElements.define('quiz-view', QuizView);

declare global {
  interface HTMLElementTagNameMap {
    'quiz-view': QuizView;
  }
}
