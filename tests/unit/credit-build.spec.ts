import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { creditBuildProblems, parseCourseFile, PLACEHOLDER } from '../../src/content/course-file.ts';
import { formatProblem, type ContentProblem } from '../../src/content/errors.ts';
import { loadCourse } from '../../src/content/load-course.ts';
import { creditHours, estimatedMinutes } from '../../src/course/learning-time.ts';
import { COMPLETE, edited, lineOf } from '../support/course-text.ts';
import { ROOT } from '../support/paths.ts';

// The build for credit (`npm run package -- --for-credit`) against the review copy (the default).

const FILE = 'course.yaml';
const SHIPPED = readFileSync(join(ROOT, 'course.yaml'), 'utf8');
/** A day inside the fixture's dates (release 2026-01-15, review 2026-06-01, expiry 2028-12-31). */
const TODAY = '2026-12-05';

const errors = (text: string) => parseCourseFile(FILE, text).problems.map(formatProblem);
const forCredit = (text: string, today = TODAY) => {
  const parsed = parseCourseFile(FILE, text);
  expect(parsed.problems.map(formatProblem), 'the file itself is valid').toEqual([]);
  return creditBuildProblems(parsed, today).map(formatProblem);
};

/** The fixture's block of `key:` (the key's line and every indented line under it) replaced by `key: value`. */
const block = (key: string, value: string, text = COMPLETE) =>
  edited(new RegExp(`\\n${key}:\\n(?:[ -].*\\n)+`), `\n${key}: ${value}\n`, text);

test('the complete example passes the build for credit, from the release day to the expiry day', () => {
  expect(forCredit(COMPLETE)).toEqual([]);
  expect(forCredit(COMPLETE, '2026-01-15')).toEqual([]);
  expect(forCredit(COMPLETE, '2028-12-31')).toEqual([]);
});

test('the shipped course.yaml stays a review copy: it builds with warnings, and the build for credit refuses every placeholder at its line', () => {
  const parsed = parseCourseFile(FILE, SHIPPED);
  expect(parsed.problems).toEqual([]);
  expect(parsed.warnings.length).toBeGreaterThan(0);
  const refused = creditBuildProblems(parsed, TODAY);
  const fields = [
    'provider.name',
    'provider.contact',
    'activity_id',
    'practice_gap',
    'planners',
    'authors',
    'reviewers',
    'commercial_support',
    'release_date',
    'review_date',
    'expiry_date',
    'credit',
    'accreditation_statement',
    'support_contact',
    'issuer',
  ];
  expect(refused.map((p) => p.field)).toEqual(fields);
  // The review copy warns at the same lines, for the same fields.
  expect(parsed.warnings.map((w) => `${w.line} ${w.field}`)).toEqual(refused.map((p) => `${p.line} ${p.field}`));
  for (const p of refused) {
    const key = p.field.split('.').pop() ?? '';
    expect(SHIPPED.split('\n')[p.line - 1]).toMatch(new RegExp(`^\\s*${key}: ${PLACEHOLDER}$`));
    expect(p.message).toBe(
      `is still the placeholder "${PLACEHOLDER}": a build for credit needs the provider's own value here (npm run package without --for-credit makes a review copy)`,
    );
  }
});

test.describe('each kind of placeholder: the review copy warns and goes on, the build for credit fails with file, line and field', () => {
  const message = `is still the placeholder "${PLACEHOLDER}": a build for credit needs the provider's own value here (npm run package without --for-credit makes a review copy)`;
  const cases: [kind: string, field: string, text: () => string][] = [
    ['provider', 'provider.name', () => edited(/ {2}name: Example Nursing Education Provider \(fictitious\)/, `  name: ${PLACEHOLDER}`)],
    ['contact', 'provider.contact', () => edited(/ {2}contact: .*/, `  contact: ${PLACEHOLDER}`)],
    ['help contact', 'support_contact', () => edited(/support_contact: .*/, `support_contact: ${PLACEHOLDER}`)],
    ['activity id', 'activity_id', () => edited(/activity_id: .*/, `activity_id: ${PLACEHOLDER}`)],
    ['disclosure (planners)', 'planners', () => block('planners', PLACEHOLDER)],
    ['disclosure (authors)', 'authors', () => block('authors', PLACEHOLDER)],
    ['disclosure (reviewers)', 'reviewers', () => block('reviewers', PLACEHOLDER)],
    ['commercial support', 'commercial_support', () => edited('commercial_support: none', `commercial_support: ${PLACEHOLDER}`)],
    ['credit', 'credit', () => block('credit', PLACEHOLDER)],
    [
      'accreditation statement',
      'accreditation_statement',
      () => edited(/accreditation_statement: .*/, `accreditation_statement: ${PLACEHOLDER}`),
    ],
    ['issuer', 'issuer', () => block('issuer', PLACEHOLDER)],
    ['release date', 'release_date', () => edited('release_date: 2026-01-15', `release_date: ${PLACEHOLDER}`)],
    ['review date', 'review_date', () => edited('review_date: 2026-06-01', `review_date: ${PLACEHOLDER}`)],
    ['expiry date', 'expiry_date', () => edited('expiry_date: 2028-12-31', `expiry_date: ${PLACEHOLDER}`)],
    ['practice gap', 'practice_gap', () => edited(/practice_gap: .*/, `practice_gap: ${PLACEHOLDER}`)],
  ];
  for (const [kind, field, make] of cases)
    test(kind, () => {
      const text = make();
      const line = lineOf(text, `${field.split('.').pop() ?? ''}: ${PLACEHOLDER}`);
      const review = parseCourseFile(FILE, text);
      expect(review.problems).toEqual([]);
      // (A credit without its accreditation statement adds a second warning at the same line.)
      expect([...new Set(review.warnings.map((w) => `${w.line} ${w.field}`))]).toEqual([`${line} ${field}`]);
      expect(forCredit(text)).toEqual([`${FILE}:${line} ${field}: ${message}`]);
    });
});

test('the build for credit refuses dates that offer no credit today, no credit, and credit without its accreditation statement', () => {
  const release = lineOf(COMPLETE, 'release_date:');
  const expiry = lineOf(COMPLETE, 'expiry_date:');
  expect(forCredit(COMPLETE, '2026-01-14')).toEqual([
    `${FILE}:${release} release_date: 2026-01-15 is after today (2026-01-14): learners would be told credit is not offered yet; build for credit on or after the release date`,
  ]);
  expect(forCredit(COMPLETE, '2029-01-01')).toEqual([
    `${FILE}:${expiry} expiry_date: 2028-12-31 has passed (today is 2029-01-01): no credit can be earned; review the content, then set review_date and expiry_date`,
  ]);
  const none = block('credit', 'none');
  expect(forCredit(none)).toEqual([
    `${FILE}:${lineOf(none, 'credit: none')} credit: is none: a build for credit designates at least one credit type (without credit, build a review copy)`,
  ]);
  const statement = edited(/accreditation_statement: .*/, 'accreditation_statement: none');
  expect(forCredit(statement)).toEqual([
    `${FILE}:${lineOf(statement, 'accreditation_statement:')} accreditation_statement: is none: a build for credit shows the accreditation statement with the credit, word for word as the accreditor gives it`,
  ]);
});

test.describe('disclosures carry the day they were collected and the ineligible-company rule', () => {
  test('the day is required, a real date, not after the later of release and review, and not in the future for credit', () => {
    const without = edited('    disclosure_collected: 2025-10-06\n', '');
    expect(errors(without)).toEqual([
      `${FILE}:${lineOf(without, '  - name: Robin Demo')} authors[0].disclosure_collected: is missing: add it (a string)`,
    ]);
    const wrong = edited('disclosure_collected: 2025-10-06', 'disclosure_collected: 2025-10-32');
    expect(errors(wrong)).toEqual([
      `${FILE}:${lineOf(wrong, '2025-10-32')} authors[0].disclosure_collected: "2025-10-32" is not a day of the calendar`,
    ]);
    // Collected after the release, and after the last review (2026-06-01 is the later date).
    const late = edited('disclosure_collected: 2025-11-03', 'disclosure_collected: 2026-06-02');
    expect(errors(late)).toEqual([
      `${FILE}:${lineOf(late, '2026-06-02')} reviewers[0].disclosure_collected: 2026-06-02 is after the last content review (2026-06-01): a disclosure is collected before the person takes part in the content (ACCME Standard 3); write the day it was collected, or collect it again and review the content`,
    ]);
    // On the review day itself it is in time; with the review before the release, the release is the later day.
    expect(errors(edited('disclosure_collected: 2025-11-03', 'disclosure_collected: 2026-06-01'))).toEqual([]);
    const early = edited(
      'review_date: 2026-06-01',
      'review_date: 2025-12-01',
      edited('disclosure_collected: 2025-11-03', 'disclosure_collected: 2026-01-16'),
    );
    expect(errors(early)).toEqual([
      `${FILE}:${lineOf(early, '2026-01-16')} reviewers[0].disclosure_collected: 2026-01-16 is after the release date (2026-01-15): a disclosure is collected before the person takes part in the content (ACCME Standard 3); write the day it was collected, or collect it again and review the content`,
    ]);
    // A day after the build day cannot have happened yet: the build for credit refuses it.
    const ahead = edited(
      'review_date: 2026-06-01',
      'review_date: 2027-02-01',
      edited('disclosure_collected: 2025-11-03', 'disclosure_collected: 2027-01-10'),
    );
    expect(forCredit(ahead)).toEqual([
      `${FILE}:${lineOf(ahead, '2027-01-10')} reviewers[0].disclosure_collected: 2027-01-10 is after today (2026-12-05): write the day the disclosure was collected`,
    ]);
  });

  test('an owner or employee of an ineligible company may not control the content; the field must say so for each person', () => {
    const owner = edited(/(Robin Demo[\s\S]*?)ineligible_company_owner_or_employee: false/, '$1ineligible_company_owner_or_employee: true');
    const line = lineOf(owner, 'ineligible_company_owner_or_employee: true');
    expect(errors(owner)).toEqual([
      `${FILE}:${line} authors[0].ineligible_company_owner_or_employee: is true: owners and employees of an ineligible company may not plan, write or review accredited continuing education (ACCME Standards for Integrity and Independence, Standard 3); take the person off the activity (docs/ce-provider.md lists the exceptions ACCME allows, which this file does not record)`,
    ]);
    const unsaid = edited(/(Casey Reviewer[\s\S]*?)\n {4}ineligible_company_owner_or_employee: false/, '$1');
    expect(errors(unsaid)).toEqual([
      `${FILE}:${lineOf(unsaid, '  - name: Casey Reviewer')} reviewers[0].ineligible_company_owner_or_employee: is missing: add it (a boolean)`,
    ]);
    const text = edited(
      /(Sam Sample[\s\S]*?)ineligible_company_owner_or_employee: false/,
      '$1ineligible_company_owner_or_employee: no idea',
    );
    expect(errors(text)).toEqual([
      `${FILE}:${lineOf(text, 'no idea')} planners[1].ineligible_company_owner_or_employee: must be false (the person neither owns nor works for an ineligible company), or true: see docs/ce-provider.md#owners-and-employees-of-ineligible-companies`,
    ]);
  });
});

test.describe('commercial support: none, or each supporter with its written agreement, amount and support in kind', () => {
  const supported = (list: string) => edited('commercial_support: none\n', `commercial_support:\n${list}`);
  const grant = [
    '  - supporter: Example Devices Inc. (fictitious)',
    '    agreement_signed: 2025-12-01',
    '    amount: USD 5,000',
    '    in_kind: none',
    '  - supporter: Example Models LLC (fictitious)',
    '    agreement_signed: 2026-01-15',
    '    amount: none',
    '    in_kind: the loan of two spine models for the course photographs',
    '',
  ].join('\n');

  test('a valid list reaches the course as learners read it, and passes the build for credit', () => {
    const text = supported(grant);
    expect(forCredit(text)).toEqual([]);
    expect(parseCourseFile(FILE, text).activity?.commercialSupport).toEqual([
      { supporter: 'Example Devices Inc. (fictitious)', agreementSigned: '2025-12-01', amount: 'USD 5,000', inKind: null },
      {
        supporter: 'Example Models LLC (fictitious)',
        agreementSigned: '2026-01-15',
        amount: null,
        inKind: 'the loan of two spine models for the course photographs',
      },
    ]);
  });

  test('each mistake at its line', () => {
    const late = supported(grant.replace('agreement_signed: 2026-01-15', 'agreement_signed: 2026-01-16'));
    expect(errors(late)).toEqual([
      `${FILE}:${lineOf(late, '2026-01-16')} commercial_support[1].agreement_signed: 2026-01-16 is after the release date 2026-01-15: the written agreement for commercial support is signed before the activity takes place (ACCME Standard 4)`,
    ]);
    const nothing = supported(grant.replace('amount: USD 5,000', 'amount: none'));
    expect(errors(nothing)).toEqual([
      `${FILE}:${lineOf(nothing, 'amount: none')} commercial_support[0].amount: and in_kind are both "none": give the amount, what was given in kind, or both (or take this supporter off the list)`,
    ]);
    const words = supported(grant.replace('amount: USD 5,000', 'amount: a grant'));
    expect(errors(words)).toEqual([
      `${FILE}:${lineOf(words, 'amount: a grant')} commercial_support[0].amount: must be "none", or an amount with its currency, e.g. "USD 5,000"`,
    ]);
    const unsigned = supported(grant.replace('    agreement_signed: 2025-12-01\n', ''));
    expect(errors(unsigned)).toEqual([
      `${FILE}:${lineOf(unsigned, 'Example Devices')} commercial_support[0].agreement_signed: is missing: add it (a string)`,
    ]);
    // The free text of earlier versions of this file is refused, with the fields it needs.
    const prose = edited('commercial_support: none', 'commercial_support: An unrestricted grant from Example Devices Inc.');
    expect(errors(prose)).toEqual([
      `${FILE}:${lineOf(prose, 'commercial_support:')} commercial_support: none, or the list of ineligible companies that supported the activity, each with supporter, agreement_signed (the day the written agreement was signed), amount and in_kind`,
    ]);
  });

  test('a supporter signed after today is refused by the build for credit', () => {
    const text = supported(grant);
    expect(forCredit(text, '2026-01-14').filter((p) => p.includes('agreement_signed'))).toEqual([
      `${FILE}:${lineOf(text, '2026-01-15')} commercial_support[1].agreement_signed: 2026-01-15 is after today (2026-01-14): a build for credit needs the written agreement signed`,
    ]);
  });
});

test.describe('the build for credit runs in the build itself (loadCourse)', () => {
  let dir = '';
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'course-'));
    for (const d of ['lessons', 'quizzes', 'imsmanifest.xml']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const build = async (text: string, forCredit: boolean): Promise<{ errors: string[]; warnings: string[]; minutes: number }> => {
    writeFileSync(join(dir, FILE), text);
    try {
      const { course, warnings } = await loadCourse(dir, { forCredit, today: TODAY });
      return { errors: [], warnings: warnings.filter((w) => w.file === FILE).map(formatProblem), minutes: estimatedMinutes(course) };
    } catch (err) {
      return { errors: (err as { problems: ContentProblem[] }).problems.map(formatProblem), warnings: [], minutes: 0 };
    }
  };

  test('the shipped file builds as a review copy and is refused for credit; the complete example passes; credit above the measured time is refused for credit', async () => {
    const review = await build(SHIPPED, false);
    expect(review.errors).toEqual([]);
    expect(review.warnings.filter((w) => w.includes(PLACEHOLDER))).toHaveLength(15);
    const refused = await build(SHIPPED, true);
    expect(refused.errors).toHaveLength(15);
    expect(refused.errors[0]).toBe(
      `${FILE}:${lineOf(SHIPPED, 'name: TO BE')} provider.name: is still the placeholder "${PLACEHOLDER}": a build for credit needs the provider's own value here (npm run package without --for-credit makes a review copy)`,
    );

    const complete = await build(COMPLETE, true);
    expect(complete.errors).toEqual([]);
    const over = creditHours(complete.minutes) + 0.25;
    const text = edited('amount: 1.25', `amount: ${over}`);
    expect((await build(text, false)).errors).toEqual([]);
    const overstated = await build(text, true);
    expect(overstated.errors).toHaveLength(1);
    expect(overstated.errors[0]).toMatch(
      new RegExp(
        `^${FILE}:${lineOf(text, `amount: ${over}`)} credit\\[0\\]\\.amount: ${over} is more than the .* \\(a build for credit, --for-credit\\)$`,
      ),
    );
  });
});
