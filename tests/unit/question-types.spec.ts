import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { formatProblem } from '../../src/content/errors.ts';
import { parseQuiz } from '../../src/content/load-course.ts';
import { KINDS, kindOf, QUESTION_TYPES } from '../../src/course/question-types/index.ts';
import { correctAnswer, isAnswered, isValidAnswer, optionOrder, questionScore, toInteraction } from '../../src/course/questions.ts';
import { formatScorm12, formatScorm2004 } from '../../src/scorm/interaction-format.ts';
import { courseData } from '../support/flows.ts';
import { ROOT } from '../support/paths.ts';
import { harnessFile, harnessOf } from '../support/questions/index.ts';

/**
 * Every registered question type, through its rules, over every question the course asks:
 * a new type is held to the same contract by adding it to the registry and the content.
 */

const file = (type: string) => `${type.replace(/_/g, '-')}.ts`;

test('every type has its component, its test harness and an example in the content', async () => {
  const course = await courseData();
  const asked = new Set(course.quizzes.flatMap((q) => q.questions.map((x) => x.type)));
  for (const type of QUESTION_TYPES) {
    expect(existsSync(join(ROOT, 'src/ui/questions', file(type))), `src/ui/questions/${file(type)}`).toBe(true);
    expect(existsSync(join(ROOT, 'tests/support/questions', harnessFile(type))), `tests/support/questions/${harnessFile(type)}`).toBe(true);
    expect(asked.has(type), `no quiz asks a ${type} question`).toBe(true);
  }
  expect(new Set(KINDS.map((k) => k.label)).size).toBe(KINDS.length);
});

test("for every question: the correct answer scores 1, the harness's wrong answer 0, and both report in both versions", async () => {
  const course = await courseData();
  for (const quiz of course.quizzes) {
    for (const q of quiz.questions) {
      const right = correctAnswer(q);
      const wrong = harnessOf(q).wrong(q);
      for (const [answer, score] of [
        [right, 1],
        [wrong, 0],
      ] as const) {
        expect(isValidAnswer(q, answer), `${q.id} ${answer.join()}`).toBe(true);
        expect(isAnswered(q, answer), `${q.id} ${answer.join()}`).toBe(true);
        expect(questionScore(q, answer), `${q.id} ${answer.join()}`).toBe(score);
        const report = toInteraction(q, answer);
        for (const formatted of [formatScorm12(report), formatScorm2004(report)]) {
          expect(formatted.response, `${q.id}: a complete answer reports a response`).not.toBeNull();
          expect(formatted.pattern, `${q.id}: a scored question reports its correct pattern`).not.toBeNull();
        }
      }
      // Right in words is not empty, and an answer not given reads as none.
      expect(kindOf(q).describe(q, right)).not.toBe('');
      expect(kindOf(q).describe(q, [])).toBe('');
      expect(isAnswered(q, []), q.id).toBe(false);
    }
  }
});

test('the longest answer is one a learner can give, and option orders are a stable permutation', async () => {
  const course = await courseData();
  for (const quiz of course.quizzes) {
    for (const q of quiz.questions) {
      expect(isValidAnswer(q, kindOf(q).longestAnswer(q)), q.id).toBe(true);
      const order = optionOrder(q, 42, true);
      expect(optionOrder(q, 42, true), `${q.id}: the same seed gives the same order`).toEqual(order);
      const words = kindOf(q).vocabulary(q);
      const options = (q.type === 'matching' || q.type === 'label_diagram' ? words.targets : order.length ? words.sources : []) ?? [];
      expect([...order].sort(), q.id).toEqual(options.map((o) => o.id).sort());
    }
  }
});

const FIGURE =
  '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 100 80"><rect class="bone" x="10" y="10" width="30" height="20"/></svg>';
const DIAGRAM = `id: anatomy_quiz
title: Check
pass_mark: 80
questions:
  - id: parts
    type: label_diagram
    prompt: Name each numbered part.
    objectives: [spine_regions]
    figure: figures/parts.svg
    alt: Two shapes, numbered 1 and 2.
    parts:
      - { id: p1, at: [20, 20], where: "on the left", match: a }
      - { id: p2, at: [60, 20], to: [70, 30], where: "on the right", match: b }
    labels:
      - { id: a, text: Alpha }
      - { id: b, text: Beta }
      - { id: c, text: Gamma }
    rationale: Because.
`;

function diagramErrors(yaml: string, files: Record<string, string> = { 'figures/parts.svg': FIGURE }): string[] {
  return parseQuiz('quizzes/anatomy.yaml', yaml, (name) => files[name] ?? null).problems.map(formatProblem);
}

test.describe('label the diagram: the build reads the figure and checks it', () => {
  test('a valid question takes in the figure, numbers its parts and reports as matching', () => {
    const parsed = parseQuiz('quizzes/anatomy.yaml', DIAGRAM, (name) => (name === 'figures/parts.svg' ? FIGURE : null));
    expect(parsed.problems).toEqual([]);
    const q = parsed.quiz?.questions[0];
    if (q?.type !== 'label_diagram') throw new Error('not a diagram');
    expect(q.viewBox).toEqual([0, 0, 100, 80]);
    expect(q.svg).toBe('<rect class="bone" x="10" y="10" width="30" height="20"/>');
    expect(q.parts.map((p) => p.text)).toEqual(['Part 1', 'Part 2']);
    expect(formatScorm12(toInteraction(q, ['p1.b', 'p2.a']))).toEqual({ type: 'matching', response: 'a.b,b.a', pattern: 'a.a,b.b' });
    expect(formatScorm2004(toInteraction(q, ['p1.a']))).toEqual({ type: 'matching', response: 'p1[.]a', pattern: 'p1[.]a[,]p2[.]b' });
    expect(questionScore(q, ['p1.a', 'p2.c'])).toBe(0);
    expect(questionScore({ ...q, scoring: 'partial' }, ['p1.a', 'p2.c'])).toBe(0.5);
  });

  test('a missing figure, a marker outside it, a name written in it and unsafe content each fail at their line', () => {
    expect(diagramErrors(DIAGRAM, {})).toEqual([
      'quizzes/anatomy.yaml:9 questions[0].figure: "figures/parts.svg" was not found next to the quiz file: check the name, or add the SVG there',
    ]);
    expect(diagramErrors(DIAGRAM.replace('at: [60, 20]', 'at: [160, 20]'))).toEqual([
      'quizzes/anatomy.yaml:13 questions[0].parts[1].at: [160, 20] is outside the figure, whose viewBox is 0 0 100 80',
    ]);
    expect(diagramErrors(DIAGRAM, { 'figures/parts.svg': FIGURE.replace('</svg>', '<text x="5" y="5">alpha</text></svg>') })).toEqual([
      'quizzes/anatomy.yaml:15 questions[0].labels[0].text: "Alpha" is written in the figure itself, which gives the answer away: remove it from figures/parts.svg',
    ]);
    expect(
      diagramErrors(DIAGRAM, { 'figures/parts.svg': FIGURE.replace('<rect', '<image href="https://example.org/x.png"/><rect') })[0],
    ).toContain('contains a link to another file or address');
    expect(diagramErrors(DIAGRAM, { 'figures/parts.svg': '<png/>' })[0]).toContain('must be one <svg> element with a viewBox');
    expect(diagramErrors(DIAGRAM.replace('match: b }', 'match: z }'))).toEqual([
      'quizzes/anatomy.yaml:13 questions[0].parts[1].match: "z" is not one of the label ids a, b, c',
    ]);
  });
});
