import { defineConfig } from '@playwright/test';
import { launchOptions } from './tests/support/browser.ts';

/** `npm run screens`: the contact sheet of the main screens (bench/screens/), not part of `npm test`. */
export default defineConfig({
  testDir: 'bench/screens',
  globalSetup: './tests/support/global-setup.ts',
  globalTeardown: './bench/screens/index-page.ts',
  fullyParallel: true,
  reporter: [['list']],
  timeout: 90_000,
  use: { browserName: 'chromium', headless: true, launchOptions },
  projects: [
    { name: 'packages', testDir: 'tests/support', testMatch: /packages\.setup\.ts$/ },
    { name: 'screens', testMatch: /\.screens\.ts$/, dependencies: ['packages'] },
  ],
});
