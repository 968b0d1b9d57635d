import { QUESTION_TYPES } from '../../src/course/question-types/index.ts';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { formatProblem, type ContentProblem } from '../../src/content/errors.ts';
import { loadCourse } from '../../src/content/load-course.ts';
import { FIXTURE, ROOT } from '../support/paths.ts';

test('the course passes its own editorial rules, and its exam uses every question type (so the browser tests meet each)', async () => {
  // On a day the shipped dated statements are current: their age is checked in citations.spec.ts.
  const { course, warnings } = await loadCourse(ROOT, { today: '2026-02-01' });
  // The provider's fields of course.yaml are placeholders until a provider fills them in.
  expect(warnings.filter((w) => !/is still the placeholder/.test(w.message)).map(formatProblem)).toEqual([]);
  const exam = course.quizzes.find((q) => q.graded);
  expect(new Set(exam?.questions.map((q) => q.type))).toEqual(new Set(QUESTION_TYPES));
  for (const quiz of course.quizzes.filter((q) => !q.graded)) expect(quiz.feedback, quiz.id).toBe('immediate');
});

test.describe('the checks fail on broken content', () => {
  let dir = '';
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'course-'));
    for (const d of ['lessons', 'quizzes', 'imsmanifest.xml', 'course.yaml']) cpSync(join(FIXTURE, d), join(dir, d), { recursive: true });
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const problemsOf = async (): Promise<string[]> => {
    try {
      await loadCourse(dir);
      return [];
    } catch (err) {
      return (err as { problems: ContentProblem[] }).problems.map(formatProblem);
    }
  };

  const edit = (rel: string, change: (text: string) => string) =>
    writeFileSync(join(dir, rel), change(readFileSync(join(dir, rel), 'utf8')));
  const lineOf = (rel: string, re: RegExp) =>
    readFileSync(join(dir, rel), 'utf8')
      .split('\n')
      .findIndex((l) => re.test(l)) + 1;

  test('an objective the exam assesses too rarely is reported at the objective, with how many to write', async () => {
    edit('quizzes/final-exam.yaml', (t) => t.replace(/objectives: \[report_events\]/g, 'objectives: [after_injection]'));
    expect(await problemsOf()).toEqual([
      `lessons/06-risks-patients.md:${lineOf('lessons/06-risks-patients.md', /- id: report_events/)} objectives[3].id: "report_events" is assessed by 0 exam questions in quizzes/final-exam.yaml; each objective needs 2 (rules.exam_questions_per_objective in course.yaml): write 2 more with "objectives: [report_events]"`,
    ]);
  });

  test('too few or too many objectives in a lesson, or a lesson without its knowledge check, fails the build', async () => {
    edit('lessons/03-stem-cells.md', (t) => t.replace(/\nquiz: [a-z_]+\n/, '\n'));
    const problems = await problemsOf();
    expect(problems).toContainEqual(
      expect.stringMatching(/^lessons\/03-stem-cells\.md:2 quiz: has no knowledge check: add "quiz: <id of a quiz in quizzes\/>"/),
    );
    // The check no longer follows a lesson: learners would meet it only at the end.
    expect(problems.length).toBe(1);
    edit('lessons/03-stem-cells.md', (t) =>
      t.replace(/\n {2}- id: msc_action\n {4}text: [^\n]+/, '').replace(/\n {2}- id: msc_products\n {4}text: [^\n]+/, ''),
    );
    expect(await problemsOf()).toContainEqual(
      expect.stringMatching(/^lessons\/03-stem-cells\.md:\d+ objectives: lists 2 objectives; this course gives each lesson 3 to 5/),
    );
  });

  test("the limits are the course's own: course.yaml's rules change them", async () => {
    edit('course.yaml', (t) => t.replace('objectives_per_lesson: { min: 3, max: 5 }', 'objectives_per_lesson: { min: 3, max: 4 }'));
    const problems = await problemsOf();
    expect(problems.length).toBeGreaterThan(0);
    for (const p of problems)
      expect(p).toMatch(/^lessons\/\d\d-[a-z-]+\.md:\d+ objectives: lists 5 objectives; this course gives each lesson 3 to 4/);
    edit('course.yaml', (t) => t.replace('objectives_per_lesson: { min: 3, max: 4 }', 'objectives_per_lesson: { min: 5, max: 4 }'));
    expect(await problemsOf()).toEqual([
      expect.stringMatching(/^course\.yaml:\d+ rules\.objectives_per_lesson: min must not be above max/),
    ]);
  });

  test("an exam whose largest attempt would not fit SCORM 1.2's saved progress fails the build, saying what to shorten", async () => {
    edit('quizzes/final-exam.yaml', (t) =>
      t
        .replace('draw_per_objective: 1', 'draw_per_objective: 2')
        .replace(/(- objective: red_flags\n\s+draw:) 2/, '$1 6')
        .replace(/(- objective: patient_questions\n\s+draw:) 2/, '$1 7'),
    );
    expect(await problemsOf()).toEqual([
      expect.stringMatching(
        /^quizzes\/final-exam\.yaml:\d+ questions: an attempt can draw \d+ questions, and the course's saved progress at its largest would take \d{4} of the 4096 characters SCORM 1\.2 keeps: shorten the longest question and choice ids \(e\.g\. [a-z_0-9]+ \(\d+\)/,
      ),
    ]);
  });

  test('a knowledge check with too many questions fails the build; an unlinked glossary term is a warning', async () => {
    edit('quizzes/anatomy.yaml', (t) => {
      const items = t.slice(t.indexOf('\n  - id: ') + 1);
      return t + items.replace(/^ {2}- id: ([a-z_0-9]+)/gm, '  - id: $1_again');
    });
    expect(await problemsOf()).toContainEqual(
      expect.stringMatching(/^quizzes\/anatomy\.yaml:\d+ questions: holds 10 questions; a knowledge check has 3 to 5/),
    );
    edit('quizzes/anatomy.yaml', () => readFileSync(join(FIXTURE, 'quizzes/anatomy.yaml'), 'utf8'));
    edit(
      'lessons/glossary.yaml',
      (t) => `${t.trimEnd()}\n- id: zygapophysis\n  term: zygapophysis\n  definition: An old name for the facet joint.\n`,
    );
    const { warnings } = await loadCourse(dir, { today: '2026-02-01' });
    expect(warnings.filter((w) => w.file !== 'course.yaml').map(formatProblem)).toEqual([
      `lessons/glossary.yaml:${lineOf('lessons/glossary.yaml', /term: zygapophysis/)} term: "zygapophysis" is used in no lesson, so no lesson links to it: use the term (or add the form the lessons use to its aliases), or remove it`,
    ]);
  });

  test('a question naming an objective that does not exist fails the build', async () => {
    const file = join(dir, 'quizzes/final-exam.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('objectives: [tourism]', 'objectives: [tourisme]'));
    expect((await problemsOf())[0]).toMatch(
      /^quizzes\/final-exam\.yaml:\d+ questions\[\d+\]\.objectives\[0\]: "tourisme" is not the id of any lesson objective/,
    );
  });

  test('a lesson without references, or without key points, fails the build', async () => {
    const file = join(dir, 'lessons/03-stem-cells.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/references:\n( {2}.*\n)+/, '').replace('## Key points', '## Summary'));
    expect(await problemsOf()).toEqual([
      'lessons/03-stem-cells.md:2 references: is missing: add it (a list)',
      expect.stringMatching(/^lessons\/03-stem-cells\.md:\d+ body: has no "## Key points" section/),
    ]);
  });
});
