import { join } from 'node:path';
import { serveStatic } from '../../src/preview/server.ts';
import { ROOT, UNPACKED } from './paths.ts';

/**
 * Serves the preview LMS and the unpacked packages for the whole run. It builds nothing: the
 * `packages` setup project fills these folders before the browser tests (files are read per
 * request), so a unit test run starts at once.
 */
export default async function globalSetup(): Promise<() => Promise<void>> {
  const server = await serveStatic({
    '/': join(ROOT, 'build/preview'),
    '/scorm12/': join(UNPACKED, 'scorm12'),
    '/scorm2004/': join(UNPACKED, 'scorm2004'),
    '/cmi5/': join(UNPACKED, 'cmi5'),
    // A SCO without logic, driven by the tests of the preview LMS itself.
    '/fake-sco/': join(ROOT, 'tests/support/fake-sco'),
  });
  process.env.LMS_URL = server.url;
  return () => server.close();
}
