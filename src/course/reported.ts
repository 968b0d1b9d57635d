import type { Course, Quiz } from './types.ts';

/**
 * The quizzes whose answers are reported to the LMS as interactions: the graded
 * quiz only (knowledge checks give feedback on the spot and are not reported).
 * The tracker and the question key both ask here, so they cannot disagree.
 */
export function reportedQuizzes(course: Course): Quiz[] {
  return course.quizzes.filter((q) => q.graded);
}
