import { existsSync } from 'node:fs';
import { chromium, type LaunchOptions } from '@playwright/test';

/** Playwright's own Chromium when installed, else Debian's (browsers cannot be downloaded here). */
function browserPath(): string | undefined {
  try {
    if (existsSync(chromium.executablePath())) return undefined;
  } catch {
    // no bundled browser registered
  }
  return '/usr/bin/chromium';
}

export const launchOptions: LaunchOptions = {
  executablePath: browserPath(),
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
  ],
};

/** Null when a browser is there; otherwise the one line that says how to get one. */
export function missingBrowser(): string | null {
  const path = launchOptions.executablePath;
  if (path === undefined || existsSync(path)) return null;
  return `No browser for the tests: install Debian's Chromium (sudo apt-get install -y chromium, found at ${path}) or, where the network allows, Playwright's own (npx playwright install chromium), then run npm test again.`;
}
