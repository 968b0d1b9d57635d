import { LitElement, css, html } from 'lit';
import { newSeed } from '../course/random.ts';
import {
  answer,
  attemptsLeft,
  checkAnswer,
  countedScore,
  courseOutcome,
  courseSequence,
  findQuiz,
  markViewed,
  navigate,
  reachSection,
  quizProgress,
  retryQuiz,
  startAttempt,
  submitQuiz,
  type CourseState,
} from '../course/state.ts';
import type { Course } from '../course/types.ts';
import type { Connection, SaveState, Tracker, Urgency } from '../tracking/tracker.ts';
import type { CourseIntents } from './events.ts';
import './glossary-view.ts';
import './lesson-view.ts';
import './quiz-view.ts';
import { theme } from './theme.ts';

const STRINGS = {
  skip: 'Skip to content',
  menu: 'Course contents',
  glossary: 'Glossary',
  progress: (p: number) => `Course progress: ${p}%`,
  exit: 'Exit course',
  start: 'Start the course',
  continue: 'Continue where you left off',
  restartNote: 'Your progress is saved; you can also pick any part from the course contents.',
  who: 'For nurses, medical assistants, front-desk and patient-coordinator staff of spine, pain and orthopaedic clinics.',
  disclaimer: 'This course is education for clinic staff. It is not medical advice and does not replace the judgement of the treating clinician.',
  minutes: (n: number) => `Estimated time: about ${n} minutes.`,
  objectives: 'What you will learn',
  passRule: (mark: number) => `To complete the course, read every lesson and pass the graded quiz with ${mark}% or more.`,
  standalone: 'No learning management system was found. Your progress is kept in this browser only and will not reach your training records.',
  refused: 'Your learning management system did not accept this session, so your progress cannot be recorded there. It is kept in this browser for now: close the course and open it again from your LMS, and tell your education coordinator if this notice comes back.',
  review: 'Review mode: you can look at the course, but nothing you do now is recorded.',
  unsaved: 'Progress not yet saved. Retrying…',
  saving: 'Saving…',
  saved: 'Progress saved',
  exitedHeading: 'You have left the course',
  exited: 'Your progress has been saved. You can close this window.',
  exitedUnsaved: 'Your learning management system did not confirm the last save. Keep this window open for a moment, then close it and reopen the course to check your progress.',
  restored: 'Some of your progress had not reached your learning management system last time. It was kept in this browser and has now been restored and sent again.',
  expired: (titles: string) => `Time ran out for ${titles} while the course was closed, so the attempt was submitted with the answers you had given.`,
  state: {
    read: 'read',
    unread: 'not read yet',
    passed: (p: number) => `passed, ${p}%`,
    failed: (p: number) => `not passed yet, ${p}%`,
    outOfAttempts: (p: number) => `not passed, ${p}%, no attempts left`,
    inProgress: 'in progress',
    todo: 'not taken yet',
    terms: (n: number) => `${n} terms`,
  },
};

/** The course shell: header, contents menu, the current screen and notices. */
export class CourseApp extends LitElement {
  static override properties = {
    course: { attribute: false },
    tracker: { attribute: false },
    state: { state: true },
    screen: { state: true },
    connection: { state: true },
    saveState: { state: true },
    reviewMode: { state: true },
    canContinue: { state: true },
    passMark: { state: true },
    expired: { state: true },
    restored: { state: true },
  };
  declare course: Course;
  declare tracker: Tracker;
  declare state: CourseState;
  /** What is shown: `start`, `exited`, or a location. */
  declare screen: string;
  declare connection: Connection;
  declare saveState: SaveState;
  declare reviewMode: boolean;
  declare canContinue: boolean;
  declare passMark: number;
  /** The screen a glossary visit returns to. */
  private returnTo: string | null = null;
  /** Quizzes submitted at launch because their time ran out while the course was closed. */
  declare expired: string[];
  /** Progress kept in this browser was newer than the LMS's and was restored. */
  declare restored: boolean;

  static override styles = [
    theme,
    css`
      :host {
        display: block;
        min-height: 100vh;
        background: var(--bg);
      }
      .skip {
        position: absolute;
        left: 0.5rem;
        top: -3rem;
        background: var(--surface);
        color: var(--accent);
        padding: 0.5rem 1rem;
        z-index: 10;
      }
      .skip:focus {
        top: 0.5rem;
      }
      header {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem 1.5rem;
        align-items: center;
        justify-content: space-between;
        padding: 0.75rem 1.25rem;
        border-bottom: 1px solid var(--line);
        background: var(--surface);
      }
      .course-title {
        font-weight: 600;
        margin: 0;
      }
      .status {
        display: flex;
        flex-wrap: wrap;
        gap: 0.75rem;
        align-items: center;
        color: var(--muted);
        font-size: 0.9rem;
      }
      progress {
        width: 8rem;
        height: 0.6rem;
        accent-color: var(--accent);
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(12rem, 18rem) minmax(0, 1fr);
        max-width: 72rem;
        margin: 0 auto;
      }
      @media (max-width: 48rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
      }
      nav {
        padding: 1rem 1.25rem;
        border-right: 1px solid var(--line);
      }
      nav h2 {
        font-size: 1rem;
        margin-top: 0;
      }
      nav ol {
        list-style: none;
        padding: 0;
        margin: 0;
      }
      nav button {
        display: block;
        width: 100%;
        text-align: left;
        background: transparent;
        color: var(--text);
        border: 1px solid transparent;
        margin-bottom: 0.25rem;
      }
      nav button[aria-current='page'] {
        border-color: var(--accent);
        font-weight: 600;
      }
      nav .item-state {
        display: block;
        font-size: 0.85rem;
        color: var(--muted);
        font-weight: 400;
      }
      main {
        padding: 1rem 1.5rem 3rem;
        max-width: 48rem;
        min-width: 0;
      }
      .notice {
        border: 2px solid var(--notice-line);
        background: var(--notice-bg);
        padding: 0.6rem 0.9rem;
        border-radius: 6px;
        margin: 1rem 0;
      }
      .actions {
        display: flex;
        flex-wrap: wrap;
        gap: 1rem;
      }
    `,
  ];

  private readonly onPageHide = () => this.tracker.pageHide();
  private readonly onVisibility = () => {
    if (document.visibilityState === 'hidden') this.tracker.pageHidden();
  };

  override connectedCallback(): void {
    super.connectedCallback();
    window.addEventListener('pagehide', this.onPageHide);
    document.addEventListener('visibilitychange', this.onVisibility);
    this.addEventListener('navigate', (e) => this.go((e as CustomEvent<CourseIntents['navigate']>).detail.location));
    this.addEventListener('lesson-viewed', (e) => this.apply(markViewed(this.state, (e as CustomEvent<CourseIntents['lesson-viewed']>).detail.lessonId), 'now'));
    this.addEventListener('lesson-position', (e) => {
      const d = (e as CustomEvent<CourseIntents['lesson-position']>).detail;
      if (this.state.location === `lesson:${d.lessonId}`) this.apply(reachSection(this.state, d.section), 'later');
    });
    this.addEventListener('open-term', (e) => {
      const { termId } = (e as CustomEvent<CourseIntents['open-term']>).detail;
      this.returnTo = this.screen;
      this.go('glossary');
      void this.updateComplete.then(() => (this.renderRoot.querySelector('glossary-view') as { focusTerm?: (id: string) => void } | null)?.focusTerm?.(termId));
    });
    this.addEventListener('start-quiz', (e) => this.startQuiz((e as CustomEvent<CourseIntents['start-quiz']>).detail.quizId));
    this.addEventListener('answer', (e) => {
      const d = (e as CustomEvent<CourseIntents['answer']>).detail;
      this.apply(answer(this.state, d.quizId, d.questionId, d.value), this.isExam(d.quizId) ? 'soon' : 'later');
    });
    this.addEventListener('check-answer', (e) => {
      const d = (e as CustomEvent<CourseIntents['check-answer']>).detail;
      this.apply(checkAnswer(this.course, this.state, d.quizId, d.questionId), 'later');
    });
    this.addEventListener('submit-quiz', (e) => {
      const d = (e as CustomEvent<CourseIntents['submit-quiz']>).detail;
      this.apply(submitQuiz(this.course, this.state, d.quizId, d.timedOut), 'now');
    });
    this.addEventListener('retry-quiz', (e) => {
      const { quizId } = (e as CustomEvent<CourseIntents['retry-quiz']>).detail;
      this.apply(retryQuiz(this.course, this.state, quizId), 'later');
      this.autoStart(quizId);
    });
  }

  /** Answers in graded or timed quizzes are committed within a minute; others with the next commit. */
  private isExam(quizId: string): boolean {
    const quiz = findQuiz(this.course, quizId);
    return !!quiz && (quiz.graded || this.tracker.timeLimit(quiz) !== null);
  }

  private startQuiz(quizId: string): void {
    const quiz = findQuiz(this.course, quizId);
    if (!quiz) return;
    const limit = this.tracker.timeLimit(quiz);
    // A timed attempt's deadline is committed at once: a reload must not give time back.
    this.apply(startAttempt(this.course, this.state, quizId, { seed: newSeed(), now: Date.now(), limitMs: limit?.ms ?? null }), limit ? 'now' : 'later');
  }

  /** Untimed quizzes start on arrival; a timed one waits for Start, after its limit was announced. */
  private autoStart(quizId: string): void {
    const quiz = findQuiz(this.course, quizId);
    if (quiz && !this.tracker.timeLimit(quiz) && !quizProgress(this.state, quizId).attempt) this.startQuiz(quizId);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  private apply(next: CourseState, urgency: Urgency): void {
    if (next === this.state) return;
    this.state = next;
    this.tracker.update(next, urgency);
  }

  /** Shows a location; `section` returns to a place inside a lesson (on resume). */
  private go(location: string, section = 0): void {
    if (location !== 'glossary') this.returnTo = null;
    this.screen = location;
    this.apply(navigate(this.state, location), 'later');
    if (location.startsWith('quiz:')) this.autoStart(location.slice(5));
    void this.updateComplete.then(() => {
      const view = this.renderRoot.querySelector('lesson-view, quiz-view, glossary-view') as { focusHeading?: () => void; scrollToSection?: (n: number) => void } | null;
      view?.focusHeading?.();
      window.scrollTo(0, 0);
      if (section > 0) view?.scrollToSection?.(section);
    });
  }

  private exit(): void {
    this.tracker.exit();
    this.screen = 'exited';
    void this.updateComplete.then(() => (this.renderRoot.querySelector('h1') as HTMLElement | null)?.focus());
  }

  private label(location: string): string {
    if (location === 'glossary') return STRINGS.glossary;
    const [kind, id] = location.split(':');
    if (kind === 'lesson') return this.course.lessons.find((l) => l.id === id)?.title ?? location;
    return findQuiz(this.course, id ?? '')?.title ?? location;
  }

  private itemState(location: string): string {
    if (location === 'glossary') return STRINGS.state.terms(this.course.glossary.length);
    const [kind, id = ''] = location.split(':');
    if (kind === 'lesson') return this.state.viewed.includes(id) ? STRINGS.state.read : STRINGS.state.unread;
    const quiz = findQuiz(this.course, id);
    if (!quiz) return STRINGS.state.todo;
    const progress = quizProgress(this.state, id);
    const score = countedScore(quiz, progress);
    if (progress.attempt && !progress.attempt.submitted) return STRINGS.state.inProgress;
    if (score === null) return STRINGS.state.todo;
    if (score >= this.markOf(quiz.id)) return STRINGS.state.passed(score);
    return attemptsLeft(quiz, progress) === 0 ? STRINGS.state.outOfAttempts(score) : STRINGS.state.failed(score);
  }

  /** The pass mark in force: the LMS's for the graded quiz, the author's for the others. */
  private markOf(quizId: string): number {
    const quiz = findQuiz(this.course, quizId);
    return !quiz || quiz.graded ? this.passMark : quiz.passMark;
  }

  private renderScreen() {
    const seq = courseSequence(this.course);
    if (this.screen === 'exited') {
      return html`<h1 tabindex="-1">${STRINGS.exitedHeading}</h1>
        <p>${this.saveState === 'unsaved' ? STRINGS.exitedUnsaved : STRINGS.exited}</p>`;
    }
    const i = seq.indexOf(this.screen);
    const next = i >= 0 ? (seq[i + 1] ?? null) : null;
    const nextLabel = next ? this.label(next) : '';
    if (this.screen === 'glossary') {
      const back = this.returnTo && this.returnTo !== 'glossary' && this.returnTo !== 'start' ? this.returnTo : null;
      return html`<glossary-view .terms=${this.course.glossary} .returnTo=${back} .returnLabel=${back ? this.label(back) : ''}></glossary-view>`;
    }
    const [kind, id = ''] = this.screen.split(':');
    if (kind === 'lesson') {
      const lesson = this.course.lessons.find((l) => l.id === id);
      if (lesson) {
        return html`<lesson-view .lesson=${lesson} .nextLocation=${next} .nextLabel=${nextLabel} ?viewed=${this.state.viewed.includes(lesson.id)}></lesson-view>`;
      }
    }
    if (kind === 'quiz') {
      const quiz = findQuiz(this.course, id);
      if (quiz) {
        return html`<quiz-view
          .quiz=${quiz}
          .progress=${quizProgress(this.state, quiz.id)}
          .passMark=${this.markOf(quiz.id)}
          .timeLimit=${this.tracker.timeLimit(quiz)}
          .nextLocation=${next}
          .nextLabel=${nextLabel}
        ></quiz-view>`;
      }
    }
    const minutes = this.course.lessons.reduce((sum, l) => sum + l.minutes, 0);
    const first = seq[0] ?? 'start';
    return html`<h1 tabindex="-1">${this.course.title}</h1>
      <p>${STRINGS.who}</p>
      <p>${STRINGS.minutes(minutes)} ${STRINGS.passRule(this.passMark)}</p>
      <h2>${STRINGS.objectives}</h2>
      <ul>
        ${this.course.lessons.flatMap((l) => l.objectives.map((o) => html`<li>${o.text}</li>`))}
      </ul>
      ${this.restored ? html`<p class="notice" role="status">${STRINGS.restored}</p>` : null}
      ${this.expired.length
        ? html`<p class="notice" role="alert">${STRINGS.expired(this.expired.map((id) => findQuiz(this.course, id)?.title ?? id).join(', '))}</p>`
        : null}
      <p class="notice">${STRINGS.disclaimer}</p>
      <div class="actions">
        ${this.canContinue
          ? html`<button @click=${() => this.go(this.state.location, this.state.section)}>${STRINGS.continue}</button>
              <button class="secondary" @click=${() => this.go(first)}>${STRINGS.start}</button>`
          : html`<button @click=${() => this.go(first)}>${STRINGS.start}</button>`}
      </div>
      ${this.canContinue ? html`<p>${STRINGS.restartNote}</p>` : null}`;
  }

  override render() {
    const seq = courseSequence(this.course);
    const outcome = courseOutcome(this.course, this.state, this.passMark);
    const percent = Math.round(outcome.progress * 100);
    const exited = this.screen === 'exited';
    return html`
      <a class="skip" href="#main" @click=${(e: Event) => {
        e.preventDefault();
        (this.renderRoot.querySelector('main') as HTMLElement | null)?.focus();
      }}>${STRINGS.skip}</a>
      <header>
        <p class="course-title">${this.course.title}</p>
        <div class="status">
          <label>${STRINGS.progress(percent)} <progress max="100" .value=${percent}></progress></label>
          <span role="status">${this.connection === 'lms' && !exited ? (this.saveState === 'unsaved' ? STRINGS.unsaved : this.saveState === 'saving' ? STRINGS.saving : '') : ''}</span>
          ${exited ? null : html`<button class="secondary" @click=${this.exit}>${STRINGS.exit}</button>`}
        </div>
      </header>
      <div class="layout">
        <nav aria-labelledby="menu-heading">
          <h2 id="menu-heading">${STRINGS.menu}</h2>
          <ol>
            ${[...seq, ...(this.course.glossary.length ? ['glossary'] : [])].map(
              (loc) => html`<li>
                <button aria-current=${loc === this.screen ? 'page' : 'false'} ?disabled=${exited} @click=${() => this.go(loc)}>
                  ${this.label(loc)}<span class="item-state">${this.itemState(loc)}</span>
                </button>
              </li>`,
            )}
          </ol>
        </nav>
        <main id="main" tabindex="-1">
          ${this.connection === 'standalone' ? html`<p class="notice" role="note">${STRINGS.standalone}</p>` : null}
          ${this.connection === 'refused' ? html`<p class="notice" role="alert">${STRINGS.refused}</p>` : null}
          ${this.reviewMode ? html`<p class="notice" role="note">${STRINGS.review}</p>` : null}
          ${this.renderScreen()}
        </main>
      </div>
    `;
  }
}
customElements.define('course-app', CourseApp);
