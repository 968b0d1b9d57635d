import { LitElement, html, nothing, svg } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { drawQuestions } from '../course/pool.ts';
import { isAnswered, optionOrder, questionScore } from '../course/questions.ts';
import { attemptQuestions, attemptResult, attemptsLeft, countedScore, type QuizAttempt, type QuizProgress } from '../course/state.ts';
import { formatClock, remainingMs, spokenDuration, warningPoints, type TimeLimit } from '../course/timer.ts';
import type { Revisit } from '../course/revisit.ts';
import type { Objective, Question, Quiz } from '../course/types.ts';
import { intent } from './events.ts';
import { questionElement } from './questions/index.ts';
import type { QuestionBase, QuestionFeedback } from './questions/question-base.ts';
import { quizViewStyles } from './quiz-view.styles.ts';
import { theme } from './theme.ts';

const STRINGS = {
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
      : 'You will see your result after you submit all your answers. ' +
        'You can flag questions to come back to, and before you submit you will see which ones are unanswered or flagged.',
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
  start: 'Start',
  timeLeft: 'Time left:',
  warning: (ms: number) => `${spokenDuration(ms)} left.`,
  timeUpWarn: 'The time limit has passed. You can still finish and submit.',
  check: 'Check answer',
  submit: 'Submit answers',
  unanswered: (n: number) => `Answer every question before you submit: ${n} ${n === 1 ? 'question is' : 'questions are'} still open.`,
  resultHeading: 'Your result',
  submitted: 'Answers submitted.',
  scoreSpoken: (p: number, passed: boolean, mark: number, critical: boolean) =>
    `Your score is ${p} percent, ${
      passed
        ? 'a pass'
        : p >= mark
          ? 'but a question on a critical topic was not answered correctly, so the attempt does not pass'
          : `below the pass mark of ${mark} percent${critical ? ', and a question on a critical topic was not answered correctly' : ''}`
    }.`,
  score: (p: number) => `Your score: ${p}%.`,
  passed: 'You passed.',
  failed: (mark: number) => `You did not reach the pass mark of ${mark}%.`,
  criticalIntro:
    'Some topics are critical for patient safety. ' +
    'Every question on them must be answered correctly to pass, whatever your overall score:',
  criticalFailed: 'A question on a critical topic was not answered correctly, so this attempt does not pass:',
  criticalRecorded: (score: number) => `The score recorded for this attempt is ${score}%, just below the pass mark.`,
  timedOut: 'Time ran out, so your attempt was submitted with the answers you had given.',
  counted: (p: number, counts: Quiz['counts']) =>
    `${counts === 'last' ? 'Score that counts (your last attempt)' : 'Best score so far'}: ${p}%.`,
  noAttempts: (n: number) =>
    `You have used all ${n} ${n === 1 ? 'attempt' : 'attempts'} for this quiz, so you cannot take it again. ` +
    'Your education coordinator can reset your attempts in the learning management system if needed.',
  reviewAfterPassing: 'The correct answers are shown once you pass.',
  revisitHeading: 'What to review',
  revisitIntro: 'Your answers showed gaps in these learning objectives. Going back over them before you try again will help.',
  revisitLesson: (title: string) => `Go to the lesson: ${title}`,
  reviewNever: 'This quiz does not show the correct answers.',
  retry: 'Try again',
  next: (label: string) => `Continue: ${label}`,
  // The question navigator, flags and the summary before submitting
  answeredCount: (answered: number, total: number) => `${answered} of ${total} answered`,
  flaggedCount: (n: number) => `${n} flagged`,
  showNavigator: 'Show question list',
  hideNavigator: 'Hide question list',
  navigator: 'Questions',
  navQuestion: (n: number, answered: boolean, flagged: boolean) =>
    `Question ${n}, ${answered ? 'answered' : 'not answered'}${flagged ? ', flagged' : ''}`,
  keyAnswered: 'Answered',
  keyNotAnswered: 'Not answered',
  keyFlagged: 'Flagged for review',
  flag: 'Flag for review',
  flagWhich: (n: number) => `Flag for review: question ${n}`,
  summaryHeading: 'Check your answers before submitting',
  summaryAnswered: (answered: number, total: number) => `You have answered ${answered} of ${total} questions.`,
  summaryTime: (clock: string) => `Time left: ${clock}.`,
  summaryTimePassed: 'The time limit has passed; you can still submit.',
  summaryOpen: (n: number) => `Not answered (${n})`,
  summaryOpenNote: 'A question you do not answer scores no marks.',
  summaryFlagged: (n: number) => `Flagged for review (${n})`,
  summaryAllDone: 'You have answered every question, and none is flagged for review.',
  summaryFinal: 'Once you submit, you cannot change your answers.',
  questionLink: (n: number) => `Question ${n}`,
  submitNow: 'Submit answers now',
  backToQuestions: 'Go back to the questions',
};

/** A flag, outlined or filled: its shape, not only its colour, says whether a question is flagged. */
const flagIcon = (filled: boolean) =>
  html`<svg class="flag-icon" viewBox="0 0 16 16" aria-hidden="true" focusable="false">
    ${svg`<path d="M3.5 1.5v13" stroke="currentColor" stroke-width="1.6" fill="none" /><path
        d="M4 2.5h8.5l-2 3 2 3H4z"
        stroke="currentColor"
        stroke-width="1.4"
        stroke-linejoin="round"
        fill=${filled ? 'currentColor' : 'none'}
      />`}
  </svg>`;

type FocusTarget = { kind: 'feedback'; questionId: string } | { kind: 'result' } | { kind: 'heading' } | { kind: 'first-question' };

/** A quiz: intro (with any time limit announced), questions, timer, result and review. */
export class QuizView extends LitElement {
  static override properties = {
    quiz: { attribute: false },
    progress: { attribute: false },
    passMark: { type: Number },
    timeLimit: { attribute: false },
    nextLocation: { attribute: false },
    nextLabel: { attribute: false },
    revisit: { attribute: false },
    critical: { attribute: false },
    saveNotice: { attribute: false },
    showUnanswered: { state: true },
    navigatorOpen: { state: true },
    summaryOpen: { state: true },
    now: { state: true },
    announcement: { state: true },
  };
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
  declare showUnanswered: boolean;
  /** The list of question numbers is shown (it opens from the bar above the questions). */
  declare navigatorOpen: boolean;
  /** "Check your answers before submitting" is shown in place of the questions. */
  declare summaryOpen: boolean;
  declare now: number;
  declare announcement: string;
  private ticker: ReturnType<typeof setInterval> | undefined;
  /** Warning points already announced for the current deadline. */
  private announced = new Set<number>();
  private warnedDeadline: number | null = null;
  private expirySent = false;
  /** Where focus goes once the progress an intent asked for arrives. */
  private afterProgress: FocusTarget | null = null;
  /** Sees questions come into view, so the LMS learns when each was first shown. */
  private sightings: IntersectionObserver | null = null;
  private watched = new WeakSet<Element>();
  private watchedAttempt: number | null = null;
  /** Keeps the page's scroll padding as tall as the sticky bar, so that nothing focused hides under it. */
  private barSize: ResizeObserver | null = null;
  private measuredBar: Element | null = null;

  constructor() {
    super();
    this.showUnanswered = false;
    this.navigatorOpen = false;
    this.summaryOpen = false;
    this.critical = [];
    this.saveNotice = '';
    this.now = Date.now();
    this.announcement = '';
  }

  static override styles = [theme, quizViewStyles];

  focusHeading(): void {
    this.renderRoot.querySelector('h1')?.focus({ preventScroll: true });
  }

  private get attempt(): QuizAttempt | null {
    return this.progress.attempt;
  }

  /** Quizzes answered as a whole and submitted at once (the exam) get the navigator, flags and the summary. */
  private get navigates(): boolean {
    return this.quiz.feedback === 'after_submit';
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearInterval(this.ticker);
    this.ticker = undefined;
    this.sightings?.disconnect();
    this.sightings = null;
    this.measureBar(null);
  }

  /**
   * The page scrolls under the sticky bar: its height becomes the page's scroll padding, so
   * that a question moved to, or a control reached with Tab, is not hidden beneath it.
   */
  private measureBar(bar: Element | null): void {
    if (bar === this.measuredBar) return;
    this.measuredBar = bar;
    this.barSize?.disconnect();
    this.barSize = null;
    const root = document.documentElement;
    if (!bar || typeof ResizeObserver === 'undefined') {
      root.style.removeProperty('scroll-padding-top');
      return;
    }
    this.barSize = new ResizeObserver(() => {
      // The row, not the open list: the list closes when the learner moves on.
      const row = bar.querySelector('.bar-row');
      root.style.scrollPaddingTop = `${Math.ceil((row ?? bar).getBoundingClientRect().height) + 8}px`;
    });
    this.barSize.observe(bar);
  }

  /** Reports each question of the open attempt the first time any of it is on screen. */
  private watchQuestions(): void {
    const a = this.attempt;
    if (!a || a.submitted || typeof IntersectionObserver === 'undefined') return;
    if (this.watchedAttempt !== a.startedAt) {
      this.sightings?.disconnect();
      this.watched = new WeakSet();
      this.watchedAttempt = a.startedAt;
    }
    this.sightings ??= new IntersectionObserver(
      (entries) => {
        for (const entry of entries) {
          if (!entry.isIntersecting) continue;
          this.sightings?.unobserve(entry.target);
          const id = entry.target.getAttribute('data-question');
          const open = this.attempt;
          if (id && open && !open.submitted && !open.times[id]) {
            this.dispatchEvent(intent('question-shown', { quizId: this.quiz.id, questionId: id }));
          }
        }
        // Seen within the course's own document, whatever the page around an LMS's frame shows.
      },
      { root: document },
    );
    for (const el of this.renderRoot.querySelectorAll('[data-question]')) {
      if (this.watched.has(el)) continue;
      this.watched.add(el);
      this.sightings.observe(el);
    }
  }

  override willUpdate(changed: Map<string, unknown>): void {
    const a = this.attempt;
    if (changed.has('quiz') || !a || a.submitted) {
      this.summaryOpen = false;
      this.navigatorOpen = false;
    }
  }

  override updated(changed: Map<string, unknown>): void {
    if (changed.has('quiz')) this.showUnanswered = false;
    this.measureBar(this.renderRoot.querySelector('.bar'));
    if (changed.has('progress') && this.afterProgress) {
      const target = this.afterProgress;
      this.afterProgress = null;
      // Only the change the intent asked for moves focus; any other (a question scrolled into
      // view, an intent that changed nothing) drops the request rather than stealing focus later.
      if (this.reached(target)) void this.focusAfterProgress(target);
    }
    this.watchQuestions();
    const a = this.attempt;
    const running = !!a && !a.submitted && a.deadline !== null;
    if (running && !this.ticker) {
      this.tick();
      this.ticker = setInterval(() => this.tick(), 1000);
    } else if (!running && this.ticker) {
      clearInterval(this.ticker);
      this.ticker = undefined;
    }
  }

  /** Deadline arithmetic on each second: warnings at set points, submission at zero. */
  private tick(): void {
    const a = this.attempt;
    if (!a || a.submitted || a.deadline === null) return;
    this.now = Date.now();
    const left = remainingMs(a.deadline, this.now);
    const limit = a.deadline - a.startedAt;
    if (this.warnedDeadline !== a.deadline) {
      // A new or resumed attempt: points already behind us are not announced late.
      this.warnedDeadline = a.deadline;
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
        this.dispatchEvent(intent('submit-quiz', { quizId: this.quiz.id, timedOut: true }));
      }
    }
  }

  private submit(): void {
    const a = this.attempt;
    if (!a) return;
    if (this.navigates) {
      void this.openSummary();
      return;
    }
    const open = attemptQuestions(this.quiz, a).filter((q) => !isAnswered(q, a.answers[q.id]));
    if (open.length) {
      this.showUnanswered = true;
      void this.updateComplete.then(() =>
        (this.renderRoot.querySelector(`[data-question="${open[0]?.id}"]`) as QuestionBase<Question> | null)?.focusFirst(),
      );
      return;
    }
    this.showUnanswered = false;
    this.afterProgress = { kind: 'result' };
    this.dispatchEvent(intent('submit-quiz', { quizId: this.quiz.id, timedOut: false }));
  }

  /** "Check your answers before submitting": always shown first, even with nothing left open. */
  private async openSummary(): Promise<void> {
    this.navigatorOpen = false;
    this.summaryOpen = true;
    await this.updateComplete;
    this.renderRoot.querySelector('.summary')?.scrollIntoView({ block: 'start' });
    (this.renderRoot.querySelector('#summary-heading') as HTMLElement | null)?.focus({ preventScroll: true });
  }

  private submitNow(): void {
    this.afterProgress = { kind: 'result' };
    this.dispatchEvent(intent('submit-quiz', { quizId: this.quiz.id, timedOut: false }));
  }

  /** Back from the summary to the questions, at the Submit button the learner came from. */
  private async backToQuestions(): Promise<void> {
    this.summaryOpen = false;
    await this.updateComplete;
    const submit = this.renderRoot.querySelector('button[type="submit"]') as HTMLElement | null;
    submit?.scrollIntoView({ block: 'center' });
    submit?.focus({ preventScroll: true });
  }

  /** Moves to a question (from the navigator or the summary) and focuses its first control. */
  private async goTo(questionId: string): Promise<void> {
    this.navigatorOpen = false;
    this.summaryOpen = false;
    await this.updateComplete;
    const question = this.renderRoot.querySelector(`[data-question="${questionId}"]`) as QuestionBase<Question> | null;
    if (!question) return;
    await question.updateComplete;
    // The page's scroll padding keeps the question's prompt clear of the sticky bar.
    question.scrollIntoView({ block: 'start' });
    question.focusFirst({ preventScroll: true });
  }

  private flag(questionId: string, flagged: boolean): void {
    this.dispatchEvent(intent('flag-question', { quizId: this.quiz.id, questionId, flagged }));
  }

  private toggleNavigator(): void {
    this.navigatorOpen = !this.navigatorOpen;
  }

  /** Escape closes the list of questions and returns to its button. */
  private onBarKey(e: KeyboardEvent): void {
    if (e.key !== 'Escape' || !this.navigatorOpen) return;
    this.navigatorOpen = false;
    (this.renderRoot.querySelector('.bar .toggle') as HTMLElement | null)?.focus();
  }

  /** Focus leaving the bar (Tab past the last number) closes the list, so that it covers nothing. */
  private onBarFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    if (this.navigatorOpen && to && !(e.currentTarget as Element).contains(to)) this.navigatorOpen = false;
  }

  private check(questionId: string): void {
    this.afterProgress = { kind: 'feedback', questionId };
    this.dispatchEvent(intent('check-answer', { quizId: this.quiz.id, questionId }));
  }

  private retry(): void {
    this.afterProgress = { kind: 'heading' };
    this.dispatchEvent(intent('retry-quiz', { quizId: this.quiz.id }));
  }

  private start(): void {
    this.afterProgress = { kind: 'first-question' };
    this.dispatchEvent(intent('start-quiz', { quizId: this.quiz.id }));
  }

  private reached(target: FocusTarget): boolean {
    const a = this.attempt;
    switch (target.kind) {
      case 'result':
        return !!a?.submitted;
      case 'feedback':
        return !!a?.checked.includes(target.questionId);
      case 'first-question':
        return !!a && !a.submitted;
      case 'heading':
        return true;
    }
  }

  /**
   * Moves focus once the new progress is on screen. An intent changes the store, the shell
   * re-renders and only then does this view get the new progress: focusing earlier would
   * find the old controls, and focus would fall to the page when they disappear.
   */
  private async focusAfterProgress(target: FocusTarget): Promise<void> {
    if (target.kind === 'heading') return this.focusHeading();
    if (target.kind === 'result') {
      (this.renderRoot.querySelector('#result-heading') as HTMLElement | null)?.focus();
      const a = this.attempt;
      if (a?.submitted) {
        const result = attemptResult(this.quiz, a, this.passMark);
        this.announcement =
          `${a.timedOut ? STRINGS.timedOut : STRINGS.submitted} ` +
          STRINGS.scoreSpoken(result.percent, result.passed, this.passMark, result.criticalMissed.length > 0);
      }
      return;
    }
    const selector = target.kind === 'feedback' ? `[data-question="${target.questionId}"]` : '[data-question]';
    const question = this.renderRoot.querySelector(selector) as QuestionBase<Question> | null;
    await question?.updateComplete;
    if (target.kind === 'feedback') question?.focusFeedback();
    else question?.focusFirst();
  }

  private renderIntro() {
    const quiz = this.quiz;
    const left = attemptsLeft(quiz, this.progress);
    const limit = this.timeLimit;
    return html`<section class="intro" aria-label="About this quiz">
      <p>
        ${STRINGS.bank(quiz, this.progress.attempt?.questions.length ?? drawQuestions(quiz, 0).length)}
        ${STRINGS.passRule(this.passMark, quiz.graded, quiz.counts)}
      </p>
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
    </section>`;
  }

  private renderRevisit() {
    return html`<h3>${STRINGS.revisitHeading}</h3>
      <p>${STRINGS.revisitIntro}</p>
      <ul class="revisit">
        ${this.revisit.map(
          (r) =>
            html`<li>
              <button
                type="button"
                class="secondary"
                @click=${() => this.dispatchEvent(intent('navigate', { location: `lesson:${r.lessonId}` }))}
              >
                ${STRINGS.revisitLesson(r.lessonTitle)}
              </button>
              <ul>
                ${r.objectives.map((o) => html`<li>${o.text}</li>`)}
              </ul>
            </li>`,
        )}
      </ul>`;
  }

  private renderResult(a: QuizAttempt) {
    const quiz = this.quiz;
    const { percent, passed, score, criticalMissed } = attemptResult(quiz, a, this.passMark);
    const missed = this.critical.filter((o) => criticalMissed.includes(o.id));
    const left = attemptsLeft(quiz, this.progress);
    const counted = countedScore(quiz, this.progress);
    const canRetry = left > 0 && (!passed || !quiz.graded);
    return html`<section class="result" aria-labelledby="result-heading">
      <h2 id="result-heading" tabindex="-1">${STRINGS.resultHeading}</h2>
      <p class="save-state ${this.saveNotice ? 'shown' : ''}" role="status">${this.saveNotice}</p>
      ${a.timedOut ? html`<p class="notice">${STRINGS.timedOut}</p>` : null}
      <p>
        ${STRINGS.score(percent)}
        ${
          missed.length && percent >= this.passMark
            ? null
            : html`<span class="verdict ${passed ? 'ok' : 'bad'}">${passed ? STRINGS.passed : STRINGS.failed(this.passMark)}</span>`
        }
      </p>
      ${
        missed.length
          ? html`<div class="critical">
              <p><span class="verdict bad">${STRINGS.criticalFailed}</span></p>
              <ul>
                ${missed.map((o) => html`<li>${o.text}</li>`)}
              </ul>
              ${score !== percent ? html`<p>${STRINGS.criticalRecorded(score)}</p>` : null}
            </div>`
          : null
      }
      ${this.progress.attemptsUsed > 1 && counted !== null ? html`<p>${STRINGS.counted(counted, quiz.counts)}</p>` : null}
      ${quiz.attempts !== null && left > 0 && !passed ? html`<p>${STRINGS.attempts(left, quiz.attempts)}</p>` : null}
      ${left === 0 && quiz.attempts !== null && !passed ? html`<p>${STRINGS.noAttempts(quiz.attempts)}</p>` : null}
      ${!passed && this.revisit?.length ? this.renderRevisit() : null}
      ${quiz.review === 'after_passing' && !passed ? html`<p>${STRINGS.reviewAfterPassing}</p>` : null}
      ${quiz.review === 'never' ? html`<p>${STRINGS.reviewNever}</p>` : null}
      <div class="actions">
        ${canRetry ? html`<button @click=${this.retry}>${STRINGS.retry}</button>` : null}
        ${
          this.nextLocation
            ? html`<button
                class=${canRetry ? 'secondary' : ''}
                @click=${() => this.dispatchEvent(intent('navigate', { location: this.nextLocation ?? 'start' }))}
              >
                ${STRINGS.next(this.nextLabel)}
              </button>`
            : null
        }
      </div>
    </section>`;
  }

  private reveals(a: QuizAttempt): boolean {
    if (this.quiz.review === 'never') return false;
    if (this.quiz.review === 'always' || !a.submitted) return true;
    return attemptResult(this.quiz, a, this.passMark).passed;
  }

  private renderQuestion(q: Question, i: number, n: number, a: QuizAttempt) {
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
              @click=${() => this.check(q.id)}
            >
              ${STRINGS.check}
            </button>`
          : null
      }
      ${
        this.navigates && !done
          ? html`<button
              type="button"
              class="flag secondary"
              data-flag=${q.id}
              aria-label=${STRINGS.flagWhich(i + 1)}
              aria-pressed=${flagged ? 'true' : 'false'}
              @click=${() => this.flag(q.id, !flagged)}
            >
              ${flagIcon(flagged)}${STRINGS.flag}
            </button>`
          : null
      }
    </div>`;
  }

  /** Time left, questions answered and the list of questions (numbers, each with its state in words). */
  private renderBar(a: QuizAttempt, questions: Question[], left: number | null) {
    const answered = questions.filter((q) => isAnswered(q, a.answers[q.id])).length;
    const flagged = a.flagged.length;
    return html`<div class="bar ${this.navigatorOpen ? 'open' : ''}" @keydown=${this.onBarKey} @focusout=${this.onBarFocusOut}>
      <div class="bar-row">
        ${
          left !== null
            ? html`<span class="timer ${left < 60_000 ? 'low' : ''}"
                ><span role="timer" aria-live="off">${STRINGS.timeLeft} ${formatClock(left)}</span></span
              >`
            : null
        }
        ${
          this.navigates
            ? html`<span class="count"
                  >${STRINGS.answeredCount(answered, questions.length)}${flagged ? `, ${STRINGS.flaggedCount(flagged)}` : ''}</span
                >
                <button
                  type="button"
                  class="toggle secondary"
                  aria-expanded=${this.navigatorOpen ? 'true' : 'false'}
                  aria-controls="navigator"
                  @click=${this.toggleNavigator}
                >
                  ${this.navigatorOpen ? STRINGS.hideNavigator : STRINGS.showNavigator}
                </button>`
            : null
        }
      </div>
      <p class="save-state ${this.saveNotice ? 'shown' : ''}" role="status">${this.saveNotice}</p>
      ${
        this.navigates
          ? html`<nav id="navigator" class="navigator" aria-label=${STRINGS.navigator} ?hidden=${!this.navigatorOpen}>
              <ul class="key" aria-hidden="true">
                <li><span class="swatch answered"></span>${STRINGS.keyAnswered}</li>
                <li><span class="swatch"></span>${STRINGS.keyNotAnswered}</li>
                <li>${flagIcon(true)}${STRINGS.keyFlagged}</li>
              </ul>
              <ol class="grid">
                ${questions.map((q, i) => {
                  const done = isAnswered(q, a.answers[q.id]);
                  const flag = a.flagged.includes(q.id);
                  return html`<li>
                    <button
                      type="button"
                      class=${done ? 'answered' : ''}
                      aria-label=${STRINGS.navQuestion(i + 1, done, flag)}
                      @click=${() => this.goTo(q.id)}
                    >
                      ${i + 1}${flag ? flagIcon(true) : nothing}
                    </button>
                  </li>`;
                })}
              </ol>
            </nav>`
          : null
      }
    </div>`;
  }

  /** Before an attempt is submitted: what is unanswered or flagged (each a way back), and the time left. */
  private renderSummary(a: QuizAttempt, questions: Question[], left: number | null) {
    const numbered = questions.map((q, i) => ({ q, n: i + 1 }));
    const open = numbered.filter(({ q }) => !isAnswered(q, a.answers[q.id]));
    const flagged = numbered.filter(({ q }) => a.flagged.includes(q.id));
    const list = (items: { q: Question; n: number }[]) =>
      html`<ul class="jump">
        ${items.map(
          ({ q, n }) =>
            html`<li>
              <button type="button" class="link" @click=${() => this.goTo(q.id)}>${STRINGS.questionLink(n)}</button>
              <span class="prompt">${q.prompt}</span>
            </li>`,
        )}
      </ul>`;
    return html`<section class="summary" aria-labelledby="summary-heading">
      <h2 id="summary-heading" tabindex="-1">${STRINGS.summaryHeading}</h2>
      <p>
        ${STRINGS.summaryAnswered(questions.length - open.length, questions.length)}
        ${left === null ? null : left > 0 ? STRINGS.summaryTime(formatClock(left)) : STRINGS.summaryTimePassed}
      </p>
      ${
        open.length
          ? html`<h3>${STRINGS.summaryOpen(open.length)}</h3>
              <p>${STRINGS.summaryOpenNote}</p>
              ${list(open)}`
          : null
      }
      ${
        flagged.length
          ? html`<h3>${STRINGS.summaryFlagged(flagged.length)}</h3>
              ${list(flagged)}`
          : null
      }
      ${!open.length && !flagged.length ? html`<p>${STRINGS.summaryAllDone}</p>` : null}
      <p>${STRINGS.summaryFinal}</p>
      <div class="actions">
        <button type="button" @click=${this.submitNow}>${STRINGS.submitNow}</button>
        <button type="button" class="secondary" @click=${this.backToQuestions}>${STRINGS.backToQuestions}</button>
      </div>
    </section>`;
  }

  override render() {
    const { quiz } = this;
    const a = this.attempt;
    const questions = a ? attemptQuestions(quiz, a) : [];
    const open = a && !a.submitted ? questions.filter((q) => !isAnswered(q, a.answers[q.id])).length : 0;
    const left = a?.deadline != null ? remainingMs(a.deadline, this.now) : null;
    return html`
      <h1 tabindex="-1">${quiz.title}</h1>
      ${!a || a.submitted ? this.renderIntro() : null}
      ${!a && attemptsLeft(quiz, this.progress) > 0 ? html`<button @click=${this.start}>${STRINGS.start}</button>` : null}
      ${a?.submitted ? this.renderResult(a) : null}
      ${a && !a.submitted && (left !== null || this.navigates) ? this.renderBar(a, questions, left) : null}
      <p class="visually-hidden" aria-live="assertive">${this.announcement}</p>
      ${a && !a.submitted && this.summaryOpen ? this.renderSummary(a, questions, left) : null}
      ${
        a
          ? html`<form @submit=${(e: Event) => e.preventDefault()} aria-label=${quiz.title} ?hidden=${this.summaryOpen && !a.submitted}>
              <div class="questions">${questions.map((q, i) => this.renderQuestion(q, i, questions.length, a))}</div>
              ${
                a.submitted
                  ? null
                  : html`<div role="alert">
                        ${this.showUnanswered && open ? html`<p class="alert">${STRINGS.unanswered(open)}</p>` : null}
                      </div>
                      <button type="submit" @click=${this.submit}>${STRINGS.submit}</button>`
              }
            </form>`
          : null
      }
    `;
  }
}
customElements.define('quiz-view', QuizView);

declare global {
  interface HTMLElementTagNameMap {
    'quiz-view': QuizView;
  }
}
