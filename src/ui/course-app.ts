import { LitElement, html } from 'lit';
import { certificateReady, evaluationOpen, evaluationState } from '../course/evaluation.ts';
import { estimatedMinutes } from '../course/learning-time.ts';
import { courseOutcome, courseSequence, criticalObjectives, findQuiz, quizProgress, type CourseState } from '../course/state.ts';
import { objectivesByIds, objectivesToRevisit, type Revisit } from '../course/revisit.ts';
import type { CourseLaunch } from '../course/launch.ts';
import type { CourseStore } from '../course/store.ts';
import type { Course, Quiz } from '../course/types.ts';
import './about-view.ts';
import './certificate-view.ts';
import './evaluation-view.ts';
import { courseAppStyles } from './course-app.styles.ts';
import './course-menu.ts';
import { INTENT_EVENT, type ViewIntent } from './events.ts';
import './glossary-view.ts';
import './lesson-view.ts';
import { locationLabel, menuItems, passMarkOf } from './menu-items.ts';
import './quiz-view.ts';
import './start-screen.ts';
import { focusWithinCourse, scrollCourseToTop } from './course-scroll.ts';
import { theme } from './theme.ts';
import './scheme-switch.ts';

/**
 * Whether the LMS opened the course in a window of its own (Moodle's "New window"): its top
 * window was opened by the LMS page, so closing it is the way back.
 */
function openedAsWindow(): boolean {
  try {
    return !!window.top?.opener;
  } catch {
    return false;
  }
}

export type SaveState = 'saved' | 'saving' | 'unsaved' | 'offline';
/** This copy writes the LMS record, or stands by while another tab or window does (and why). */
export type Role = 'writer' | 'standby';
export type RoleReason = 'open-elsewhere' | 'taken-over' | 'took-over';

const STRINGS = {
  skip: 'Skip to content',
  progressWords: 'Required parts:',
  progressOf: (done: number, of: number) => `${done} of ${of} done`,
  progressCounts: (lessons: number, evaluation: boolean) =>
    `Counts the ${lessons} lessons read, the final exam passed${evaluation ? ' and the evaluation given' : ''}: what completing the course takes. Knowledge checks are practice.`,
  exit: 'Exit course',
  contents: 'Contents',
  showContents: 'Show course contents',
  hideContents: 'Hide course contents',
  standalone:
    'No learning management system was found. Your progress is kept in this browser only and will not reach your training records.',
  refused:
    'Your learning management system did not accept this session, so your progress cannot be recorded there. ' +
    'What you do now is kept in this tab only and will not reach your records: close the course and open it again from your LMS, ' +
    'and tell your education coordinator if this notice comes back.',
  review: 'Review mode: you can look at the course, but nothing you do now is recorded.',
  unsaved: 'Progress not yet saved. Retrying…',
  offline:
    'You seem to be offline, so your learning management system may not have received your latest progress. ' +
    'It is kept in this browser and will be sent again when you are back online.',
  standbyHeading: {
    'open-elsewhere': 'This course is open in another tab or window',
    'taken-over': 'You continued this course in another tab or window',
  },
  standby:
    'Only one copy of the course can save your progress at a time, so nothing you do here is saved. ' +
    'Go back to the other tab or window to carry on there, or continue here: your progress from the other copy comes with you.',
  takeOver: 'Continue here',
  tookOver: 'You are now continuing here. Your progress from the other tab or window is included, and it is saved from here.',
  saving: 'Saving…',
  exitedHeading: 'You have left the course',
  exited: 'Your progress has been saved.',
  exitedSaving: 'Saving your progress…',
  exitedReview: 'You were reviewing the course, so nothing was recorded.',
  exitedUnsaved:
    'Your learning management system did not confirm the last save. ' +
    'Wait a moment, then open the course again from your learning management system to check that your progress is there.',
  exitedWayOut:
    "To go back, use your learning management system's own button or link (in Moodle: Exit activity, " +
    'or the course name at the top of the page). Closing this browser tab or window may close your learning management system too.',
  exitedOwnWindow: 'The course opened in a window of its own: close this window to return to your learning management system.',
  exitedReturning: 'Taking you back to your learning management system…',
  unreadable:
    'Your saved progress could not be read, so the course starts from the beginning. ' +
    'Please tell your education coordinator if this happens again.',
  restored: (what: string) =>
    `Some of your progress had not reached your learning management system last time${what ? ` (${what})` : ''}. ` +
    'It was kept in this browser and has now been restored and sent again.',
  lessonsRead: (n: number) => (n === 1 ? 'a lesson you read' : `${n} lessons you read`),
  quizResult: (title: string) => `your ${title} result`,
  evaluationSent: 'your evaluation',
  expired: (titles: string) =>
    `Time ran out for ${titles} while the course was closed, so the attempt was submitted with the answers you had given.`,
};

type ScreenView = HTMLElement & { focusHeading?: () => void; scrollToSection?: (n: number) => void; focusTerm?: (id: string) => void };

/** The course shell: header, contents menu, the current screen and notices. It sends intents to the store and never talks to the LMS. */
export class CourseApp extends LitElement {
  static override get properties() {
    return {
      course: { attribute: false },
      store: { attribute: false },
      launch: { attribute: false },
      state: { state: true },
      screen: { state: true },
      saveState: { state: true },
      role: { state: true },
      roleReason: { state: true },
      menuOpen: { state: true },
      now: { attribute: false },
      returnsOnExit: { type: Boolean },
    };
  }
  declare course: Course;
  declare store: CourseStore;
  /** What the LMS and the saved record said at launch: mode and credit, the learner, the limits, what was resumed. */
  declare launch: CourseLaunch;
  declare state: CourseState;
  /** What is shown: `start`, `exited`, `about`, `glossary`, `certificate`, or a lesson or quiz location. */
  declare screen: string;
  declare saveState: SaveState;
  declare role: Role;
  declare roleReason: RoleReason | null;
  /** Whether the course contents are open where they sit behind a button (a narrow course). */
  declare menuOpen: boolean;
  /** The clock: today's date decides whether the activity has expired (tests set it). */
  declare now: () => number;
  /** Exit takes the learner back to the LMS by itself (cmi5's `returnURL`): the exit screen says so, not how to leave. */
  declare returnsOnExit: boolean;
  /** The screen a glossary visit returns to. */
  private returnTo: string | null = null;

  static override styles = [theme, courseAppStyles];

  private unsubscribe: (() => void) | null = null;

  constructor() {
    super();
    this.now = () => Date.now();
    this.menuOpen = false;
    this.role = 'writer';
    this.roleReason = null;
    this.returnsOnExit = false;
  }

  /** Nothing the learner does is recorded (review or browse mode, or no credit). */
  private get reviewMode(): boolean {
    return !this.launch.recordsResults;
  }

  private get passMark(): number {
    return this.launch.passMark;
  }

  /** Another copy of the course writes the record now (standby), or this one took over (writer). */
  setRole(role: Role, why: RoleReason): void {
    this.role = role;
    this.roleReason = why;
    this.menuOpen = false;
    void this.updateComplete.then(() => {
      if (role === 'standby') (this.renderRoot.querySelector('.standby h1') as HTMLElement | null)?.focus({ preventScroll: true });
      else if (this.state.location !== 'start' && this.state.location !== this.screen) this.go(this.state.location, this.state.section);
      else this.view()?.focusHeading?.();
    });
  }

  private takeOver(): void {
    this.dispatchEvent(new CustomEvent('take-over', { bubbles: true, composed: true }));
  }

  /** The restore notice's list: what came back from this browser. */
  private restoredWhat(): string {
    const g = this.launch.gained;
    const parts = [
      ...(g.lessons.length ? [STRINGS.lessonsRead(g.lessons.length)] : []),
      ...g.quizzes.map((id) => STRINGS.quizResult(findQuiz(this.course, id)?.title ?? id)),
      ...(g.evaluation ? [STRINGS.evaluationSent] : []),
    ];
    return parts.length > 1 ? `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}` : (parts[0] ?? '');
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.unsubscribe = this.store.subscribe(({ next }) => (this.state = next));
    this.state = this.store.state;
    this.addEventListener(INTENT_EVENT, (e) => this.handle(e.detail));
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.unsubscribe?.();
  }

  /** A view's intent: the shell's own are handled here, the store's go to the store as they are. */
  private handle(intent: ViewIntent): void {
    switch (intent.type) {
      case 'navigate':
        return this.go(intent.location, intent.section ?? 0);
      case 'open-term':
        this.returnTo = this.screen;
        this.go('glossary');
        void this.updateComplete.then(() => this.view()?.focusTerm?.(intent.termId));
        return;
      default:
        this.store.dispatch(intent);
    }
  }

  private view(): ScreenView | null {
    return this.renderRoot.querySelector('main > :not(.notice)') as ScreenView | null;
  }

  /** Shows a location; `section` returns to a place inside a lesson (on resume). */
  private go(location: string, section = 0): void {
    if (location !== 'glossary') this.returnTo = null;
    this.menuOpen = false;
    this.screen = location;
    this.store.dispatch({ type: 'navigate', location, section });
    document.title = `${location === 'start' ? '' : `${locationLabel(this.course, location)} – `}${this.course.title}`;
    void this.updateComplete.then(() => {
      const view = this.view();
      scrollCourseToTop();
      view?.focusHeading?.();
      if (section > 0) view?.scrollToSection?.(section);
    });
  }

  /**
   * Opens the place the learner left, as "Continue where you left off" does. The preview
   * asks for it (`#continue`) when it reloads the course after an edit.
   */
  continueWhereLeft(): void {
    if (this.launch.canContinue && this.state.location !== 'start') this.go(this.state.location, this.state.section);
  }

  /** Where a completed course goes next: the evaluation until it is submitted, then the certificate. */
  private afterCourse(): string | null {
    if (evaluationOpen(this.course, this.state, this.passMark) && evaluationState(this.state).submittedAt === null) return 'evaluation';
    return certificateReady(this.course, this.state, this.passMark) ? 'certificate' : null;
  }

  /** After a submitted attempt: the lessons and objectives its answers showed gaps in. */
  private revisitFor(quiz: Quiz): Revisit[] {
    const attempt = quizProgress(this.state, quiz.id).attempt;
    return attempt?.submitted ? objectivesToRevisit(this.course, quiz, attempt) : [];
  }

  /** Asks the host to end the LMS session (an `exit-course` event), then shows the way out. */
  private exit(): void {
    this.dispatchEvent(new CustomEvent('exit-course', { bubbles: true, composed: true }));
    this.menuOpen = false;
    this.screen = 'exited';
    void this.updateComplete.then(() => {
      scrollCourseToTop();
      focusWithinCourse(this.renderRoot.querySelector<HTMLElement>('main h1'));
    });
  }

  private toggleMenu(): void {
    this.menuOpen = !this.menuOpen;
  }

  private closeMenu(focusToggle: boolean): void {
    if (!this.menuOpen) return;
    this.menuOpen = false;
    if (focusToggle) focusWithinCourse(this.renderRoot.querySelector<HTMLElement>('.menu-toggle'));
  }

  /** Escape closes the open contents and returns to their button. */
  private onMenuKey(e: KeyboardEvent): void {
    if (e.key === 'Escape' && this.menuOpen) {
      e.stopPropagation();
      this.closeMenu(true);
    }
  }

  /** The open contents cover the top of the page, so they close when focus moves on past them. */
  private onMenuFocusOut(e: FocusEvent): void {
    const to = e.relatedTarget as Node | null;
    if (!to || to === this.renderRoot.querySelector('.menu-toggle')) return;
    const menu = this.renderRoot.querySelector('course-menu');
    if (menu && !menu.contains(to) && !menu.shadowRoot?.contains(to)) this.closeMenu(false);
  }

  private renderScreen() {
    const seq = courseSequence(this.course);
    const outcome = courseOutcome(this.course, this.state, this.passMark);
    if (this.screen === 'exited') {
      return html`<section>
        <h1 tabindex="-1">${STRINGS.exitedHeading}</h1>
        <p role="status">
          ${
            this.reviewMode
              ? STRINGS.exitedReview
              : this.saveState === 'unsaved'
                ? STRINGS.exitedUnsaved
                : this.saveState === 'saving'
                  ? STRINGS.exitedSaving
                  : STRINGS.exited
          }
        </p>
        <p>${this.returnsOnExit ? STRINGS.exitedReturning : openedAsWindow() ? STRINGS.exitedOwnWindow : STRINGS.exitedWayOut}</p>
      </section>`;
    }
    if (this.screen === 'glossary') {
      const back = this.returnTo && this.returnTo !== 'glossary' && this.returnTo !== 'start' ? this.returnTo : null;
      return html`<glossary-view
        .terms=${this.course.glossary}
        .returnTo=${back}
        .returnLabel=${back ? locationLabel(this.course, back) : ''}
      ></glossary-view>`;
    }
    if (this.screen === 'evaluation' && this.course.evaluation && evaluationOpen(this.course, this.state, this.passMark)) {
      return html`<evaluation-view
        .evaluation=${this.course.evaluation}
        .progress=${evaluationState(this.state)}
        .professions=${this.course.activity.professions}
        .profession=${this.state.profession}
        .nextLocation=${certificateReady(this.course, this.state, this.passMark) ? 'certificate' : null}
        .nextLabel=${locationLabel(this.course, 'certificate')}
        ?disabled=${this.reviewMode}
      ></evaluation-view>`;
    }
    if (this.screen === 'certificate' && certificateReady(this.course, this.state, this.passMark) && outcome.score !== null) {
      return html`<certificate-view
        .courseTitle=${this.course.title}
        .courseId=${this.course.id}
        .learnerName=${this.launch.learner.name}
        .learnerId=${this.launch.learner.id}
        .profession=${this.state.profession}
        ?disabled=${this.reviewMode}
        .score=${outcome.score}
        .completedAt=${this.state.completedAt ?? this.now()}
        .minutes=${estimatedMinutes(this.course)}
        .activity=${this.course.activity}
      ></certificate-view>`;
    }
    if (this.screen === 'about') {
      return html`<about-view
        .course=${this.course}
        .passMark=${this.passMark}
        .minutes=${estimatedMinutes(this.course)}
        .today=${this.now()}
      ></about-view>`;
    }
    const i = seq.indexOf(this.screen);
    const next = i >= 0 ? (seq[i + 1] ?? null) : null;
    const nextLabel = next ? locationLabel(this.course, next) : '';
    const [kind, id = ''] = this.screen.split(':');
    const lesson = kind === 'lesson' ? this.course.lessons.find((l) => l.id === id) : undefined;
    if (lesson) {
      return html`<lesson-view
        .lesson=${lesson}
        .nextLocation=${next}
        .nextLabel=${nextLabel}
        ?viewed=${this.state.viewed.includes(lesson.id)}
      ></lesson-view>`;
    }
    const quiz = kind === 'quiz' ? findQuiz(this.course, id) : undefined;
    if (quiz) {
      return html`<quiz-view
        .quiz=${quiz}
        .progress=${quizProgress(this.state, quiz.id)}
        .passMark=${passMarkOf(this.course, quiz.id, this.passMark)}
        .timeLimit=${this.launch.timeLimit(quiz)}
        .nextLocation=${next ?? this.afterCourse()}
        .nextLabel=${next ? nextLabel : locationLabel(this.course, this.afterCourse() ?? 'certificate')}
        .revisit=${this.revisitFor(quiz)}
        .critical=${objectivesByIds(this.course, criticalObjectives(quiz))}
        .saveNotice=${this.launch.connection === 'lms' && this.role === 'writer' ? this.saveNotice() : ''}
        .saveProblem=${this.saveState === 'unsaved' || this.saveState === 'offline'}
        .now=${this.now}
      ></quiz-view>`;
    }
    const started = this.state.viewed.length > 0 || Object.values(this.state.quizzes).some((p) => p.attemptsUsed > 0 || p.attempt);
    const resume =
      this.launch.canContinue && this.state.location !== 'start'
        ? { location: this.state.location, section: this.state.section, label: locationLabel(this.course, this.state.location) }
        : null;
    return html`<start-screen
      .course=${this.course}
      .passMark=${this.passMark}
      .minutes=${estimatedMinutes(this.course)}
      .today=${this.now()}
      .items=${menuItems(this.course, this.state, this.passMark)}
      .resume=${resume}
      ?completed=${certificateReady(this.course, this.state, this.passMark)}
      ?started=${started}
    ></start-screen>`;
  }

  /** The save state in words, or '' when everything is saved. */
  saveNotice(): string {
    if (this.saveState === 'unsaved') return STRINGS.unsaved;
    if (this.saveState === 'offline') return STRINGS.offline;
    return this.saveState === 'saving' ? STRINGS.saving : '';
  }

  /** An attempt or its result is on screen: the quiz shows the save state there, where the learner is. */
  private inAttempt(): boolean {
    const [kind, id = ''] = this.screen.split(':');
    const quiz = kind === 'quiz' ? findQuiz(this.course, id) : undefined;
    const attempt = quiz ? quizProgress(this.state, quiz.id).attempt : null;
    if (!quiz || !attempt) return false;
    // The quiz's sticky bar is there for timed quizzes and exams; every result shows it.
    return attempt.submitted || this.launch.timeLimit(quiz) !== null || quiz.feedback === 'after_submit';
  }

  /** Another copy writes the record: nothing here would be saved, so the course waits behind this. */
  private renderStandby() {
    const reason = this.roleReason === 'taken-over' ? 'taken-over' : 'open-elsewhere';
    return html`<section class="standby" role="alert">
      <h1 tabindex="-1">${STRINGS.standbyHeading[reason]}</h1>
      <p>${STRINGS.standby}</p>
      <button @click=${this.takeOver}>${STRINGS.takeOver}</button>
    </section>`;
  }

  private renderNotices() {
    return html`${this.launch.connection === 'standalone' ? html`<p class="notice" role="note">${STRINGS.standalone}</p>` : null}
    ${this.launch.connection === 'refused' ? html`<p class="notice" role="alert">${STRINGS.refused}</p>` : null}
    ${this.reviewMode ? html`<p class="notice" role="note">${STRINGS.review}</p>` : null}
    ${this.screen === 'start' && this.launch.unreadable ? html`<p class="notice" role="alert">${STRINGS.unreadable}</p>` : null}
    ${this.screen === 'start' && this.launch.restored ? html`<p class="notice" role="status">${STRINGS.restored(this.restoredWhat())}</p>` : null}
    ${this.role === 'writer' && this.roleReason === 'took-over' ? html`<p class="notice" role="status">${STRINGS.tookOver}</p>` : null}
    ${
      this.screen === 'start' && this.launch.expired.length
        ? html`<p class="notice" role="alert">
            ${STRINGS.expired(this.launch.expired.map((q) => findQuiz(this.course, q)?.title ?? q).join(', '))}
          </p>`
        : null
    }`;
  }

  override render() {
    const outcome = courseOutcome(this.course, this.state, this.passMark);
    const percent = Math.round(outcome.progress * 100);
    // What completion counts: every lesson, the exam, and the evaluation when it is required.
    const evaluation = !!this.course.evaluation?.required;
    const steps = this.course.lessons.length + 1 + (evaluation ? 1 : 0);
    const done = Math.round(outcome.progress * steps);
    const exited = this.screen === 'exited';
    const saving = this.launch.connection === 'lms' && !exited && this.role === 'writer' ? this.saveNotice() : '';
    // During a quiz attempt the notice sits in the quiz's sticky bar (and above its result), where the learner is.
    const inExam = this.inAttempt();
    return html`
      <a
        class="skip"
        href="#main"
        @click=${(e: Event) => {
          e.preventDefault();
          focusWithinCourse(this.renderRoot.querySelector<HTMLElement>('main'), 'start');
        }}
        >${STRINGS.skip}</a
      >
      <header class=${exited ? 'exited' : ''}>
        ${exited ? null : html`<button class="exit secondary" @click=${this.exit}>${STRINGS.exit}</button>`}
        <p class="course-title">${this.course.activity.shortTitle ?? this.course.title}</p>
        <label class="progress" title=${STRINGS.progressCounts(this.course.lessons.length, evaluation)}
          ><span class="progress-words">${STRINGS.progressWords}</span> ${STRINGS.progressOf(done, steps)}
          <progress max="100" .value=${percent} aria-valuetext=${STRINGS.progressOf(done, steps)}></progress
        ></label>
        <scheme-switch class="scheme"></scheme-switch>
        <span class="saving" role="status">${inExam ? '' : saving}</span>
        ${
          exited
            ? null
            : html`<button
                class="menu-toggle secondary"
                aria-expanded=${this.menuOpen ? 'true' : 'false'}
                aria-controls="contents"
                aria-label=${this.menuOpen ? STRINGS.hideContents : STRINGS.showContents}
                @click=${this.toggleMenu}
              >
                <svg aria-hidden="true" viewBox="0 0 20 20" fill="currentColor">
                  <rect x="2" y="4" width="16" height="2" rx="1" />
                  <rect x="2" y="9" width="16" height="2" rx="1" />
                  <rect x="2" y="14" width="16" height="2" rx="1" />
                </svg>
                ${STRINGS.contents}
              </button>`
        }
      </header>
      <div class="layout ${exited ? 'exited' : ''}">
        ${
          exited
            ? null
            : html`<course-menu
                id="contents"
                class=${this.menuOpen ? 'open' : ''}
                .items=${menuItems(this.course, this.state, this.passMark)}
                .current=${this.screen}
                @keydown=${this.onMenuKey}
                @focusout=${this.onMenuFocusOut}
              ></course-menu>`
        }
        <main id="main" tabindex="-1">
          ${this.role === 'standby' ? this.renderStandby() : html`${this.renderNotices()} ${this.renderScreen()}`}
        </main>
      </div>
    `;
  }
}
customElements.define('course-app', CourseApp);

declare global {
  interface HTMLElementTagNameMap {
    'course-app': CourseApp;
  }
}
