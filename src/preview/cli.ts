import { watch } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackages, reportBuildError } from '../package/build-packages.ts';
import { buildPreviewHost } from './build-host.ts';
import { serveStatic } from './server.ts';

// `npm start`: build both packages, serve them inside the preview LMS, and rebuild
// them whenever a content file changes, so an edit shows up on the next reload.
const root = fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env.PORT ?? 4173);

async function rebuild(): Promise<boolean> {
  const started = Date.now();
  try {
    await buildPackages(root, () => {});
    console.log(`Rebuilt both packages in ${((Date.now() - started) / 1000).toFixed(1)} s: reload the preview page.`);
    return true;
  } catch (err) {
    reportBuildError(err);
    console.log('The preview still shows the last good build. Fix the file and save it again.');
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
  const server = await serveStatic({ '/': host, '/scorm12/': join(root, 'build/scorm12'), '/scorm2004/': join(root, 'build/scorm2004') }, port);
  console.log(`\nPreview LMS running:\n  SCORM 1.2:  ${server.url}/?scorm=12\n  SCORM 2004: ${server.url}/?scorm=2004`);
  console.log(`  Under Moodle 5.1's rules: add &profile=moodle, e.g. ${server.url}/?scorm=12&profile=moodle`);
  console.log('Watching lessons/, quizzes/ and imsmanifest.xml; press Ctrl+C to stop.');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = Promise.resolve(true);
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(rebuild);
    }, 200);
  };
  const watchers = ['lessons', 'quizzes', 'imsmanifest.xml'].map((path) => watch(join(root, path), schedule));
  stopWith(() => {
    for (const w of watchers) w.close();
    void server.close();
  });
} catch (err) {
  reportBuildError(err);
  process.exitCode = 1;
}
