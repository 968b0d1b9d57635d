import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { formatProblem } from '../../src/content/errors.ts';
import { staleAsOfWarnings, tooOldAsOfWarnings } from '../../src/content/lesson-markup.ts';
import { buildDay, loadCourse, parseLesson, parseQuiz } from '../../src/content/load-course.ts';
import { isIsoDate, monthsBefore, monthsBetween, predates, spelledDate } from '../../src/course/dates.ts';
import { FIXTURE, ROOT, pinDatedStatements } from '../support/paths.ts';

/** A lesson file: front matter lines 1-7, then `references` from line 8, then the body. */
function lessonFile(references: string, body: string): string {
  return `---\nid: anatomy\ntitle: Anatomy\nobjectives:\n  - id: spine_regions\n    text: Name the regions.\nreferences:\n${references}---\n\n${body}`;
}
const TWO_REFS =
  '  - id: grays\n    text: "Gray\'s Anatomy, 2020."\n  - id: niams\n    text: NIAMS. Spinal Stenosis.\n    url: https://www.niams.nih.gov/health-topics/spinal-stenosis\n    accessed: 2026-01-15\n';
// Line 8: grays, line 10: niams; the body starts at line 16.
const KEY_POINTS = '## Key points\n\n- One.\n';

const parse = (references: string, body: string) => parseLesson('lessons/01-anatomy.md', lessonFile(references, body));
const problemsOf = (references: string, body: string) => parse(references, body).problems.map(formatProblem);
const warningsOf = (references: string, body: string) => (parse(references, body).warnings ?? []).map(formatProblem);

test.describe('dated statements in a quiz', () => {
  const QUIZ = `id: check
title: Check
pass_mark: 80
graded: false
questions:
  - id: q1
    type: true_false
    prompt: "True or false: {as of 2026-02}, one such product was approved."
    objectives: [spine_regions]
    correct: true
    rationale: "True. {As of 2026-12} none was approved for the spine, and as of March 2026 none was pending."
`;

  test('{as of …} in any text of a quiz reads as words, and each date is recorded at its field for the date rules', () => {
    const parsed = parseQuiz('quizzes/check.yaml', QUIZ);
    const q = parsed.quiz?.questions[0];
    expect(q?.prompt).toBe('True or false: as of February 2026, one such product was approved.');
    expect(q?.rationale).toBe('True. As of December 2026 none was approved for the spine, and as of March 2026 none was pending.');
    expect(parsed.asOf).toEqual([
      { file: 'quizzes/check.yaml', line: 8, field: 'questions[0].prompt', date: '2026-02' },
      { file: 'quizzes/check.yaml', line: 11, field: 'questions[0].rationale', date: '2026-12' },
    ]);
    // A date typed as text cannot be checked: a warning at its field.
    expect(parsed.warnings.map(formatProblem)).toEqual([
      'quizzes/check.yaml:11 questions[0].rationale: "as of March 2026" is a date typed as text: write {as of 2026-01} instead, so that the build can tell when it is older than the content review',
    ]);
    expect(tooOldAsOfWarnings(parsed.asOf, '2026-12-06', 6).map((w) => `${w.file}:${w.line}`)).toEqual(['quizzes/check.yaml:8']);
    expect(parseQuiz('quizzes/check.yaml', QUIZ.replace('{as of 2026-02}', '{as of Feb 2026}')).problems.map(formatProblem)).toEqual([
      'quizzes/check.yaml:8 questions[0].prompt: "{as of Feb 2026}" has no valid date: write it as {as of 2026-01} (year and month) or {as of 2026-01-15}',
    ]);
  });
});

test.describe('citation markers', () => {
  test('a marker without a matching reference fails the build at its line and lists the valid ids', () => {
    const body = '## Regions\n\nFive regions.[^grays]\n\nThe cord ends near L1-L2.[^gray]\n\n' + KEY_POINTS;
    expect(problemsOf(TWO_REFS, body)).toEqual([
      'lessons/01-anatomy.md:20 body: [^gray] is not the id of a reference of this lesson: cite one of grays, niams (the ids under references in the front matter), or add the reference',
    ]);
  });

  test('a reference never cited is a warning at its line; the build goes on', () => {
    const parsed = parse(TWO_REFS, '## Regions\n\nFive regions.[^grays]\n\n' + KEY_POINTS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.lesson).toBeDefined();
    expect((parsed.warnings ?? []).map(formatProblem)).toEqual([
      'lessons/01-anatomy.md:10 references[1]: "niams" is never cited: put [^niams] after the statement it supports, or remove the reference',
    ]);
  });

  test('a ## section without a citation is a warning at its heading; Key points and sections that opt out with a reason are not', () => {
    const body =
      "## Regions\n\nFive regions.[^grays][^niams]\n\n## Where it happens\n\nMost often in the lower back.\n\n## What staff do\n<!-- no-citation: the clinic's own procedure -->\n\nCall the clinician.\n\n" +
      KEY_POINTS;
    expect(warningsOf(TWO_REFS, body)).toEqual([
      'lessons/01-anatomy.md:20 body: section "Where it happens" cites no reference: put [^id] after each statement a source supports (ids: grays, niams), or, if the section states nothing that needs a source, write <!-- no-citation: why --> under its heading',
    ]);
    // The opt-out is not part of the page.
    expect(parse(TWO_REFS, body).lesson?.html).not.toContain('no-citation');
  });

  test('an opt-out must give its reason', () => {
    const body =
      '## Regions\n\nFive regions.[^grays][^niams]\n\n## What staff do\n<!-- no-citation -->\n\nCall the clinician.\n\n' + KEY_POINTS;
    expect(problemsOf(TWO_REFS, body)).toEqual([
      `lessons/01-anatomy.md:21 body: <!-- no-citation --> needs a reason: write <!-- no-citation: what the section is instead (e.g. the clinic's procedure) -->`,
    ]);
    expect(problemsOf(TWO_REFS, '<!-- no-citation: an introduction -->\n\n' + KEY_POINTS)).toEqual([
      'lessons/01-anatomy.md:16 body: <!-- no-citation: … --> stands before the first "## " section: put it under the heading of the section it excuses',
    ]);
  });

  test('markers inside code are text, not citations', () => {
    const parsed = parse(TWO_REFS, '## Regions\n\nWrite `[^grays]` to cite.[^grays][^niams]\n\n```\n[^nothing]\n```\n\n' + KEY_POINTS);
    expect(parsed.problems).toEqual([]);
    expect(parsed.lesson?.html).toContain('<code>[^grays]</code>');
  });

  test('citations render as numbered links to the reference list, numbered by first citation, with words for screen readers', () => {
    const body =
      '## Regions\n\nNarrowing happens.[^niams] The cord ends near L1-L2.[^grays]\n\n| a | b |\n|---|---|\n| again | twice[^niams] |\n\n' +
      KEY_POINTS;
    const lesson = parse(TWO_REFS, body).lesson;
    // niams is cited first, so it is reference 1, and the list follows that order.
    expect(lesson?.references.map((r) => [r.id, r.citations])).toEqual([
      ['niams', 2],
      ['grays', 1],
    ]);
    const html = lesson?.html ?? '';
    expect(html).toContain(
      'Narrowing happens.<sup class="cite">&#x2060;<a href="#ref-anatomy-niams" id="cite-anatomy-niams-1"><span aria-hidden="true">[</span><span class="visually-hidden">Reference </span>1<span aria-hidden="true">]</span></a></sup>',
    );
    expect(html).toContain('<a href="#ref-anatomy-grays" id="cite-anatomy-grays-1">');
    // In a table cell too; the second citation of niams has its own anchor for the way back.
    expect(html).toMatch(
      /<td>twice<sup class="cite">&#x2060;<a href="#ref-anatomy-niams" id="cite-anatomy-niams-2">.*Reference <\/span>1</,
    );
  });

  test('markers do not count as words, so reading times do not change', () => {
    const words = 'word '.repeat(999);
    const plain = parse(TWO_REFS, `## Regions\n\n${words}\n\n${KEY_POINTS}`).lesson;
    const cited = parse(TWO_REFS, `## Regions\n\n${words.replace(/word $/, 'word.[^grays][^niams]')}\n\n${KEY_POINTS}`).lesson;
    expect(cited?.minutes).toBe(plain?.minutes);
  });
});

test.describe('reference fields', () => {
  test('every reference needs an id, unique in the lesson', () => {
    expect(problemsOf('  - text: A book.\n', KEY_POINTS)).toEqual([
      'lessons/01-anatomy.md:8 references[0].id: is missing: add it (a string)',
    ]);
    expect(problemsOf('  - id: grays\n    text: A book.\n  - id: grays\n    text: Another.\n', '[^grays]\n\n' + KEY_POINTS)).toEqual([
      'lessons/01-anatomy.md:10 references[1].id: "grays" is the id of another reference of this lesson: give each its own id',
    ]);
  });

  test('a web page needs the date it was read, as an ISO date; a DOI does not', () => {
    const page = '  - id: niams\n    text: NIAMS. Spinal Stenosis.\n    url: https://www.niams.nih.gov/health-topics/spinal-stenosis\n';
    expect(problemsOf(page, KEY_POINTS)).toEqual([
      'lessons/01-anatomy.md:8 references[0].accessed: is missing: a web page changes, so give the date it was read (accessed: 2026-01-15) under its url',
    ]);
    expect(problemsOf(`${page}    accessed: January 2026\n`, KEY_POINTS)).toEqual([
      'lessons/01-anatomy.md:11 references[0].accessed: "January 2026" is not a date: write the day the page was read as 2026-01-15 (or 2026-01 when only the month is known)',
    ]);
    expect(problemsOf(`${page}    accessed: 2026-02-30\n`, KEY_POINTS)).toHaveLength(1);
    expect(
      problemsOf('  - id: friedly\n    text: Friedly 2014.\n    doi: 10.1056/NEJMoa1313265\n    accessed: 2026-01-15\n', KEY_POINTS),
    ).toEqual(['lessons/01-anatomy.md:11 references[0].accessed: belongs to a web page: give the url it refers to, or remove the date']);
    const ok = parse(
      `${page}    accessed: 2026-01-15\n  - id: friedly\n    text: Friedly 2014.\n    doi: 10.1056/NEJMoa1313265\n`,
      'A.[^niams][^friedly]\n\n' + KEY_POINTS,
    );
    expect(ok.problems).toEqual([]);
    expect(ok.lesson?.references).toEqual([
      {
        id: 'niams',
        text: 'NIAMS. Spinal Stenosis.',
        url: 'https://www.niams.nih.gov/health-topics/spinal-stenosis',
        accessed: '2026-01-15',
        citations: 1,
      },
      { id: 'friedly', text: 'Friedly 2014.', url: 'https://doi.org/10.1056/NEJMoa1313265', citations: 1 },
    ]);
  });

  test('dates read as US English, whatever the machine', () => {
    expect(spelledDate('2026-01-15')).toBe('January 15, 2026');
    expect(spelledDate('2026-01')).toBe('January 2026');
    expect(['2026-01-15', '2026-01', '2024-02-29'].map(isIsoDate)).toEqual([true, true, true]);
    expect(['2026-13', '2025-02-29', '2026-1-5', 'January 2026', '2026-01-15T10:00'].map(isIsoDate)).toEqual([
      false,
      false,
      false,
      false,
      false,
    ]);
  });
});

test.describe('dated statements', () => {
  test('{as of …} renders as "as of January 2026" in a time element, in the author\'s capitals', () => {
    const body =
      '## Approvals\n\n{As of 2026-01}, none is approved.[^grays][^niams] The trial was recruiting {as of 2026-01-15}.\n\n' + KEY_POINTS;
    const parsed = parse(TWO_REFS, body);
    expect(parsed.problems).toEqual([]);
    expect(parsed.lesson?.html).toContain('<p><time class="as-of" datetime="2026-01">As of January 2026</time>, none is approved.');
    expect(parsed.lesson?.html).toContain('recruiting <time class="as-of" datetime="2026-01-15">as of January 15, 2026</time>.');
    expect(parsed.asOf?.map((m) => `${m.line} ${m.date}`)).toEqual(['18 2026-01', '18 2026-01-15']);
  });

  test("in a reference's text too, as plain text", () => {
    const parsed = parse('  - id: trial\n    text: "jRCT2013210076: recruiting, {as of 2026-01}."\n', 'A.[^trial]\n\n' + KEY_POINTS);
    expect(parsed.lesson?.references[0]?.text).toBe('jRCT2013210076: recruiting, as of January 2026.');
    expect(parsed.asOf).toEqual([{ file: 'lessons/01-anatomy.md', line: 9, field: 'references[0].text', date: '2026-01' }]);
  });

  test('a date the build cannot read is an error; one typed as text is a warning', () => {
    const refs = '  - id: grays\n    text: A book.\n';
    expect(problemsOf(refs, '## A\n\n{as of Jan 2026}, none.[^grays]\n\n' + KEY_POINTS)).toEqual([
      'lessons/01-anatomy.md:14 body: "{as of Jan 2026}" has no valid date: write it as {as of 2026-01} (year and month) or {as of 2026-01-15}',
    ]);
    expect(warningsOf(refs, '## A\n\nAs of January 2026, none.[^grays]\n\n' + KEY_POINTS)).toEqual([
      'lessons/01-anatomy.md:14 body: "As of January 2026" is a date typed as text: write {as of 2026-01} instead, so that the build can tell when it is older than the content review',
    ]);
  });

  test('a statement older than the content review date is a warning; a month stays current through its last day', () => {
    const marks = [
      { file: 'lessons/04-clinic-therapy.md', line: 71, field: 'body', date: '2026-01' },
      { file: 'lessons/04-clinic-therapy.md', line: 71, field: 'body', date: '2026-01' },
      { file: 'lessons/05-claims-evidence.md', line: 27, field: 'references[4].text', date: '2026-03-15' },
    ];
    expect(staleAsOfWarnings(marks, '2026-01-31')).toEqual([]);
    expect(staleAsOfWarnings(marks, '2026-02-01').map(formatProblem)).toEqual([
      'lessons/04-clinic-therapy.md:71 body: "as of January 2026" is older than the content review of February 1, 2026: check the statement against current sources, then update its date (or the statement)',
    ]);
    expect(staleAsOfWarnings(marks, '2026-03-16')).toHaveLength(2);
    expect(predates('2026-03-15', '2026-03-15')).toBe(false);
    expect(() => staleAsOfWarnings(marks, '2026-11')).toThrow(/not a date/);
  });

  test("the course build checks the lessons' dates against the review date of course.yaml (or one it is given)", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'course-'));
    try {
      for (const d of ['lessons', 'quizzes', 'imsmanifest.xml', 'course.yaml']) cpSync(join(FIXTURE, d), join(dir, d), { recursive: true });
      // The rule, not the content's own dates: every statement of the copy is dated January 2026.
      pinDatedStatements(dir, '2026-01');
      const stale = (w: { message: string }) => /" is older than the content review of /.test(w.message);
      // The shipped course.yaml has no review date yet (a placeholder): nothing to compare with.
      expect((await loadCourse(dir)).warnings.filter(stale)).toEqual([]);
      writeFileSync(
        join(dir, 'course.yaml'),
        readFileSync(join(dir, 'course.yaml'), 'utf8')
          .replace(/^review_date: .*$/m, 'review_date: 2026-11-01')
          .replace(/^release_date: .*$/m, 'release_date: 2026-01-15')
          .replace(/^expiry_date: .*$/m, 'expiry_date: 2029-01-15'),
      );
      expect((await loadCourse(dir)).warnings.filter(stale).length).toBeGreaterThan(5);
      expect((await loadCourse(dir, { reviewDate: '2026-01-31' })).warnings.filter(stale)).toEqual([]);
      const later = (await loadCourse(dir, { reviewDate: '2026-11-01' })).warnings.filter(stale);
      expect(later.length).toBeGreaterThan(5);
      expect(later.every((w) => /^(lessons|quizzes)\/|^course\.yaml$/.test(w.file) && w.line > 0)).toBe(true);
      // course.yaml's own dated statement, at its line.
      expect(later.filter((w) => w.file === 'course.yaml').map((w) => `${w.line} ${w.field}`)).toEqual(['43 unapproved_use']);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test.describe('dated statements older than the limit, counted from the day of the build', () => {
  const marks = [
    { file: 'lessons/04-clinic-therapy.md', line: 71, field: 'body', date: '2026-01' },
    { file: 'lessons/04-clinic-therapy.md', line: 71, field: 'body', date: '2026-01' },
    { file: 'lessons/05-claims-evidence.md', line: 40, field: 'body', date: '2026-06-15' },
    { file: 'course.yaml', line: 43, field: 'unapproved_use', date: '2025-11' },
  ];
  const where = (ws: { file: string; line: number }[]) => ws.map((w) => `${w.file}:${w.line}`);

  test('an old statement warns with its file, line, date and what to do; a recent one does not', () => {
    // January 2026 is current through January 31: with 6 months it is too old from August 1.
    expect(where(tooOldAsOfWarnings(marks, '2026-07-31', 6))).toEqual(['course.yaml:43']);
    const august = tooOldAsOfWarnings(marks, '2026-08-01', 6);
    expect(august.map(formatProblem)).toEqual([
      'lessons/04-clinic-therapy.md:71 body: "as of January 2026" (2026-01) is 7 months old on August 1, 2026; the course allows 6 months: re-check this statement against its source and update the date, or change the limit in course.yaml rules (dated_statement_max_age_months)',
      'course.yaml:43 unapproved_use: "as of November 2025" (2025-11) is 9 months old on August 1, 2026; the course allows 6 months: re-check this statement against its source and update the date, or change the limit in course.yaml rules (dated_statement_max_age_months)',
    ]);
    // A day: too old the day after its sixth "monthiversary".
    expect(where(tooOldAsOfWarnings(marks, '2026-12-15', 6))).not.toContain('lessons/05-claims-evidence.md:40');
    expect(where(tooOldAsOfWarnings(marks, '2026-12-16', 6))).toContain('lessons/05-claims-evidence.md:40');
    expect(tooOldAsOfWarnings(marks, '2026-12-16', 6).find((w) => w.line === 40)?.message).toContain('is more than 6 months old');
    // A longer limit lets them be.
    expect(tooOldAsOfWarnings(marks, '2026-08-01', 12)).toEqual([]);
    expect(() => tooOldAsOfWarnings(marks, '2026-08', 6)).toThrow(/not a date/);
  });

  test('months are counted on the calendar', () => {
    expect(monthsBefore('2026-08-31', 6)).toBe('2026-02-28');
    expect(monthsBefore('2026-03-15', 6)).toBe('2025-09-15');
    expect(monthsBetween('2026-01', '2026-12-05')).toBe(11);
    expect(monthsBetween('2026-01-15', '2026-07-14')).toBe(5);
    expect(monthsBetween('2026-01-15', '2026-07-15')).toBe(6);
  });

  test('the day of the build is today, or COURSE_TODAY', () => {
    expect(buildDay({}, new Date(2026, 11, 5, 12).getTime())).toBe('2026-12-05');
    expect(buildDay({ COURSE_TODAY: '2027-03-01' })).toBe('2027-03-01');
    expect(() => buildDay({ COURSE_TODAY: '2027-03' })).toThrow(/COURSE_TODAY="2027-03" is not a day/);
  });

  test("the build counts from the day it is given, with the limit of course.yaml's rules", async () => {
    const dir = mkdtempSync(join(tmpdir(), 'course-'));
    try {
      for (const d of ['lessons', 'quizzes', 'imsmanifest.xml', 'course.yaml']) cpSync(join(FIXTURE, d), join(dir, d), { recursive: true });
      pinDatedStatements(dir, '2026-01');
      const tooOld = async (today: string) =>
        (await loadCourse(dir, { today })).warnings.filter((w) => /the course allows \d+ month/.test(w.message));
      // The copy's statements are dated January 2026 (and a recent one is added below).
      const lesson = join(dir, 'lessons/03-stem-cells.md');
      const text = readFileSync(lesson, 'utf8');
      writeFileSync(lesson, text.replace('## Key points', 'Recent.{as of 2026-07}\n\n## Key points'));
      const recentLine = readFileSync(lesson, 'utf8').split('\n').indexOf('Recent.{as of 2026-07}') + 1;
      expect(await tooOld('2026-07-31')).toEqual([]);
      const august = await tooOld('2026-08-01');
      expect(august.length).toBeGreaterThan(5);
      expect(august.some((w) => w.file === 'lessons/03-stem-cells.md' && w.line === recentLine)).toBe(false);
      expect(august.find((w) => w.file === 'course.yaml')).toMatchObject({ line: 43, field: 'unapproved_use' });
      expect(august.every((w) => w.line > 0 && /re-check this statement against its source/.test(w.message))).toBe(true);
      // The limit in course.yaml rules.
      const yaml = join(dir, 'course.yaml');
      writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('dated_statement_max_age_months: 6', 'dated_statement_max_age_months: 12'));
      expect(await tooOld('2026-08-01')).toEqual([]);
      expect(await tooOld('2027-01-31')).toEqual([]);
      const next = await tooOld('2027-02-01');
      expect(next.length).toBe(august.length);
      expect(next[0]?.message).toContain('the course allows 12 months');
      writeFileSync(yaml, readFileSync(yaml, 'utf8').replace('dated_statement_max_age_months: 12', 'dated_statement_max_age_months: 0'));
      const error: unknown = await loadCourse(dir, { today: '2026-08-01' }).catch((e: unknown) => e);
      expect(String(error)).toMatch(/course\.yaml:\d+ rules\.dated_statement_max_age_months: must be at least 1 month/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

test('the shipped lessons cite every reference and leave no date typed as text', async () => {
  const { warnings, course } = await loadCourse(ROOT);
  const lessonWarnings = warnings.filter((w) => w.file.startsWith('lessons/')).map(formatProblem);
  expect(lessonWarnings.filter((w) => /never cited|typed as text/.test(w))).toEqual([]);
  for (const lesson of course.lessons) {
    expect(
      lesson.references.every((r) => r.citations > 0),
      lesson.id,
    ).toBe(true);
    expect(
      lesson.references.filter((r) => r.url && !r.url.startsWith('https://doi.org/')).every((r) => r.accessed),
      lesson.id,
    ).toBe(true);
  }
});
