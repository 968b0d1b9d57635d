import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = fileURLToPath(new URL('../..', import.meta.url));
/** Where the global setup unzips the packages the browser tests open. */
export const UNPACKED = `${ROOT}build/test-packages`;

/**
 * Sets every dated statement ({as of …}) in a copy of the content (its lessons, quizzes and course.yaml)
 * to one month, so that tests of the date rules do not depend on the dates the content ships with.
 */
export function pinDatedStatements(dir: string, month: string): void {
  const files = [
    join(dir, 'course.yaml'),
    ...readdirSync(join(dir, 'lessons'))
      .filter((f) => f.endsWith('.md'))
      .map((f) => join(dir, 'lessons', f)),
    ...(existsSync(join(dir, 'quizzes')) ? readdirSync(join(dir, 'quizzes')) : [])
      .filter((f) => /\.ya?ml$/.test(f))
      .map((f) => join(dir, 'quizzes', f)),
  ];
  for (const file of files) {
    if (!existsSync(file)) continue;
    const text = readFileSync(file, 'utf8');
    writeFileSync(file, text.replace(/\{([Aa]s of) \d{4}-\d{2}(?:-\d{2})?\}/g, `{$1 ${month}}`));
  }
}

/**
 * A copy of the course content as it stood when the tests of the engine were written. Those
 * tests edit copies of it to make each mistake, so an author's edit of the shipped content
 * (lessons/, quizzes/, course.yaml, imsmanifest.xml) never changes what they check.
 */
export const FIXTURE = join(ROOT, 'tests/fixtures/course');
