import { z } from 'zod';
import type { ActivityInfo, CommercialSupport, DisclosedPerson, Evaluation, EvaluationQuestion } from '../course/types.ts';
import { fieldPath, type ContentProblem } from './errors.ts';
import { DEFAULT_RULES, type HouseRules } from './house-rules.ts';
import { AS_OF, asOfProblem, plainAsOfWarning, type AsOfMark } from './lesson-markup.ts';
import { isIsoDate, monthsAfter } from '../course/dates.ts';
import { contentId } from './schema-parts.ts';
import { YamlSource } from './yaml-source.ts';

/**
 * The value of a field the provider has not filled in yet. The build lists every one as a
 * warning, and the course tells learners the information is not yet provided instead of
 * showing anything in its place.
 */
export const PLACEHOLDER = 'TO BE COMPLETED BY THE PROVIDER';

/** What learners see while a field is still the placeholder, for the build's warning. */
const SHOWN_INSTEAD: Record<string, string> = {
  planners: '"not yet disclosed by the provider"',
  authors: '"not yet disclosed by the provider"',
  reviewers: '"not yet disclosed by the provider"',
  commercial_support: '"not yet disclosed by the provider"',
  credit: '"This activity has not been designated for credit."',
  accreditation_statement: 'no accreditation statement',
};

const isPlaceholder = (v: unknown) => typeof v === 'string' && v.trim() === PLACEHOLDER;
const isNone = (v: string) => v.trim().toLowerCase() === 'none';

/** The content version a course.yaml without `version:` gets (the build warns). */
export const DEFAULT_VERSION = '1';

/** The content version: names the zips and shows on About this activity and the certificate. */
const versionSchema = z
  .string({
    error: (iss) =>
      typeof iss.input === 'number'
        ? `${String(iss.input)} is read as a number (YAML drops trailing zeros): write the version in quotes, e.g. version: "2026.12"`
        : 'must be the content version (text), e.g. 2026.12.1',
  })
  .trim()
  .regex(/^[0-9A-Za-z.-]{1,20}$/, {
    error: (iss) =>
      `"${String(iss.input)}" must be 1 to 20 letters, digits, dots or hyphens, e.g. 2026.12.1: it becomes part of the zips' names`,
  });

/** The longest short title the header shows whole in a 700 px frame. */
export const SHORT_TITLE_MAX = 40;

const text = (what: string) =>
  z
    .string({ error: `must be ${what} (text)` })
    .trim()
    .min(1, { error: `must not be empty: write ${what}` })
    .refine((v) => !v.includes(PLACEHOLDER), {
      error: `still holds "${PLACEHOLDER}": replace it with ${what} (only some fields may be left as the placeholder, on their own; see docs/ce-provider.md#every-field)`,
    });

/** A field the provider may leave as the placeholder: read as null. An empty value is missing, not a placeholder. */
function orPlaceholder<T extends z.ZodType>(inner: T) {
  return z.preprocess((v) => (isPlaceholder(v) ? null : v === null ? undefined : v), inner.nullable());
}

/** `none`, or a description. */
const noneOrText = (what: string) =>
  text(`"none", or ${what}`).transform((v): 'none' | { description: string } => (isNone(v) ? 'none' : { description: v }));

/** An ISO calendar date, YYYY-MM-DD. */
const isoDate = z
  .string({ error: 'must be a date written YYYY-MM-DD, e.g. 2026-03-01' })
  .trim()
  .regex(/^\d{4}-\d{2}-\d{2}$/, { error: (iss) => `"${String(iss.input)}" is not a date written YYYY-MM-DD, e.g. 2026-03-01`, abort: true })
  .refine(
    (v) => {
      const [y = 0, m = 0, d = 0] = v.split('-').map(Number);
      const date = new Date(Date.UTC(y, m - 1, d));
      return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
    },
    { error: (iss) => `"${String(iss.input)}" is not a day of the calendar` },
  );

const personSchema = z
  .strictObject({
    name: text("the person's name as it should be disclosed"),
    credentials: text('their degrees and licenses, e.g. "RN, BSN", or "none"'),
    role: text('what they did in this activity, e.g. "Planner and author"'),
    financial_relationships: text(
      '"none", or each relevant financial relationship with an ineligible company in the past 24 months: the company\'s name and the nature of the relationship, e.g. "Consultant, Acme Biologics"',
    ),
    mitigation: text(
      'how the relationships were mitigated before the person took part, e.g. "Content peer reviewed by a clinical reviewer without relationships"',
    ).optional(),
    // Per person: each discloses before taking their own part (planning, writing, a later review).
    disclosure_collected: isoDate,
    // ACCME Standard 3: owners and employees of ineligible companies may not control accredited content.
    ineligible_company_owner_or_employee: z
      .boolean({
        error:
          'must be false (the person neither owns nor works for an ineligible company), or true: see docs/ce-provider.md#owners-and-employees-of-ineligible-companies',
      })
      .refine((v) => !v, {
        error:
          'is true: owners and employees of an ineligible company may not plan, write or review accredited continuing education (ACCME Standards for Integrity and Independence, Standard 3); take the person off the activity (docs/ce-provider.md lists the exceptions ACCME allows, which this file does not record)',
      }),
  })
  .superRefine((p, ctx) => {
    if (!isNone(p.financial_relationships) && !p.mitigation) {
      ctx.addIssue({
        code: 'custom',
        path: ['mitigation'],
        message:
          'is required because financial_relationships is not "none": say how the relationships were mitigated before the person took part (e.g. content peer reviewed by a clinical reviewer without relationships; recusal from the topics concerned)',
      });
    }
  })
  .transform((p): DisclosedPerson & { collected: string } => ({
    name: p.name,
    credentials: isNone(p.credentials) ? '' : p.credentials,
    role: p.role,
    relationships: isNone(p.financial_relationships) ? 'none' : { description: p.financial_relationships, mitigation: p.mitigation ?? '' },
    collected: p.disclosure_collected,
  }));

const people = (who: string) =>
  orPlaceholder(
    z
      .array(personSchema, {
        error: `must be the list of ${who}, each with name, credentials, role, financial_relationships, disclosure_collected and ineligible_company_owner_or_employee (or the placeholder)`,
      })
      .min(1, { error: `must list at least one of the ${who} (or be the placeholder until they are known)` }),
  );

/** One ineligible company's support (ACCME Standard 4): a written agreement, money and/or support in kind. */
const supporterSchema = z
  .strictObject({
    supporter: text("the ineligible company's name as learners read it (its name only: no logo, trade name or product message)"),
    agreement_signed: isoDate,
    amount: text('"none", or the monetary support with its currency, e.g. "USD 5,000"').refine((v) => isNone(v) || /\d/.test(v), {
      error: 'must be "none", or an amount with its currency, e.g. "USD 5,000"',
    }),
    in_kind: text('"none", or what was given in kind, e.g. "the loan of two spine models"'),
  })
  .superRefine((c, ctx) => {
    if (isNone(c.amount) && isNone(c.in_kind))
      ctx.addIssue({
        code: 'custom',
        path: ['amount'],
        message: 'and in_kind are both "none": give the amount, what was given in kind, or both (or take this supporter off the list)',
      });
  })
  .transform((c): CommercialSupport => ({
    supporter: c.supporter,
    agreementSigned: c.agreement_signed,
    amount: isNone(c.amount) ? null : c.amount,
    inKind: isNone(c.in_kind) ? null : c.in_kind,
  }));

const commercialSupportSchema = z.union(
  [
    z
      .string()
      .trim()
      .refine(isNone)
      .transform(() => 'none' as const),
    z.array(supporterSchema).min(1, { error: 'must list at least one supporter, or be none' }),
  ],
  {
    error:
      'none, or the list of ineligible companies that supported the activity, each with supporter, agreement_signed (the day the written agreement was signed), amount and in_kind',
  },
);

const creditTypeSchema = z.strictObject({
  type: text('the kind of credit, e.g. "ANCC nursing contact hours"'),
  amount: z
    .number({ error: 'must be the number of credits or hours designated, e.g. 1.25' })
    .positive({ error: 'must be more than 0' })
    .max(100, { error: 'must be at most 100' }),
  designation: text('the designation statement word for word, e.g. "Example Provider designates this activity for 1.25 contact hours."'),
  professions: z
    .array(contentId, { error: 'must be the list of profession ids (from professions:) this credit is for, e.g. [nurse]' })
    .min(1, { error: 'must name at least one profession (from professions:)' }),
});

const creditSchema = z.union(
  [
    z
      .string()
      .trim()
      .refine(isNone)
      .transform(() => 'none' as const),
    z.array(creditTypeSchema).min(1, { error: 'must list at least one credit type, or be none' }),
  ],
  {
    error:
      'none, or the list of credit types designated, each with type (e.g. "ANCC nursing contact hours"), amount (e.g. 1.25), designation (the statement) and professions (e.g. [nurse])',
  },
);

const professionSchema = z.strictObject({
  id: contentId,
  name: text('the profession as learners pick it, e.g. "Nurse (RN, LPN, LVN)"'),
});

const likertChoice = z.strictObject({
  id: z.string({ error: 'must be one letter from a to e' }).regex(/^[a-e]$/, {
    error: (iss) => `"${String(iss.input)}" must be one letter from a to e: SCORM 1.2 records a likert answer as one character`,
  }),
  text: text('the answer as the learner reads it, e.g. "Strongly agree"'),
});

const required = z.boolean({ error: 'must be true (the learner must answer) or false (optional)' }).default(true);

/** Each id once in a list; `twice` says what to do about a repeated one. */
function uniqueIds(list: { id: string }[], ctx: z.RefinementCtx, twice: (id: string) => string): void {
  const ids = list.map((c) => c.id);
  ids.forEach((id, i) => {
    if (ids.indexOf(id) !== i) ctx.addIssue({ code: 'custom', path: [i, 'id'], message: twice(id) });
  });
}

const likertScale = z
  .array(likertChoice, { error: 'must be the list of answers in display order, each with an id (a to e) and a text' })
  .min(2, { error: 'must offer at least 2 answers' })
  .max(5, { error: 'must offer at most 5 answers (ids a to e)' })
  .superRefine((list, ctx) => uniqueIds(list, ctx, (id) => `"${id}" is used twice in this scale: give each answer its own letter`));

/** The largest number SCORM 1.2 records in a numeric interaction as Moodle checks it (3 integer digits). */
export const NUMBER_ANSWER_MAX = 999;
const bound = (what: string) =>
  z
    .number({ error: `must be ${what}, a whole number` })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be 0 or more' })
    .max(NUMBER_ANSWER_MAX, { error: `must be at most ${NUMBER_ANSWER_MAX}: SCORM 1.2 records a number with at most 3 digits` });

const evaluationQuestionSchema = z.discriminatedUnion(
  'type',
  [
    z.strictObject({
      id: contentId,
      type: z.literal('likert'),
      prompt: text('the statement or question'),
      required,
      scale: likertScale,
    }),
    z
      .strictObject({
        id: contentId,
        type: z.literal('number'),
        prompt: text('the question, e.g. "About how many minutes did this activity take you?"'),
        required,
        unit: text('what the number counts, e.g. "minutes"'),
        min: bound('the smallest answer accepted'),
        max: bound('the largest answer accepted'),
      })
      .superRefine((q, ctx) => {
        if (q.min >= q.max)
          ctx.addIssue({
            code: 'custom',
            path: ['max'],
            message: `${q.max} is not above min (${q.min}): max is the largest answer accepted, e.g. min: 1, max: 600`,
          });
      }),
    z.strictObject({
      id: contentId,
      type: z.literal('confidence'),
      prompt: text('the question, e.g. "How confident are you in each of these?"'),
      required,
      scale: likertScale,
      items: z
        .array(
          z.strictObject({
            id: contentId,
            text: text('what the learner rates, e.g. "Explaining the regions of the spine to a patient"'),
          }),
          { error: 'must be the list of what the learner rates, one per lesson: id (the lesson id) and text' },
        )
        .min(1, { error: 'must list at least one item (one per lesson)' })
        .superRefine((list, ctx) => uniqueIds(list, ctx, (id) => `"${id}" is used twice in these items: give each lesson one item`)),
    }),
    z.strictObject({
      id: contentId,
      type: z.literal('text'),
      prompt: text('the question'),
      required,
      max_length: z
        .number({ error: 'must be the most characters an answer may have, e.g. 500' })
        .int({ error: 'must be a whole number of characters' })
        .min(1, { error: 'must be at least 1' })
        .max(1000, { error: 'must be at most 1000 characters' })
        .default(500),
    }),
  ],
  { error: 'type must be likert, text, number or confidence' },
);

const whole = (what: string) =>
  z
    .number({ error: `must be ${what}` })
    .int({ error: 'must be a whole number' })
    .min(0, { error: 'must be 0 or more' });
const range = (what: string) =>
  z
    .strictObject(
      { min: whole(`the fewest ${what}`), max: whole(`the most ${what}`) },
      { error: `must give min and max, e.g. { min: 3, max: 5 }` },
    )
    .refine((r) => r.min <= r.max, { error: 'min must not be above max' });

/** The course's editorial limits (docs/authors.md#the-courses-editorial-rules); any left out keep their default. */
const rulesSchema = z.strictObject({
  objectives_per_lesson: range('objectives per lesson').optional(),
  questions_per_check: range('questions per knowledge check').optional(),
  lessons_have_checks: z.boolean({ error: 'must be true or false' }).optional(),
  exam_questions_per_objective: whole('the fewest exam questions per objective').optional(),
  exam_min_questions: whole("the fewest questions in the exam's bank").optional(),
  dated_statement_max_age_months: whole('the most months a dated statement ({as of 2026-01}) may go unchecked, e.g. 6')
    .min(1, { error: 'must be at least 1 month' })
    .optional(),
});

const evaluationSchema = z.strictObject({
  required: z.boolean({ error: 'must be true (the certificate waits for the evaluation) or false' }),
  questions: z
    .array(evaluationQuestionSchema, { error: 'must be a list of questions, each with id, type, prompt and required' })
    .min(1, { error: 'must ask at least one question' })
    .superRefine((list, ctx) => {
      const ids = list.map((q) => q.id);
      ids.forEach((id, i) => {
        if (ids.indexOf(id) !== i)
          ctx.addIssue({ code: 'custom', path: [i, 'id'], message: `"${id}" is used by another question: give each question its own id` });
      });
    }),
});

export const courseFileSchema = z
  .strictObject({
    provider: z.strictObject(
      {
        name: orPlaceholder(text("the accredited provider's name")),
        contact: orPlaceholder(text('how to reach the provider: address, phone or email')),
      },
      { error: "must hold the provider's name and contact" },
    ),
    activity_id: orPlaceholder(text("the provider's id of this activity")),
    version: versionSchema.default(DEFAULT_VERSION),
    // The course's header shows it where the full title would be cut short (a frame 700 px wide, a phone).
    short_title: text('a short form of the course title for the header, e.g. "Stenosis and stem-cell therapy"')
      .max(SHORT_TITLE_MAX, { error: `must be at most ${SHORT_TITLE_MAX} characters, so the header shows it whole` })
      .optional(),
    audience: text('who the course is for'),
    introduction: text('one paragraph introducing the course').refine((v) => !v.includes('\n'), {
      error: 'must be one paragraph: remove the blank line (write it on one line, or folded with ">")',
    }),
    disclaimer: text('that the course is education, not medical advice'),
    practice_gap: orPlaceholder(text('the practice gap or educational need the activity answers')),
    planners: people('planners'),
    authors: people('authors'),
    reviewers: people('clinical reviewers'),
    commercial_support: orPlaceholder(commercialSupportSchema),
    unapproved_use: text('which unapproved, off-label or investigational uses the course discusses'),
    release_date: orPlaceholder(isoDate),
    review_date: orPlaceholder(isoDate),
    expiry_date: orPlaceholder(isoDate),
    max_validity_months: z
      .number({ error: 'must be the most months credit may be offered after the release or the last content review, e.g. 36' })
      .int({ error: 'must be a whole number of months' })
      .min(1, { error: 'must be at least 1 month' })
      .max(120, { error: 'must be at most 120 months' })
      .default(36),
    professions: z
      .array(professionSchema, { error: 'must be the list of professions learners choose from, each with id and name' })
      .min(1, { error: 'must list at least one profession' })
      .default([]),
    credit: orPlaceholder(creditSchema),
    accreditation_statement: orPlaceholder(noneOrText('the accreditation statement, word for word')),
    support_contact: orPlaceholder(text('where learners get help with the course or their certificate')),
    issuer: orPlaceholder(
      z.strictObject(
        {
          name: text('the name of the person who issues the certificates, e.g. "Alex Example, MSN, RN"'),
          role: text('their role, e.g. "Nurse planner" or "Director of continuing education"'),
        },
        { error: 'must hold the name and role of the person who signs the certificates' },
      ),
    ),
    evaluation: evaluationSchema.optional(),
    rules: rulesSchema.optional(),
  })
  .superRefine((f, ctx) => {
    // Each credit names professions of the list, and a profession earns one credit at most.
    const known = f.professions.map((p) => p.id);
    f.professions.forEach((p, i) => {
      if (known.indexOf(p.id) !== i)
        ctx.addIssue({
          code: 'custom',
          path: ['professions', i, 'id'],
          message: `"${p.id}" is used twice: give each profession its own id`,
        });
    });
    const claimed = new Map<string, string>();
    (Array.isArray(f.credit) ? f.credit : []).forEach((c, i) =>
      c.professions.forEach((id, j) => {
        const path = ['credit', i, 'professions', j];
        if (!known.includes(id))
          ctx.addIssue({
            code: 'custom',
            path,
            message: `"${id}" is not a profession of the list: use one of ${known.join(', ') || '(none: add professions: first)'}`,
          });
        else if (claimed.has(id))
          ctx.addIssue({ code: 'custom', path, message: `"${id}" already earns ${claimed.get(id)}: a profession earns one credit type` });
        else claimed.set(id, c.type);
      }),
    );
  })
  .superRefine((f, ctx) => {
    // The content review may come before the release (the usual order); the expiry comes after both,
    // within the longest validity the provider allows, counted from the later of the two.
    const expiry = f.expiry_date;
    if (!expiry) return;
    for (const [key, name] of [
      ['release_date', 'release date'],
      ['review_date', 'content review date'],
    ] as const) {
      const date = f[key];
      if (date && expiry <= date)
        ctx.addIssue({
          code: 'custom',
          path: ['expiry_date'],
          message: `${expiry} is not after the ${name} ${date}: the expiry date comes after both the release and the content review`,
        });
    }
    const from = [f.release_date, f.review_date]
      .filter((d): d is string => !!d)
      .sort()
      .pop();
    const months = f.max_validity_months;
    if (from && expiry > monthsAfter(from, months))
      ctx.addIssue({
        code: 'custom',
        path: ['expiry_date'],
        message: `${expiry} is more than max_validity_months (${months}) after ${from === f.review_date ? 'the content review date' : 'the release date'} ${from}: set it on or before ${monthsAfter(from, months)}, or review the content again`,
      });
  })
  .superRefine((f, ctx) => {
    // A supporter's written agreement is signed before the activity takes place (ACCME Standard 4),
    // and a disclosure is collected before the person takes part (Standard 3): not after the later
    // of the release and the last content review.
    const release = f.release_date;
    if (!release) return;
    if (Array.isArray(f.commercial_support))
      f.commercial_support.forEach((c, i) => {
        if (c.agreementSigned > release)
          ctx.addIssue({
            code: 'custom',
            path: ['commercial_support', i, 'agreement_signed'],
            message: `${c.agreementSigned} is after the release date ${release}: the written agreement for commercial support is signed before the activity takes place (ACCME Standard 4)`,
          });
      });
    if (!f.review_date) return;
    const last = f.review_date > release ? f.review_date : release;
    const which = last === release ? `the release date (${last})` : `the last content review (${last})`;
    for (const group of ['planners', 'authors', 'reviewers'] as const)
      (f[group] ?? []).forEach((p, i) => {
        if (p.collected > last)
          ctx.addIssue({
            code: 'custom',
            path: [group, i, 'disclosure_collected'],
            message: `${p.collected} is after ${which}: a disclosure is collected before the person takes part in the content (ACCME Standard 3); write the day it was collected, or collect it again and review the content`,
          });
      });
  });

export type CourseFile = z.infer<typeof courseFileSchema>;

export interface ParsedCourseFile {
  activity?: ActivityInfo;
  evaluation?: Evaluation | null;
  /** The editorial limits, defaults filled in. */
  rules?: HouseRules;
  source: YamlSource;
  problems: ContentProblem[];
  /** Placeholders still in the file, a credit without an accreditation statement, a date typed as text. */
  warnings: ContentProblem[];
  /** Dated statements (`{as of 2026-01}`) in the text learners read, each at its own line. */
  asOf: AsOfMark[];
  /** The file as validated, for the checks of a build for credit. */
  file?: CourseFile;
}

/**
 * The fields of course.yaml that learners read as text, where a statement may be dated as in
 * the lessons (`{as of 2026-01}`), by their key in `ActivityInfo`.
 */
export const DATED_FIELDS = {
  audience: 'audience',
  introduction: 'introduction',
  disclaimer: 'disclaimer',
  practice_gap: 'practiceGap',
  unapproved_use: 'unapprovedUse',
} as const satisfies Record<string, keyof ActivityInfo>;

/**
 * Checks the dated statements of one text field, each at the line it is written on, and
 * returns the text with each written as `{as of 2026-01}` (or `{As of …}`), which the
 * course shows as "as of January 2026" (src/ui/dated-text.ts).
 */
function datedField(
  value: string,
  field: string,
  source: YamlSource,
  found: { asOf: AsOfMark[]; problems: ContentProblem[]; warnings: ContentProblem[] },
): string {
  const written = source.written([field]);
  const file = source.file;
  const lineOf = (index: number) => written?.lineAt(index) ?? source.lineOf([field]);
  for (const m of (written?.text ?? value).matchAll(AS_OF)) {
    const date = m[2] ?? '';
    const line = lineOf(m.index);
    if (isIsoDate(date)) found.asOf.push({ file, line, field, date });
    else found.problems.push(asOfProblem(file, line, field, m[0].replace(/\s+/g, ' ')));
  }
  const plain = plainAsOfWarning(value, { file, line: source.lineOf([field]), field });
  if (plain) {
    // At the line it is typed on, when it is typed on one.
    const at = written?.text.search(/\b[Aa]s of [A-Z][a-z]+/) ?? -1;
    found.warnings.push({ ...plain, line: at >= 0 ? lineOf(at) : plain.line });
  }
  return value.replace(AS_OF, (w, cap: string, date: string) => (isIsoDate(date) ? `{${cap}s of ${date}}` : w));
}

function evaluationOf(e: CourseFile['evaluation']): Evaluation | null {
  if (!e) return null;
  return {
    required: e.required,
    questions: e.questions.map((q): EvaluationQuestion =>
      q.type === 'text' ? { id: q.id, type: 'text', prompt: q.prompt, required: q.required, maxLength: q.max_length } : q,
    ),
  };
}

/** The people as learners read them: the day a disclosure was collected stays in the provider's file. */
function shownPeople(list: (DisclosedPerson & { collected: string })[] | null): DisclosedPerson[] | null {
  return list?.map(({ collected: _, ...person }) => person) ?? null;
}

/** Paths of every value of `data` that is the placeholder. */
function placeholderPaths(data: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (isPlaceholder(data)) return [path];
  if (Array.isArray(data)) return data.flatMap((v, i) => placeholderPaths(v, [...path, i]));
  if (data && typeof data === 'object') return Object.entries(data).flatMap(([k, v]) => placeholderPaths(v, [...path, k]));
  return [];
}

/** Reads course.yaml: the activity information accreditors ask for, and the learner evaluation. */
export function parseCourseFile(file: string, text: string): ParsedCourseFile {
  const source = new YamlSource(file, text);
  const f = source.validate(courseFileSchema);
  if (!f) return { source, problems: source.problems, warnings: [], asOf: [] };

  const warnings: ContentProblem[] = placeholderPaths(source.data).map((path) => {
    const field = path.join('.');
    const shown = SHOWN_INSTEAD[field] ?? '"not yet provided"';
    return {
      file,
      line: source.lineOf(path),
      field,
      message: `is still the placeholder "${PLACEHOLDER}": fill it in before learners take the course for credit (until then learners see ${shown})`,
    };
  });
  const raw = source.data;
  if (!raw || typeof raw !== 'object' || !('version' in raw)) {
    warnings.push({
      file,
      line: 1,
      field: 'version',
      message: `is missing: the zips and the certificate carry version ${DEFAULT_VERSION}; write the content version, e.g. version: 2026.12.1, and change it with each release`,
    });
  }
  if (Array.isArray(f.credit) && (!f.accreditation_statement || f.accreditation_statement === 'none')) {
    warnings.push({
      file,
      line: source.lineOf(['accreditation_statement']),
      field: 'accreditation_statement',
      message:
        'is missing while credit is designated: an accredited activity shows its accreditation statement with the credit, word for word as the accreditor gives it',
    });
  }

  if (f.credit === 'none' && f.accreditation_statement && f.accreditation_statement !== 'none') {
    warnings.push({
      file,
      line: source.lineOf(['accreditation_statement']),
      field: 'accreditation_statement',
      message: 'is not shown because credit is none: the statement goes with a credit designation',
    });
  }

  const dated = { asOf: [] as AsOfMark[], problems: source.problems, warnings };
  const texts = Object.fromEntries(
    Object.keys(DATED_FIELDS).flatMap((field) => {
      const value = (f as Record<string, unknown>)[field];
      return typeof value === 'string' ? [[field, datedField(value, field, source, dated)]] : [];
    }),
  ) as Partial<Record<keyof typeof DATED_FIELDS, string>>;

  return {
    source,
    problems: source.problems,
    warnings,
    asOf: dated.asOf,
    file: f,
    evaluation: evaluationOf(f.evaluation),
    rules: {
      objectivesPerLesson: f.rules?.objectives_per_lesson ?? DEFAULT_RULES.objectivesPerLesson,
      questionsPerCheck: f.rules?.questions_per_check ?? DEFAULT_RULES.questionsPerCheck,
      lessonsHaveChecks: f.rules?.lessons_have_checks ?? DEFAULT_RULES.lessonsHaveChecks,
      examQuestionsPerObjective: f.rules?.exam_questions_per_objective ?? DEFAULT_RULES.examQuestionsPerObjective,
      examMinQuestions: f.rules?.exam_min_questions ?? DEFAULT_RULES.examMinQuestions,
      datedStatementMaxAgeMonths: f.rules?.dated_statement_max_age_months ?? DEFAULT_RULES.datedStatementMaxAgeMonths,
    },
    activity: {
      providerName: f.provider.name,
      providerContact: f.provider.contact,
      activityId: f.activity_id,
      version: f.version,
      shortTitle: f.short_title ?? null,
      audience: texts.audience ?? f.audience,
      introduction: texts.introduction ?? f.introduction,
      disclaimer: texts.disclaimer ?? f.disclaimer,
      practiceGap: f.practice_gap === null ? null : (texts.practice_gap ?? f.practice_gap),
      planners: shownPeople(f.planners),
      authors: shownPeople(f.authors),
      reviewers: shownPeople(f.reviewers),
      commercialSupport: f.commercial_support,
      unapprovedUse: texts.unapproved_use ?? f.unapproved_use,
      releaseDate: f.release_date,
      reviewDate: f.review_date,
      expiryDate: f.expiry_date,
      professions: f.professions,
      credit: f.credit,
      accreditationStatement:
        f.accreditation_statement && f.accreditation_statement !== 'none' ? f.accreditation_statement.description : null,
      supportContact: f.support_contact,
      issuer: f.issuer,
    },
  };
}

/** How a build for credit is asked for: `npm run package -- --for-credit`. */
export const FOR_CREDIT = '--for-credit';

/**
 * What a build for credit (`npm run package -- --for-credit`) refuses on top of every build's
 * errors: a provider field still the placeholder, no credit or no accreditation statement, and
 * dates that do not allow credit on the day of the build (`today`, YYYY-MM-DD). A review copy
 * (the default) lists the placeholders as warnings and goes on.
 */
export function creditBuildProblems(parsed: ParsedCourseFile, today: string): ContentProblem[] {
  const { source, file: f } = parsed;
  if (!f) return [];
  const problems: ContentProblem[] = [];
  const at = (path: (string | number)[], message: string) =>
    problems.push({ file: source.file, line: source.lineOf(path), field: fieldPath(path), message });
  for (const path of placeholderPaths(source.data))
    at(
      path,
      `is still the placeholder "${PLACEHOLDER}": a build for credit needs the provider's own value here (npm run package without ${FOR_CREDIT} makes a review copy)`,
    );
  if (f.credit === 'none')
    at(['credit'], 'is none: a build for credit designates at least one credit type (without credit, build a review copy)');
  if (Array.isArray(f.credit) && f.accreditation_statement === 'none')
    at(
      ['accreditation_statement'],
      'is none: a build for credit shows the accreditation statement with the credit, word for word as the accreditor gives it',
    );
  if (f.release_date && f.release_date > today)
    at(
      ['release_date'],
      `${f.release_date} is after today (${today}): learners would be told credit is not offered yet; build for credit on or after the release date`,
    );
  if (f.expiry_date && f.expiry_date < today)
    at(
      ['expiry_date'],
      `${f.expiry_date} has passed (today is ${today}): no credit can be earned; review the content, then set review_date and expiry_date`,
    );
  for (const group of ['planners', 'authors', 'reviewers'] as const)
    (f[group] ?? []).forEach((p, i) => {
      if (p.collected > today)
        at([group, i, 'disclosure_collected'], `${p.collected} is after today (${today}): write the day the disclosure was collected`);
    });
  if (Array.isArray(f.commercial_support))
    f.commercial_support.forEach((c, i) => {
      if (c.agreementSigned > today)
        at(
          ['commercial_support', i, 'agreement_signed'],
          `${c.agreementSigned} is after today (${today}): a build for credit needs the written agreement signed`,
        );
    });
  return problems;
}
