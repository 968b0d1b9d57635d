import type { Answer } from '../course/types.ts';

/** Intents the views send up to the course shell. Properties go down, events go up. */
export interface CourseIntents {
  /** `section`: a place inside a lesson to return to (on resume). */
  navigate: { location: string; section?: number };
  'lesson-viewed': { lessonId: string };
  /** The last section heading the learner scrolled to (0: the top of the lesson). */
  'lesson-position': { lessonId: string; section: number };
  /** A glossary term linked in a lesson was followed. */
  'open-term': { termId: string };
  'start-quiz': { quizId: string };
  /** A question came into view for the first time in this attempt (for the LMS's interaction times). */
  'question-shown': { quizId: string; questionId: string };
  answer: { quizId: string; questionId: string; value: Answer };
  'check-answer': { quizId: string; questionId: string };
  /** The learner flagged a question to come back to before submitting, or removed the flag. */
  'flag-question': { quizId: string; questionId: string; flagged: boolean };
  /** The exam moves to another of its questions (one per screen); resume returns there. */
  'go-to-question': { quizId: string; index: number };
  'submit-quiz': { quizId: string; timedOut: boolean };
  'retry-quiz': { quizId: string };
  /** A draft answer of the evaluation (a scale id, or the text typed). */
  'evaluation-answer': { questionId: string; value: string };
  'submit-evaluation': Record<string, never>;
  /** The learner said which profession they belong to (course.yaml `professions`). */
  'choose-profession': { profession: string };
}

export function intent<K extends keyof CourseIntents>(name: K, detail: CourseIntents[K]): CustomEvent<CourseIntents[K]> {
  return new CustomEvent(name, { detail, bubbles: true, composed: true });
}
