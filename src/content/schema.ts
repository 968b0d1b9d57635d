import { z } from 'zod';

/**
 * Ids are stable: they appear in LMS reports and in saved progress. The character
 * set is the one that is valid everywhere they go: SCORM 1.2 identifiers, SCORM 2004
 * short identifiers as Moodle checks them (letters, digits, `_`, `.`), and HTML ids.
 */
export const ID_PATTERN = /^[a-z][a-z0-9_]{0,39}$/;

export const contentId = z
  .string({ error: 'must be an id such as "spine_regions"' })
  .regex(ID_PATTERN, {
    error: (iss) =>
      `"${String(iss.input)}" is not a valid id: use 1-40 lower-case letters, digits and _, starting with a letter (e.g. "${suggestId(String(iss.input))}")`,
  });

function suggestId(text: string): string {
  const cleaned = text.toLowerCase().replace(/[^a-z0-9_]+/g, '_').replace(/^[^a-z]+/, '').slice(0, 40);
  return cleaned || 'item_1';
}

const text = (what: string) =>
  z.string({ error: `must be ${what} (text)` }).trim().min(1, { error: `must not be empty: write ${what}` });

const percent = z
  .number({ error: 'must be a number from 0 to 100' })
  .min(0, { error: 'must be from 0 to 100' })
  .max(100, { error: 'must be from 0 to 100' });

export const objectiveSchema = z.strictObject({
  id: contentId,
  text: text('the objective, starting with a verb (e.g. "Name the five regions…")'),
});

export const lessonFrontMatterSchema = z.strictObject({
  id: contentId,
  title: text('the lesson title'),
  minutes: z
    .number({ error: 'must be the estimated reading time in whole minutes, e.g. 10' })
    .int({ error: 'must be whole minutes, e.g. 10' })
    .min(1, { error: 'must be at least 1 minute' })
    .max(120, { error: 'must be at most 120 minutes: split a longer lesson' }),
  objectives: z
    .array(objectiveSchema, { error: 'must be a list of objectives, each with an id and a text' })
    .min(1, { error: 'must list at least one learning objective' }),
  quiz: contentId.optional(),
});

export const choiceSchema = z.strictObject({
  id: contentId,
  text: text('the choice'),
});

const questionBase = {
  id: contentId,
  prompt: text('the question'),
  rationale: text('why the correct answer is correct'),
  objectives: z
    .array(contentId, { error: 'must be a list of objective ids this question assesses, e.g. [spine_regions]' })
    .min(1, { error: 'must name at least one objective this question assesses' }),
  weight: z.number({ error: 'must be a number' }).positive({ error: 'must be greater than 0' }).max(100, { error: 'must be at most 100' }).default(1),
};

export const singleChoiceSchema = z
  .strictObject({
    ...questionBase,
    type: z.literal('single'),
    choices: z
      .array(choiceSchema, { error: 'must be a list of choices, each with an id and a text' })
      .min(2, { error: 'must offer at least 2 choices' })
      .max(10, { error: 'must offer at most 10 choices' }),
    correct: contentId,
  })
  .superRefine((q, ctx) => {
    const ids = q.choices.map((c) => c.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['choices', i, 'id'], message: `"${id}" is used by another choice: give each choice its own id` });
    });
    if (!ids.includes(q.correct)) {
      ctx.addIssue({ code: 'custom', path: ['correct'], message: `"${q.correct}" is not one of the choice ids ${ids.join(', ')}` });
    }
  });

export const questionSchema = z.discriminatedUnion('type', [singleChoiceSchema], {
  error: 'type must be one of: single',
});

export const quizSchema = z
  .strictObject({
    id: contentId,
    title: text('the quiz title'),
    pass_mark: percent,
    graded: z.boolean({ error: 'must be true (this quiz sets the course score) or false' }).default(false),
    questions: z
      .array(questionSchema, { error: 'must be a list of questions' })
      .min(1, { error: 'must contain at least one question' }),
  })
  .superRefine((quiz, ctx) => {
    const ids = quiz.questions.map((q) => q.id);
    ids.forEach((id, i) => {
      if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: ['questions', i, 'id'], message: `"${id}" is used by another question in this quiz: give each question its own id` });
    });
  });

export type LessonFrontMatter = z.infer<typeof lessonFrontMatterSchema>;
export type QuizFile = z.infer<typeof quizSchema>;
