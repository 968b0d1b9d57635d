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
  // Packaging is a setup step of the browser tests alone: `playwright test tests/unit/x.spec.ts`
  // runs in seconds, and a build error fails the browser tests only, with its message.
  projects: [
    { name: 'packages', testMatch: /support\/packages\.setup\.ts$/ },
    { name: 'unit', testMatch: /unit\/.*\.spec\.ts$/, testIgnore: /unit\/packages\.spec\.ts$/ },
    // The one unit file that reads the zips themselves.
    { name: 'zips', testMatch: /unit\/packages\.spec\.ts$/, dependencies: ['packages'] },
    { name: 'e2e', testMatch: /e2e\/.*\.spec\.ts$/, dependencies: ['packages'] },
  ],
});
