import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { ContentError } from '../content/errors.ts';
import { loadCourse } from '../content/load-course.ts';
import { buildReport, writeReport } from './build-report.ts';
import { ReportInputError } from './tables.ts';

// `npm run report -- <files downloaded from Moodle…> [--out dir] [--pseudonyms] [--content dir]`:
// the coordinator's report, made on their own computer from the content the learners took.
const USAGE = `usage: npm run report -- <basic, interactions and objectives downloads…> [--out report] [--pseudonyms] [--content .]
  --out DIR       where report.html and the CSV files go (default: report)
  --pseudonyms    replace every learner's name with a stable pseudonym and leave out emails;
                  set REPORT_PSEUDONYM_SECRET to your own secret so no one else can recompute them
  --content DIR   the course's files (course.yaml, lessons, quizzes) of the version the learners took
                  (default: this project)`;

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    out: { type: 'string', default: 'report' },
    pseudonyms: { type: 'boolean', default: false },
    content: { type: 'string' },
    help: { type: 'boolean', default: false },
  },
});
if (values.help || !positionals.length) {
  console.log(USAGE);
  process.exit(values.help ? 0 : 2);
}
const started = performance.now();
try {
  const root = values.content ? resolve(values.content) : fileURLToPath(new URL('../..', import.meta.url));
  const { course } = await loadCourse(root);
  const built = buildReport(course, positionals, {
    pseudonyms: values.pseudonyms,
    secret: process.env['REPORT_PSEUDONYM_SECRET'] ?? `${course.id} report pseudonyms`,
  });
  const written = writeReport(resolve(values.out), built);
  const a = built.analysis;
  const flagged = a.items.filter((i) => i.flags.some((f) => f.kind !== 'unused option')).length;
  console.log(
    `${a.learners.length} learners, ${a.exams.length} exam attempts, ${flagged} questions flagged, reliability ${a.reliability.value?.toFixed(2) ?? '—'}` +
      (a.unused.length ? `, ${a.unused.length} rows not used (listed in the report)` : ''),
  );
  for (const f of written) console.log(`  ${f}`);
  console.log(`done in ${((performance.now() - started) / 1000).toFixed(1)} s`);
} catch (e) {
  if (e instanceof ReportInputError || e instanceof ContentError) {
    console.error(e.message);
    process.exit(1);
  }
  throw e;
}
