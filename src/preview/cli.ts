import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildPackages, reportBuildError } from '../package/build-packages.ts';
import { buildPreviewHost } from './build-host.ts';
import { serveStatic } from './server.ts';

// `npm start`: build both packages, then serve them inside the preview LMS.
const root = fileURLToPath(new URL('../..', import.meta.url));
const port = Number(process.env.PORT ?? 4173);

try {
  await buildPackages(root);
  const host = await buildPreviewHost(root);
  const server = await serveStatic({ '/': host, '/scorm12/': join(root, 'build/scorm12'), '/scorm2004/': join(root, 'build/scorm2004') }, port);
  console.log(`\nPreview LMS running:\n  SCORM 1.2:  ${server.url}/?scorm=12\n  SCORM 2004: ${server.url}/?scorm=2004\nPress Ctrl+C to stop.`);
} catch (err) {
  reportBuildError(err);
  process.exitCode = 1;
}
