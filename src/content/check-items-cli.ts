import { QUESTION_TYPES } from '../course/question-types/index.ts';
import { fileURLToPath } from 'node:url';
import { ContentError, formatProblem } from './errors.ts';
import { checkItemQuality, type ItemFinding, type QuizSummary } from './item-quality.ts';
import { readItemBank } from './load-course.ts';

// `npm run check-items`: the item-quality check alone, with a table per quiz, so that
// authors can see where the bank stands while they rewrite it. Exits 1 on errors.
const root = fileURLToPath(new URL('../..', import.meta.url));
const { quizzes, lessons, problems } = readItemBank(root);
if (problems.length) {
  // The check needs every quiz and lesson, since its rules compare them with each other.
  console.error(new ContentError(problems).message);
  process.exit(1);
}
const { findings, summary } = checkItemQuality(quizzes, lessons);
console.log(table(summary));
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

function countByRule(list: ItemFinding[]): string {
  const counts = new Map<string, number>();
  for (const f of list) counts.set(`${f.rule} (${f.severity})`, (counts.get(`${f.rule} (${f.severity})`) ?? 0) + 1);
  return ['By rule:', ...[...counts].map(([rule, n]) => `  ${rule}: ${n}`)].join('\n');
}
