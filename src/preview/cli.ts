import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildErrorLines, buildPackages, reportBuildError } from '../package/build-packages.ts';
import { buildPreviewHost } from './build-host.ts';
import { serveStatic } from './server.ts';
import { watchContent } from './watch-content.ts';

// `npm start`: build both packages, serve them inside the preview LMS, and rebuild
// them whenever a content file changes, so an edit shows up on the next reload.
// COURSE_ROOT: another copy of the project (the preview's own test edits one).
const root = process.env.COURSE_ROOT ? resolve(process.env.COURSE_ROOT) : fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env.PORT ?? 4173);

/**
 * What the preview page polls: a good build raises `build` (the page reloads the course and
 * returns to where the author was); a failed one sets `problems`, which the page shows over
 * the last good build until a save fixes them.
 */
const status: { build: number; problems: string[]; watch: string | null } = { build: 1, problems: [], watch: null };

async function rebuild(): Promise<boolean> {
  const started = Date.now();
  try {
    await buildPackages(root, () => {});
    status.build++;
    status.problems = [];
    console.log(`Rebuilt both packages in ${((Date.now() - started) / 1000).toFixed(1)} s: the preview page reloads the course.`);
    return true;
  } catch (err) {
    reportBuildError(err);
    status.problems = buildErrorLines(err);
    console.log('The preview still shows the last good build, with the errors above it. Fix the file and save it again.');
    return false;
  }
}

/**
 * Stops cleanly on Ctrl+C, on a kill, and when whoever started the preview goes away
 * (killing `npm start` leaves its children orphaned: they would keep the port busy).
 */
function stopWith(close: () => void): void {
  const stop = () => {
    close();
    process.exit(0);
  };
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) process.once(signal, stop);
  const parent = process.ppid;
  setInterval(() => {
    if (process.ppid !== parent) stop();
  }, 1000).unref();
}

try {
  await buildPackages(root);
  const host = await buildPreviewHost(root);
  const server = await serveStatic(
    { '/': host, '/scorm12/': join(root, 'build/scorm12'), '/scorm2004/': join(root, 'build/scorm2004') },
    port,
    '127.0.0.1',
    {
      '/__preview/status': () => status,
    },
  );
  console.log(`\nPreview LMS running:\n  SCORM 1.2:  ${server.url}/?scorm=12\n  SCORM 2004: ${server.url}/?scorm=2004`);
  console.log(`  Under Moodle 5.1's rules: add &profile=moodle, e.g. ${server.url}/?scorm=12&profile=moodle`);
  console.log(
    'Watching lessons/, quizzes/, imsmanifest.xml and course.yaml: the page shows errors and reloads itself. Ctrl+C stops the preview.',
  );
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = Promise.resolve(true);
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(rebuild);
    }, 200);
  };
  // `watch` tells the page too: an author who sees no rebuild should know why.
  const watcher = watchContent(root, schedule, (why) => {
    status.watch = why;
    console.log(why);
  });
  stopWith(() => {
    watcher.close();
    void server.close();
  });
} catch (err) {
  reportBuildError(err);
  process.exitCode = 1;
}
