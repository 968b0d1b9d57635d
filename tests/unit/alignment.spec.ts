import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { formatProblem, type ContentProblem } from '../../src/content/errors.ts';
import { loadCourse } from '../../src/content/load-course.ts';
import type { Course } from '../../src/course/types.ts';
import { ROOT } from '../support/paths.ts';

/** Objectives assessed by fewer than two questions of the graded exam. */
function underAssessed(course: Course): string[] {
  const exam = course.quizzes.find((q) => q.id === course.gradedQuiz);
  const count = new Map<string, number>();
  for (const q of exam?.questions ?? []) for (const o of q.objectives) count.set(o, (count.get(o) ?? 0) + 1);
  return course.lessons.flatMap((l) => l.objectives.map((o) => o.id)).filter((id) => (count.get(id) ?? 0) < 2);
}

test('every lesson objective is assessed by at least two final-exam questions', async () => {
  const { course } = await loadCourse(ROOT);
  expect(underAssessed(course)).toEqual([]);
});

test('the course has six lessons, each with 3-5 objectives, references and a key-points summary', async () => {
  const { course } = await loadCourse(ROOT);
  expect(course.lessons).toHaveLength(6);
  for (const lesson of course.lessons) {
    expect(lesson.objectives.length, lesson.id).toBeGreaterThanOrEqual(3);
    expect(lesson.objectives.length, lesson.id).toBeLessThanOrEqual(5);
    expect(lesson.references.length, lesson.id).toBeGreaterThan(0);
    expect(lesson.html, lesson.id).toContain('<h2>Key points</h2>');
    expect(lesson.quiz, `${lesson.id} has a knowledge check`).toBeTruthy();
  }
});

test('knowledge checks have 3-5 questions with immediate feedback; the exam bank has 40 or more in several types', async () => {
  const { course } = await loadCourse(ROOT);
  for (const quiz of course.quizzes.filter((q) => !q.graded)) {
    expect(quiz.questions.length, quiz.id).toBeGreaterThanOrEqual(3);
    expect(quiz.questions.length, quiz.id).toBeLessThanOrEqual(5);
    expect(quiz.feedback, quiz.id).toBe('immediate');
  }
  const exam = course.quizzes.find((q) => q.graded);
  expect(exam?.questions.length).toBeGreaterThanOrEqual(40);
  expect(new Set(exam?.questions.map((q) => q.type))).toEqual(new Set(['single', 'multiple', 'true_false', 'matching', 'ordering', 'numeric']));
});

test('every glossary term is linked from at least one lesson', async () => {
  const { course } = await loadCourse(ROOT);
  const unlinked = course.glossary.filter((g) => !course.lessons.some((l) => l.html.includes(`data-term="${g.id}"`)));
  expect(unlinked.map((g) => g.id)).toEqual([]);
});

test.describe('the checks fail on broken content', () => {
  let dir = '';
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'course-'));
    for (const d of ['lessons', 'quizzes', 'imsmanifest.xml', 'course.yaml']) cpSync(join(ROOT, d), join(dir, d), { recursive: true });
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

  test('an objective assessed only once is reported', async () => {
    const file = join(dir, 'quizzes/final-exam.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('objectives: [report_events]\n    choices:', 'objectives: [after_injection]\n    choices:'));
    const { course } = await loadCourse(dir);
    expect(underAssessed(course)).toEqual(['report_events']);
  });

  test('a question naming an objective that does not exist fails the build', async () => {
    const file = join(dir, 'quizzes/final-exam.yaml');
    writeFileSync(file, readFileSync(file, 'utf8').replace('objectives: [tourism]', 'objectives: [tourisme]'));
    expect((await problemsOf())[0]).toMatch(/^quizzes\/final-exam\.yaml:\d+ questions\[\d+\]\.objectives\[0\]: "tourisme" is not the id of any lesson objective/);
  });

  test('a lesson without references, or without key points, fails the build', async () => {
    const file = join(dir, 'lessons/03-stem-cells.md');
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/references:\n(  .*\n)+/, '').replace('## Key points', '## Summary'));
    expect(await problemsOf()).toEqual([
      'lessons/03-stem-cells.md:2 references: is missing: add it (a list)',
      expect.stringMatching(/^lessons\/03-stem-cells\.md:\d+ body: has no "## Key points" section/),
    ]);
  });
});
