import type { z } from 'zod';

/**
 * What a question type builds its content schema from. The content layer supplies it
 * (`content/schema-parts.ts`, checked against this type), so the course depends on zod's
 * types only and zod stays in the build, out of the course package.
 */
export interface SchemaParts {
  z: typeof z;
  /** A content id (`spine_regions`), with the author's error when it is not one. */
  id: z.ZodString;
  /** A non-empty trimmed text; `what` names it in the error. */
  text: (what: string) => z.ZodString;
  /** A list of 2 to `max` items with ids unique within it; `what` names the items in errors. */
  list: <T extends z.ZodType<{ id: string }>>(item: T, what: string, max?: number) => z.ZodArray<T>;
  /** A choice: an id and a text. */
  choice: z.ZodObject<{ id: z.ZodString; text: z.ZodString }, z.core.$strict>;
  /** The fields every question has (see `QuestionBase`), to spread into a type's object. */
  base: {
    id: z.ZodString;
    prompt: z.ZodString;
    rationale: z.ZodString;
    objectives: z.ZodArray<z.ZodString>;
    level: z.ZodOptional<z.ZodEnum<{ recall: 'recall'; application: 'application' }>>;
    weight: z.ZodDefault<z.ZodNumber>;
  };
  scoring: z.ZodDefault<z.ZodEnum<{ all_or_nothing: 'all_or_nothing'; partial: 'partial' }>>;
}
