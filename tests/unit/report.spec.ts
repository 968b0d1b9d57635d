import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import type { Course, Question } from '../../src/course/types.ts';
import { buildReport } from '../../src/report/build-report.ts';
import { itemStats, splitAttempts, type ExamAttempt } from '../../src/report/analysis.ts';
import { moodleDate } from '../../src/report/moodle.ts';
import { pseudonym } from '../../src/report/pseudonyms.ts';
import { readTable } from '../../src/report/tables.ts';
import { questionKey } from '../../src/package/question-key.ts';
import { ROOT } from '../support/paths.ts';
import { courseOf, quizOf } from '../support/sample-course.ts';

/**
 * The coordinator's report on a hand-made Moodle download (tests/fixtures/moodle-reports/hand/): six
 * learners, one attempt each at a four-question exam every attempt asks in full, so every figure can be
 * worked out on paper. Right (1) / wrong (0), questions q1…q4 (objectives o1, o2, o1, o2):
 *
 *   Marisol   1 1 1 1     Tobias    0 1 0 0
 *   Desmond   1 1 1 0     Leonie    1 0 0 1
 *   Harriet   1 1 0 0     Rafael    0 0 0 0
 *
 * A seventh learner opened the activity without submitting the exam, an eighth never started.
 */
const HAND = join(ROOT, 'tests', 'fixtures', 'moodle-reports', 'hand');
const single = (id: string, objective: string, correct: string): Question => ({
  id,
  type: 'single',
  prompt: `Question ${id}?`,
  objectives: [objective],
  choices: ['a', 'b', 'c'].map((c) => ({ id: c, text: `Option ${c.toUpperCase()} of ${id}` })),
  correct,
  rationale: 'Because.',
  weight: 1,
});

function handCourse(): Course {
  const course = courseOf(
    quizOf([single('q1', 'o1', 'a'), single('q2', 'o2', 'b'), single('q3', 'o1', 'c'), single('q4', 'o2', 'a')], { attempts: 3 }),
  );
  const scale = [
    { id: 'disagree', text: 'Disagree' },
    { id: 'neutral', text: 'Neutral' },
    { id: 'agree', text: 'Agree' },
  ];
  course.evaluation = {
    required: true,
    questions: [
      { id: 'useful', type: 'likert', prompt: 'The course was useful.', scale, required: true },
      { id: 'change', type: 'text', prompt: 'What will you change?', required: false, maxLength: 500 },
      {
        id: 'minutes_taken',
        type: 'number',
        prompt: 'About how many minutes did it take?',
        unit: 'minutes',
        min: 1,
        max: 600,
        required: true,
      },
      {
        id: 'confidence',
        type: 'confidence',
        prompt: 'How confident are you?',
        scale,
        items: [{ id: 'l1', text: 'Lesson 1' }],
        required: true,
      },
    ],
  };
  return course;
}

const handFiles = [join(HAND, 'basic.txt'), join(HAND, 'interactions.txt')];
const report = (course = handCourse(), files = handFiles, pseudonyms = false) =>
  buildReport(course, files, { pseudonyms, secret: 'test secret', generated: '2026-12-05 12:00 UTC' });

test('difficulty, corrected point-biserial, option counts and flags match the figures worked out by hand', () => {
  const { analysis } = report();
  const item = (id: string) => analysis.items.find((i) => i.entry.interactionId === `exam-${id}`);
  expect(analysis.exams).toHaveLength(6);
  expect(analysis.items.map((i) => [i.seen, i.right])).toEqual([
    [6, 4],
    [6, 4],
    [6, 2],
    [6, 2],
  ]);

  // q1: right for Marisol, Desmond, Harriet, Leonie. Rest scores (share right of the other three):
  // 1, 2/3, 1/3, 1/3 (right) and 1/3, 0 (wrong). M1 = 7/12, M0 = 1/6; the mean 4/9 and the population
  // SD √(8/81) = 0.31427; p = 2/3, √(pq) = 0.47140. r = (M1 − M0) / SD × √(pq) = (5/12) / 0.31427 × 0.47140 = 0.625.
  expect(item('q1')?.difficulty).toBeCloseTo(4 / 6, 10);
  const m1 = (1 + 2 / 3 + 1 / 3 + 1 / 3) / 4;
  const m0 = (1 / 3 + 0) / 2;
  const sd = Math.sqrt(8 / 81);
  expect(item('q1')?.discrimination).toBeCloseTo(((m1 - m0) / sd) * Math.sqrt((2 / 3) * (1 / 3)), 10);
  expect(item('q1')?.discrimination).toBeCloseTo(0.625, 10);
  // q2: right for the first four; rests 1, 2/3, 1/3, 0 | 2/3, 0 → M1 = 1/2, M0 = 1/3, mean 4/9; squared deviations
  // (25 + 4 + 1 + 16 + 4 + 16) / 81 / 6 = 11/81, SD √(11/81); p = 2/3.
  expect(item('q2')?.discrimination).toBeCloseTo(((1 / 2 - 1 / 3) / Math.sqrt(11 / 81)) * Math.sqrt(2 / 9), 10);
  expect(item('q2')?.discrimination).toBeCloseTo(0.2132, 4);

  // Options chosen: q1 a ×4, b (Tobias), c (Rafael); q2: nobody chose c.
  expect(item('q1')?.options.map((o) => [o.code, o.chosen])).toEqual([
    ['a', 4],
    ['b', 1],
    ['c', 1],
  ]);
  expect(item('q1')?.flags).toEqual([]);
  expect(item('q2')?.flags.map((f) => f.kind)).toEqual(['unused option']);
  expect(item('q2')?.flags[0]?.reason).toContain('Option C of q2');
  // q4: the upper group (rest ≥ the median 1/2: Marisol, Desmond, Harriet) chose b twice and the key a once.
  expect(item('q4')?.options.find((o) => o.code === 'b')?.chosenUpper).toBe(2);
  expect(item('q4')?.flags.map((f) => f.kind)).toEqual(['distractor beats key']);
});

test('reliability is the split-half by objective, stepped up with Spearman-Brown, as worked out by hand', () => {
  const { analysis } = report();
  // Halves: o1 (q1, q3) and o2 (q2, q4). Share right per learner: o1 1, 1, ½, 0, ½, 0 and o2 1, ½, ½, ½, ½, 0.
  // Means 1/2 and 1/2; deviations .5 .5 0 −.5 0 −.5 and .5 0 0 0 0 −.5: Σxy = .5, Σx² = 1, Σy² = .5,
  // r = .5 / √.5 = 0.70711; Spearman-Brown 2r / (1 + r) = 0.82843.
  expect(analysis.reliability.halfCorrelation).toBeCloseTo(Math.SQRT1_2, 10);
  expect(analysis.reliability.value).toBeCloseTo((2 * Math.SQRT1_2) / (1 + Math.SQRT1_2), 10);
  expect(analysis.reliability.method).toMatch(/Split-half.*Spearman-Brown/);
});

test('too hard, too easy and low discrimination are flagged with their reasons', () => {
  const entry = questionKey(handCourse()).find((e) => e.interactionId === 'exam-q1');
  if (!entry) throw new Error('no q1');
  // Ten attempts of two questions: q1 and a second one whose results make the rest score.
  const exams = (q1: number[], other: number[]): ExamAttempt[] =>
    q1.map((x, i) => ({
      learner: `L${i}`,
      moodleAttempt: 1,
      number: 1,
      answers: [
        { id: 'exam-q1', response: x ? 'a' : 'b', correct: x === 1 },
        { id: 'exam-q2', response: 'b', correct: other[i] === 1 },
      ],
    }));
  const hard = itemStats(entry, exams([1, 0, 0, 0, 0, 0, 0, 0, 0, 0], [1, 1, 1, 0, 0, 0, 0, 0, 0, 0]));
  expect(hard.difficulty).toBe(0.1);
  expect(hard.flags.map((f) => f.kind)).toContain('too hard');
  const easy = itemStats(entry, exams([1, 1, 1, 1, 1, 1, 1, 1, 1, 1], [1, 0, 1, 0, 1, 0, 1, 0, 1, 0]));
  expect(easy.flags.map((f) => f.kind)).toContain('too easy');
  // Every learner with the other question right missed q1, and the reverse: r = −1.
  const backwards = itemStats(entry, exams([1, 1, 1, 1, 1, 0, 0, 0, 0, 0], [0, 0, 0, 0, 0, 1, 1, 1, 1, 1]));
  expect(backwards.discrimination).toBeCloseTo(-1, 10);
  expect(backwards.flags.find((f) => f.kind === 'low discrimination')?.reason).toMatch(/check the key/);
});

test('the transcript reads the CE record when there is one and Moodle’s columns otherwise; no row is dropped', () => {
  const built = report();
  const csv = built.outputs.get('transcript.csv') ?? '';
  expect(csv).toContain(
    '"Marisol Vantreece","mvantreece@example.org","nurse","Completed","100","1","2026-12-01","ANCC nursing contact hours","1.25","1.25","3F9A2C1-20261201-4","2026.12.1","CE record"',
  );
  expect(csv).toContain('"Desmond Ilesanmi","dilesanmi@example.org","","Not passed yet","75","1"');
  expect(csv).toContain('"Nadia Brightwater","nbrightwater@example.org","","Not attempted"');
  // Wendell opened the activity without submitting: in the transcript, and listed as a row not used.
  expect(csv).toContain('"Wendell Achterberg"');
  expect(built.analysis.unused).toEqual([
    expect.objectContaining({ row: 8, reason: expect.stringContaining('Wendell Achterberg, attempt 1: no exam answers') }),
  ]);
  expect(built.outputs.get('unused-rows.csv')).toContain('"interactions.txt","8"');
});

test('the evaluation summary counts each answer, and shows the time taken and the confidence before and after', () => {
  const built = report();
  const csv = built.outputs.get('evaluation.csv') ?? '';
  // Marisol and Desmond agree, Harriet is neutral: SCORM 1.2 letters c, c, b of the scale.
  expect(csv).toContain('"useful","The course was useful.","likert","Agree","2"');
  expect(csv).toContain('"useful","The course was useful.","likert","Neutral","1"');
  // Moodle escapes "&" in a response as "&amp;"; the report shows the learner's text.
  expect(csv).toContain('"Call the clinician about red flags & saddle numbness."');
  const html = built.outputs.get('report.html') ?? '';
  // 75, 60 and 90 minutes: mean 75.0, median 75.0.
  expect(html).toContain('3 answers: mean 75.0, median 75.0, from 60 to 90 minutes');
  // Before: a, b, a → 1, 2, 1 (mean 1.33); now: c, c, b → 3, 3, 2 (mean 2.67); change +1.33.
  expect(html).toMatch(/Lesson 1<\/th><td>3<\/td><td>1\.33<\/td><td>2\.67<\/td><td>\+1\.33<\/td>/);
  expect(html).toContain('Only 6 learners took the exam.');
  // Marisol, the one learner completed: started 9:15 AM, last access 10:32 AM → 77 minutes.
  expect(html).toContain('completed attempts (1) took a median of 77 minutes (from 77 to 77)');
});

for (const [fixture, someone] of [
  ['lab-one-learner', 'Avery Quinlan'],
  ['lab-cohort', 'Odette Raman'],
] as const)
  test(`the same report from the text, Excel and ODS downloads of one Moodle activity (${fixture})`, () => {
    const lab = join(ROOT, 'tests', 'fixtures', 'moodle-reports', fixture);
    const outputs = ['txt', 'xlsx', 'ods'].map(
      (ext) =>
        buildReport(
          handCourseFromLab(),
          ['basic', 'interactions', 'objectives'].map((n) => join(lab, `${n}.${ext}`)),
          { pseudonyms: false, secret: 's', generated: 'now' },
        ).outputs,
    );
    for (const name of ['transcript.csv', 'items.csv', 'options.csv', 'evaluation.csv', 'objectives.csv', 'unused-rows.csv']) {
      expect(outputs[1]?.get(name), `${name} from Excel`).toBe(outputs[0]?.get(name));
      expect(outputs[2]?.get(name), `${name} from ODS`).toBe(outputs[0]?.get(name));
    }
    expect(outputs[0]?.get('transcript.csv')).toContain(`"${someone}"`);
  });

test('pseudonyms are stable, keyed, and leave no name or email in any output', () => {
  const a = report(handCourse(), handFiles, true);
  const b = report(handCourse(), handFiles, true);
  const names = [
    'Marisol',
    'Vantreece',
    'Desmond',
    'Ilesanmi',
    'Harriet',
    'Oduya',
    'Tobias',
    'Ferrante',
    'Leonie',
    'Schwartzkopf',
    'Rafael',
    'Quintero',
    'Wendell',
    'Achterberg',
    'Nadia',
    'Brightwater',
    '@example.org',
  ];
  for (const [file, content] of a.outputs) {
    for (const n of names) expect(content, `${n} in ${file}`).not.toContain(n);
    expect(b.outputs.get(file), `${file} is the same in a second run`).toBe(content);
  }
  const p = pseudonym('Marisol Vantreece', 'mvantreece@example.org', 'test secret');
  expect(p).toMatch(/^Learner [0-9A-Z]{6}$/);
  expect(a.outputs.get('transcript.csv')).toContain(`"${p}","nurse","Completed"`);
  expect(pseudonym('Marisol Vantreece', 'mvantreece@example.org', 'another secret')).not.toBe(p);
});

test('bad input: each case says which file, what is wrong and what to download instead', () => {
  const dir = mkdtempSync(join(tmpdir(), 'report-'));
  const write = (name: string, content: string | Uint8Array) => {
    const path = join(dir, name);
    writeFileSync(path, content);
    return path;
  };
  const fails = (files: string[], course = handCourse()) => {
    try {
      report(course, files);
    } catch (e) {
      return (e as Error).message;
    }
    throw new Error('the report was made');
  };
  // An unreadable file: a truncated Excel download, and a web page saved instead of the file.
  const xlsx = readFileSync(join(ROOT, 'tests', 'fixtures', 'moodle-reports', 'lab-one-learner', 'basic.xlsx'));
  const broken = write('basic.xlsx', xlsx.subarray(0, 300));
  expect(fails([broken])).toMatch(/basic\.xlsx: the file is damaged .*download it again from the SCORM activity/);
  const page = write('login.txt', '<!DOCTYPE html><html><body>Log in</body></html>');
  expect(fails([page])).toMatch(/login\.txt: this is a web page .*not a report download/);
  // A missing column: the score, and the interactions report downloaded as Moodle first shows it (responses only).
  const basic = readFileSync(join(HAND, 'basic.txt'), 'utf8');
  const noScore = write('basic-no-score.txt', basic.replace(/\tScore\n/, '\n'));
  expect(fails([noScore])).toContain('basic-no-score.txt row 1: missing column "Score"');
  const responsesOnly = join(ROOT, 'tests', 'fixtures', 'moodle-reports', 'lab-one-learner', 'interactions-responses-only.txt');
  expect(fails([responsesOnly])).toMatch(
    /interactions-responses-only\.txt row 1: missing columns "Question N", "Result N".*tick "Summary of question"/,
  );
  // Ids not in the key: another version of the content (a question renamed).
  const interactions = readFileSync(join(HAND, 'interactions.txt'), 'utf8');
  const renamed = write('interactions-old.txt', interactions.replaceAll('exam-q3', 'exam-q3_old'));
  expect(fails([renamed])).toMatch(
    /interactions-old\.txt row 2: interaction ids not in this content's question key \(exam-q3_old\): the file comes from another activity or another version/,
  );
  // A file from another activity: this course's basic report beside another activity's interactions.
  const otherActivity = join(ROOT, 'tests', 'fixtures', 'moodle-reports', 'lab-one-learner', 'basic.txt');
  expect(fails([join(HAND, 'interactions.txt'), otherActivity])).toMatch(
    /basic\.txt: its learners do not match those of .*interactions\.txt.*different activities/,
  );
  // Another course's download altogether: none of its ids belong to this content.
  expect(fails([join(ROOT, 'tests', 'fixtures', 'moodle-reports', 'lab-one-learner', 'interactions.txt')])).toMatch(
    /no interaction id of this course/,
  );
  // Not a Moodle SCORM report at all (e.g. the gradebook export).
  const grades = write('grades.csv', 'First name,Last name,Email address,SCORM package: Lab (Real)\nAna,Ruiz,a@example.org,80\n');
  expect(fails([grades])).toMatch(/grades\.csv row 1: this is not one of Moodle's SCORM report downloads/);
});

test('reading helpers: Moodle dates in each format, and splitting 1.2 rows into exam attempts', () => {
  expect(moodleDate('Saturday, 5 December 2026, 5:49 PM')).toBe('2026-12-05');
  expect(moodleDate('05 December 2026, 05:49 PM')).toBe('2026-12-05');
  expect(moodleDate('-')).toBe('');
  const a = (id: string) => ({ id, response: 'a', correct: true });
  // A repeated id starts a new attempt when the draw has no fixed size.
  expect(splitAttempts([a('x'), a('y'), a('x'), a('z')], null).map((s) => s.map((x) => x.id))).toEqual([
    ['x', 'y'],
    ['x', 'z'],
  ]);
  expect(splitAttempts([a('x'), a('y'), a('z'), a('w')], 2).map((s) => s.length)).toEqual([2, 2]);
  expect(readTable(join(HAND, 'basic.txt')).rows[1]?.[0]).toBe('Marisol Vantreece');
});

/** The course content for the one-learner lab download: the project's own. */
let labCourse: Course | undefined;
function handCourseFromLab(): Course {
  if (!labCourse) throw new Error('load the course first');
  return labCourse;
}
test.beforeAll(async () => {
  const { loadCourse } = await import('../../src/content/load-course.ts');
  labCourse = (await loadCourse(ROOT)).course;
});

test('SCORM 2004: Moodle’s interactions download is empty; the report keeps what the basic report has and says what is missing', () => {
  const dir = join(ROOT, 'tests', 'fixtures', 'moodle-reports', 'lab-2004');
  const built = buildReport(
    handCourseFromLab(),
    ['basic', 'interactions', 'objectives'].map((n) => join(dir, `${n}.txt`)),
    {
      pseudonyms: false,
      secret: 's',
      generated: 'now',
    },
  );
  expect(built.analysis.exams).toHaveLength(0);
  expect(built.outputs.get('transcript.csv')).toMatch(
    /"Jordan Lee-Okafor","[^"]+","","Passed \(score at or over the pass mark; the evaluation is not in the download\)","100","0","2026-12-05"/,
  );
  const html = built.outputs.get('report.html') ?? '';
  expect(html).toContain(
    'The interactions report holds no answers. With the SCORM 2004 package, Moodle 5.1’s interactions report is empty',
  );
  expect(html).toContain('give learners the SCORM 1.2 package');
  // The learner's Moodle attempt is listed as a row not used, never dropped.
  expect(built.analysis.unused.map((u) => u.reason)).toEqual([expect.stringContaining('no exam answers')]);
});

test('the Moodle lab cohort: 30 scripted learners, the miskeyed question flagged first, the transcript as the learners did', () => {
  // The cohort took a copy of the content whose question time_lost was keyed to a wrong option (pt);
  // learners who knew the answer gave the true one (delay). The report reads it with that copy's key.
  const course = structuredClone(handCourseFromLab());
  const exam = course.quizzes.find((q) => q.id === course.gradedQuiz);
  const miskeyed = exam?.questions.find((q) => q.id === 'time_lost');
  if (!miskeyed || miskeyed.type !== 'single') throw new Error('no time_lost');
  miskeyed.correct = 'pt';
  const dir = join(ROOT, 'tests', 'fixtures', 'moodle-reports', 'lab-cohort');
  const built = buildReport(
    course,
    ['basic', 'interactions', 'objectives'].map((n) => join(dir, `${n}.txt`)),
    { pseudonyms: false, secret: 's', generated: 'now' },
  );
  const a = built.analysis;
  expect(a.learners).toHaveLength(30);
  const bad = a.items.find((i) => i.entry.interactionId === 'final_exam-time_lost');
  expect(bad?.discrimination).toBeLessThan(0);
  expect(bad?.flags.map((f) => f.kind)).toEqual(expect.arrayContaining(['low discrimination', 'distractor beats key']));
  expect(bad?.options.find((o) => o.code === 'a')?.text).toMatch(/^Losing time/);
  // In the report it is the first question flagged for review.
  const html = built.outputs.get('report.html') ?? '';
  const flagged = html.slice(html.indexOf('Flagged for review'));
  expect(flagged.indexOf('<section')).toBe(flagged.indexOf('<section class="item" id="i-final_exam-time_lost"'));
  expect(html).not.toContain('Only '); // 30 learners: no small-sample warning
  // What each scripted learner did (their log) is what the transcript says.
  const log = readFileSync(join(dir, 'cohort.jsonl'), 'utf8')
    .trim()
    .split('\n')
    .map((l) => JSON.parse(l) as { first: string; last: string; attempts: number; passed: boolean });
  const rows = transcriptRows(built.outputs.get('transcript.csv') ?? '');
  for (const l of log) {
    const row = rows.find((r) => r[0] === `${l.first} ${l.last}`);
    expect(row?.[3], `${l.first} ${l.last}`).toBe(
      l.passed ? 'Completed' : l.attempts === 3 ? 'Not passed (no attempt left)' : 'Not passed yet',
    );
    expect(row?.[5], `${l.first} ${l.last}: exam attempts`).toBe(String(l.attempts));
  }
  expect(a.reliability.value).toBeGreaterThan(0.5);
});

/** The transcript CSV's rows (every field quoted, no field with a line break). */
const transcriptRows = (csv: string) =>
  csv
    .replace(/^\uFEFF/, '')
    .trim()
    .split('\r\n')
    .slice(1)
    .map((line) => line.slice(1, -1).split('","'));
