import type { TrueFalseQuestion } from '../../../src/course/question-types/true-false.ts';
import type { QuestionHarness } from './harness.ts';
import { expectRadioReview, radiosByKeyboard } from './single.ts';

const word = (v: string | undefined) => (v === 'true' ? 'True' : 'False');

/** Two radio buttons, True and False. */
export default {
  async give(group, _q, answer) {
    await group.getByRole('radio', { name: word(answer[0]), exact: true }).check();
  },
  byKeyboard: (k, _q, answer) => radiosByKeyboard(k, word(answer[0])),
  wrong: (q) => [String(!q.correct)],
  expectReview: (group, q, given, revealed) => expectRadioReview(group, word(given[0]), word(String(q.correct)), revealed),
} satisfies QuestionHarness<TrueFalseQuestion>;
