import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { unzipSync } from 'fflate';
import { buildPackages } from '../../src/package/build-packages.ts';
import { buildPreviewHost } from '../../src/preview/build-host.ts';
import { ROOT, UNPACKED } from './paths.ts';

/**
 * Builds the zips exactly as `npm run package` does and unzips them where the test server
 * serves them (the browser tests run the packaged course, not a dev server), with the preview LMS.
 */
export async function preparePackages(root = ROOT): Promise<void> {
  const packages = await buildPackages(root, () => {});
  await buildPreviewHost(root);
  rmSync(UNPACKED, { recursive: true, force: true });
  for (const p of packages) {
    const dir = join(UNPACKED, p.version === '1.2' ? 'scorm12' : p.version === '2004' ? 'scorm2004' : 'cmi5');
    for (const [name, data] of Object.entries(unzipSync(readFileSync(p.zip)))) {
      mkdirSync(dirname(join(dir, name)), { recursive: true });
      writeFileSync(join(dir, name), data);
    }
  }
}
