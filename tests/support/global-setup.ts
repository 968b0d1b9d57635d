import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { buildPackages } from '../../src/package/build-packages.ts';
import { buildPreviewHost } from '../../src/preview/build-host.ts';
import { serveStatic } from '../../src/preview/server.ts';
import { missingBrowser } from './browser.ts';
import { ROOT, UNPACKED } from './paths.ts';

/**
 * Builds the zips exactly as `npm run package` does, unzips them (the browser tests
 * run the packaged course, not a dev server) and serves them inside the preview LMS.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  // One clear line instead of "executable doesn't exist" from every browser test.
  const missing = missingBrowser();
  if (missing) throw new Error(missing);
  const packages = await buildPackages(ROOT, () => {});
  const host = await buildPreviewHost(ROOT);
  rmSync(UNPACKED, { recursive: true, force: true });
  for (const p of packages) {
    const dir = join(UNPACKED, p.version === '1.2' ? 'scorm12' : 'scorm2004');
    for (const [name, data] of Object.entries(unzipSync(readFileSync(p.zip)))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
  }
  const server = await serveStatic({
    '/': host,
    '/scorm12/': join(UNPACKED, 'scorm12'),
    '/scorm2004/': join(UNPACKED, 'scorm2004'),
    // A SCO without logic, driven by the tests of the preview LMS itself.
    '/fake-sco/': join(ROOT, 'tests/support/fake-sco'),
  });
  process.env.LMS_URL = server.url;
  return () => server.close();
}
