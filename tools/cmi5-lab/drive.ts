// The learner for the cmi5 lab (CMI5_DRIVE): takes the launched course through as tests/support/flows.ts does in
// the browser tests: every lesson read, the exam passed (or, with CMI5_FAIL_FIRST=1, failed once first), the
// evaluation, the certificate, then Exit, which returns to the LMS's returnURL. Screenshots go to CMI5_SHOTS if set.
// Run with tsx: `node --import tsx <lab>/run-cts.mjs <zip>` from the project root (see README.md here).
import type { FrameLocator, Page } from '@playwright/test';
import { finishExam, goToCertificate, readAllLessons, startExam } from '../../tests/support/flows.ts';
import { wrongAnswer } from '../../tests/support/learner.ts';

const shots = process.env.CMI5_SHOTS;
const say = (...a: unknown[]) => console.log('  [drive]', ...a);

async function shot(page: Page, name: string): Promise<void> {
  if (shots) await page.screenshot({ path: `${shots}/${name}.png` });
}

export default async function drive(page: Page): Promise<void> {
  page.on('console', (m) => say(`console.${m.type()}: ${m.text()}`));
  await page.setViewportSize({ width: 1366, height: 768 });
  await page.locator(':root[data-course-ready]').waitFor({ state: 'attached', timeout: 30_000 });
  // The top-level document plays the role of the course frame: the same queries work on it.
  const course = page as unknown as FrameLocator;
  await shot(page, '1-start');
  const start = page.getByRole('button', { name: /^(Start the course|Continue)/ }).first();
  await start.click();
  await readAllLessons(course);
  say('lessons read');
  await startExam(course);
  if (process.env.CMI5_FAIL_FIRST === '1') {
    await finishExam(course, () => true);
    say('exam failed once');
    await shot(page, '2-failed');
    if (process.env.CMI5_FAIL_ONLY === '1') {
      await page.getByRole('button', { name: 'Exit course' }).click();
      await page.waitForURL((u) => !u.pathname.endsWith('index.html'), { timeout: 30_000 }).catch(() => say('stayed on the course'));
      return;
    }
    await page
      .getByRole('button', { name: /Try again|Retake|Start attempt/ })
      .first()
      .click();
    // A timed exam shows its introduction again: the clock starts with Start.
    const startAgain = page.getByRole('button', { name: 'Start', exact: true });
    if (await startAgain.isVisible()) await startAgain.click();
  }
  await finishExam(course);
  say('exam passed');
  await shot(page, '3-passed');
  await goToCertificate(course);
  await shot(page, '4-certificate');
  await page.getByRole('button', { name: 'Exit course' }).click();
  await shot(page, '5-exit');
  await page
    .waitForURL((u) => !u.pathname.endsWith('index.html'), { timeout: 30_000 })
    .then(
      () => say('returned to', page.url().slice(0, 120)),
      () => say('stayed on the course after Exit'),
    );
  void wrongAnswer;
}
