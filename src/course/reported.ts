import type { Course, Quiz } from './types.ts';

/**
 * The quizzes whose answers the LMS records as interactions: the graded exam. Knowledge
 * checks are practice; leaving them out keeps each attempt's record small enough for an
 * LMS to send in one request when the page closes.
 */
export function reportedQuizzes(course: Course): Quiz[] {
  return course.quizzes.filter((q) => q.graded);
}
