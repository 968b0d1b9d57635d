import { mkdtempSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { formatProblem, type ContentProblem } from '../../src/content/errors.ts';
import { loadCourse } from '../../src/content/load-course.ts';
import { drawQuestions } from '../../src/course/pool.ts';
import { questionScore } from '../../src/course/questions.ts';
import { attemptResult, courseOutcome, criticalCap, initialState, startAttempt, submitQuiz, answer } from '../../src/course/state.ts';
import type { Answer, Question } from '../../src/course/types.ts';
import { correctAnswer } from '../../src/course/questions.ts';
import { wrongAnswer } from '../support/learner.ts';
import { FIXTURE, ROOT } from '../support/paths.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';

const SEEDS = 2000;

test(`every exam draw over ${SEEDS} seeds asks each blueprint objective its number of questions, always questions included, and every objective at least once`, async () => {
  const { course } = await loadCourse(ROOT);
  const exam = course.quizzes.find((q) => q.id === course.gradedQuiz);
  if (!exam) throw new Error('no graded exam');
  expect(
    exam.blueprint.some((b) => b.critical),
    'the exam has critical objectives',
  ).toBe(true);
  const objectives = new Set(exam.questions.flatMap((q) => q.objectives));
  const byId = new Map(exam.questions.map((q) => [q.id, q]));
  const sizes = new Set<number>();
  // Failures are collected and asserted once: an expect per check would be slow over thousands of draws.
  const failures: string[] = [];
  for (let seed = 0; seed < SEEDS; seed++) {
    const drawn = drawQuestions(exam, seed * 7919 + 13).map((id) => byId.get(id) as Question);
    sizes.add(drawn.length);
    if (new Set(drawn.map((q) => q.id)).size !== drawn.length) failures.push(`seed ${seed}: a question drawn twice`);
    for (const o of objectives) if (!drawn.some((q) => q.objectives.includes(o))) failures.push(`seed ${seed}: no question on ${o}`);
    for (const entry of exam.blueprint) {
      const on = drawn.filter((q) => q.objectives.includes(entry.objective)).map((q) => q.id);
      if (on.length < entry.draw) failures.push(`seed ${seed}: ${on.length} of ${entry.draw} questions on ${entry.objective}`);
      for (const id of entry.always) if (!on.includes(id)) failures.push(`seed ${seed}: ${id} not drawn`);
      if (entry.oneOf.length && !entry.oneOf.some((id) => on.includes(id)))
        failures.push(`seed ${seed}: none of ${entry.oneOf.join(', ')} drawn for ${entry.objective}`);
    }
  }
  expect(failures).toEqual([]);
  // The time limit is set for the longest draw, so the number asked must stay within a narrow range.
  expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(3);
});

test('a blueprint entry draws more questions on its objective, and always questions come in every draw', () => {
  const bank: Question[] = ['a', 'b', 'c', 'd'].map((id) => ({ ...QUESTIONS.single, id, objectives: ['o1'] }));
  const quiz = quizOf([...bank, QUESTIONS.true_false], {
    drawPerObjective: 1,
    blueprint: [{ objective: 'o1', draw: 3, always: ['d'], oneOf: [], critical: false }],
  });
  for (let seed = 0; seed < 200; seed++) {
    const drawn = drawQuestions(quiz, seed);
    expect(drawn.filter((id) => 'abcd'.includes(id))).toHaveLength(3);
    expect(drawn).toContain('d');
    expect(drawn).toContain('tf');
  }
});

test('a one_of set puts one of its questions in every draw, each of them in some draws', () => {
  const bank: Question[] = ['a', 'b', 'c', 'd', 'e', 'f'].map((id) => ({ ...QUESTIONS.single, id, objectives: ['o1'] }));
  const quiz = quizOf([...bank, QUESTIONS.true_false], {
    drawPerObjective: 1,
    blueprint: [{ objective: 'o1', draw: 2, always: [], oneOf: ['e', 'f'], critical: true }],
  });
  const seen = new Set<string>();
  for (let seed = 0; seed < 1000; seed++) {
    const drawn = drawQuestions(quiz, seed);
    expect(drawn.filter((id) => 'abcdef'.includes(id))).toHaveLength(2);
    const fromSet = drawn.filter((id) => id === 'e' || id === 'f');
    expect(fromSet.length).toBeGreaterThanOrEqual(1);
    fromSet.forEach((id) => seen.add(id));
  }
  expect([...seen].sort()).toEqual(['e', 'f']);
});

function submitted(answers: Record<string, Answer>, passMark = 80) {
  const questions: Question[] = [
    ...['q1', 'q2', 'q3', 'q4', 'q5', 'q6', 'q7', 'q8', 'q9'].map((id) => ({ ...QUESTIONS.single, id, objectives: ['o1'] })),
    { ...QUESTIONS.single, id: 'crit', objectives: ['o2'] },
  ];
  const quiz = quizOf(questions, {
    passMark,
    blueprint: [{ objective: 'o2', draw: 1, always: [], oneOf: [], critical: true }],
    drawPerObjective: 9,
  });
  const course = courseOf(quiz);
  let s = startAttempt(course, initialState(), 'exam', { seed: 1, now: 0, limitMs: null });
  for (const q of questions) s = answer(s, 'exam', q.id, answers[q.id] ?? correctAnswer(q), 1);
  const attempt = s.quizzes.exam?.attempt;
  if (!attempt) throw new Error('no attempt');
  return { quiz, course, attempt, after: submitQuiz(course, s, 'exam'), questions };
}

test('a missed critical question fails the attempt whatever its percentage, and caps the recorded score below the pass mark', () => {
  const crit = { ...QUESTIONS.single, id: 'crit', objectives: ['o2'] } as Question;
  const { quiz, course, attempt, after } = submitted({ crit: wrongAnswer(crit) });
  expect(questionScore(crit, attempt.answers.crit)).toBe(0);
  const result = attemptResult(quiz, attempt, 80);
  expect(result).toEqual({ percent: 90, criticalMissed: ['o2'], score: 79, passed: false });
  expect(after.quizzes.exam).toMatchObject({ bestScore: 79, lastScore: 79 });
  expect(courseOutcome(course, after)).toMatchObject({ score: 79, passed: false });
  // The cap follows the pass mark in force (an LMS's mastery score may differ from the authored one).
  expect(criticalCap(80)).toBe(79);
  expect(criticalCap(70.5)).toBe(70);
  expect(criticalCap(0)).toBe(0);
});

test('a critical question answered correctly leaves the percentage alone; a low score is not raised by the cap', () => {
  const { quiz, attempt, after } = submitted({});
  expect(attemptResult(quiz, attempt, 80)).toEqual({ percent: 100, criticalMissed: [], score: 100, passed: true });
  expect(after.quizzes.exam?.bestScore).toBe(100);
  const q = (id: string) => ({ ...QUESTIONS.single, id, objectives: ['o1'] }) as Question;
  const crit = { ...QUESTIONS.single, id: 'crit', objectives: ['o2'] } as Question;
  const low = submitted({
    q1: wrongAnswer(q('q1')),
    q2: wrongAnswer(q('q2')),
    q3: wrongAnswer(q('q3')),
    q4: wrongAnswer(q('q4')),
    crit: wrongAnswer(crit),
  });
  expect(attemptResult(low.quiz, low.attempt, 80)).toMatchObject({ percent: 50, score: 50, passed: false });
});

test.describe('the blueprint is checked at build, with file and line', () => {
  let dir = '';
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'course-'));
    for (const d of ['lessons', 'quizzes', 'imsmanifest.xml', 'course.yaml']) cpSync(join(FIXTURE, d), join(dir, d), { recursive: true });
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const problemsAfter = async (edit: (yaml: string) => string): Promise<string[]> => {
    const file = join(dir, 'quizzes/final-exam.yaml');
    writeFileSync(file, edit(readFileSync(file, 'utf8')));
    try {
      await loadCourse(dir);
      return [];
    } catch (err) {
      return (err as { problems: ContentProblem[] }).problems.map(formatProblem);
    }
  };
  const lineOf = (text: string) =>
    readFileSync(join(dir, 'quizzes/final-exam.yaml'), 'utf8')
      .split('\n')
      .findIndex((l) => l.includes(text)) + 1;

  test('an objective with too few questions for its draw', async () => {
    const problems = await problemsAfter((y) => y.replace(/(- objective: red_flags\n\s+draw:) 2/, '$1 40'));
    expect(problems).toEqual([
      expect.stringMatching(
        new RegExp(
          `^quizzes/final-exam.yaml:${lineOf('draw: 40')} blueprint\\[0\\]\\.draw: 40 is more than the \\d+ questions assessing "red_flags"`,
        ),
      ),
    ]);
  });

  test('an objective no question assesses, and an always question on another objective', async () => {
    const problems = await problemsAfter((y) =>
      y.replace(
        '  - objective: after_injection\n',
        '  - objective: spine_regionz\n  - objective: after_injection\n    always: [' + firstQuestionId(y) + ']\n',
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(
        new RegExp(
          `^quizzes/final-exam.yaml:${lineOf('objective: spine_regionz')} blueprint\\[1\\]\\.objective: no question in this quiz assesses "spine_regionz"`,
        ),
      ),
    );
    expect(problems).toContainEqual(
      expect.stringMatching(/blueprint\[2\]\.always\[0\]: question "[a-z0-9_]+" does not assess "after_injection"/),
    );
  });

  test('a blueprint without draw_per_objective', async () => {
    const problems = await problemsAfter((y) => y.replace('draw_per_objective: 1\n', ''));
    expect(problems).toEqual([expect.stringMatching(/^quizzes\/final-exam.yaml:\d+ blueprint: needs draw_per_objective/)]);
  });
});

/** The id of the bank's first question that does not assess after_injection. */
function firstQuestionId(yaml: string): string {
  const blocks = yaml.split('\n  - id: ').slice(1);
  const block = blocks.find((b) => !b.includes('after_injection'));
  return block?.split('\n')[0]?.trim() ?? '';
}
