import { defineConfig } from '@playwright/test';
import { launchOptions } from '../../tests/support/browser.ts';

/**
 * The Chamilo lab script (chamilo.lab.ts): run by hand against the Chamilo 1.11 of ../shared/chamilo-lab,
 * never by `npm test` (CI has no Chamilo). See tools/chamilo-lab/README.md.
 */
export default defineConfig({
  testDir: '.',
  testMatch: /\.lab\.ts$/,
  // One learner at a time, on a shared 2-core machine.
  workers: 1,
  reporter: [['list']],
  // A run reads all lessons and passes the exam, in three sessions.
  timeout: 600_000,
  use: { browserName: 'chromium', headless: true, launchOptions, actionTimeout: 20_000, viewport: { width: 1366, height: 768 } },
});
