import { cpSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { blindGuess, lexiconCount, simulateTestWiseLearner, strategyOdds, STRATEGIES } from '../../src/content/cue-strategies.ts';
import { formatProblem } from '../../src/content/errors.ts';
import { checkItemQuality, type ItemFinding } from '../../src/content/item-quality.ts';
import { loadCourse, parseQuiz } from '../../src/content/load-course.ts';
import type { Question } from '../../src/course/types.ts';
import { FIXTURE, ROOT } from '../support/paths.ts';
import { LOOSE_RULES, QUESTIONS, quizOf } from '../support/sample-course.ts';

// The test-wise learner (rules 9-11 of docs/item-quality.md): small hand-made exams in YAML,
// checked as the build checks them.

interface Item {
  id: string;
  prompt?: string;
  choices?: string[];
  correct?: number | boolean;
  type?: 'single' | 'true_false' | 'multiple';
  objective?: string;
  level?: 'recall' | 'application' | null;
}

function itemYaml({
  id,
  prompt = `Question ${id}?`,
  choices = [],
  correct = 0,
  type = 'single',
  objective = 'spine_regions',
  level = 'application',
}: Item) {
  const lines = [`  - id: ${id}`, `    type: ${type}`, `    prompt: "${prompt}"`, `    objectives: [${objective}]`];
  if (type !== 'true_false') lines.push('    choices:', ...choices.map((c, i) => `      - { id: c${i}, text: "${c}" }`));
  if (type === 'single') lines.push(`    correct: c${String(correct)}`);
  else if (type === 'multiple') lines.push('    correct: [c0, c1]');
  else lines.push(`    correct: ${String(correct)}`);
  lines.push('    rationale: Because.');
  if (level) lines.push(`    level: ${level}`);
  return lines.join('\n');
}

function exam(items: Item[], header: string[] = []) {
  const text = ['id: exam', 'title: Exam', 'pass_mark: 80', 'graded: true', ...header, 'questions:', ...items.map(itemYaml), ''].join('\n');
  const parsed = parseQuiz('quizzes/exam.yaml', text);
  expect(parsed.problems.map(formatProblem)).toEqual([]);
  const report = checkItemQuality([{ quiz: parsed.quiz!, source: parsed.source }], []);
  const line = (snippet: string) => text.split('\n').findIndex((l) => l.includes(snippet)) + 1;
  return { ...report, text, line };
}

const errorsOf = (findings: ItemFinding[], rule: ItemFinding['rule']) =>
  findings.filter((f) => f.rule === rule && f.severity === 'error').map((f) => f.message);

/** Twelve items, `make(i)` giving each one's options and key. */
const twelve = (make: (i: number) => Omit<Item, 'id'>): Item[] => Array.from({ length: 12 }, (_, i) => ({ id: `q${i}`, ...make(i) }));

test('an exam whose key is always the longest option fails, naming the longest strategy, which passes every attempt', () => {
  const b = exam(
    twelve((i) => ({
      choices: ['Book a routine visit', 'Give the leaflet', 'Reassure the patient', 'Pass the question on to the provider'],
      correct: 3,
      prompt: `Case ${i}: a patient asks about the clinic. What do you do?`,
    })),
  );
  const errors = errorsOf(b.findings, 'test-wise-strategy');
  const longest = errors.find((m) => m.startsWith('the "longest" strategy'));
  expect(longest).toContain('100% on the single-choice questions, against 25% by chance (+75.0 points)');
  expect(longest).toContain('passes 100.0% of 2000 simulated attempts');
  expect(longest).toContain('q0 (quizzes/exam.yaml:');
  const figures = b.testWise[0]!.strategies.find((s) => s.name === 'longest')!;
  expect(figures.single.right).toBe(1);
  expect(figures.passed).toBe(1);
  expect(b.findings.every((f) => f.line > 0 && f.file === 'quizzes/exam.yaml')).toBe(true);
});

test('an exam whose key is always the most urgent-sounding option fails, naming that strategy', () => {
  // Options of equal length, so that no length strategy works; the key moves around.
  const options = ['Call the clinician today', 'Note it in the chart now', 'Ask again at next visit.', 'Book a routine check-up.'];
  expect(new Set(options.map((o) => o.length)).size).toBe(1);
  const b = exam(
    twelve((i) => {
      const k = i % 4;
      const choices = options.slice(1);
      choices.splice(k, 0, options[0]!);
      return { choices, correct: k, prompt: `Case ${i}: a patient reports a new symptom. What do you do?` };
    }),
  );
  const errors = errorsOf(b.findings, 'test-wise-strategy');
  expect(errors.some((m) => m.startsWith('the "most urgent" strategy'))).toBe(true);
  // Lengths tell nothing: the length strategies guess.
  const figures = b.testWise[0]!.strategies;
  expect(figures.filter((f) => ['longest', 'shortest', 'middle length'].includes(f.name)).map((f) => f.single.right)).toEqual([
    0.25, 0.25, 0.25,
  ]);
  // "Note it in the chart now" sounds urgent too, but less than "Call ... today" (two words): the key alone.
  expect(figures.find((f) => f.name === 'most urgent')!.single.right).toBe(1);
});

test('an exam whose key always acts now fails, naming the "acts now" strategy', () => {
  // Options of equal length, the key alternating between two immediate wordings and moving around.
  const keys = ['Fetch the clinician now.', 'Keep her on the line too'];
  const wrong = ['Book a routine check-up.', 'Ask again at next visit.', 'Hand her a leaflet, too.'];
  expect(new Set([...keys, ...wrong].map((o) => o.length)).size).toBe(1);
  const b = exam(
    twelve((i) => {
      const k = i % 4;
      const choices = [...wrong];
      choices.splice(k, 0, keys[i % 2]!);
      return { choices, correct: k, prompt: `Case ${i}: a caller reports a new symptom. What do you do?` };
    }),
  );
  const errors = errorsOf(b.findings, 'test-wise-strategy');
  const actsNow = errors.find((m) => m.startsWith('the "acts now" strategy'));
  expect(actsNow).toContain('100% on the single-choice questions, against 25% by chance (+75.0 points)');
  expect(actsNow).toContain(
    "Give wrong options immediate wording too: an immediate action that is wrong, or 'now' attached to the wrong route",
  );
  expect(b.testWise[0]!.strategies.find((f) => f.name === 'acts now')!.single.right).toBe(1);
});

test('an exam whose wrong options all sell the treatment or dismiss it fails, naming the "measured stance" strategy', () => {
  // Equal lengths and no hedging in the key: only the stance tells the key from the rest.
  const key = 'Trials so far are small and mixed.';
  const wrong = ['Proven to cure stenosis in a week.', 'It is a scam and a waste of money.', 'These cells regrow discs; go ahead'];
  expect(new Set([key, ...wrong].map((o) => o.length)).size).toBe(1);
  const b = exam(
    twelve((i) => {
      const k = i % 4;
      const choices = [...wrong];
      choices.splice(k, 0, key);
      return { choices, correct: k, prompt: `Case ${i}: a patient asks about a cell injection. What fits the evidence?` };
    }),
  );
  const stance = errorsOf(b.findings, 'test-wise-strategy').find((m) => m.startsWith('the "measured stance" strategy'));
  expect(stance).toContain('100% on the single-choice questions, against 25% by chance (+75.0 points)');
  expect(stance).toContain('Give wrong options a measured voice too');
  // The same items with one careful-sounding wrong option: the strategy is down to a guess between two.
  const fixed = exam(
    twelve((i) => {
      const k = i % 4;
      const choices = ['Approved by the FDA for back pain.', ...wrong.slice(1)];
      choices.splice(k, 0, key);
      return { choices, correct: k, prompt: `Case ${i}: a patient asks about a cell injection. What fits the evidence?` };
    }),
  );
  expect(fixed.testWise[0]!.strategies.find((f) => f.name === 'measured stance')!.single.right).toBe(0.5);
});

test('knowledge checks whose keys share a cue fail too, naming the strategy and the questions where it points to the key', () => {
  // Options of equal length; the key moves around, and in `cued` items it is the one naming a clinician.
  const options = ['Refer it to the provider', 'Book a routine check-up.', 'Note it in her chart too', 'Hand her a leaflet, too.'];
  expect(new Set(options.map((o) => o.length)).size).toBe(1);
  const bank = (cued: (i: number) => boolean) =>
    twelve((i) => {
      const k = i % 4;
      const choices = options.slice(1);
      choices.splice(k, 0, options[0]!);
      return { choices, correct: cued(i) ? k : (k + 1) % 4, prompt: `Case ${i}: a patient asks at the desk. What do you do?`, level: null };
    });
  // Two ungraded checks of six questions each, and no exam: the checks are judged together.
  const checks = (items: Item[]) => {
    const files = ['quizzes/check-a.yaml', 'quizzes/check-b.yaml'].map((file, n) => {
      const text = [
        `id: check_${n}`,
        `title: Check ${n}`,
        'pass_mark: 75',
        'questions:',
        ...items.slice(6 * n, 6 * n + 6).map(itemYaml),
        '',
      ].join('\n');
      const parsed = parseQuiz(file, text);
      expect(parsed.problems.map(formatProblem)).toEqual([]);
      return { file, text, checked: { quiz: parsed.quiz!, source: parsed.source } };
    });
    const at = (id: string) => {
      const f = files.find((x) => x.text.includes(`- id: ${id}\n`))!;
      return `${id} (${f.file}:${f.text.split('\n').indexOf(`  - id: ${id}`) + 1})`;
    };
    return {
      findings: checkItemQuality(
        files.map((f) => f.checked),
        [],
      ).findings,
      at,
      files,
    };
  };

  const cued = checks(bank(() => true));
  const errors = cued.findings.filter((f) => f.rule === 'test-wise-strategy' && f.severity === 'error');
  expect(errors.map((f) => f.message.match(/^the "([^"]+)" strategy/)?.[1])).toEqual(['names a clinician']);
  expect(errors[0]!.message).toContain(
    'scores 100% on the 12 single-choice questions of the knowledge checks together, against 25% by chance (+75.0 points): at most 10.0 points above chance',
  );
  expect(errors[0]!.message).toContain(
    `in 12 knowledge-check questions: ${Array.from({ length: 12 }, (_, i) => cued.at(`q${i}`)).join(', ')}`,
  );
  expect([errors[0]!.file, errors[0]!.line, errors[0]!.field]).toEqual([
    'quizzes/check-a.yaml',
    cued.files[0]!.text.split('\n').indexOf('questions:') + 1,
    'questions',
  ]);

  // The same options with the clinician's one keyed a quarter of the time: chance, no error.
  expect(checks(bank((i) => i % 4 === 0)).findings.filter((f) => f.rule === 'test-wise-strategy')).toEqual([]);
  // Fewer than twelve single-choice questions are not judged: a cue in a few items is not a pattern.
  expect(checks(bank(() => true).slice(0, 11)).findings.filter((f) => f.rule === 'test-wise-strategy')).toEqual([]);
});

test('ties: a strategy guesses among its tied options, and scores the share of them that is the key', () => {
  const q = (id: string, texts: string[], correct: number): Question => ({
    ...QUESTIONS.single,
    id,
    choices: texts.map((text, i) => ({ id: `c${i}`, text })),
    correct: `c${correct}`,
  });
  // Longest: two options of 4 characters, one the key (1/2); three of 3, one the key (1/3).
  // Middle: "CC" alone, not the key (0); no option between "XXX"-"ZZZ" and "W", so a guess among all four (1/4).
  const bank = [q('a', ['AAAA', 'BBBB', 'CC', 'D'], 0), q('b', ['XXX', 'YYY', 'ZZZ', 'W'], 0)];
  const byName = (name: string) => STRATEGIES.find((s) => s.name === name)!;
  expect(bank.map((x) => strategyOdds(byName('longest'), x).expected)).toEqual([1 / 2, 1 / 3]);
  expect(bank.map((x) => strategyOdds(byName('middle length'), x).expected)).toEqual([0, 1 / 4]);
  const figures = simulateTestWiseLearner(quizOf(bank), [], 200);
  expect(figures.strategies.find((s) => s.name === 'longest')!.single.right).toBeCloseTo(5 / 12, 10);
  expect(figures.strategies.find((s) => s.name === 'middle length')!.single.right).toBeCloseTo(1 / 8, 10);
  expect(figures.blind.single.right).toBeCloseTo(1 / 4, 10);
  // The simulated attempts draw the same answers: their mean is near the expected score.
  expect(figures.strategies.find((s) => s.name === 'longest')!.attempts.right).toBeCloseTo(5 / 12, 1);
});

test("a blind guess is scored exactly under each type's own scoring", () => {
  expect(blindGuess(QUESTIONS.single)).toEqual({ expected: 1 / 3, fullyRight: 1 / 3 });
  expect(blindGuess(QUESTIONS.true_false)).toEqual({ expected: 1 / 2, fullyRight: 1 / 2 });
  expect(blindGuess(QUESTIONS.multiple).fullyRight).toBeCloseTo(1 / 15, 12); // 2^4 - 1 non-empty answers
  expect(blindGuess(QUESTIONS.matching).fullyRight).toBeCloseTo(1 / 24, 12); // 3 items onto 4 targets: 4·3·2
  expect(blindGuess({ ...QUESTIONS.matching, id: 'partial', scoring: 'partial' }).expected).toBeCloseTo(1 / 4, 12);
  expect(blindGuess(QUESTIONS.ordering).fullyRight).toBeCloseTo(1 / 6, 12);
  expect(blindGuess(QUESTIONS.numeric)).toEqual({ expected: 0, fullyRight: 0 });
});

test('words are matched whole, case-insensitive, with a plural -s and hyphenated phrases', () => {
  expect(lexiconCount('urgent', 'CALL the office; she calls back the same-day')).toBe(3);
  expect(lexiconCount('urgent', 'Recall the nowhere caller')).toBe(0);
  expect(lexiconCount('clinician', 'Ask the care team or the doctors')).toBe(2);
  expect(lexiconCount('absolute', "It can't be 100% safe")).toBe(2);
  expect(lexiconCount('immediacy', 'Now keep him on the line before the call ends')).toBe(3);
  expect(lexiconCount('immediacy', 'Nowhere known; put her throughout the day')).toBe(0);
});

test('a strategy that passes any simulated attempt fails the check, even a blind guess', () => {
  // Twelve true/false statements, half keyed true: no strategy beats chance, but 10 of 12 right
  // by luck (about 2% of attempts) passes the 80% mark.
  const b = exam(twelve((i) => ({ type: 'true_false', correct: i % 2 === 0, prompt: `True or false: statement ${i}.` })));
  const errors = errorsOf(b.findings, 'test-wise-strategy');
  expect(errors.find((m) => m.startsWith('a blind guess passes'))).toMatch(/^a blind guess passes \d\.\d% of 2000 simulated attempts/);
  expect(errors.filter((m) => m.includes('points)'))).toEqual([]);
  expect(errors.some((m) => m.startsWith('the "always True" strategy') && m.includes('simulated attempts'))).toBe(false);
  expect(b.testWise[0]!.blind.passed).toBeGreaterThan(0);
});

test('every exam question has a level; application is 60% of the bank and of every attempt, on every objective', () => {
  const fair = ['Book a routine visit', 'Give them the leaflet', 'Reassure the patient', 'Take a message now'];
  const b = exam([
    { id: 'a1', choices: fair, objective: 'spine_regions' },
    { id: 'a2', choices: fair, objective: 'spine_regions' },
    { id: 'r1', choices: fair, objective: 'red_flags', level: 'recall' },
    { id: 'r2', choices: fair, objective: 'red_flags', level: 'recall' },
    { id: 'none', choices: fair, objective: 'red_flags', level: null },
  ]);
  const file = 'quizzes/exam.yaml';
  const levels = b.findings.filter((f) => f.rule === 'question-level');
  expect(levels.map(formatProblem)).toEqual([
    `${file}:${b.line('questions:')} questions: 2 of the exam's 5 questions (40%) are level: application; at least 60% must be: turn recall questions into situations at work`,
    `${file}:${b.line('questions:')} questions: these objectives have no level: application question in the exam: red_flags; write one for each`,
    `${file}:${b.line('questions:')} questions: an attempt can draw as few as 40% application questions (mean 40% over 2000 simulated attempts); every attempt must have at least 60%: add application questions to the objectives drawn most`,
    `${file}:${b.line('id: none')} questions[4].level: is missing: add level: recall or level: application (application: the learner uses what the lesson taught in a situation at work)`,
  ]);
  expect(b.testWise[0]!.levels).toMatchObject({ items: 5, tagged: 4, application: 2, drawShare: { min: 0.4 } });
  expect(b.testWise[0]!.levels.drawShare.mean).toBeCloseTo(0.4, 10);

  // Knowledge checks need no level; an all-application exam meets the rules.
  const fine = exam([
    { id: 'a1', choices: fair, objective: 'spine_regions' },
    { id: 'a2', choices: fair, objective: 'red_flags' },
  ]);
  expect(fine.findings.filter((f) => f.rule === 'question-level')).toEqual([]);
});

test('a critical objective whose questions are far apart in how easily a guess gets them right is a warning', () => {
  const fair = ['Book a routine visit', 'Give them the leaflet', 'Reassure the patient', 'Take a message now'];
  const b = exam(
    [
      { id: 'easy', choices: fair, objective: 'red_flags' },
      { id: 'hard', type: 'multiple', choices: fair, objective: 'red_flags' },
      { id: 'other', choices: fair, objective: 'spine_regions' },
    ],
    ['draw_per_objective: 1', 'blueprint:', '  - objective: red_flags', '    critical: true'],
  );
  const warnings = b.findings.filter((f) => f.rule === 'critical-difficulty');
  expect(warnings.map((f) => [f.severity, f.field])).toEqual([['warning', 'blueprint']]);
  expect(warnings[0]?.message).toContain(
    `on critical objective "red_flags", a blind guess gets easy (quizzes/exam.yaml:${b.line('id: easy')}) fully right 25.0% of the time and hard (quizzes/exam.yaml:${b.line('id: hard')}) 6.7%`,
  );
});

test('check-items reads another project directory', async () => {
  const { execFileSync } = await import('node:child_process');
  const dir = mkdtempSync(join(tmpdir(), 'items-'));
  try {
    mkdirSync(join(dir, 'quizzes'));
    mkdirSync(join(dir, 'lessons'));
    const fair = ['Book a routine visit', 'Give them the leaflet', 'Reassure the patient', 'Take a message now'];
    writeFileSync(
      join(dir, 'quizzes/exam.yaml'),
      ['id: exam', 'title: Exam', 'pass_mark: 80', 'graded: true', 'questions:', itemYaml({ id: 'only', choices: fair }), ''].join('\n'),
    );
    const out = execFileSync('npx', ['tsx', join(ROOT, 'src/content/check-items-cli.ts'), dir], { encoding: 'utf8' });
    expect(out).toContain('A test-wise learner who knows nothing, on quizzes/exam.yaml');
    expect(out).toMatch(/^longest\s+0\.0 \/ 25\.0/m);
    expect(out).toContain('Levels: 1 of 1 exam questions have a level; 1 (100%) are application');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});

test('the build reads a question level, and leaves it out of the course it ships', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'course-'));
  try {
    for (const d of ['lessons', 'imsmanifest.xml', 'course.yaml']) cpSync(join(FIXTURE, d), join(dir, d), { recursive: true });
    mkdirSync(join(dir, 'quizzes'));
    const fair = ['Book a routine visit', 'Give them the leaflet', 'Reassure the patient', 'Take a message now'];
    const quiz = (id: string, graded: boolean) =>
      [
        `id: ${id}`,
        `title: ${id}`,
        'pass_mark: 80',
        `graded: ${graded}`,
        'questions:',
        itemYaml({ id: `${id}_q`, choices: fair }),
        '',
      ].join('\n');
    writeFileSync(join(dir, 'quizzes/final-exam.yaml'), quiz('final_exam', true));
    for (const id of ['anatomy_quiz', 'stenosis_check', 'stem_cells_check', 'clinic_therapy_check', 'claims_check', 'risks_check'])
      writeFileSync(join(dir, `quizzes/${id}.yaml`), quiz(id, false));
    expect(parseQuiz('q.yaml', quiz('final_exam', true)).quiz?.questions[0]?.level).toBe('application');
    const { course } = await loadCourse(dir, { rules: LOOSE_RULES });
    expect(course.quizzes.flatMap((q) => q.questions).filter((q) => 'level' in q)).toEqual([]);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
