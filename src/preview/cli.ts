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

try {
  await buildPackages(root);
  const host = await buildPreviewHost(root);
  const server = await serveStatic({ '/': host, '/scorm12/': join(root, 'build/scorm12'), '/scorm2004/': join(root, 'build/scorm2004') }, port);
  console.log(`\nPreview LMS running:\n  SCORM 1.2:  ${server.url}/?scorm=12\n  SCORM 2004: ${server.url}/?scorm=2004`);
  console.log(`  Under Moodle 5.1's rules: add &profile=moodle, e.g. ${server.url}/?scorm=12&profile=moodle`);
  console.log('Watching lessons/, quizzes/, imsmanifest.xml and course.yaml; press Ctrl+C to stop.');
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = Promise.resolve(true);
  const schedule = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      running = running.then(rebuild);
    }, 200);
  };
  for (const path of ['lessons', 'quizzes', 'imsmanifest.xml', 'course.yaml']) watch(join(root, path), schedule);
} catch (err) {
  reportBuildError(err);
  process.exitCode = 1;
}
