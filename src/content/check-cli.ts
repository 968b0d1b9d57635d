import { fileURLToPath } from 'node:url';
import { ContentError, formatProblem } from './errors.ts';
import { loadCourse } from './load-course.ts';

// `npm run check`: every content check the build runs (files, references, the course's
// editorial rules, item quality, citations), without building. Exits 1 on errors.
const root = fileURLToPath(new URL('../..', import.meta.url));
try {
  const { course, warnings } = await loadCourse(root);
  for (const w of warnings) console.log(`warning: ${formatProblem(w)}`);
  const questions = course.quizzes.reduce((n, q) => n + q.questions.length, 0);
  console.log(
    `Content OK: ${course.lessons.length} lessons, ${course.quizzes.length} quizzes, ${questions} questions, ${course.glossary.length} glossary terms${warnings.length ? `, ${warnings.length} warnings` : ''}.`,
  );
} catch (err) {
  console.error(err instanceof ContentError ? err.message : String(err));
  process.exitCode = 1;
}
