import { attemptQuestions, type QuizAttempt } from './state.ts';
import { questionScore } from './questions.ts';
import type { Course, Objective, Quiz } from './types.ts';

/** A lesson to go back to, with the objectives an attempt showed gaps in. */
export interface Revisit {
  lessonId: string;
  lessonTitle: string;
  objectives: Objective[];
}

/**
 * The objectives an attempt did not fully meet (any question assessing them not fully
 * right), grouped by lesson in course order. It names what to study, never the keys.
 */
export function objectivesToRevisit(course: Course, quiz: Quiz, attempt: QuizAttempt): Revisit[] {
  const missed = new Set<string>();
  for (const q of attemptQuestions(quiz, attempt)) {
    if (questionScore(q, attempt.answers[q.id]) < 1) for (const o of q.objectives) missed.add(o);
  }
  return course.lessons
    .map((lesson) => ({ lessonId: lesson.id, lessonTitle: lesson.title, objectives: lesson.objectives.filter((o) => missed.has(o.id)) }))
    .filter((r) => r.objectives.length > 0);
}

/** The course's objectives with these ids, in course order. */
export function objectivesByIds(course: Course, ids: string[]): Objective[] {
  return course.lessons.flatMap((l) => l.objectives).filter((o) => ids.includes(o.id));
}
