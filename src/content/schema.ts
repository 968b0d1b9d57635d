import { z } from 'zod';
import { isIsoDate } from '../course/dates.ts';
import { questionSchema } from '../course/question-types/index.ts';
import { contentId, schemaParts, text } from './schema-parts.ts';

const percent = z
  .number({ error: 'must be a number from 0 to 100' })
  .min(0, { error: 'must be from 0 to 100' })
  .max(100, { error: 'must be from 0 to 100' });

export const objectiveSchema = z.strictObject({
  id: contentId,
  text: text('the objective, starting with a verb (e.g. "Name the five regions…")'),
});

export const referenceSchema = z
  .strictObject({
    /** What the lesson's text cites: `[^id]`. Unique within the lesson. */
    id: contentId,
    text: text('the reference: author or organisation, title, source and year'),
    url: z.url({ protocol: /^https?$/, error: 'must be a web address starting with https://' }).optional(),
    doi: z
      .string({ error: 'must be a DOI such as 10.1056/NEJMoa1313265' })
      .regex(/^10\.\d{4,9}\/\S+$/, { error: 'must be a DOI such as 10.1056/NEJMoa1313265 (without https://doi.org/)' })
      .optional(),
    /** The day the web page was read (a month when only that is known): web pages change. */
    accessed: z
      .string({ error: 'must be the date the page was read, such as 2026-01-15' })
      .refine(isIsoDate, {
        error: (iss) =>
          `"${String(iss.input)}" is not a date: write the day the page was read as 2026-01-15 (or 2026-01 when only the month is known)`,
      })
      .optional(),
  })
  .superRefine((ref, ctx) => {
    if (ref.url && !ref.accessed) {
      ctx.addIssue({
        code: 'custom',
        path: ['accessed'],
        message: 'is missing: a web page changes, so give the date it was read (accessed: 2026-01-15) under its url',
      });
    }
    if (ref.accessed && !ref.url) {
      ctx.addIssue({ code: 'custom', path: ['accessed'], message: 'belongs to a web page: give the url it refers to, or remove the date' });
    }
  });

export const lessonFrontMatterSchema = z.strictObject({
  id: contentId,
  title: text('the lesson title'),
  /** Optional: the reading time is computed from the lesson's words; an authored figure is checked against it. */
  minutes: z
    .number({ error: 'must be the estimated reading time in whole minutes, e.g. 10' })
    .int({ error: 'must be whole minutes, e.g. 10' })
    .min(1, { error: 'must be at least 1 minute' })
    .max(120, { error: 'must be at most 120 minutes: split a longer lesson' })
    .optional(),
  objectives: z
    .array(objectiveSchema, { error: 'must be a list of objectives, each with an id and a text' })
    .min(1, { error: 'must list at least one learning objective' }),
  quiz: contentId.optional(),
  references: z
    .array(referenceSchema, { error: 'must be a list of references, each with an id and a text (and a url or doi)' })
    .min(1, { error: 'must list at least one reference: every lesson cites its sources' })
    .superRefine((list, ctx) => {
      const ids = list.map((r) => r.id);
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i)
          ctx.addIssue({
            code: 'custom',
            path: [i, 'id'],
            message: `"${id}" is the id of another reference of this lesson: give each its own id`,
          });
      });
    }),
});

export const glossaryEntrySchema = z.strictObject({
  id: contentId,
  term: text('the term as it appears in lessons'),
  /** Other spellings or forms that count as a use of the term. */
  aliases: z.array(text('an alternative form of the term'), { error: 'must be a list of other forms of the term' }).default([]),
  definition: text('a plain-language definition'),
});

export const glossarySchema = z
  .array(glossaryEntrySchema, { error: 'must be a list of terms, each with an id, a term and a definition' })
  .superRefine((list, ctx) => {
    const ids = list.map((e) => e.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${id}" is used by another term: give each its own id` });
    });
  });

const positiveInt = (what: string) =>
  z
    .number({ error: `must be ${what}` })
    .int({ error: `must be a whole number` })
    .min(1, { error: 'must be at least 1' });

export const blueprintEntrySchema = z.strictObject({
  objective: contentId,
  draw: positiveInt('the number of questions on this objective in every attempt').optional(),
  always: z.array(contentId, { error: 'must be a list of question ids drawn in every attempt, e.g. [ces_phone_call]' }).default([]),
  one_of: z
    .array(contentId, { error: 'must be a list of question ids, one of which every attempt asks, e.g. [ces_call, ces_walk_in]' })
    .default([]),
  critical: z
    .boolean({ error: 'must be true (every drawn question on this objective must be answered correctly to pass) or false' })
    .default(false),
});

export const quizSchema = z
  .strictObject({
    id: contentId,
    title: text('the quiz title'),
    pass_mark: percent,
    graded: z.boolean({ error: 'must be true (this quiz sets the course score) or false' }).default(false),
    draw: positiveInt('the number of questions each attempt draws from the bank').optional(),
    draw_per_objective: positiveInt('the number of questions drawn per objective').optional(),
    blueprint: z
      .array(blueprintEntrySchema, {
        error: 'must be a list of objectives, each with an objective id and draw, always, one_of or critical',
      })
      .default([]),
    shuffle_questions: z.boolean({ error: 'must be true or false' }).default(false),
    shuffle_choices: z.boolean({ error: 'must be true or false' }).default(true),
    attempts: z
      .union([positiveInt('a number of attempts'), z.literal('unlimited')], {
        error: 'must be a number of attempts (1 or more) or unlimited',
      })
      .default('unlimited'),
    counts: z.enum(['highest', 'last'], { error: 'must be highest (the best attempt counts) or last' }).default('highest'),
    feedback: z
      .enum(['immediate', 'after_submit'], { error: 'must be immediate (knowledge checks) or after_submit (exams)' })
      .default('after_submit'),
    review: z.enum(['always', 'after_passing', 'never'], { error: 'must be always, after_passing or never' }).default('always'),
    time_limit_minutes: z
      .number({ error: 'must be a number of minutes' })
      .positive({ error: 'must be more than 0' })
      .max(600, { error: 'must be at most 600' })
      .optional(),
    questions: z
      .array(questionSchema(schemaParts), { error: 'must be a list of questions' })
      .min(1, { error: 'must contain at least one question' }),
  })
  .superRefine((quiz, ctx) => {
    const ids = quiz.questions.map((q) => q.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['questions', i, 'id'],
          message: `"${id}" is used by another question in this quiz: give each question its own id`,
        });
    });
    if (quiz.draw !== undefined && quiz.draw > quiz.questions.length) {
      ctx.addIssue({
        code: 'custom',
        path: ['draw'],
        message: `${quiz.draw} is more than the ${quiz.questions.length} questions in the bank`,
      });
    }
    if (quiz.draw !== undefined && quiz.draw_per_objective !== undefined) {
      ctx.addIssue({ code: 'custom', path: ['draw_per_objective'], message: 'use either draw or draw_per_objective, not both' });
    }
    const per = new Map<string, string[]>();
    for (const q of quiz.questions) for (const o of q.objectives) per.set(o, [...(per.get(o) ?? []), q.id]);
    if (quiz.blueprint.length && quiz.draw_per_objective === undefined) {
      ctx.addIssue({
        code: 'custom',
        path: ['blueprint'],
        message:
          'needs draw_per_objective: the blueprint changes how objectives are drawn, so set how many questions the other objectives get (e.g. draw_per_objective: 1)',
      });
    }
    const planned = new Set<string>();
    quiz.blueprint.forEach((entry, i) => {
      const bank = per.get(entry.objective) ?? [];
      if (planned.has(entry.objective))
        ctx.addIssue({
          code: 'custom',
          path: ['blueprint', i, 'objective'],
          message: `"${entry.objective}" is already in the blueprint: list each objective once`,
        });
      planned.add(entry.objective);
      if (!bank.length) {
        ctx.addIssue({
          code: 'custom',
          path: ['blueprint', i, 'objective'],
          message: `no question in this quiz assesses "${entry.objective}": tag questions with it (objectives: [${entry.objective}]) or remove this entry`,
        });
        return;
      }
      const draw = entry.draw ?? quiz.draw_per_objective ?? 1;
      if (draw > bank.length)
        ctx.addIssue({
          code: 'custom',
          path: ['blueprint', i, 'draw'],
          message: `${draw} is more than the ${bank.length} questions assessing "${entry.objective}" (${bank.join(', ')}): add questions or draw fewer`,
        });
      // Questions a blueprint entry names must exist and assess its objective.
      for (const key of ['always', 'one_of'] as const)
        entry[key].forEach((id, j) => {
          const message = !ids.includes(id)
            ? `"${id}" is not the id of a question in this quiz`
            : !bank.includes(id)
              ? `question "${id}" does not assess "${entry.objective}": add the objective to the question or list it under its own objective`
              : null;
          if (message) ctx.addIssue({ code: 'custom', path: ['blueprint', i, key, j], message });
        });
      if (entry.one_of.length === 1)
        ctx.addIssue({
          code: 'custom',
          path: ['blueprint', i, 'one_of'],
          message: 'lists one question: list two or more (one of them is drawn in every attempt), or use always for a single question',
        });
      if (entry.always.length + (entry.one_of.length ? 1 : 0) > draw)
        ctx.addIssue({
          code: 'custom',
          path: ['blueprint', i, 'always'],
          message: `lists ${entry.always.length} questions but only ${draw} are drawn for "${entry.objective}": raise draw or list fewer`,
        });
    });
    if (quiz.draw_per_objective !== undefined) {
      const short = [...per]
        .filter(([o, q]) => !planned.has(o) && q.length < (quiz.draw_per_objective ?? 0))
        .map(([o, q]) => `${o} (${q.length})`);
      if (short.length)
        ctx.addIssue({
          code: 'custom',
          path: ['draw_per_objective'],
          message: `needs ${quiz.draw_per_objective} questions per objective; these have fewer: ${short.join(', ')}`,
        });
    }
  });

export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
export type GlossaryEntry = z.infer<typeof glossaryEntrySchema>;
export type QuizFile = z.infer<typeof quizSchema>;
