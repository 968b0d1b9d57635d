import { existsSync } from 'node:fs';
import { chromium, defineConfig } from '@playwright/test';

/** Playwright's own browser when installed, else Debian's chromium (CI cannot download browsers). */
function browserPath(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  return '/usr/bin/chromium';
}

export default defineConfig({
  testDir: 'tests',
  globalSetup: './tests/support/global-setup.ts',
  fullyParallel: true,
  workers: process.env.CI ? 2 : undefined,
  forbidOnly: !!process.env.CI,
  reporter: [['list']],
  timeout: 30_000,
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: {
      executablePath: browserPath(),
      args: ['--no-sandbox', '--disable-gpu', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    },
  },
  projects: [
    { name: 'unit', testMatch: /unit\/.*\.spec\.ts$/ },
    { name: 'e2e', testMatch: /e2e\/.*\.spec\.ts$/ },
  ],
});
