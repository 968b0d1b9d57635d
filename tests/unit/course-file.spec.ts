import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { parseCourseFile, PLACEHOLDER } from '../../src/content/course-file.ts';
import { formatProblem, type ContentProblem } from '../../src/content/errors.ts';
import { loadCourse } from '../../src/content/load-course.ts';
import { creditEarned, isBeforeRelease, isExpired, localIsoDate } from '../../src/course/activity.ts';
import { datedPlainText, splitDated } from '../../src/course/dates.ts';
import { creditHours, estimatedMinutes } from '../../src/course/learning-time.ts';
import { completionText } from '../../src/ui/activity-info.ts';
import { datedText } from '../../src/ui/dated-text.ts';
import { COMPLETE, edited, lineOf } from '../support/course-text.ts';
import { FIXTURE, ROOT } from '../support/paths.ts';
import { courseOf, QUESTIONS, quizOf } from '../support/sample-course.ts';

const FILE = 'course.yaml';
const SHIPPED = readFileSync(join(ROOT, 'course.yaml'), 'utf8');
// course.yaml as the project first shipped it: every provider field a placeholder.
const PLACEHOLDERS = readFileSync(join(FIXTURE, 'course.yaml'), 'utf8');

const errors = (text: string) => parseCourseFile(FILE, text).problems.map(formatProblem);

test('the example file fills in every field: no problem, no warning, nothing left null', () => {
  const parsed = parseCourseFile(FILE, COMPLETE);
  expect(parsed.problems).toEqual([]);
  expect(parsed.warnings).toEqual([]);
  const activity = parsed.activity;
  expect(activity).toBeDefined();
  for (const [field, value] of Object.entries(activity ?? {})) expect(value, field).not.toBeNull();
  expect(activity?.credit).toEqual([
    {
      type: 'ANCC nursing contact hours',
      amount: 1.25,
      designation: 'Example statement (fictitious): this activity is designated for 1.25 ANCC nursing contact hours.',
      professions: ['nurse'],
    },
  ]);
  expect(activity?.professions.map((p) => p.id)).toEqual(['nurse', 'medical_assistant', 'front_desk', 'other']);
  expect(activity?.issuer).toEqual({ name: 'Alex Example, MSN, RN', role: 'Nurse planner' });
  expect(activity?.commercialSupport).toBe('none');
  // "none" as credentials shows nothing; relationships come with their mitigation.
  expect(activity?.planners?.[1]).toMatchObject({ name: 'Sam Sample', credentials: '', relationships: 'none' });
  expect(activity?.authors?.[0]?.relationships).toEqual({
    description: 'Consultant, Example Regenerative Products Inc. (fictitious)',
    mitigation: 'Content peer reviewed by a clinical reviewer without relevant financial relationships',
  });
});

test('the evaluation is mapped into the course: likert scales, text limits (500 by default), required', () => {
  expect(parseCourseFile(FILE, COMPLETE).evaluation).toEqual({
    required: true,
    questions: [
      {
        id: 'objectives_met',
        type: 'likert',
        prompt: 'The activity met its stated learning objectives.',
        required: true,
        scale: [
          { id: 'a', text: 'Disagree' },
          { id: 'b', text: 'Neutral' },
          { id: 'c', text: 'Agree' },
        ],
      },
      { id: 'comments', type: 'text', prompt: 'Any other comments?', required: false, maxLength: 500 },
    ],
  });
  expect(parseCourseFile(FILE, COMPLETE.replace(/\nevaluation:[\s\S]*$/, '\n')).evaluation).toBeNull();
});

test('the shipped course.yaml asks what accreditors expect and lists every field still a placeholder, at its line', () => {
  // Rules any valid course.yaml obeys: a provider filling fields in, or adding questions, keeps them.
  const parsed = parseCourseFile(FILE, SHIPPED);
  expect(parsed.problems).toEqual([]);
  const questions = parsed.evaluation?.questions ?? [];
  const asked = new Map(questions.map((q) => [q.id, q]));
  for (const [id, type] of [
    ['objectives_met', 'likert'],
    ['free_of_bias', 'likert'],
    ['relevant_to_practice', 'likert'],
    ['practice_change', 'text'],
  ] as const)
    expect(`${id} ${asked.get(id)?.type} ${asked.get(id)?.required ? 'required' : 'optional'}`).toBe(`${id} ${type} required`);
  for (const q of questions) if (q.type === 'likert') expect(q.scale.map((c) => c.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  // Each field written as the placeholder is warned about at its own line, and nothing else is.
  const lines = SHIPPED.split('\n');
  const written = lines.flatMap((l, i) => (new RegExp(`^\\s*[a-z_]+: ${PLACEHOLDER}$`).test(l) ? [i + 1] : []));
  expect(parsed.warnings.map((w) => w.line)).toEqual(written);
  for (const w of parsed.warnings) {
    const key = w.field.split('.').pop() ?? '';
    expect(lines[w.line - 1]).toMatch(new RegExp(`^\\s*${key}: ${PLACEHOLDER}$`));
  }
  const says = (field: string) => parsed.warnings.find((w) => w.field === field)?.message;
  // Saying what learners see meanwhile; nothing is made up in their place.
  if (says('planners')) expect(says('planners')).toContain('"not yet disclosed by the provider"');
  if (says('credit')) expect(says('credit')).toContain('"This activity has not been designated for credit."');
  const shown = {
    'provider.name': parsed.activity?.providerName,
    planners: parsed.activity?.planners,
    authors: parsed.activity?.authors,
    reviewers: parsed.activity?.reviewers,
    credit: parsed.activity?.credit,
    accreditation_statement: parsed.activity?.accreditationStatement,
    expiry_date: parsed.activity?.expiryDate,
  };
  for (const [field, value] of Object.entries(shown)) if (says(field)) expect(value, field).toBeNull();
});

// The same rules on a placeholder-only file: each kind of field, and what learners see meanwhile.
test('every provider field can be left a placeholder, and each says what learners see', () => {
  const fields = [
    'provider.name',
    'provider.contact',
    'activity_id',
    'practice_gap',
    'planners',
    'authors',
    'reviewers',
    'commercial_support',
  ];
  const more = ['release_date', 'review_date', 'expiry_date', 'credit', 'accreditation_statement', 'support_contact', 'issuer'];
  const parsed = parseCourseFile(FILE, PLACEHOLDERS);
  expect(parsed.problems).toEqual([]);
  expect(parsed.warnings.map((w) => w.field)).toEqual([...fields, ...more]);
  expect(parsed.warnings.find((w) => w.field === 'planners')?.message).toContain('"not yet disclosed by the provider"');
  expect(parsed.warnings.find((w) => w.field === 'credit')?.message).toContain('"This activity has not been designated for credit."');
  expect(parsed.activity).toMatchObject({
    providerName: null,
    planners: null,
    authors: null,
    reviewers: null,
    credit: null,
    accreditationStatement: null,
    expiryDate: null,
  });
});

test.describe('each rule names the file, the line and the field', () => {
  test('a missing field and a misspelt one', () => {
    expect(errors(edited(/\naudience: .*/, ''))).toEqual([`${FILE}:4 audience: is missing: add it (a string)`]);
    expect(errors(edited('activity_id:', 'activityid:'))).toEqual([
      `${FILE}:4 activity_id: is missing: add it (a string)`,
      `${FILE}:7 activityid: unknown field "activityid": check its spelling or remove it`,
    ]);
  });

  test('the placeholder is refused where the course cannot do without the text, and inside other text', () => {
    expect(errors(edited(/^audience: .*$/m, `audience: ${PLACEHOLDER}`))).toEqual([
      `${FILE}:9 audience: still holds "${PLACEHOLDER}": replace it with who the course is for (only some fields may be left as the placeholder, on their own; see docs/ce-provider.md#every-field)`,
    ]);
    const [error] = errors(edited('name: Alex Example', `name: Alex ${PLACEHOLDER}`));
    expect(error).toMatch(new RegExp(`^${FILE}:17 planners\\[0\\]\\.name: still holds "${PLACEHOLDER}"`));
  });

  test('a financial relationship without its mitigation fails the build at the person', () => {
    expect(errors(edited(/\n {4}mitigation: .*/, ''))).toEqual([
      `${FILE}:${lineOf(COMPLETE, 'name: Robin Demo')} authors[0].mitigation: is required because financial_relationships is not "none": say how the relationships were mitigated before the person took part (e.g. content peer reviewed by a clinical reviewer without relationships; recusal from the topics concerned)`,
    ]);
    // With "none", no mitigation is needed.
    expect(errors(edited(/financial_relationships: Consultant.*\n {4}mitigation: .*/, 'financial_relationships: None'))).toEqual([]);
  });

  test('a short title for the header is text of at most 40 characters, and may be left out', () => {
    const line = lineOf(COMPLETE, 'short_title:');
    expect(errors(edited(/^short_title: .*$/m, `short_title: ${'x'.repeat(41)}`))).toEqual([
      `${FILE}:${line} short_title: must be at most 40 characters, so the header shows it whole`,
    ]);
    expect(errors(edited(/^short_title: .*$/m, 'short_title: 12'))).toEqual([
      `${FILE}:${line} short_title: must be a short form of the course title for the header, e.g. "Stenosis and stem-cell therapy" (text)`,
    ]);
    expect(parseCourseFile(FILE, COMPLETE).activity?.shortTitle).toBe('Stenosis and stem cells');
    const without = parseCourseFile(FILE, edited(/^short_title: .*$/m, ''));
    expect(without.problems).toEqual([]);
    expect(without.activity?.shortTitle).toBeNull();
  });

  test('the content version is letters, digits, dots or hyphens, written as text; left out it is 1, with a warning', () => {
    const line = lineOf(COMPLETE, 'version:');
    expect(parseCourseFile(FILE, COMPLETE).activity?.version).toBe('2026.06.2');
    expect(errors(edited(/^version: .*$/m, 'version: 2026.10'))).toEqual([
      `${FILE}:${line} version: 2026.1 is read as a number (YAML drops trailing zeros): write the version in quotes, e.g. version: "2026.12"`,
    ]);
    expect(errors(edited(/^version: .*$/m, 'version: 2026/12 final'))).toEqual([
      `${FILE}:${line} version: "2026/12 final" must be 1 to 20 letters, digits, dots or hyphens, e.g. 2026.12.1: it becomes part of the zips' names`,
    ]);
    expect(errors(edited(/^version: .*$/m, `version: ${'1'.repeat(21)}a`))).toHaveLength(1);
    expect(parseCourseFile(FILE, edited(/^version: .*$/m, 'version: "2026.10"')).activity?.version).toBe('2026.10');
    const without = parseCourseFile(FILE, edited(/^version: .*$/m, ''));
    expect(without.problems).toEqual([]);
    expect(without.activity?.version).toBe('1');
    expect(without.warnings.map(formatProblem)).toEqual([
      `${FILE}:1 version: is missing: the zips and the certificate carry version 1; write the content version, e.g. version: 2026.12.1, and change it with each release`,
    ]);
  });

  test('the review may come before the release; the expiry comes after both, within max_validity_months', () => {
    // A review before the release is the usual order, not an error.
    expect(errors(edited('review_date: 2026-06-01', 'review_date: 2025-12-01'))).toEqual([]);
    expect(errors(edited('expiry_date: 2028-12-31', 'expiry_date: 2026-05-31'))).toEqual([
      `${FILE}:${lineOf(COMPLETE, 'expiry_date:')} expiry_date: 2026-05-31 is not after the content review date 2026-06-01: the expiry date comes after both the release and the content review`,
    ]);
    // A date still to be given is left out of the comparison.
    expect(
      errors(
        edited('review_date: 2026-06-01', `review_date: ${PLACEHOLDER}`).replace('expiry_date: 2028-12-31', 'expiry_date: 2026-01-15'),
      ),
    ).toEqual([
      `${FILE}:${lineOf(COMPLETE, 'expiry_date:')} expiry_date: 2026-01-15 is not after the release date 2026-01-15: the expiry date comes after both the release and the content review`,
    ]);
    // 36 months by default, counted from the later of release and review (2026-06-01 here).
    expect(errors(edited('expiry_date: 2028-12-31', 'expiry_date: 2029-06-01'))).toEqual([]);
    expect(errors(edited('expiry_date: 2028-12-31', 'expiry_date: 2029-06-02'))).toEqual([
      `${FILE}:${lineOf(COMPLETE, 'expiry_date:')} expiry_date: 2029-06-02 is more than max_validity_months (36) after the content review date 2026-06-01: set it on or before 2029-06-01, or review the content again`,
    ]);
    expect(errors(edited('expiry_date: 2028-12-31', 'expiry_date: 2028-12-31\nmax_validity_months: 24'))).toEqual([
      `${FILE}:${lineOf(COMPLETE, 'expiry_date:')} expiry_date: 2028-12-31 is more than max_validity_months (24) after the content review date 2026-06-01: set it on or before 2028-06-01, or review the content again`,
    ]);
    expect(errors(edited('release_date: 2026-01-15', 'release_date: 2026-02-30'))).toEqual([
      `${FILE}:${lineOf(COMPLETE, 'release_date:')} release_date: "2026-02-30" is not a day of the calendar`,
    ]);
    expect(errors(edited('release_date: 2026-01-15', 'release_date: 15/01/2026'))).toEqual([
      `${FILE}:${lineOf(COMPLETE, 'release_date:')} release_date: "15/01/2026" is not a date written YYYY-MM-DD, e.g. 2026-03-01`,
    ]);
  });

  test('credit is none or a list of credit types, each for professions of the list', () => {
    const at = (needle: string) => lineOf(COMPLETE, needle);
    expect(errors(edited('    amount: 1.25\n', ''))).toEqual([
      `${FILE}:${at('- type: ANCC')} credit[0].amount: is missing: add it (a number)`,
    ]);
    expect(errors(edited('    amount: 1.25', '    amount: lots'))).toEqual([
      `${FILE}:${at('amount: 1.25')} credit[0].amount: must be the number of credits or hours designated, e.g. 1.25`,
    ]);
    expect(errors(edited('professions: [nurse]', 'professions: [nurses]'))).toEqual([
      `${FILE}:${at('professions: [nurse]')} credit[0].professions[0]: "nurses" is not a profession of the list: use one of nurse, medical_assistant, front_desk, other`,
    ]);
    expect(errors(edited(/credit:\n(.*\n){4}/, 'credit: some\n'))).toEqual([
      `${FILE}:${at('credit:')} credit: none, or the list of credit types designated, each with type (e.g. "ANCC nursing contact hours"), amount (e.g. 1.25), designation (the statement) and professions (e.g. [nurse])`,
    ]);
    // A profession earns one credit type at most.
    const twice = edited(
      '    professions: [nurse]\n',
      '    professions: [nurse]\n  - type: Other hours\n    amount: 1\n    designation: Other.\n    professions: [other, nurse]\n',
    );
    expect(errors(twice)).toEqual([
      `${FILE}:${lineOf(twice, 'professions: [other, nurse]')} credit[1].professions[1]: "nurse" already earns ANCC nursing contact hours: a profession earns one credit type`,
    ]);
    expect(parseCourseFile(FILE, edited(/credit:\n(.*\n){4}/, 'credit: none\n')).activity?.credit).toBe('none');
  });

  test('the introduction is one paragraph', () => {
    expect(errors(edited('  and the "stem-cell"', '\n  and the "stem-cell"'))).toEqual([
      `${FILE}:10 introduction: must be one paragraph: remove the blank line (write it on one line, or folded with ">")`,
    ]);
  });

  test('evaluation questions: likert ids are one letter a to e, text answers at most 1000 characters, ids unique', () => {
    expect(errors(edited('{ id: c, text: Agree }', '{ id: f, text: Agree }'))).toEqual([
      `${FILE}:${lineOf(COMPLETE, '{ id: c, text: Agree }')} evaluation.questions[0].scale[2].id: "f" must be one letter from a to e: SCORM 1.2 records a likert answer as one character`,
    ]);
    expect(errors(edited('{ id: b, text: Neutral }', '{ id: a, text: Neutral }'))).toEqual([
      `${FILE}:${lineOf(COMPLETE, '{ id: b, text: Neutral }')} evaluation.questions[0].scale[1].id: "a" is used twice in this scale: give each answer its own letter`,
    ]);
    expect(errors(edited('      required: false', '      required: false\n      max_length: 2000'))).toEqual([
      `${FILE}:${lineOf(COMPLETE, 'required: false') + 1} evaluation.questions[1].max_length: must be at most 1000 characters`,
    ]);
    expect(errors(edited('- id: comments', '- id: objectives_met'))).toEqual([
      `${FILE}:${lineOf(COMPLETE, '- id: comments')} evaluation.questions[1].id: "objectives_met" is used by another question: give each question its own id`,
    ]);
    expect(errors(edited('type: text', 'type: essay'))).toEqual([
      `${FILE}:${lineOf(COMPLETE, 'type: text')} evaluation.questions[1].type: type must be likert, text, number or confidence`,
    ]);
  });

  const withQuestion = (yaml: string) => edited('    - id: comments', `${yaml}    - id: comments`);
  const NUMBER = `    - id: minutes_taken
      type: number
      prompt: About how many minutes did this activity take you?
      unit: minutes
      min: 1
      max: 600
`;
  const CONFIDENCE = `    - id: confidence
      type: confidence
      prompt: How confident are you in doing each of these?
      scale:
        - { id: a, text: Not confident }
        - { id: b, text: Confident }
      items:
        - { id: anatomy, text: Describing the regions of the spine }
        - { id: stenosis, text: Recognizing red flags }
`;

  test('a number question: whole numbers, min below max, at most 999 (SCORM 1.2 keeps 3 digits), a unit', () => {
    const ok = parseCourseFile(FILE, withQuestion(NUMBER));
    expect(ok.problems).toEqual([]);
    expect(ok.evaluation?.questions[1]).toEqual({
      id: 'minutes_taken',
      type: 'number',
      prompt: 'About how many minutes did this activity take you?',
      required: true,
      unit: 'minutes',
      min: 1,
      max: 600,
    });
    const text = withQuestion(NUMBER);
    expect(errors(edited('min: 1\n', 'min: 700\n', text))).toEqual([
      `${FILE}:${lineOf(text, 'max: 600')} evaluation.questions[1].max: 600 is not above min (700): max is the largest answer accepted, e.g. min: 1, max: 600`,
    ]);
    expect(errors(edited('max: 600', 'max: 1000', text))).toEqual([
      `${FILE}:${lineOf(text, 'max: 600')} evaluation.questions[1].max: must be at most 999: SCORM 1.2 records a number with at most 3 digits`,
    ]);
    expect(errors(edited('min: 1\n', 'min: 0.5\n', text))).toEqual([
      `${FILE}:${lineOf(text, 'min: 1')} evaluation.questions[1].min: must be a whole number`,
    ]);
    expect(errors(edited('      unit: minutes\n', '', text))).toEqual([
      `${FILE}:${lineOf(text, '- id: minutes_taken')} evaluation.questions[1].unit: is missing: add it (a string)`,
    ]);
  });

  test('a confidence question: a likert scale and items with unique ids', () => {
    const ok = parseCourseFile(FILE, withQuestion(CONFIDENCE));
    expect(ok.problems).toEqual([]);
    expect(ok.evaluation?.questions[1]).toEqual({
      id: 'confidence',
      type: 'confidence',
      prompt: 'How confident are you in doing each of these?',
      required: true,
      scale: [
        { id: 'a', text: 'Not confident' },
        { id: 'b', text: 'Confident' },
      ],
      items: [
        { id: 'anatomy', text: 'Describing the regions of the spine' },
        { id: 'stenosis', text: 'Recognizing red flags' },
      ],
    });
    const text = withQuestion(CONFIDENCE);
    expect(errors(edited('{ id: stenosis,', '{ id: anatomy,', text))).toEqual([
      `${FILE}:${lineOf(text, '{ id: stenosis,')} evaluation.questions[1].items[1].id: "anatomy" is used twice in these items: give each lesson one item`,
    ]);
    expect(errors(edited('{ id: b, text: Confident }', '{ id: g, text: Confident }', text))).toEqual([
      `${FILE}:${lineOf(text, '{ id: b, text: Confident }')} evaluation.questions[1].scale[1].id: "g" must be one letter from a to e: SCORM 1.2 records a likert answer as one character`,
    ]);
    expect(errors(edited(/ {6}items:\n.*\n.*\n/, '      items: []\n', text))).toEqual([
      `${FILE}:${lineOf(text, 'items:')} evaluation.questions[1].items: must list at least one item (one per lesson)`,
    ]);
  });

  test('an accreditation statement without credit is a warning: it is not shown', () => {
    const noCredit = edited(/credit:\n(.*\n){4}/, 'credit: none\n');
    const parsed = parseCourseFile(FILE, noCredit);
    expect(parsed.warnings.map(formatProblem)).toEqual([
      `${FILE}:${lineOf(noCredit, 'accreditation_statement:')} accreditation_statement: is not shown because credit is none: the statement goes with a credit designation`,
    ]);
  });

  test('a credit designated without an accreditation statement is a warning', () => {
    const parsed = parseCourseFile(FILE, edited(/^accreditation_statement: .*$/m, 'accreditation_statement: none'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.warnings.map(formatProblem)).toEqual([
      `${FILE}:${lineOf(COMPLETE, 'accreditation_statement:')} accreditation_statement: is missing while credit is designated: an accredited activity shows its accreditation statement with the credit, word for word as the accreditor gives it`,
    ]);
  });
});

test.describe('in the build', () => {
  let dir = '';
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'course-'));
    for (const d of ['lessons', 'quizzes', 'imsmanifest.xml']) cpSync(join(FIXTURE, d), join(dir, d), { recursive: true });
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const build = async (text: string): Promise<{ warnings: string[]; errors: string[]; minutes?: number }> => {
    writeFileSync(join(dir, FILE), text);
    try {
      const { warnings, course } = await loadCourse(dir);
      return { warnings: warnings.filter((w) => w.file === FILE).map(formatProblem), errors: [], minutes: estimatedMinutes(course) };
    } catch (err) {
      return { warnings: [], errors: (err as { problems: ContentProblem[] }).problems.map(formatProblem) };
    }
  };

  test('a mistake in course.yaml fails the build like any content error; a missing file too', async () => {
    expect((await build(edited('expiry_date: 2028-12-31', 'expiry_date: 2026-05-31'))).errors).toEqual([
      `${FILE}:${lineOf(COMPLETE, 'expiry_date:')} expiry_date: 2026-05-31 is not after the content review date 2026-06-01: the expiry date comes after both the release and the content review`,
    ]);
    rmSync(join(dir, FILE));
    try {
      await loadCourse(dir);
      throw new Error('the build went on without course.yaml');
    } catch (err) {
      expect((err as { problems: ContentProblem[] }).problems.map(formatProblem)).toEqual([
        `${FILE}: is missing: the course needs its activity information (provider, disclosures, credit, dates) at the project root; see docs/ce-provider.md`,
      ]);
    }
  });

  test('a confidence rating has one item per lesson, by the lesson ids: an unknown id and a lesson left out are errors', async () => {
    const lessons = ['anatomy', 'stenosis', 'stem_cells', 'clinic_therapy', 'claims', 'risks'];
    const items = (ids: string[]) => ids.map((id) => `        - { id: ${id}, text: Rating ${id} }\n`).join('');
    const question = (ids: string[]) =>
      `    - id: confidence\n      type: confidence\n      prompt: How confident are you?\n      scale:\n        - { id: a, text: Not confident }\n        - { id: b, text: Confident }\n      items:\n${items(ids)}`;
    const text = (ids: string[]) => edited('    - id: comments', `${question(ids)}    - id: comments`);
    expect((await build(text(lessons))).errors).toEqual([]);
    const wrong = text(['anatomy', 'stenosis', 'stem_cell', 'clinic_therapy', 'claims']);
    expect((await build(wrong)).errors).toEqual([
      `${FILE}:${lineOf(wrong, 'items:')} evaluation.questions[1].items: has no item for the lessons stem_cells, risks: add one item per lesson`,
      `${FILE}:${lineOf(wrong, '{ id: stem_cell,')} evaluation.questions[1].items[2].id: "stem_cell" is not a lesson id: each item rates one lesson, by its id (${lessons.join(', ')})`,
    ]);
  });

  test('credit designated above the measured learning time is a warning; at or below it is not', async () => {
    const at = await build(COMPLETE);
    expect(at.warnings).toEqual([]);
    const minutes = at.minutes ?? 0;
    const supported = creditHours(minutes);
    expect(supported).toBeGreaterThanOrEqual(1.25);
    const over = await build(edited('amount: 1.25', `amount: ${supported + 0.25}`));
    expect(over.warnings).toEqual([
      `${FILE}:${lineOf(COMPLETE, 'amount: 1.25')} credit[0].amount: ${supported + 0.25} is more than the ${supported} hours the measured learning time supports (${minutes} minutes, rounded down to the quarter hour; see docs/authors.md#learning-time): designate ${supported} or less`,
    ]);
  });

  test('a dated statement of course.yaml older than the limit is a warning at its line', async () => {
    const text = edited('has not approved, and off-label', 'has not approved {as of 2026-01}, and off-label');
    writeFileSync(join(dir, FILE), text);
    const tooOld = async (today: string) =>
      (await loadCourse(dir, { today })).warnings.filter((w) => w.file === FILE && /the course allows/.test(w.message)).map(formatProblem);
    expect(await tooOld('2026-07-31')).toEqual([]);
    expect(await tooOld('2026-08-01')).toEqual([
      `${FILE}:${lineOf(text, '{as of 2026-01}')} unapproved_use: "as of January 2026" (2026-01) is 7 months old on August 1, 2026; the course allows 6 months: re-check this statement against its source and update the date, or change the limit in course.yaml rules (dated_statement_max_age_months)`,
    ]);
  });

  test('the course carries the activity information and the evaluation', async () => {
    writeFileSync(join(dir, FILE), COMPLETE);
    const { course } = await loadCourse(dir);
    expect(course.activity.providerName).toBe('Example Nursing Education Provider (fictitious)');
    expect(course.evaluation?.questions.map((q) => q.id)).toEqual(['objectives_met', 'comments']);
  });
});

test.describe('dated statements in the text learners read', () => {
  test('the shipped unapproved_use carries its date as a dated statement, at its line', () => {
    const parsed = parseCourseFile(FILE, SHIPPED);
    expect(parsed.problems).toEqual([]);
    const [marker = '', date = ''] = /\{as of (\d{4}-\d{2})\}/.exec(SHIPPED) ?? [];
    expect(parsed.asOf).toEqual([{ file: FILE, line: lineOf(SHIPPED, marker), field: 'unapproved_use', date }]);
    const text = parsed.activity?.unapprovedUse ?? '';
    expect(text).toMatch(/current \{as of \d{4}-\d{2}\}\.$/);
    // Shown as the lessons show it.
    expect(datedPlainText(text)).toMatch(/current as of [A-Z][a-z]+ \d{4}\.$/);
    // In the course, in a time element as in the lessons: <time class="as-of" datetime="2026-01">as of January 2026</time>.
    const [before, time, after] = datedText('current {as of 2026-01}.');
    expect([before, after]).toEqual(['current ', '.']);
    if (typeof time !== 'object') throw new Error('the date is not a template');
    expect(time.strings.join('|')).toBe('<time class="as-of" datetime=|>|s of |</time>');
    expect(time.values).toEqual(['2026-01', 'a', 'January 2026']);
    expect(splitDated('{As of 2026-01-15}, none; recruiting {as of 2026-01}.')).toEqual([
      { capital: true, date: '2026-01-15' },
      ', none; recruiting ',
      { capital: false, date: '2026-01' },
      '.',
    ]);
  });

  test('each date at its own line of a folded text; a date the build cannot read is an error there; one typed as text a warning', () => {
    const text = edited(
      'has not approved, and off-label',
      'has not approved {as of 2025-11}, and\n  {As-of  2026-01-15} off-label',
    ).replace('audience: For', 'audience: "{As of 2026-02}, for');
    const parsed = parseCourseFile(FILE, text.replace(/^(audience: .*)$/m, '$1"'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.asOf.map((m) => `${m.line} ${m.field} ${m.date}`)).toEqual([
      `${lineOf(text, 'audience:')} audience 2026-02`,
      `${lineOf(text, '{as of 2025-11}')} unapproved_use 2025-11`,
      `${lineOf(text, '{As-of')} unapproved_use 2026-01-15`,
    ]);
    expect(parsed.activity?.unapprovedUse).toContain('has not approved {as of 2025-11}, and {As of 2026-01-15} off-label');
    expect(errors(edited('has not approved,', 'has not approved\n  {as of Jan 2026},'))).toEqual([
      `${FILE}:${lineOf(COMPLETE, 'has not approved,') + 1} unapproved_use: "{as of Jan 2026}" has no valid date: write it as {as of 2026-01} (year and month) or {as of 2026-01-15}`,
    ]);
    const typed = edited('has not approved,', 'has not approved\n  as of January 2026,');
    expect(parseCourseFile(FILE, typed).warnings.map(formatProblem)).toEqual([
      `${FILE}:${lineOf(typed, 'as of January 2026')} unapproved_use: "as of January 2026" is a date typed as text: write {as of 2026-01} instead, so that the build can tell when it is older than the content review`,
    ]);
  });
});

test('credit hours: the learning time in hours, rounded down to the quarter hour', () => {
  expect([14, 15, 74, 75, 81, 89, 90, 105, 119, 120].map(creditHours)).toEqual([0, 0.25, 1, 1.25, 1.25, 1.25, 1.5, 1.75, 1.75, 2]);
});

test('before the release date and after the expiry date a completion earns no credit; on either day itself it does', () => {
  const { activity } = parseCourseFile(FILE, COMPLETE);
  if (!activity) throw new Error('the example did not parse');
  const lastDay = new Date(2028, 11, 31, 23, 59).getTime();
  const dayAfter = new Date(2029, 0, 1, 0, 1).getTime();
  expect(localIsoDate(lastDay)).toBe('2028-12-31');
  expect(isExpired(activity, lastDay)).toBe(false);
  const nurse = activity.credit === 'none' ? null : activity.credit?.[0];
  expect(creditEarned(activity, lastDay, 'nurse')).toEqual(nurse);
  // A profession no credit is designated for earns none (a certificate of participation).
  expect(creditEarned(activity, lastDay, 'front_desk')).toBeNull();
  expect(creditEarned(activity, lastDay, undefined)).toBeNull();
  expect(isExpired(activity, dayAfter)).toBe(true);
  expect(creditEarned(activity, dayAfter, 'nurse')).toBeNull();
  // Before the release date no credit is offered either; from the release day it is.
  const dayBefore = new Date(2026, 0, 14, 23, 59).getTime();
  const releaseDay = new Date(2026, 0, 15, 0, 1).getTime();
  expect(isBeforeRelease(activity, dayBefore)).toBe(true);
  expect(creditEarned(activity, dayBefore, 'nurse')).toBeNull();
  expect(isBeforeRelease(activity, releaseDay)).toBe(false);
  expect(creditEarned(activity, releaseDay, 'nurse')).toEqual(nurse);
  // Without an expiry date (not yet given) nothing expires, and without a designation there is no credit.
  expect(isExpired({ ...activity, expiryDate: null }, dayAfter)).toBe(false);
  expect(creditEarned({ ...activity, credit: null }, lastDay, 'nurse')).toBeNull();
});

test('how to complete the course counts the lessons and knowledge checks of the course, never a fixed number', () => {
  const exam = quizOf([QUESTIONS.single]);
  const one = courseOf(exam);
  expect(completionText(one, 50, 80).time).toBe(
    'Estimated time: about 0.75 hours, in one short lesson, and a final exam. You can stop at any point and continue later.',
  );
  const lesson = one.lessons[0];
  if (!lesson) throw new Error('no lesson');
  const seven = { ...one, lessons: Array.from({ length: 7 }, (_, i) => ({ ...lesson, id: `l${i}`, quiz: `check${i}` })) };
  expect(completionText(seven, 90, 80).time).toContain('in seven short lessons with a knowledge check after each, and a final exam');
  const some = { ...seven, lessons: seven.lessons.map((l, i) => (i < 3 ? l : { ...l, quiz: undefined })) };
  expect(completionText(some, 90, 80).time).toContain('in seven short lessons and three knowledge checks, and a final exam');
  expect(completionText(one, 50, 75).complete).toBe('To complete the course, read every lesson and pass the final exam with 75% or more.');
  expect(completionText({ ...one, evaluation: { required: true, questions: [] } }, 50, 80).certificate).toMatch(
    /^Then answer a short evaluation/,
  );
});
