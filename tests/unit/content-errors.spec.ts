import { QUESTION_TYPES } from '../../src/course/question-types/index.ts';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { formatProblem } from '../../src/content/errors.ts';
import { loadCourse, parseLesson, parseQuiz } from '../../src/content/load-course.ts';
import { FIXTURE } from '../support/paths.ts';

const QUIZ = `id: anatomy_quiz
title: Anatomy quiz
pass_mark: 80
graded: true
questions:
  - id: q1
    type: single
    prompt: First?
    objectives: [spine_regions]
    choices:
      - id: a
        text: One
      - id: b
        text: Two
    correct: a
    rationale: Because.
  - id: q2
    type: single
    prompt: Second?
    objectives: [spine_regions]
    choices: [{ id: a, text: One }, { id: b, text: Two }]
    correct: b
    rationale: Because.
  - id: q3
    type: single
    prompt: Third?
    objectives: [spine_regions]
    choices: [{ id: a, text: One }, { id: b, text: Two }, { id: c, text: Three }, { id: d, text: Four }]
    correct: e
    rationale: Because.
`;

function quizErrors(text: string): string[] {
  return parseQuiz('quizzes/anatomy.yaml', text).problems.map(formatProblem);
}

test('a wrong correct answer names the file, the line, the field and the valid ids', () => {
  expect(quizErrors(QUIZ)).toEqual(['quizzes/anatomy.yaml:29 questions[2].correct: "e" is not one of the choice ids a, b, c, d']);
});

test('a valid quiz has no problems', () => {
  expect(quizErrors(QUIZ.replace('correct: e', 'correct: d'))).toEqual([]);
});

test('choices are shuffled unless the quiz says otherwise, so the key is not guessable from its place', () => {
  const valid = QUIZ.replace('correct: e', 'correct: d');
  expect(parseQuiz('quizzes/anatomy.yaml', valid).quiz?.shuffleChoices).toBe(true);
  expect(parseQuiz('quizzes/anatomy.yaml', `shuffle_choices: false\n${valid}`).quiz?.shuffleChoices).toBe(false);
});

test('a missing field says what to add, at the line of its parent', () => {
  expect(quizErrors(QUIZ.replace('    rationale: Because.\n  - id: q2', '  - id: q2'))).toEqual([
    'quizzes/anatomy.yaml:6 questions[0].rationale: is missing: add it (a string)',
    'quizzes/anatomy.yaml:28 questions[2].correct: "e" is not one of the choice ids a, b, c, d',
  ]);
});

test('a misspelt field is pointed at by its own line', () => {
  const errors = quizErrors(QUIZ.replace('correct: e', 'correct: d').replace('pass_mark: 80', 'pass_mark: 80\npassmark: 70'));
  expect(errors).toEqual(['quizzes/anatomy.yaml:4 passmark: unknown field "passmark": check its spelling or remove it']);
});

test('ids that an LMS would reject are refused with a suggestion', () => {
  const errors = quizErrors(QUIZ.replace('correct: e', 'correct: d').replace('  - id: q1', '  - id: Question-1'));
  expect(errors).toEqual([
    'quizzes/anatomy.yaml:6 questions[0].id: "Question-1" is not a valid id: use 1-40 lower-case letters, digits and _, starting with a letter (e.g. "question_1")',
  ]);
});

test('an unknown question type and a pass mark out of range are explained', () => {
  const errors = quizErrors(
    QUIZ.replace('correct: e', 'correct: d')
      .replace('pass_mark: 80', 'pass_mark: 180')
      .replace('    type: single\n    prompt: First?', '    type: essay\n    prompt: First?'),
  );
  expect(errors).toEqual([
    'quizzes/anatomy.yaml:3 pass_mark: must be from 0 to 100',
    `quizzes/anatomy.yaml:7 questions[0].type: type must be one of: ${QUESTION_TYPES.join(', ')}`,
  ]);
});

test('duplicate ids are reported where the second one stands', () => {
  const errors = quizErrors(QUIZ.replace('correct: e', 'correct: d').replace('  - id: q2', '  - id: q1'));
  expect(errors).toEqual([
    'quizzes/anatomy.yaml:17 questions[1].id: "q1" is used by another question in this quiz: give each question its own id',
  ]);
});

test('YAML syntax errors carry their line', () => {
  expect(quizErrors('id: x\ntitle: [unclosed\npass_mark: 80\n')[0]).toMatch(/^quizzes\/anatomy\.yaml:\d+: YAML syntax error: /);
});

test('an indentation mistake is one message at the line that is out of line, saying which columns fit', () => {
  const quiz = readFileSync(join(FIXTURE, 'quizzes/anatomy.yaml'), 'utf8');
  const lineOf = (text: string, re: RegExp) => text.split('\n').findIndex((l) => re.test(l)) + 1;
  const over = quiz.replace(/\n {4}rationale:/, '\n      rationale:');
  expect(quizErrors(over)).toEqual([
    `quizzes/anatomy.yaml:${lineOf(over, /^ {6}rationale:/)}: is indented more than the line above (6 spaces; the line above has 4): fields of the same item start at the same column, and text that goes on from the line above must be in quotes`,
  ]);
  const under = quiz.replace(/\n {4}rationale:/, '\n   rationale:');
  expect(quizErrors(under)).toEqual([
    `quizzes/anatomy.yaml:${lineOf(under, /^ {3}rationale:/)}: is indented 3 spaces, which lines up with nothing above it: indent it like the fields it belongs with (2 or 4 spaces)`,
  ]);
  const tab = quiz.replace(/\n {4}rationale:/, '\n\trationale:');
  expect(quizErrors(tab)).toEqual([
    `quizzes/anatomy.yaml:${lineOf(tab, /^\trationale:/)}: is indented with a tab: YAML needs spaces; indent with spaces only`,
  ]);
  const items = quiz.replace(/\n {6}- \{ id: /, '\n    - { id: ');
  expect(quizErrors(items)).toEqual([
    `quizzes/anatomy.yaml:${lineOf(items, /^ {6}- \{ id: /)}: starts a list item 6 spaces in, but the items above start 4 spaces in: items of one list line up`,
  ]);
  // In lesson front matter, at the file's own line.
  const lesson = readFileSync(join(FIXTURE, 'lessons/01-anatomy.md'), 'utf8');
  const shifted = lesson.replace(/\n {4}text: Name the five/, '\n      text: Name the five');
  expect(parseLesson('lessons/01-anatomy.md', shifted).problems.map(formatProblem)).toEqual([
    `lessons/01-anatomy.md:${lineOf(shifted, /^ {6}text: Name the five/)}: is indented more than the line above (6 spaces; the line above has 4): fields of the same item start at the same column, and text that goes on from the line above must be in quotes`,
  ]);
});

test('lesson front matter errors are reported at file lines, not front-matter lines', () => {
  const lesson =
    '---\nid: anatomy\ntitle: Anatomy\nminutes: ten\nobjectives:\n  - id: spine_regions\n    text: Name the regions.\nreferences:\n  - id: src\n    text: A source, 2020.\n---\n\nBody.\n\n## Key points\n\n- One.\n';
  expect(parseLesson('lessons/01-anatomy.md', lesson).problems.map(formatProblem)).toEqual([
    'lessons/01-anatomy.md:4 minutes: must be the estimated reading time in whole minutes, e.g. 10',
  ]);
});

test('a lesson without front matter, or with a level-1 heading, is refused', () => {
  expect(parseLesson('lessons/x.md', '# Title\n\nBody').problems.map(formatProblem)).toEqual([
    'lessons/x.md:1: must start with front matter: a line "---", the fields id, title and objectives, and another "---"',
  ]);
  const lesson =
    '---\nid: anatomy\ntitle: Anatomy\nminutes: 10\nobjectives:\n  - id: spine_regions\n    text: Name the regions.\nreferences:\n  - id: src\n    text: A source, 2020.\n---\n\n# Big title\n\n## Key points\n';
  expect(parseLesson('lessons/x.md', lesson).problems.map(formatProblem)).toEqual([
    `lessons/x.md:13 body: "# Big title" is a level-1 heading; the lesson title is the page's only one: use "## " for sections`,
  ]);
});

test.describe('the whole course', () => {
  let dir = '';
  test.beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'course-'));
    for (const d of ['lessons', 'quizzes', 'imsmanifest.xml', 'course.yaml']) cpSync(join(FIXTURE, d), join(dir, d), { recursive: true });
  });
  test.afterEach(() => rmSync(dir, { recursive: true, force: true }));

  const edit = (file: string, from: string | RegExp, to: string) => {
    const path = join(dir, file);
    const before = readFileSync(path, 'utf8');
    const after = before.replace(from, to);
    expect(after).not.toBe(before);
    writeFileSync(path, after);
  };
  const errorsOf = async () => {
    try {
      await loadCourse(dir);
      return [];
    } catch (err) {
      return (err as { problems: Parameters<typeof formatProblem>[0][] }).problems.map(formatProblem);
    }
  };

  test('the shipped content builds without errors', async () => {
    expect(await errorsOf()).toEqual([]);
  });

  test('a pass mark that differs from the manifest mastery score fails with both places named', async () => {
    edit('quizzes/final-exam.yaml', 'pass_mark: 80', 'pass_mark: 70');
    const [error] = await errorsOf();
    expect(error).toMatch(/^quizzes\/final-exam\.yaml:5 pass_mark: 70 differs from adlcp:masteryscore 80 in imsmanifest\.xml:\d+; /);
  });

  test('a question that assesses an unknown objective is reported at its line', async () => {
    edit('quizzes/anatomy.yaml', 'objectives: [spine_regions]', 'objectives: [spine_region]');
    expect(await errorsOf()).toEqual([
      'quizzes/anatomy.yaml:10 questions[0].objectives[0]: "spine_region" is not the id of any lesson objective (see the objectives in lessons/*.md)',
    ]);
  });

  test('a manifest that breaks the SCORM 1.2 schema is reported with its line', async () => {
    edit('imsmanifest.xml', 'adlcp:scormtype="sco"', 'adlcp:scormType="sco"');
    const errors = await errorsOf();
    expect(errors).toHaveLength(1);
    expect(errors[0]).toMatch(/^imsmanifest\.xml:\d+: does not follow the SCORM 1\.2 manifest schema: .*scormType/);
  });
});
