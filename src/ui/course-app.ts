import { LitElement, css, html } from 'lit';
import { newSeed } from '../course/random.ts';
import {
  answer,
  checkAnswer,
  countedScore,
  courseOutcome,
  courseSequence,
  estimatedMinutes,
  findQuiz,
  isValidLocation,
  markCompleted,
  markViewed,
  navigate,
  quizProgress,
  reachSection,
  retryQuiz,
  startAttempt,
  submitQuiz,
  type CourseState,
} from '../course/state.ts';
import type { Course } from '../course/types.ts';
import type { Connection, SaveState, Tracker, Urgency } from '../tracking/tracker.ts';
import './certificate-view.ts';
import './course-menu.ts';
import type { CourseIntents } from './events.ts';
import './glossary-view.ts';
import './lesson-view.ts';
import { locationLabel, menuItems, passMarkOf } from './menu-items.ts';
import './quiz-view.ts';
import './start-screen.ts';
import { theme } from './theme.ts';

const STRINGS = {
  skip: 'Skip to content',
  progress: (p: number) => `Course progress: ${p}%`,
  exit: 'Exit course',
  standalone: 'No learning management system was found. Your progress is kept in this browser only and will not reach your training records.',
  refused:
    'Your learning management system did not accept this session, so your progress cannot be recorded there. It is kept in this browser for now: close the course and open it again from your LMS, and tell your education coordinator if this notice comes back.',
  review: 'Review mode: you can look at the course, but nothing you do now is recorded.',
  unsaved: 'Progress not yet saved. Retrying…',
  saving: 'Saving…',
  exitedHeading: 'You have left the course',
  exited: 'Your progress has been saved. You can close this window.',
  exitedUnsaved:
    'Your learning management system did not confirm the last save. Keep this window open for a moment, then close it and reopen the course to check your progress.',
  restored: 'Some of your progress had not reached your learning management system last time. It was kept in this browser and has now been restored and sent again.',
  expired: (titles: string) => `Time ran out for ${titles} while the course was closed, so the attempt was submitted with the answers you had given.`,
};

type ScreenView = HTMLElement & { focusHeading?: () => void; scrollToSection?: (n: number) => void; focusTerm?: (id: string) => void };

/** The course shell: header, contents menu, the current screen and notices. Only the tracker talks to the LMS. */
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
    learnerName: { state: true },
  };
  declare course: Course;
  declare tracker: Tracker;
  declare state: CourseState;
  /** What is shown: `start`, `exited`, `glossary`, `certificate`, or a lesson or quiz location. */
  declare screen: string;
  declare connection: Connection;
  declare saveState: SaveState;
  declare reviewMode: boolean;
  declare canContinue: boolean;
  declare passMark: number;
  /** Quizzes submitted at launch because their time ran out while the course was closed. */
  declare expired: string[];
  /** Progress kept in this browser was newer than the LMS's and was restored. */
  declare restored: boolean;
  /** As the LMS gives it. */
  declare learnerName: string;
  /** The screen a glossary visit returns to. */
  private returnTo: string | null = null;

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
        top: -4rem;
        background: var(--surface);
        color: var(--accent);
        padding: 0.75rem 1rem;
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
        align-items: center;
        color: var(--muted);
        font-size: 0.9rem;
      }
      .status > * {
        margin: 0.2rem 0.75rem 0.2rem 0;
      }
      /* The live region stays in place (to be announced) but takes no room while empty. */
      .status > [role='status']:empty {
        margin: 0;
      }
      progress {
        width: 8rem;
        max-width: 40vw;
        height: 0.6rem;
        accent-color: var(--accent);
      }
      .layout {
        display: grid;
        grid-template-columns: minmax(12rem, 18rem) minmax(0, 1fr);
        max-width: 72rem;
        margin: 0 auto;
      }
      course-menu {
        padding: 1rem 1.25rem;
        border-right: 1px solid var(--line);
      }
      main {
        padding: 1rem 1.5rem 3rem;
        max-width: 48rem;
        min-width: 0;
        overflow-wrap: break-word;
      }
      @media (max-width: 48rem) {
        .layout {
          grid-template-columns: minmax(0, 1fr);
        }
        course-menu {
          border-right: 0;
          border-bottom: 1px solid var(--line);
          padding: 0.5rem 1rem;
        }
        main {
          padding: 1rem 1rem 3rem;
        }
        header {
          padding: 0.5rem 1rem;
          gap: 0.25rem 1rem;
        }
        .course-title {
          font-size: 0.95rem;
        }
      }
      @media print {
        :host {
          background: #fff;
          color: #000;
          min-height: 0;
        }
        header,
        .skip,
        .notice {
          display: none;
        }
        .layout {
          display: block;
        }
        main {
          max-width: none;
          padding: 0;
        }
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
    this.on('navigate', (d) => this.go(d.location, d.section ?? 0));
    this.on('lesson-viewed', (d) => this.apply(markViewed(this.state, d.lessonId), 'now'));
    this.on('lesson-position', (d) => {
      if (this.state.location === `lesson:${d.lessonId}`) this.apply(reachSection(this.state, d.section), 'later');
    });
    this.on('open-term', (d) => {
      this.returnTo = this.screen;
      this.go('glossary');
      void this.updateComplete.then(() => this.view()?.focusTerm?.(d.termId));
    });
    this.on('start-quiz', (d) => this.startQuiz(d.quizId));
    this.on('answer', (d) => this.apply(answer(this.state, d.quizId, d.questionId, d.value), this.isExam(d.quizId) ? 'soon' : 'later'));
    this.on('check-answer', (d) => this.apply(checkAnswer(this.course, this.state, d.quizId, d.questionId), 'later'));
    this.on('submit-quiz', (d) => this.apply(submitQuiz(this.course, this.state, d.quizId, d.timedOut), 'now'));
    this.on('retry-quiz', (d) => {
      this.apply(retryQuiz(this.course, this.state, d.quizId), 'later');
      this.autoStart(d.quizId);
    });
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    window.removeEventListener('pagehide', this.onPageHide);
    document.removeEventListener('visibilitychange', this.onVisibility);
  }

  private on<K extends keyof CourseIntents>(name: K, handle: (detail: CourseIntents[K]) => void): void {
    this.addEventListener(name, (e) => handle((e as CustomEvent<CourseIntents[K]>).detail));
  }

  private view(): ScreenView | null {
    return this.renderRoot.querySelector('main > :not(.notice)') as ScreenView | null;
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

  private apply(next: CourseState, urgency: Urgency): void {
    if (next === this.state) return;
    // The first completion is dated (for the certificate) and committed at once.
    const dated = markCompleted(this.course, next, Date.now(), this.passMark);
    this.state = dated;
    this.tracker.update(dated, dated !== next ? 'now' : urgency);
  }

  /** Shows a location; `section` returns to a place inside a lesson (on resume). */
  private go(location: string, section = 0): void {
    if (location !== 'glossary') this.returnTo = null;
    this.screen = location;
    if (isValidLocation(this.course, location)) this.apply(navigate(this.state, location), 'later');
    if (location.startsWith('quiz:')) this.autoStart(location.slice(5));
    document.title = `${location === 'start' ? '' : `${locationLabel(this.course, location)} – `}${this.course.title}`;
    void this.updateComplete.then(() => {
      const view = this.view();
      view?.focusHeading?.();
      window.scrollTo(0, 0);
      if (section > 0) view?.scrollToSection?.(section);
    });
  }

  private exit(): void {
    this.tracker.exit();
    this.screen = 'exited';
    void this.updateComplete.then(() => (this.renderRoot.querySelector('main h1') as HTMLElement | null)?.focus());
  }

  private renderScreen() {
    const seq = courseSequence(this.course);
    const outcome = courseOutcome(this.course, this.state, this.passMark);
    if (this.screen === 'exited') {
      return html`<section>
        <h1 tabindex="-1">${STRINGS.exitedHeading}</h1>
        <p>${this.saveState === 'unsaved' ? STRINGS.exitedUnsaved : STRINGS.exited}</p>
      </section>`;
    }
    if (this.screen === 'glossary') {
      const back = this.returnTo && this.returnTo !== 'glossary' && this.returnTo !== 'start' ? this.returnTo : null;
      return html`<glossary-view .terms=${this.course.glossary} .returnTo=${back} .returnLabel=${back ? locationLabel(this.course, back) : ''}></glossary-view>`;
    }
    if (this.screen === 'certificate' && outcome.completed && outcome.score !== null) {
      return html`<certificate-view
        .courseTitle=${this.course.title}
        .learnerName=${this.learnerName}
        .score=${outcome.score}
        .completedAt=${this.state.completedAt ?? Date.now()}
        .minutes=${estimatedMinutes(this.course)}
      ></certificate-view>`;
    }
    const i = seq.indexOf(this.screen);
    const next = i >= 0 ? (seq[i + 1] ?? null) : null;
    const nextLabel = next ? locationLabel(this.course, next) : '';
    const [kind, id = ''] = this.screen.split(':');
    const lesson = kind === 'lesson' ? this.course.lessons.find((l) => l.id === id) : undefined;
    if (lesson) {
      return html`<lesson-view .lesson=${lesson} .nextLocation=${next} .nextLabel=${nextLabel} ?viewed=${this.state.viewed.includes(lesson.id)}></lesson-view>`;
    }
    const quiz = kind === 'quiz' ? findQuiz(this.course, id) : undefined;
    if (quiz) {
      return html`<quiz-view
        .quiz=${quiz}
        .progress=${quizProgress(this.state, quiz.id)}
        .passMark=${passMarkOf(this.course, quiz.id, this.passMark)}
        .timeLimit=${this.tracker.timeLimit(quiz)}
        .nextLocation=${next ?? (outcome.completed ? 'certificate' : null)}
        .nextLabel=${next ? nextLabel : locationLabel(this.course, 'certificate')}
      ></quiz-view>`;
    }
    const started = this.state.viewed.length > 0 || Object.values(this.state.quizzes).some((p) => p.attemptsUsed > 0 || p.attempt);
    const resume = this.canContinue && this.state.location !== 'start' ? { location: this.state.location, section: this.state.section, label: locationLabel(this.course, this.state.location) } : null;
    return html`<start-screen
      .course=${this.course}
      .passMark=${this.passMark}
      .minutes=${estimatedMinutes(this.course)}
      .items=${menuItems(this.course, this.state, this.passMark)}
      .resume=${resume}
      ?completed=${outcome.completed}
      ?started=${started}
    ></start-screen>`;
  }

  private renderNotices() {
    return html`${this.connection === 'standalone' ? html`<p class="notice" role="note">${STRINGS.standalone}</p>` : null}
    ${this.connection === 'refused' ? html`<p class="notice" role="alert">${STRINGS.refused}</p>` : null}
    ${this.reviewMode ? html`<p class="notice" role="note">${STRINGS.review}</p>` : null}
    ${this.screen === 'start' && this.restored ? html`<p class="notice" role="status">${STRINGS.restored}</p>` : null}
    ${this.screen === 'start' && this.expired.length
      ? html`<p class="notice" role="alert">${STRINGS.expired(this.expired.map((q) => findQuiz(this.course, q)?.title ?? q).join(', '))}</p>`
      : null}`;
  }

  override render() {
    const outcome = courseOutcome(this.course, this.state, this.passMark);
    const percent = Math.round(outcome.progress * 100);
    const exited = this.screen === 'exited';
    const saving = this.connection === 'lms' && !exited ? (this.saveState === 'unsaved' ? STRINGS.unsaved : this.saveState === 'saving' ? STRINGS.saving : '') : '';
    return html`
      <a
        class="skip"
        href="#main"
        @click=${(e: Event) => {
          e.preventDefault();
          (this.renderRoot.querySelector('main') as HTMLElement | null)?.focus();
        }}
        >${STRINGS.skip}</a
      >
      <header>
        <p class="course-title">${this.course.title}</p>
        <div class="status">
          <label>${STRINGS.progress(percent)} <progress max="100" .value=${percent}></progress></label>
          <span role="status">${saving}</span>
          ${exited ? null : html`<button class="secondary" @click=${this.exit}>${STRINGS.exit}</button>`}
        </div>
      </header>
      <div class="layout">
        <course-menu .items=${menuItems(this.course, this.state, this.passMark)} .current=${this.screen} ?disabled=${exited}></course-menu>
        <main id="main" tabindex="-1">${this.renderNotices()} ${this.renderScreen()}</main>
      </div>
    `;
  }
}
customElements.define('course-app', CourseApp);
