import type { QuestionType } from '../../course/types.ts';
import './matching.ts';
import './multiple-response.ts';
import './numeric.ts';
import './ordering.ts';
import './single-choice.ts';
import './true-false.ts';

/** The element that shows each question type. */
export const QUESTION_ELEMENT: Record<QuestionType, string> = {
  single: 'single-choice-view',
  multiple: 'multiple-response-view',
  true_false: 'true-false-view',
  matching: 'matching-view',
  ordering: 'ordering-view',
  numeric: 'numeric-view',
};
