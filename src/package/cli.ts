import { fileURLToPath } from 'node:url';
import { FOR_CREDIT } from '../content/course-file.ts';
import { buildPackages, reportBuildError } from './build-packages.ts';

// `npm run package`: dist/<slug>-<version>-scorm12.zip and dist/<slug>-<version>-scorm2004.zip,
// and the question key for LMS reports, dist/<slug>-<version>-question-key.html and .csv, where
// the slug is course.yaml's activity_id (the manifest's identifier until it is given).
// A review copy by default; `npm run package -- --for-credit` refuses placeholders and dates
// that offer no credit today (docs/ce-provider.md).
const root = fileURLToPath(new URL('../..', import.meta.url));
const args = process.argv.slice(2);
const unknown = args.filter((a) => a !== FOR_CREDIT);
if (unknown.length) {
  console.error(`unknown option ${unknown.join(' ')}: npm run package [-- ${FOR_CREDIT}]`);
  process.exit(2);
}
const forCredit = args.includes(FOR_CREDIT);
buildPackages(root, console.log, { forCredit }).then(
  () =>
    console.log(
      forCredit
        ? 'Built for credit: every provider field is filled in and the dates offer credit today.'
        : `A review copy: content warnings above list any provider field still to fill in. npm run package -- ${FOR_CREDIT} refuses them.`,
    ),
  (err: unknown) => {
    reportBuildError(err);
    process.exitCode = 1;
  },
);
