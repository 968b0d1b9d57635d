import { fileURLToPath } from 'node:url';
import { buildPackages, reportBuildError } from './build-packages.ts';

// `npm run package`: dist/<slug>-<version>-scorm12.zip and dist/<slug>-<version>-scorm2004.zip,
// and the question key for LMS reports, dist/<slug>-<version>-question-key.html and .csv, where
// the slug is course.yaml's activity_id (the manifest's identifier until it is given).
const root = fileURLToPath(new URL('../..', import.meta.url));
buildPackages(root).catch((err: unknown) => {
  reportBuildError(err);
  process.exitCode = 1;
});
