import { fileURLToPath } from 'node:url';
import { buildPackages, reportBuildError } from './build-packages.ts';

// `npm run package`: dist/<course-id>-scorm12.zip and dist/<course-id>-scorm2004.zip,
// and the question key for LMS reports, dist/<course-id>-question-key.html and .csv.
const root = fileURLToPath(new URL('../..', import.meta.url));
buildPackages(root).catch((err: unknown) => {
  reportBuildError(err);
  process.exitCode = 1;
});
