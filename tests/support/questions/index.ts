import { QUESTION_TYPES } from '../../../src/course/question-types/index.ts';
import type { Question, QuestionType } from '../../../src/course/types.ts';
import type { QuestionHarness } from './harness.ts';

/** The harness module of a type: `label_diagram` → `label-diagram.ts`. */
export const harnessFile = (type: QuestionType): string => `${type.replace(/_/g, '-')}.ts`;

const HARNESSES = new Map<QuestionType, QuestionHarness<Question>>(
  await Promise.all(
    QUESTION_TYPES.map(async (type) => {
      const module = (await import(`./${harnessFile(type)}`).catch(() => {
        throw new Error(`no test harness for "${type}" questions: add tests/support/questions/${harnessFile(type)}`);
      })) as { default: QuestionHarness<Question> };
      return [type, module.default] as const;
    }),
  ),
);

/** How tests answer and read back a question of this type. */
export function harnessOf<Q extends Question>(q: Q): QuestionHarness<Q> {
  return HARNESSES.get(q.type) as unknown as QuestionHarness<Q>;
}
