import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { completeEvaluation, courseData, finishExam, readAllLessons, startExam } from '../../tests/support/flows.ts';
import { activity, distZip, elementsOf, HERE, login, newLearner, openActivity } from './lab.ts';

/*
 * Two tabs on one attempt, in a real Moodle: a new learner opens the zip of TABS_SCORM (default 12)
 * in "Lab: tabs …" (recommended settings) in one tab and starts; opens it again in a second tab,
 * which stands by, continues there and passes the exam; then goes back to the first tab, which
 * takes over (TABS_WAY=closed: after the second tab was closed) and sends the evaluation.
 * Measured: what Moodle's tables hold, list entry by list entry. Writes out/tabs-<version>-<way>.json.
 */
const VERSION = process.env.TABS_SCORM === '2004' ? '2004' : '12';
const WAY = process.env.TABS_WAY === 'closed' ? 'closed' : 'hands-over';
const OUT = join(HERE, 'out');

test(`two tabs on one attempt, SCORM ${VERSION}, the other tab ${WAY}`, async ({ browser }) => {
  test.setTimeout(240_000);
  const cmid = activity(`Lab: tabs ${VERSION === '12' ? '1.2' : '2004'}`, distZip(VERSION), 'recommended');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const username = newLearner('tabs');
  const pageA = await context.newPage();
  await login(pageA, username);
  const a = await openActivity(pageA, cmid);
  await a.frame.getByRole('button', { name: /^Start the course/ }).click();

  const pageB = await context.newPage();
  const b = await openActivity(pageB, cmid);
  await expect(b.frame.getByRole('heading', { level: 1, name: 'This course is open in another tab or window' })).toBeVisible();
  await b.frame.getByRole('button', { name: 'Continue here' }).click();
  await readAllLessons(b.frame);
  await startExam(b.frame);
  const shown = await finishExam(b.frame);
  await b.player.waitForTimeout(2_000);
  const afterExam = elementsOf(cmid, username);
  if (WAY === 'closed') await b.player.close();

  await a.player.bringToFront();
  await a.frame.getByRole('button', { name: 'Continue here' }).click();
  await expect(a.frame.getByText('You are now continuing here.')).toBeVisible({ timeout: 10_000 });
  await a.frame
    .getByRole('navigation')
    .getByRole('button', { name: /^Evaluation / })
    .click();
  await completeEvaluation(a.frame);
  await a.player.waitForTimeout(2_000);
  await a.frame.getByRole('button', { name: 'Exit course' }).click();
  await a.player.waitForTimeout(2_000);
  const stored = elementsOf(cmid, username);

  // Moodle keeps 1.2's list elements as cmi.interactions_N.*, 2004's as cmi.interactions.N.*.
  const ids = (elements: Record<string, string>) =>
    Object.entries(elements)
      .map(([k, v]) => [Number(/^cmi\.interactions[._](\d+)\.id$/.exec(k)?.[1] ?? -1), v] as const)
      .filter(([n]) => n >= 0)
      .sort(([x], [y]) => x - y)
      .map(([n, id]) => `${n}:${id}`);
  const { gradedQuiz } = await courseData();
  const result = {
    version: VERSION,
    way: WAY,
    cmid,
    username,
    questionsShown: shown.length,
    afterExam: { examAnswers: ids(afterExam).filter((x) => x.includes(`:${gradedQuiz}-`)).length },
    afterEvaluation: {
      examAnswers: ids(stored).filter((x) => x.includes(`:${gradedQuiz}-`)).length,
      evaluationAnswers: ids(stored).filter((x) => x.includes(':evaluation-')).length,
      ceRecord: ids(stored).filter((x) => x.includes(':ce-')).length,
      entries: ids(stored).length,
      status: stored[VERSION === '12' ? 'cmi.core.lesson_status' : 'cmi.success_status'] ?? null,
    },
    interactions: ids(stored),
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `tabs-${VERSION}-${WAY}.json`), `${JSON.stringify(result, null, 2)}\n`);
  console.log(JSON.stringify({ ...result, interactions: undefined }, null, 2));
  expect(result.afterEvaluation.examAnswers).toBe(shown.length);
  expect(result.afterEvaluation.evaluationAnswers).toBeGreaterThan(0);
  await context.close();
});
