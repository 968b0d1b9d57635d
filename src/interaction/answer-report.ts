/**
 * An answer as the LMS is told it, in SCORM's interaction vocabulary but neither version's
 * format: each question type maps its answers to one of these, and `scorm/interaction-format.ts`
 * writes them for SCORM 1.2 and 2004. A new question type picks the variant that describes it.
 * It sits below both the course and the LMS sessions (it imports nothing), so that neither
 * layer has to know the other.
 */
export type AnswerReport =
  | { type: 'choice'; options: string[]; response: string[]; correct: string[] }
  | { type: 'true-false'; response: boolean | null; correct: boolean }
  | { type: 'matching'; sources: string[]; targets: string[]; response: [string, string][]; correct: [string, string][] }
  | { type: 'sequencing'; options: string[]; response: string[]; correct: string[] }
  | { type: 'numeric'; response: string; min: number; max: number }
  /** A survey answer on a scale (no correct answer). */
  | { type: 'likert'; scale: string[]; response: string | null }
  /** A whole number given in a survey (no correct answer): `numeric` in both versions, without a pattern. */
  | { type: 'number'; response: string }
  /**
   * Text checked against accepted answers (a short answer): `fill-in` in both versions; each
   * accepted answer is a correct pattern in SCORM 2004, SCORM 1.2 keeps the first.
   */
  | { type: 'fill-in'; response: string; correct: string[] }
  /** Free text (no correct answer): `fill-in` in SCORM 1.2, `long-fill-in` in 2004. */
  | { type: 'text'; response: string };
