import { questionScore, toInteraction } from '../course/questions.ts';
import {
  attemptQuestions,
  courseOutcome,
  initialState,
  isValidLocation,
  quizProgress,
  submitExpired,
  type CourseState,
  type QuizAttempt,
} from '../course/state.ts';
import { SUSPEND_LIMIT, decodeState, encodeState } from '../course/suspend-codec.ts';
import { effectiveTimeLimit, timeMultiplier, type LmsTiming, type TimeLimit } from '../course/timer.ts';
import type { Course, Quiz } from '../course/types.ts';
import type { Logger } from '../scorm/connection.ts';
import type { Launch, LmsSession } from '../scorm/session.ts';
import { StandaloneSession } from '../scorm/standalone.ts';
import { LocalBackup } from './local-backup.ts';

/** How the course is connected, for the notices the learner sees. */
export type Connection = 'lms' | 'standalone' | 'refused';
export type SaveState = 'saved' | 'saving' | 'unsaved';
/** When a change reaches the LMS: committed now, soon (throttled), or with the next commit. */
export type Urgency = 'now' | 'soon' | 'later';

export interface TrackerStart {
  state: CourseState;
  launch: Launch;
  connection: Connection;
  /** The pass mark in force: the LMS's mastery score when it sets one, else the course's. */
  passMark: number;
  /** The learner has saved progress to continue from. */
  canContinue: boolean;
  /** Quizzes whose time ran out while the course was closed: submitted now. */
  expired: string[];
  /** This browser held newer progress than the LMS (a save that never arrived): it was restored. */
  restored: boolean;
}

export interface TrackerOptions {
  log: Logger;
  onSaveState?: (state: SaveState) => void;
  now?: () => number;
  /** Delays between commit retries, in ms. */
  retryDelays?: number[];
  /** Longest wait before answers given in a quiz are committed, in ms. */
  answerCommitDelay?: number;
  /** Waits between tries when the LMS refuses to initialise, in ms. */
  initializeRetryDelays?: number[];
}

/**
 * Turns course state changes into LMS calls: only what changed, committed at
 * meaningful moments, retried when the LMS fails, and finished exactly once.
 */
export class Tracker {
  private session: LmsSession;
  private last: CourseState = initialState();
  private passMark: number;
  private timing: LmsTiming = { maxTimeMs: null, action: '', multiplier: 1 };
  private saveState: SaveState = 'saved';
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private soonTimer: ReturnType<typeof setTimeout> | undefined;
  private retryIndex = 0;
  private sessionStart = 0;
  private backup: LocalBackup | null = null;
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

  async begin(): Promise<TrackerStart> {
    let connection: Connection = this.session.kind === 'standalone' ? 'standalone' : 'lms';
    let launch = this.session.start();
    // An LMS still loading may refuse at first: try again briefly before giving up.
    for (const delay of this.options.initializeRetryDelays ?? [300, 1000]) {
      if (launch) break;
      await new Promise((r) => setTimeout(r, delay));
      launch = this.session.start();
    }
    if (!launch) {
      this.options.log('the LMS refused to start the session: progress is kept in this browser only');
      connection = 'refused';
      this.session = new StandaloneSession(storageKey(this.course));
      launch = this.session.start() as Launch;
    }
    this.sessionStart = this.now();
    this.passMark = launch.masteryScore ?? this.course.passMark;
    this.timing = { maxTimeMs: launch.maxTimeMs, action: launch.timeLimitAction, multiplier: timeMultiplier(launch.launchData) };
    let decoded = decodeState(this.course, launch.suspendData);
    let restored = false;
    if (connection === 'lms' && launch.recordsResults) {
      this.backup = new LocalBackup(this.course.id, launch.learnerId || 'unknown');
      const local = decodeState(this.course, this.backup.read());
      if (local.savedAt > decoded.savedAt) {
        this.options.log('this browser held newer progress than the LMS: it was restored');
        decoded = local;
        restored = true;
      }
    }
    if (decoded.note) this.options.log(decoded.note);
    const saved = decoded.state;
    if (!restored && launch.location && isValidLocation(this.course, launch.location) && launch.location !== saved.location) {
      saved.location = launch.location;
      saved.section = 0;
    }
    this.last = saved;
    // Time that ran out while the course was closed is not given back.
    const { state, expired } = submitExpired(this.course, saved, this.now(), (quiz) => this.timeLimit(quiz)?.onExpiry === 'submit');
    const canContinue = (launch.suspendData !== '' || restored) && (state.location !== 'start' || state.viewed.length > 0);
    return { state, launch, connection, passMark: this.passMark, canContinue, expired, restored };
  }

  /** The time limit in force for a quiz, or null when untimed. */
  timeLimit(quiz: Quiz): TimeLimit | null {
    return effectiveTimeLimit(quiz, this.timing);
  }

  /** Reports a new state; `urgency` says when it must reach the LMS. */
  update(next: CourseState, urgency: Urgency): void {
    const prev = this.last;
    this.last = next;
    if (!this.session.open) return;
    this.noteAnswerTimes(prev, next);
    this.session.setLocation(next.location);
    for (const quiz of this.course.quizzes) {
      const before = quizProgress(prev, quiz.id).attemptsUsed;
      const after = quizProgress(next, quiz.id);
      if (after.attemptsUsed > before && after.attempt?.submitted) this.recordAttempt(quiz, after.attempt);
    }
    const suspend = this.fit(next);
    this.session.setSuspendData(suspend);
    this.backup?.write(suspend);
    this.session.setOutcome(courseOutcome(this.course, next, this.passMark));
    if (urgency === 'now') this.commit();
    else if (urgency === 'soon' && this.soonTimer === undefined) {
      this.soonTimer = setTimeout(() => {
        this.soonTimer = undefined;
        if (this.session.open) this.commit();
      }, this.options.answerCommitDelay ?? 60_000);
    }
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
    if (this.session.open && (this.saveState !== 'saved' || this.soonTimer !== undefined)) this.commit();
  }

  private finish(commitFirst: boolean): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.soonTimer);
    this.soonTimer = undefined;
    if (!this.session.open) return;
    const done = courseOutcome(this.course, this.last, this.passMark).completed;
    const ok = this.session.finish(done, commitFirst);
    this.setSaveState(ok ? 'saved' : 'unsaved');
  }

  private commit(): void {
    clearTimeout(this.retryTimer);
    clearTimeout(this.soonTimer);
    this.soonTimer = undefined;
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
    const now = this.now();
    const full = encodeState(state, now);
    if (full.length <= SUSPEND_LIMIT) return full;
    const essentials: CourseState = {
      location: state.location,
      section: state.section,
      viewed: state.viewed,
      completedAt: state.completedAt,
      quizzes: Object.fromEntries(Object.entries(state.quizzes).map(([id, p]) => [id, { ...p, attempt: null }])),
    };
    this.options.log(`suspend data of ${full.length} characters exceeds ${SUSPEND_LIMIT}: the attempt in progress is not saved`);
    return encodeState(essentials, now);
  }

  private noteAnswerTimes(prev: CourseState, next: CourseState): void {
    const t = this.now();
    for (const [quizId, p] of Object.entries(next.quizzes)) {
      const answers = p.attempt?.answers ?? {};
      const before = quizProgress(prev, quizId).attempt?.answers ?? {};
      for (const [qid, a] of Object.entries(answers)) if (before[qid] !== a) this.answeredAt.set(`${quizId}/${qid}`, t);
    }
  }

  /** One interaction per drawn question and, for the graded quiz, each objective's result. */
  private recordAttempt(quiz: Quiz, attempt: QuizAttempt): void {
    const t = this.now();
    const opened = Math.max(attempt.startedAt, this.sessionStart);
    const byObjective = new Map<string, { got: number; total: number }>();
    for (const q of attemptQuestions(quiz, attempt)) {
      const answer = attempt.answers[q.id];
      const share = questionScore(q, answer);
      const key = `${quiz.id}/${q.id}`;
      const at = this.answeredAt.get(key) ?? t;
      this.answeredAt.delete(key);
      this.session.recordInteraction({
        id: `${quiz.id}-${q.id}`,
        description: q.prompt,
        answer: toInteraction(q, answer),
        result: share === 1 ? 'correct' : 'incorrect',
        weighting: q.weight,
        latencyMs: Math.max(0, at - opened),
        at: new Date(at),
        objectives: q.objectives,
      });
      for (const o of q.objectives) {
        const sum = byObjective.get(o) ?? { got: 0, total: 0 };
        sum.got += share * q.weight;
        sum.total += q.weight;
        byObjective.set(o, sum);
      }
    }
    if (quiz.id !== this.course.gradedQuiz) return;
    for (const [id, { got, total }] of byObjective) {
      const score = Math.round((got / total) * 10000) / 100;
      this.session.recordObjective({ id, score, passed: score >= this.passMark });
    }
  }
}

export function storageKey(course: Course): string {
  return `scorm-course:${course.id}`;
}
