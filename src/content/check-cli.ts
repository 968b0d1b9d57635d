import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { FOR_CREDIT, parseCourseFile } from './course-file.ts';
import { ContentError, formatProblem } from './errors.ts';
import { DEFAULT_RULES } from './house-rules.ts';
import { buildDay, loadCourse } from './load-course.ts';
import { datedStatements, formatDatedList, formatUncitedList, uncitedFacts } from './review-lists.ts';

// `npm run check`: every content check the build runs (files, references, the course's
// editorial rules, item quality, citations), without building. Exits 1 on errors.
// `npm run check -- --dated` then lists every dated statement with its age and sources (the
// reviewer's list), `--uncited` the places that state facts and cite nothing; neither list
// changes the exit code. COURSE_TODAY=2027-03-01 counts ages from another day.
// `npm run check -- --for-credit` runs the checks of a build for credit (no placeholder left).
const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== '--dated' && a !== '--uncited' && a !== FOR_CREDIT);
if (unknown.length) {
  console.error(`unknown option ${unknown.join(' ')}: npm run check [-- --dated] [-- --uncited] [-- ${FOR_CREDIT}]`);
  process.exit(2);
}
let today: string;
try {
  today = buildDay();
} catch (err) {
  console.error(String(err instanceof Error ? err.message : err));
  process.exit(2);
}
try {
  const { course, warnings } = await loadCourse(root, { today, forCredit: args.includes(FOR_CREDIT) });
  for (const w of warnings) console.log(`warning: ${formatProblem(w)}`);
  const questions = course.quizzes.reduce((n, q) => n + q.questions.length, 0);
  console.log(
    `Content OK: ${course.lessons.length} lessons, ${course.quizzes.length} quizzes, ${questions} questions, ${course.glossary.length} glossary terms${warnings.length ? `, ${warnings.length} warnings` : ''}.`,
  );
} catch (err) {
  console.error(err instanceof ContentError ? err.message : String(err));
  process.exitCode = 1;
}

// The lists read the files themselves, so they are there even when the check fails.
let maxMonths = DEFAULT_RULES.datedStatementMaxAgeMonths;
try {
  maxMonths = parseCourseFile('course.yaml', readFileSync(`${root}/course.yaml`, 'utf8')).rules?.datedStatementMaxAgeMonths ?? maxMonths;
} catch {
  // reported above
}
const dated = datedStatements(root, today, maxMonths);
const uncited = uncitedFacts(root);
if (args.includes('--dated')) console.log(`\n${formatDatedList(dated, today, maxMonths)}`);
if (args.includes('--uncited')) console.log(`\n${formatUncitedList(uncited)}`);
if (!args.filter((a) => a !== FOR_CREDIT).length) {
  console.log(
    `${dated.length} dated statements (${dated.filter((d) => d.tooOld).length} older than ${maxMonths} months): npm run check -- --dated lists them; ` +
      `${uncited.places.length} places state facts without a citation: npm run check -- --uncited lists them.`,
  );
}
