import type { z } from 'zod';
import type { SchemaParts } from './schema-parts.ts';
import type { QuestionKind } from './kind.ts';
import labelDiagram from './label-diagram.ts';
import matching from './matching.ts';
import multiple from './multiple.ts';
import numeric from './numeric.ts';
import ordering from './ordering.ts';
import single from './single.ts';
import trueFalse from './true-false.ts';

/**
 * Every question type, in one place. The content schema, the type list in error messages,
 * the question key's legend and the test harnesses all follow this list; a type's
 * component (`src/ui/questions/<type>.ts`) and test harness (`tests/support/questions/<type>.ts`)
 * are found by its name, with `-` for `_` (`label_diagram` → `label-diagram.ts`).
 */
export const KINDS = [single, multiple, trueFalse, matching, ordering, numeric, labelDiagram] as const;

type KindQuestion<K> = K extends QuestionKind<infer Q> ? Q : never;
/** A question of any type. */
export type Question = KindQuestion<(typeof KINDS)[number]>;
export type QuestionType = Question['type'];

export const QUESTION_TYPES: QuestionType[] = KINDS.map((k) => k.type);

/** The rules of a question's type. */
export function kindOf<Q extends Question>(q: Q): QuestionKind<Q> {
  const kind = KINDS.find((k) => k.type === q.type);
  if (!kind) throw new Error(`unknown question type "${q.type}"`);
  return kind as unknown as QuestionKind<Q>;
}

/** The schema of a question of any type: a union on `type`, so errors name the fields of the type written. */
export function questionSchema(parts: SchemaParts): z.ZodType<Question> {
  const { z } = parts;
  const schemas = KINDS.map((k) => k.schema(parts)) as unknown as [z.core.$ZodTypeDiscriminable, ...z.core.$ZodTypeDiscriminable[]];
  return z.discriminatedUnion('type', schemas, {
    error: `type must be one of: ${QUESTION_TYPES.join(', ')}`,
  }) as unknown as z.ZodType<Question>;
}
