import { z } from 'zod';
import type { SchemaParts } from '../course/question-types/schema-parts.ts';

/**
 * The pieces every content schema shares, and the ones a question type builds its own
 * schema from (see `course/question-types/kind.ts`).
 */

/**
 * Ids are stable: they appear in LMS reports and in saved progress. The character
 * set is the one that is valid everywhere they go: SCORM 1.2 identifiers, SCORM 2004
 * short identifiers as Moodle checks them (letters, digits, `_`, `.`), and HTML ids.
 */
export const ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export const contentId = z.string({ error: 'must be an id such as "spine_regions"' }).regex(ID_PATTERN, {
  error: (iss) =>
    `"${String(iss.input)}" is not a valid id: use 1-40 lower-case letters, digits and _, starting with a letter (e.g. "${suggestId(String(iss.input))}")`,
});

function suggestId(text: string): string {
  const cleaned = text
    .toLowerCase()
    .replace(/[^a-z0-9_]+/g, '_')
    .replace(/^[^a-z]+/, '')
    .slice(0, 40);
  return cleaned || 'item_1';
}

export const text = (what: string) =>
  z
    .string({ error: `must be ${what} (text)` })
    .trim()
    .min(1, { error: `must not be empty: write ${what}` });

export const choiceSchema = z.strictObject({
  id: contentId,
  text: text('the choice'),
});

export const questionBase = {
  id: contentId,
  prompt: text('the question'),
  rationale: text('why the correct answer is correct'),
  objectives: z
    .array(contentId, { error: 'must be a list of objective ids this question assesses, e.g. [spine_regions]' })
    .min(1, { error: 'must name at least one objective this question assesses' }),
  level: z
    .enum(['recall', 'application'], {
      error: 'must be recall (remembering a fact) or application (using what the lesson taught in a situation at work)',
    })
    .optional(),
  weight: z
    .number({ error: 'must be a number' })
    .positive({ error: 'must be greater than 0' })
    .max(100, { error: 'must be at most 100' })
    .default(1),
};

export const scoring = z
  .enum(['all_or_nothing', 'partial'], { error: 'must be all_or_nothing (the default) or partial' })
  .default('all_or_nothing');

/** A list of items with ids, 2 to `max` long, ids unique within the list. */
export function optionList<T extends z.ZodType<{ id: string }>>(item: T, what: string, max = 10) {
  return z
    .array(item, { error: `must be a list of ${what}, each with an id and a text` })
    .min(2, { error: `must offer at least 2 ${what}` })
    .max(max, { error: `must offer at most ${max} ${what}` })
    .superRefine((list, ctx) => {
      const ids = list.map((c) => c.id);
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i)
          ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${id}" is used twice in this list: give each its own id` });
      });
    });
}

/** What a question type's schema is built from: the shape the question types ask for. */
export const schemaParts = {
  z,
  id: contentId,
  text,
  list: optionList,
  choice: choiceSchema,
  base: questionBase,
  scoring,
} satisfies SchemaParts;
