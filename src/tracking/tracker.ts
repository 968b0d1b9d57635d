import { isCorrect } from '../course/scoring.ts';
import { courseOutcome, initialState, isValidLocation, quizProgress, type CourseState } from '../course/state.ts';
import { SUSPEND_LIMIT, decodeState, encodeState } from '../course/suspend-codec.ts';
import type { Course } from '../course/types.ts';
import type { Logger } from '../scorm/connection.ts';
import type { Launch, LmsSession } from '../scorm/session.ts';
import { StandaloneSession } from '../scorm/standalone.ts';

/** How the course is connected, for the notices the learner sees. */
export type Connection = 'lms' | 'standalone' | 'refused';
export type SaveState = 'saved' | 'saving' | 'unsaved';

export interface TrackerStart {
  state: CourseState;
  launch: Launch;
  connection: Connection;
  /** The pass mark in force: the LMS's mastery score when it sets one, else the course's. */
  passMark: number;
  /** The learner has saved progress to continue from. */
  canContinue: boolean;
}

export interface TrackerOptions {
  log: Logger;
  onSaveState?: (state: SaveState) => void;
  now?: () => number;
  /** Delays between commit retries, in ms. */
  retryDelays?: number[];
}

/**
 * Turns course state changes into LMS calls: only what changed, committed at
 * meaningful moments, retried when the LMS fails, and finished exactly once.
 */
export class Tracker {
  private session: LmsSession;
  private last: CourseState = initialState();
  private passMark: number;
  private saveState: SaveState = 'saved';
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryIndex = 0;
  private readonly openedAt = new Map<string, number>();
  private readonly answeredAt = new Map<string, number>();
  private readonly now: () => number;

  constructor(
    private readonly course: Course,
    session: LmsSession | null,
    private readonly options: TrackerOptions,
  ) {
    this.session = session ?? new StandaloneSession(storageKey(course));
    this.passMark = course.passMark;
    this.now = options.now ?? Date.now;
  }

  begin(): TrackerStart {
    let connection: Connection = this.session.kind === 'standalone' ? 'standalone' : 'lms';
    let launch = this.session.start();
    if (!launch) {
      this.options.log('the LMS refused to start the session: progress is kept in this browser only');
      connection = 'refused';
      this.session = new StandaloneSession(storageKey(this.course));
      launch = this.session.start() as Launch;
    }
    this.passMark = launch.masteryScore ?? this.course.passMark;
    const decoded = decodeState(this.course, launch.suspendData);
    if (decoded.note) this.options.log(decoded.note);
    const state = decoded.state;
    if (launch.location && isValidLocation(this.course, launch.location)) state.location = launch.location;
    this.last = state;
    return { state, launch, connection, passMark: this.passMark, canContinue: launch.suspendData !== '' && state.location !== 'start' };
  }

  get sessionOpen(): boolean {
    return this.session.open;
  }

  /** Reports a new state; `meaningful` changes (a lesson read, a quiz submitted) are committed. */
  update(next: CourseState, meaningful: boolean): void {
    const prev = this.last;
    this.last = next;
    if (!this.session.open) return;
    this.noteTimes(prev, next);
    this.session.setLocation(next.location);
    for (const quiz of this.course.quizzes) {
      if (quizProgress(next, quiz.id).scores.length > quizProgress(prev, quiz.id).scores.length) this.recordAnswers(next, quiz.id);
    }
    this.session.setSuspendData(this.fit(next));
    this.session.setOutcome(courseOutcome(this.course, next, this.passMark));
    if (meaningful) this.commit();
  }

  /** The learner pressed Exit: commit and terminate. */
  exit(): void {
    this.finish(true);
  }

  /** The page is going away: terminate without a (blocked) synchronous commit first. */
  pageHide(): void {
    this.finish(false);
  }

  /** The tab was hidden: a safety commit while the page is still alive. */
  pageHidden(): void {
    if (this.session.open && this.saveState !== 'saved') this.commit();
  }

  private finish(commitFirst: boolean): void {
    clearTimeout(this.retryTimer);
    if (!this.session.open) return;
    const done = courseOutcome(this.course, this.last, this.passMark).completed;
    const ok = this.session.finish(done, commitFirst);
    this.setSaveState(ok ? 'saved' : 'unsaved');
  }

  private commit(): void {
    clearTimeout(this.retryTimer);
    this.setSaveState('saving');
    if (this.session.commit()) {
      this.retryIndex = 0;
      this.setSaveState('saved');
      return;
    }
    this.setSaveState('unsaved');
    const delays = this.options.retryDelays ?? [2000, 5000, 15000, 30000, 60000];
    const delay = delays[Math.min(this.retryIndex, delays.length - 1)] ?? 60000;
    this.retryIndex++;
    this.retryTimer = setTimeout(() => {
      if (this.session.open) this.commit();
    }, delay);
  }

  private setSaveState(s: SaveState): void {
    if (s === this.saveState) return;
    this.saveState = s;
    this.options.onSaveState?.(s);
  }

  /** Encodes the state; if it ever outgrows the limit, keeps the essentials. */
  private fit(state: CourseState): string {
    const full = encodeState(state);
    if (full.length <= SUSPEND_LIMIT) return full;
    const essentials: CourseState = {
      location: state.location,
      viewed: state.viewed,
      quizzes: Object.fromEntries(Object.entries(state.quizzes).map(([id, p]) => [id, { answers: {}, submitted: false, scores: p.scores }])),
    };
    this.options.log(`suspend data of ${full.length} characters exceeds ${SUSPEND_LIMIT}: answers in progress are not saved`);
    return encodeState(essentials);
  }

  private noteTimes(prev: CourseState, next: CourseState): void {
    const t = this.now();
    if (next.location !== prev.location && next.location.startsWith('quiz:')) {
      const id = next.location.slice(5);
      if (!this.openedAt.has(id)) this.openedAt.set(id, t);
    }
    for (const [quizId, p] of Object.entries(next.quizzes)) {
      const before = quizProgress(prev, quizId);
      if (p.scores.length > before.scores.length) continue;
      if (before.submitted && !p.submitted) this.openedAt.set(quizId, t); // a new attempt
      for (const [qid, choice] of Object.entries(p.answers)) {
        if (before.answers[qid] !== choice) this.answeredAt.set(`${quizId}/${qid}`, t);
      }
    }
  }

  private recordAnswers(state: CourseState, quizId: string): void {
    const quiz = this.course.quizzes.find((q) => q.id === quizId);
    if (!quiz) return;
    const answers = quizProgress(state, quizId).answers;
    const t = this.now();
    const opened = this.openedAt.get(quizId) ?? t;
    for (const q of quiz.questions) {
      const response = answers[q.id];
      const at = this.answeredAt.get(`${quizId}/${q.id}`) ?? t;
      this.session.recordInteraction({
        id: `${quizId}-${q.id}`,
        description: q.prompt,
        choiceIds: q.choices.map((c) => c.id),
        response: response ? [response] : [],
        correct: [q.correct],
        result: isCorrect(q, response) ? 'correct' : 'incorrect',
        weighting: q.weight,
        latencyMs: Math.max(0, at - opened),
        at: new Date(at),
      });
    }
    this.openedAt.delete(quizId);
  }
}

export function storageKey(course: Course): string {
  return `scorm-course:${course.id}`;
}
