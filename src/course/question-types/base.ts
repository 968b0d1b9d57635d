/**
 * What every question has, whatever its type, and the answer's form: the ground the question
 * types build on. It imports nothing: the types need not import `course/types.ts`, which lists them.
 */

export interface Choice {
  id: string;
  text: string;
}

/** What every question has, whatever its type. */
export interface QuestionBase {
  id: string;
  prompt: string;
  /** Why the correct answer is correct; shown as feedback. */
  rationale: string;
  /** Ids of the lesson objectives this question assesses. */
  objectives: string[];
  weight: number;
  /**
   * What the question asks of the learner, when the author says: `recall` (remembering a fact)
   * or `application` (using it in a situation at work). Read by the item-quality check at build
   * time only: the build leaves it out of the course it ships (see `loadCourse`).
   */
  level?: QuestionLevel;
}

export type QuestionLevel = 'recall' | 'application';

export type Scoring = 'all_or_nothing' | 'partial';

/**
 * A learner's answer, whatever the type: the chosen choice ids (single, multiple),
 * `true`/`false`, `item.target` pairs (matching), item ids in order (ordering), or
 * the number as typed (numeric).
 */
export type Answer = string[];
