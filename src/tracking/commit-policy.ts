import { quizProgress, type CourseState } from '../course/state.ts';
import type { Course, Quiz } from '../course/types.ts';
import type { Urgency } from './commit-scheduler.ts';

/**
 * How soon a change must reach the LMS, judged from what changed: a lesson read, a
 * quiz or the evaluation submitted, the course completed or a timed attempt started (its deadline must
 * survive a reload) at once; answers and flags in an exam within a minute; the rest
 * with the next commit.
 */
export function urgencyOf(course: Course, prev: CourseState, next: CourseState, timed: (quiz: Quiz) => boolean): Urgency {
  if (next.viewed.length > prev.viewed.length || next.completedAt !== prev.completedAt) return 'now';
  if ((next.evaluation?.submittedAt ?? null) !== (prev.evaluation?.submittedAt ?? null)) return 'now';
  let urgency: Urgency = 'later';
  for (const quiz of course.quizzes) {
    const before = quizProgress(prev, quiz.id);
    const after = quizProgress(next, quiz.id);
    if (after.attemptsUsed > before.attemptsUsed) return 'now';
    const a = after.attempt;
    if (a && a !== before.attempt && a.deadline !== null && before.attempt?.startedAt !== a.startedAt) return 'now';
    const changed = a && before.attempt && (a.answers !== before.attempt.answers || a.flagged !== before.attempt.flagged);
    if (changed && (quiz.graded || timed(quiz))) urgency = 'soon';
  }
  return urgency;
}
