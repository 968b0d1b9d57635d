import { questionScore, toInteraction } from '../course/questions.ts';
import { reportedQuizzes } from '../course/reported.ts';
import {
  attemptQuestions,
  attemptResult,
  attemptsLeft,
  courseOutcome,
  criticalObjectives,
  quizPassMark,
  quizProgress,
  type CourseState,
  type QuizAttempt,
  type QuizProgress,
} from '../course/state.ts';
import { ceRecord, certificateIssued } from '../course/ce-record.ts';
import { evaluationReports, evaluationState, type EvaluationState } from '../course/evaluation.ts';
import type { Course, Quiz } from '../course/types.ts';
import type { Interaction, LmsSession, ObjectiveResult } from '../scorm/session.ts';

/**
 * Turns course state into the LMS record. Changes are noted as they happen (a submitted
 * exam attempt becomes interaction and objective records) and written only when the
 * tracker is about to commit or terminate, so each element is set once per commit.
 */
export class Reporter {
  private interactions: Interaction[] = [];
  private objectives = new Map<string, ObjectiveResult>();
  /** Written since the last commit the LMS confirmed while the browser was online. */
  private unconfirmed: Interaction[] = [];

  constructor(
    private readonly course: Course,
    private readonly session: LmsSession,
    private readonly passMark: number,
    /** The LMS's learner id, which numbers the certificate in the CE record. */
    private readonly learnerId = '',
  ) {}

  /** Notes what a change adds to the record; `now` is when it happened. */
  note(prev: CourseState, next: CourseState, now: number): void {
    for (const quiz of reportedQuizzes(this.course)) {
      const before = quizProgress(prev, quiz.id).attemptsUsed;
      const after = quizProgress(next, quiz.id);
      if (after.attemptsUsed > before && after.attempt?.submitted) this.noteAttempt(quiz, after.attempt, now, this.isFinal(quiz, after));
    }
    const evaluation = evaluationState(next);
    if (evaluation.submittedAt !== null && evaluationState(prev).submittedAt === null) this.noteEvaluation(evaluation);
    if (certificateIssued(this.course, next) && !certificateIssued(this.course, prev)) this.noteCeRecord(next);
  }

  /**
   * The CE record, once, when the certificate is issued: interactions `ce-…` holding what the
   * certificate says (profession, credit, hours, date, number, content version), so the LMS
   * keeps it in its own reports. Not scored, like the evaluation.
   */
  private noteCeRecord(state: CourseState): void {
    const at = new Date(state.completedAt ?? Date.now());
    for (const entry of ceRecord(this.course, state, this.learnerId)) {
      this.interactions.push({
        id: entry.id,
        description: entry.description,
        answer: { type: 'text', response: entry.value },
        result: 'neutral',
        weighting: 0,
        shownAt: at,
        answeredAt: at,
        latencyMs: null,
        objectives: [],
      });
    }
  }

  /**
   * The interactions of every evaluation answer (see evaluationReports for their ids). Not
   * scored: result neutral, weight 0, no correct response.
   */
  private noteEvaluation(e: EvaluationState): void {
    const at = new Date(e.submittedAt ?? Date.now());
    const shownAt = new Date(e.startedAt ?? e.submittedAt ?? Date.now());
    for (const q of this.course.evaluation?.questions ?? []) {
      for (const r of evaluationReports(q, e.answers[q.id] ?? '', this.session.textLimit))
        this.interactions.push({ ...r, result: 'neutral', weighting: 0, shownAt, answeredAt: at, latencyMs: null, objectives: [] });
    }
  }

  /** Writes everything noted, then the bookmark, the saved state and the outcome. */
  write(state: CourseState, suspendData: string): void {
    for (const i of this.interactions) this.session.recordInteraction(i);
    for (const o of this.objectives.values()) this.session.recordObjective(o);
    this.unconfirmed.push(...this.interactions);
    this.interactions = [];
    this.objectives.clear();
    this.session.setLocation(state.location);
    this.session.setSuspendData(suspendData);
    this.session.setOutcome(courseOutcome(this.course, state, this.passMark));
  }

  /** Forgets what was noted and not yet written: another copy of the course writes this record. */
  discard(): void {
    this.interactions = [];
    this.objectives.clear();
  }

  /** The LMS confirmed a commit while the browser was online: what was written has arrived. */
  confirm(): void {
    this.unconfirmed = [];
    this.session.confirmStored?.();
  }

  /**
   * A commit the LMS refused, or one made while the browser was offline (which the LMS may report
   * as done), may not have stored what it carried. Where the LMS posts only what changed since its
   * last post, failed or not (Moodle's 1.2 player), that is sent again: interactions as new
   * records, and the status, score, objectives and bookmark by the session (resendUnstored);
   * elsewhere the next commit carries the whole record.
   */
  resendUnconfirmed(): void {
    if (this.session.postsOnlyChanges) {
      this.interactions.unshift(...this.unconfirmed);
      this.session.resendUnstored?.();
    }
    this.unconfirmed = [];
  }

  /** The attempt just submitted settles the quiz: it passed, or no attempt is left. */
  private isFinal(quiz: Quiz, progress: QuizProgress): boolean {
    const passed =
      progress.attempt !== null && attemptResult(quiz, progress.attempt, quizPassMark(this.course, quiz, this.passMark)).passed;
    return passed || attemptsLeft(quiz, progress) === 0;
  }

  /**
   * One interaction per drawn question (of every attempt, or of the final one, as the
   * session asks) and, for the graded quiz, each objective's result.
   */
  private noteAttempt(quiz: Quiz, attempt: QuizAttempt, submittedAt: number, final: boolean): void {
    const recordAnswers = final || this.session.interactionsFor === 'every';
    const byObjective = new Map<string, { got: number; total: number }>();
    for (const q of attemptQuestions(quiz, attempt)) {
      const answer = attempt.answers[q.id];
      const share = questionScore(q, answer);
      const times = attempt.times[q.id];
      const shown = Math.min(times?.shown ?? attempt.startedAt, submittedAt);
      if (recordAnswers)
        this.interactions.push({
          id: `${quiz.id}-${q.id}`,
          description: q.prompt,
          answer: toInteraction(q, answer),
          result: share === 1 ? 'correct' : 'incorrect',
          weighting: q.weight,
          shownAt: new Date(shown),
          answeredAt: times?.answered != null ? new Date(times.answered) : null,
          latencyMs: times?.firstAnswer != null ? Math.max(0, times.firstAnswer - shown) : null,
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
    const critical = new Set(criticalObjectives(quiz));
    for (const [id, { got, total }] of byObjective) {
      const score = Math.round((got / total) * 10000) / 100;
      // A critical objective is met only when every question on it was answered correctly.
      this.objectives.set(id, { id, score, passed: critical.has(id) ? got === total : score >= this.passMark });
    }
  }
}
