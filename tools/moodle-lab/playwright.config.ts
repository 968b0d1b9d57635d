import { defineConfig } from '@playwright/test';
import { launchOptions } from '../../tests/support/browser.ts';

/**
 * The Moodle lab scripts (measure.lab.ts, shots.lab.ts): run by hand against a real Moodle on this machine,
 * never by `npm test` (CI has no Moodle). See tools/moodle-lab/README.md.
 */
export default defineConfig({
  testDir: '.',
  testMatch: /\.lab\.ts$/,
  // One learner at a time: a shared 2-core machine, and Moodle's PHP server answers one request at a time.
  workers: 1,
  reporter: [['list']],
  // A screenshot run reads all six lessons and takes the exam several times.
  timeout: 600_000,
  use: { browserName: 'chromium', headless: true, launchOptions, actionTimeout: 20_000 },
});
