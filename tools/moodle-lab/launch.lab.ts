import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { activity, distZip, HERE, login, newLearner, openActivity, record } from './lab.ts';

/*
 * The launch in a real Moodle: the package's early Initialize (in its <head>) and its first
 * screen (drawn before the course's script runs). For each SCORM version a new learner opens
 * "Lab: launch <version>" at Moodle's defaults on a 1366 x 768 laptop, with the CPU at 1x and 4x.
 * Moodle's player API is wrapped as the player page defines it, so every call the course makes
 * is counted with its time on the course frame's clock. Checked: one Initialize, made before the
 * course's own script has run; the first screen shown, then the start screen at the same place;
 * the first lesson read and Exit reach Moodle. Writes out/launch.json and screenshots in out/.
 */
const OUT = join(HERE, 'out');

for (const version of ['12', '2004'] as const) {
  test(`SCORM ${version}: one Initialize from the page's head, the first screen, then the course`, async ({ browser }) => {
    test.setTimeout(300_000);
    mkdirSync(OUT, { recursive: true });
    const cmid = activity(`Lab: launch ${version}`, distZip(version), 'default');
    const results: Record<string, unknown>[] = [];
    for (const throttle of [1, 4]) {
      const username = newLearner(`launch${version}x${throttle}`);
      const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
      const page = await context.newPage();
      await login(page, username);
      // Wraps the API object as Moodle's player script assigns it (`var API = new SCORMapi1_2()`).
      await page.addInitScript(
        (name) => {
          const calls: { fn: string; t: number; result: string }[] = [];
          (window as unknown as { __labCalls: typeof calls }).__labCalls = calls;
          let wrapped: unknown;
          Object.defineProperty(window, name, {
            configurable: true,
            get: () => wrapped,
            set(api: Record<string, unknown>) {
              wrapped = new Proxy(api, {
                get(target, prop, receiver) {
                  const value = Reflect.get(target, prop, receiver) as unknown;
                  if (typeof value !== 'function' || typeof prop !== 'string') return value;
                  return (...args: unknown[]) => {
                    const result = String((value as (...a: unknown[]) => unknown).apply(target, args));
                    calls.push({ fn: prop, t: performance.timeOrigin + performance.now(), result });
                    return result;
                  };
                },
              });
            },
          });
        },
        version === '12' ? 'API' : 'API_1484_11',
      );
      const cdp = await context.newCDPSession(page);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle });
      const { frame } = await openActivity(page, cmid);
      await page.screenshot({ path: join(OUT, `launch-${version}-${throttle}x-start.png`) });
      const courseFrame = page.frames().find((f) => /\/index\.html/.test(f.url()));
      if (!courseFrame) throw new Error('no course frame');
      const timing = await courseFrame.evaluate(() => ({
        origin: performance.timeOrigin,
        firstHeading: performance.getEntriesByName('course:first-heading')[0]?.startTime ?? null,
        interactive: performance.getEntriesByName('course:interactive')[0]?.startTime ?? null,
        early: '__courseEarlyOpen' in window ? (window as unknown as Record<string, unknown>).__courseEarlyOpen : 'absent',
      }));
      const calls = await page.evaluate(
        () => (window as unknown as { __labCalls: { fn: string; t: number; result: string }[] }).__labCalls,
      );
      const inits = calls.filter((c) => /Initialize$/.test(c.fn));
      expect(inits.map((c) => c.result)).toEqual(['true']);
      // Taken over by the course's session (the page's record of it is cleared).
      expect(timing.early).toBeUndefined();
      const init = (inits[0]?.t ?? NaN) - timing.origin;
      expect(init, 'Initialize before the course was ready for input').toBeLessThan(timing.interactive ?? Infinity);
      await expect(frame.locator('#course-first-screen')).toHaveCount(0);
      await expect(frame.getByRole('heading', { level: 1 })).toHaveCount(1);
      await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
      if (throttle === 1) {
        await frame.getByRole('button', { name: 'Start the course' }).click();
        await frame.locator('lesson-view .end').scrollIntoViewIfNeeded();
        await expect(frame.getByText('You have read this lesson.')).toBeVisible();
        await frame.getByRole('button', { name: 'Exit course' }).click();
        await expect(frame.getByRole('heading', { name: 'You have left the course' })).toBeVisible();
      }
      await context.close();
      const stored = record(cmid, username);
      results.push({
        version,
        throttle,
        initializeMs: Math.round(init),
        firstHeadingMs: timing.firstHeading && Math.round(timing.firstHeading),
        interactiveMs: timing.interactive && Math.round(timing.interactive),
        calls: calls.length,
        stored,
      });
    }
    // What the learner sees before the course's script has run: the page as Moodle serves it,
    // without that script, on the laptop and on a phone.
    for (const [width, height] of [
      [1366, 768],
      [390, 844],
    ] as const) {
      const username = newLearner(`first${version}`);
      // The phone is set to dark: in Moodle's light page the first screen is light, as the course then is.
      const context = await browser.newContext({ viewport: { width, height }, colorScheme: width < 500 ? 'dark' : 'light' });
      const page = await context.newPage();
      await login(page, username);
      await page.route(/\/index\.html(\?|$)/, async (route) => {
        const response = await route.fetch();
        const html = await response.text();
        const start = html.indexOf('<script type="module"');
        const end = html.indexOf('</script>', start);
        await route.fulfill({ response, body: html.slice(0, start) + html.slice(end + '</script>'.length) });
      });
      await page.goto(`${new URL(page.url()).origin}/mod/scorm/view.php?id=${cmid}`);
      if (!page.url().includes('/player.php'))
        await page
          .getByRole('button', { name: /^Enter/ })
          .first()
          .click();
      await expect(page.frameLocator('#scorm_object').locator('#course-first-screen h1')).toBeVisible();
      await expect(page.frameLocator('#scorm_object').locator(':root')).toHaveAttribute('data-scheme', 'light');
      await page.screenshot({ path: join(OUT, `launch-${version}-first-screen-${width}.png`) });
      await context.close();
    }
    writeFileSync(join(OUT, `launch-${version}.json`), JSON.stringify(results, null, 2) + '\n');
    console.log(JSON.stringify(results, null, 2));
  });
}
