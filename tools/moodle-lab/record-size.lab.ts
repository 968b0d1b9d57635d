import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { completeEvaluation, finishExam, readAllLessons, startExam } from '../../tests/support/flows.ts';
import { beaconBytes } from '../../src/preview/moodle-profile.ts';
import { activity, distZip, elementsOf, HERE, login, newLearner, openActivity } from './lab.ts';

/*
 * The largest record the course writes, in a real Moodle: a new learner takes the zip of
 * RECORD_SCORM (default 2004) in "Lab: record size" in one session, answers every evaluation
 * text at its longest in three-byte characters, and closes the tab. Moodle's player then posts
 * the session's end as a beacon, which Chromium refuses over 64 KB. Measured: each commit to
 * Moodle's datamodel.php (the closing beacon itself is not visible to the test once the page is
 * gone) with the size its values take as a beacon, and what Moodle stored: the session time only
 * the closing call sends, the status and the answers.
 * Writes out/record-size.json.
 */
const VERSION = process.env.RECORD_SCORM === '12' ? '12' : '2004';
const OUT = join(HERE, 'out');

test(`the largest ${VERSION} record reaches Moodle when the tab is closed`, async ({ browser }) => {
  test.setTimeout(300_000);
  const cmid = activity(`Lab: record size ${VERSION}`, distZip(VERSION), 'recommended');
  const username = newLearner('size');
  const context = await browser.newContext({ viewport: { width: 1366, height: 768 } });
  const page = await context.newPage();
  await login(page, username);
  const { player, frame } = await openActivity(page, cmid);
  // Each commit as sent (url-encoded), and the multipart size the same values take in a beacon.
  const posts: { bytes: number; asBeacon: number }[] = [];
  player.on('request', (r) => {
    const body = r.postData() ?? '';
    if (r.url().includes('/mod/scorm/datamodel.php')) posts.push({ bytes: body.length, asBeacon: beaconBytes(body) });
  });
  await frame.getByRole('button', { name: /^Start the course/ }).click();
  await readAllLessons(frame);
  await startExam(frame);
  await finishExam(frame);
  await frame.getByRole('button', { name: 'Continue: Evaluation' }).click();
  await completeEvaluation(frame, (max) => '—'.repeat(max));
  // Closing the tab: Moodle's player sends the session's end while the page is being dismissed.
  await player.close({ runBeforeUnload: true });
  await new Promise((r) => setTimeout(r, 3000));
  const stored = elementsOf(cmid, username);
  const time = VERSION === '12' ? 'cmi.core.total_time' : 'cmi.total_time';
  const result = {
    version: VERSION,
    cmid,
    username,
    posts,
    largestAsBeacon: Math.max(...posts.map((p) => p.asBeacon)),
    elements: Object.keys(stored).length,
    totalTime: stored[time],
    status: [stored['cmi.core.lesson_status'] ?? stored['cmi.completion_status'], stored['cmi.success_status'] ?? ''],
    confidence: Object.values(stored).filter((v) => /^evaluation-confidence-/.test(v)).length,
  };
  mkdirSync(OUT, { recursive: true });
  writeFileSync(join(OUT, `record-size-${VERSION}.json`), JSON.stringify(result, null, 2));
  console.log(JSON.stringify({ ...result, posts: posts.length }));
  expect(result.totalTime).toMatch(VERSION === '12' ? /^0*\d+:\d\d:\d\d/ : /^PT/);
  await context.close();
});
