/**
 * The compiled course: plain data produced at build time from lessons/, quizzes/
 * and imsmanifest.xml. Already validated, so the runtime never re-validates it.
 */

export interface Objective {
  /** Stable id chosen by the author; reported to the LMS as an objective id. */
  id: string;
  text: string;
}

export interface Lesson {
  id: string;
  title: string;
  minutes: number;
  objectives: Objective[];
  /** Lesson body compiled from Markdown at build time. */
  html: string;
  /** Id of the knowledge check or quiz that follows this lesson, if any. */
  quiz?: string;
}

export interface Choice {
  id: string;
  text: string;
}

export interface SingleChoiceQuestion {
  id: string;
  type: 'single';
  prompt: string;
  choices: Choice[];
  /** Id of the one correct choice. */
  correct: string;
  rationale: string;
  /** Ids of the lesson objectives this question assesses. */
  objectives: string[];
  weight: number;
}

export type Question = SingleChoiceQuestion;

export interface Quiz {
  id: string;
  title: string;
  /** Percentage (0-100) needed to pass. */
  passMark: number;
  /** The graded quiz sets the course's score and pass/fail. */
  graded: boolean;
  questions: Question[];
}

export interface Course {
  /** From the manifest's identifier: names the zips and keys saved progress. */
  id: string;
  title: string;
  /** Mastery score of the manifest, equal to the graded quiz's pass mark. */
  passMark: number;
  lessons: Lesson[];
  quizzes: Quiz[];
  /** Id of the graded quiz. */
  gradedQuiz: string;
}
