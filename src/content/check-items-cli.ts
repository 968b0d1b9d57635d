import { QUESTION_TYPES } from '../course/question-types/index.ts';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { MAX_CUE_GAIN, MIN_APPLICATION_SHARE, MIN_SIMULATED_ITEMS, type Share, type TestWiseReport } from './cue-strategies.ts';
import { ContentError, formatProblem } from './errors.ts';
import { checkItemQuality, type ItemFinding, type QuizSummary } from './item-quality.ts';
import { readItemBank } from './load-course.ts';

// `npm run check-items [project dir]`: the item-quality check alone, with a table per quiz and
// the test-wise learner's figures, so that authors can see where the bank stands while they
// rewrite it. Reads the project at the given directory (default: this repository). Exits 1 on errors.
const root = process.argv[2] ? resolve(process.argv[2]) : fileURLToPath(new URL('../..', import.meta.url));
const { quizzes, lessons, problems } = readItemBank(root);
if (problems.length) {
  // The check needs every quiz and lesson, since its rules compare them with each other.
  console.error(new ContentError(problems).message);
  process.exit(1);
}
const { findings, summary, testWise } = checkItemQuality(quizzes, lessons);
console.log(table(summary));
for (const report of testWise) console.log(`\n${testWiseTable(report)}`);
for (const severity of ['error', 'warning'] as const) {
  const list = findings.filter((f) => f.severity === severity);
  if (!list.length) continue;
  console.log(`\n${list.length} ${severity === 'error' ? 'errors (the build fails on these)' : 'warnings (the build goes on)'}:`);
  for (const f of list) console.log(`  ${formatProblem(f)}`);
}
console.log(`\n${countByRule(findings)}`);
process.exitCode = findings.some((f) => f.severity === 'error') ? 1 : 0;

function table(rows: QuizSummary[]): string {
  const head = [
    'quiz',
    'items',
    QUESTION_TYPES.join('/'),
    'tf true:false',
    'key only longest',
    'multi 1 wrong',
    'absolute',
    'repeats',
    'errors',
    'warnings',
  ];
  const body = rows.map((r) =>
    [
      r.name,
      r.items,
      Object.values(r.byType).join('/'),
      `${r.trueFalse.keyedTrue}:${r.trueFalse.keyedFalse}`,
      `${r.keyLongest.count}/${r.keyLongest.of}${r.keyLongest.of ? ` (${Math.round((100 * r.keyLongest.count) / r.keyLongest.of)}%)` : ''}`,
      r.oneWrongOption,
      r.absoluteDistractors,
      r.nearDuplicates,
      r.errors,
      r.warnings,
    ].map(String),
  );
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((r) => r[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const legend =
    'key only longest: single/multiple questions whose correct answer is the only longest option (at most 25%); multi 1 wrong: multiple-response questions with one wrong option; ' +
    'absolute: wrong options with "always", "only"... while the key has none; repeats: questions repeated between the exam and a knowledge check.';
  return [line(head), ...body.map(line), '', legend].join('\n');
}

/** Every strategy's figures beside a blind guess's, and the exam's levels (rules 9-10). */
function testWiseTable(r: TestWiseReport): string {
  const vs = (s: Share) => (s.items ? `${(100 * s.right).toFixed(1)} / ${(100 * s.chance).toFixed(1)}` : '-');
  const over = (s: Share) => (s.items && s.right - s.chance > MAX_CUE_GAIN ? ' !' : '  ');
  const head = ['strategy', 'single (exam)', 'attempt mean', 'critical', 'passed', 'single (checks)'];
  const body = [r.blind, ...r.strategies].map((f) => [
    f.name,
    vs(f.single) + over(f.single),
    vs(f.attempts) + over(f.attempts),
    vs(f.critical) + over(f.critical),
    `${(100 * f.passed).toFixed(2)}%${f.passed > 0 ? ' !' : '  '}`,
    vs(f.checks) + (f.checks.items >= MIN_SIMULATED_ITEMS ? over(f.checks) : '  '),
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...body.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  const first = r.strategies[0];
  const { items, tagged, application, objectivesWithout, drawShare } = r.levels;
  const pct = (x: number) => `${Math.round(100 * x)}%`;
  return [
    `A test-wise learner who knows nothing, on ${r.file} (${r.attempts} simulated attempts; ${first?.single.items ?? 0} single-choice, ${first?.critical.items ?? 0} critical, ${first?.checks.items ?? 0} knowledge-check single-choice questions):`,
    line(head),
    ...body.map(line),
    '',
    `Each cell: the strategy's score / a blind guess's, in percent. single: expected share of single-choice questions right (ties guessed); attempt mean: mean score of the simulated attempts (the course's draw, weights and scoring); critical: share of questions on critical objectives fully right; passed: simulated attempts passed (critical rule included); checks: the knowledge checks' single-choice questions together (judged from ${MIN_SIMULATED_ITEMS} of them). "!" marks a failure: more than ${Math.round(100 * MAX_CUE_GAIN)} points above chance, or any attempt passed.`,
    '',
    `Levels: ${tagged} of ${items} exam questions have a level; ${application} (${pct(items ? application / items : 0)}) are application (at least ${pct(MIN_APPLICATION_SHARE)}); application share of an attempt: min ${pct(drawShare.min)}, mean ${pct(drawShare.mean)} (at least ${pct(MIN_APPLICATION_SHARE)}); objectives with no application question: ${objectivesWithout.length}.`,
  ].join('\n');
}

function countByRule(list: ItemFinding[]): string {
  const counts = new Map<string, number>();
  for (const f of list) counts.set(`${f.rule} (${f.severity})`, (counts.get(`${f.rule} (${f.severity})`) ?? 0) + 1);
  return ['By rule:', ...[...counts].map(([rule, n]) => `  ${rule}: ${n}`)].join('\n');
}
