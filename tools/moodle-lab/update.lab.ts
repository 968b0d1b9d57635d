import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { completeEvaluation, courseData, finishExam, openFromMenu, startExam } from '../../tests/support/flows.ts';
import { isCritical } from '../../tests/support/learner.ts';
import { activity, distZip, elementsOf, HERE, login, newLearner, openActivity } from './lab.ts';

/*
 * A new version of the package replaces the old one while a learner is mid-course, in a real Moodle:
 * a new learner in a new "Lab: update …" activity (recommended settings) reads every lesson but the
 * last and passes the exam with three non-critical answers wrong (about 90 %, over the pass mark of
 * the package in UPDATE_V1 (default dist/), 80). The package is then replaced by the one in UPDATE_V2
 * (a build whose pass mark is higher, e.g. 90); the learner comes back, reads the last lesson, sends
 * the evaluation and leaves. Measured: the status, score and completion Moodle holds before and after the update.
 * With the pass marks the other way round (UPDATE_V1 at 90, UPDATE_V2 at 80) the same answers fail
 * first and meet the lowered mark after the update.
 * UPDATE_SCORM=12|2004 (default 2004); UPDATE_LABEL names the output. Writes out/update-<version>[-<label>].json.
 */
const VERSION = process.env.UPDATE_SCORM === '12' ? '12' : '2004';
const V1 = process.env.UPDATE_V1;
const V2 = process.env.UPDATE_V2;
const OUT = join(HERE, 'out');

test(`a package replaced mid-course: what Moodle holds before and after, SCORM ${VERSION}`, async ({ browser }) => {
  test.skip(!V2, 'UPDATE_V2: the folder of the new version (its dist/)');
  const name = `Lab: update ${VERSION === '12' ? '1.2' : '2004'} ${Date.now().toString(36)}`;
  const cmid = activity(name, distZip(VERSION, V1), 'recommended');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const username = newLearner('update');
  const page = await context.newPage();
  await login(page, username);
  const first = await openActivity(page, cmid);
  await first.frame.getByRole('button', { name: /^Start the course/ }).click();
  const { lessons } = await courseData();
  for (const lesson of lessons.slice(0, -1)) {
    await openFromMenu(first.frame, lesson.title);
    await first.frame.locator('lesson-view .end').scrollIntoViewIfNeeded();
    await expect(first.frame.getByText('You have read this lesson.')).toBeVisible();
  }
  const quiz = await startExam(first.frame);
  const wrong = new Set<string>();
  await finishExam(first.frame, (q) => {
    if (wrong.has(q.id)) return true;
    if (wrong.size >= 3 || isCritical(quiz, q)) return false;
    wrong.add(q.id);
    return true;
  });
  // A pass under V1's pass mark (or, when V1's is the higher one, a fail: UPDATE_V1 at 90, UPDATE_V2 at 80).
  const firstResult = first.frame.getByRole('heading', { name: /^You (passed|did not pass)$/ });
  await expect(firstResult).toBeVisible();
  const resultBefore = await firstResult.textContent();
  await first.frame.getByRole('button', { name: 'Exit course' }).click();
  await first.player.waitForTimeout(2_000);
  const status = VERSION === '12' ? 'cmi.core.lesson_status' : 'cmi.success_status';
  const raw = VERSION === '12' ? 'cmi.core.score.raw' : 'cmi.score.raw';
  const completion = VERSION === '12' ? 'cmi.core.lesson_status' : 'cmi.completion_status';
  const summary = (e: Record<string, string>) => ({ status: e[status] ?? null, score: e[raw] ?? null, completion: e[completion] ?? null });
  const before = summary(elementsOf(cmid, username));

  // The coordinator uploads the new version into the same activity (update_module, as the form does).
  activity(name, distZip(VERSION, V2), 'recommended');
  const again = await openActivity(await context.newPage(), cmid);
  await again.frame
    .getByRole('button', { name: /^Continue/ })
    .first()
    .click();
  const last = lessons.at(-1);
  if (last) {
    await openFromMenu(again.frame, last.title);
    await again.frame.locator('lesson-view .end').scrollIntoViewIfNeeded();
    await expect(again.frame.getByText('You have read this lesson.')).toBeVisible();
  }
  // The evaluation opens once the exam is passed: with the pass taken away, it stays closed.
  const evaluation = again.frame.getByRole('navigation').getByRole('button', { name: /^Evaluation / });
  const evaluationOpen = (await evaluation.count()) > 0 && (await evaluation.isEnabled());
  if (evaluationOpen) {
    await evaluation.click();
    await completeEvaluation(again.frame);
  }
  const examState = await again.frame
    .getByRole('navigation')
    .getByRole('button', { name: new RegExp(`^${quiz.title}`) })
    .first()
    .textContent();
  await again.frame.getByRole('button', { name: 'Exit course' }).click();
  await again.player.waitForTimeout(2_000);
  const after = summary(elementsOf(cmid, username));
  const result = {
    version: VERSION,
    cmid,
    username,
    wrong: [...wrong],
    resultBefore,
    before,
    after,
    evaluationOpen,
    examInContents: examState?.replace(/\s+/g, ' ').trim(),
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(
    join(OUT, `update-${VERSION}${process.env.UPDATE_LABEL ? `-${process.env.UPDATE_LABEL}` : ''}.json`),
    `${JSON.stringify(result, null, 2)}\n`,
  );
  console.log(JSON.stringify(result, null, 2));
  await context.close();
});
