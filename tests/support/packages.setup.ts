import { test as setup } from '@playwright/test';
import { missingBrowser } from './browser.ts';
import { preparePackages } from './packages.ts';

// The setup step of the browser tests only: unit tests do not wait for packaging.
setup('package the course as the browser tests open it', async () => {
  // One clear line instead of "executable doesn't exist" from every browser test.
  const missing = missingBrowser();
  if (missing) throw new Error(missing);
  // Two Vite builds and two zips; a busy 2-core machine needs more than a test's 60 s.
  setup.setTimeout(240_000);
  await preparePackages();
});
