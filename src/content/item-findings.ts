import type { Quiz } from '../course/types.ts';
import type { ContentProblem } from './errors.ts';
import type { YamlSource } from './yaml-source.ts';

/**
 * Item-writing rules for the question bank (docs/item-quality.md), after Haladyna,
 * Downing & Rodriguez (2002) and the NBME item-writing guide (Paniagua & Swygert 2016).
 * Each rule catches a flaw that lets a learner score without knowing the subject, or
 * lose marks without lacking it. Rules 1-6, 9 and 10 are errors, the others warnings.
 */
export type ItemRule =
  | 'all-none-of-the-above' // 1
  | 'negative-stem' // 2
  | 'true-false-balance' // 3
  | 'longest-key' // 4
  | 'length-strategy' // 4, across a quiz
  | 'repeated-check-item' // 5
  | 'key-copied-from-lesson' // 6
  | 'absolute-distractor' // 7
  | 'option-count' // 8
  | 'option-length-spread' // the aim of rule 4: options of similar length
  | 'test-wise-strategy' // 9: no strategy of form beats chance (cue-strategies.ts)
  | 'question-level' // 10: the exam asks mostly for application
  | 'critical-difficulty'; // 11: critical questions equally hard to guess

export interface ItemFinding extends ContentProblem {
  severity: 'error' | 'warning';
  rule: ItemRule;
}

/** One quiz as loaded, with the source its lines come from. */
export interface CheckedQuiz {
  quiz: Quiz;
  source: YamlSource;
}

/** Records a finding at a path in a quiz file. */
export type Report = (
  source: YamlSource,
  path: PropertyKey[],
  severity: ItemFinding['severity'],
  rule: ItemRule,
  message: string,
  key?: string,
) => void;
