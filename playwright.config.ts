import { defineConfig } from '@playwright/test';
import { launchOptions } from './tests/support/browser.ts';

export default defineConfig({
  testDir: 'tests',
  globalSetup: './tests/support/global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  // Some tests take the exam three times through the UI (about 90 answers); 30 s was close on 2 cores.
  timeout: 60_000,
  use: { browserName: 'chromium', headless: true, launchOptions },
  projects: [
    { name: 'unit', testMatch: /unit\/.*\.spec\.ts$/ },
    { name: 'e2e', testMatch: /e2e\/.*\.spec\.ts$/ },
  ],
});
