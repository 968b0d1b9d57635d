/**
 * The Moodle rules of the preview LMS (src/preview/moodle-profile.ts) without a browser,
 * except for the beacon size, which is checked against Chromium's own FormData encoding.
 */
import { expect, test } from '@playwright/test';
import {
  addTime12,
  addTime2004,
  beaconBytes,
  BEACON_LIMIT,
  MoodlePage,
  MoodleRecords,
  multipartBytes,
  readManifest,
  wireName,
  type MoodleStore,
} from '../../src/preview/moodle-profile.ts';

const manifest = { masteryScore: '80', objectiveIds: [] };

test('1.2 total time adds like scorm_12.js AddTime(), cents always written', () => {
  // Expected values were produced by Moodle's own AddTime() on the same inputs.
  expect(addTime12('00:00:00', '00:01:05')).toBe('00:01:05.00');
  expect(addTime12('01:59:59.99', '00:00:00.01')).toBe('02:00:00.00');
  expect(addTime12('12:30:00', '0100:45:30.25')).toBe('113:15:30.25');
  // Moodle reads ".5" as 5 hundredths.
  expect(addTime12('00:00:00.5', '00:00:00.50')).toBe('00:00:00.55');
});

test('2004 total time adds like scorm_13.js AddTime(), a zero total written as P', () => {
  expect(addTime2004('PT0H0M0S', 'PT1M5S')).toBe('PT1M5S');
  expect(addTime2004('PT1H', 'PT59M60.5S')).toBe('PT2H0.5S');
  expect(addTime2004('PT20H30M', 'PT4H')).toBe('P1DT30M');
  expect(addTime2004('PT0H0M0S', 'PT0H0M0S')).toBe('P');
  expect(addTime2004('PT0S', 'PT1.234S')).toBe('P');
});

test('field names are posted as Moodle names them', () => {
  expect(wireName('12', 'cmi.interactions.3.correct_responses.0.pattern')).toBe('cmi__interactions_3__correct_responses_0__pattern');
  expect(wireName('2004', 'cmi.interactions.3.id')).toBe('cmi__interactions__3__id');
  expect(wireName('12', 'cmi.core.lesson_status')).toBe('cmi__core__lesson_status');
});

test('the beacon size is what Chromium encodes and refuses over 64 KB', async ({ page }) => {
  const sets: Array<Array<[string, string]>> = [
    [
      ['cmi__interactions_0__id', 'x'.repeat(65_285)],
      ['unloading', '1'],
    ],
    [
      ['cmi__suspend_data', '{"a":"é€ line\nbreak\rand\r\nmore"}'],
      ['k"\n', ''],
      ['unloading', '1'],
    ],
    Array.from({ length: 600 }, (_, i): [string, string] => [`cmi__interactions_${i}__result`, 'correct']),
  ];
  const measured = await page.evaluate(async (all) => {
    const out: number[] = [];
    for (const fields of all) {
      const fd = new FormData();
      for (const [k, v] of fields) fd.append(k, v);
      out.push((await new Response(fd).arrayBuffer()).byteLength);
    }
    return out;
  }, sets);
  expect(sets.map((s) => multipartBytes(s))).toEqual(measured);
  expect(measured[0]).toBe(BEACON_LIMIT);
  // 600 short values are over the limit on framing alone.
  expect(measured[2]).toBeGreaterThan(BEACON_LIMIT);
  // And Chromium's quota is exactly that: one byte more and sendBeacon() refuses.
  await page.goto(`${process.env.LMS_URL}/fake-sco/index.html`);
  const queued = await page.evaluate(async (n) => {
    const send = (extra: number) => {
      const fd = new FormData();
      fd.append('cmi__interactions_0__id', 'x'.repeat(n + extra));
      fd.append('unloading', '1');
      return navigator.sendBeacon('/datamodel?api=beacon', fd);
    };
    const refused = send(1);
    const accepted = send(0);
    return [accepted, refused];
  }, 65_285);
  expect(queued).toEqual([true, false]);
  expect(beaconBytes('id=1&cmi__core__lesson_location=a%26b')).toBe(
    multipartBytes([
      ['id', '1'],
      ['cmi__core__lesson_location', 'a&b'],
      ['unloading', '1'],
    ]),
  );
});

test('launch: review only after a finished status, new attempts only after one', () => {
  const store: MoodleStore = {};
  const r = new MoodleRecords('12', store);
  const launch = (newAttempt = false) => r.launch({ learnerId: 'u', learnerName: 'U V', activity: 'a', newAttempt, manifest });
  expect(launch(true).info).toMatchObject({ attempt: 1, mode: 'normal', entry: 'ab-initio' });
  r.save('u', 'a', 1, [['cmi.core.lesson_status', 'incomplete']]);
  expect(launch(true).info).toMatchObject({ attempt: 1, mode: 'normal', entry: '' });
  r.save('u', 'a', 1, [['cmi.core.lesson_status', 'failed']]);
  expect(launch().info).toMatchObject({ attempt: 1, mode: 'review', credit: 'no-credit' });
  expect(launch(true).info).toMatchObject({ attempt: 2, mode: 'normal', credit: 'credit', entry: 'ab-initio' });
  // Deleting the last attempt makes the previous one current again (scorm_get_last_attempt()).
  r.deleteAttempt('u', 'a', 2);
  expect(launch().info).toMatchObject({ attempt: 1, mode: 'review' });
});

test('2004 hands back stored values only after exit suspend, and the manifest objectives always', () => {
  const r = new MoodleRecords('2004', {});
  r.save('u', 'a', 1, [
    ['cmi.location', 'p2'],
    ['cmi.exit', 'normal'],
    ['cmi.objectives.0.id', 'PRIMARY-OBJ'],
    ['cmi.objectives.1.id', 'lesson-1'],
  ]);
  const m = { objectiveIds: ['PRIMARY-OBJ'] };
  const first = r.launch({ learnerId: 'u', learnerName: 'U V', activity: 'a', newAttempt: false, manifest: m });
  expect([first.def['cmi.location'], first.def['cmi.entry'], first.arrays]).toEqual([
    '',
    'ab-initio',
    { 'cmi.objectives.0.id': 'PRIMARY-OBJ' },
  ]);
  r.save('u', 'a', 1, [['cmi.exit', 'suspend']]);
  const second = r.launch({ learnerId: 'u', learnerName: 'U V', activity: 'a', newAttempt: false, manifest: m });
  expect([second.def['cmi.location'], second.def['cmi.entry'], second.arrays['cmi.objectives.1.id']]).toEqual(['p2', 'resume', 'lesson-1']);
});

test('1.2 page: ranged values are numbers, unchanged values are not re-sent, LMSFinish rewrites and adds time', () => {
  const r = new MoodleRecords('12', {});
  const l = r.launch({ learnerId: 'u', learnerName: 'U V', activity: 'a', newAttempt: false, manifest });
  const page = new MoodlePage('12', l.def, l.arrays, 'id=1');
  page.set('cmi.core.score.raw', '85.50');
  page.set('cmi.core.lesson_status', 'incomplete');
  page.set('cmi.core.session_time', '00:02:00');
  expect(page.collect(false).values).toEqual([
    ['cmi.core.lesson_status', 'incomplete'],
    ['cmi.core.score.raw', 85.5],
  ]);
  expect(page.collect(true).values).toEqual([
    ['cmi.core.lesson_status', 'passed'],
    ['cmi.core.total_time', '00:02:00.00'],
  ]);
});

test('the manifest values Moodle keeps are read from either version', () => {
  expect(readManifest('<adlcp:masteryscore>80</adlcp:masteryscore><adlcp:datafromlms> x=1 </adlcp:datafromlms>')).toMatchObject({
    masteryScore: '80',
    launchData: 'x=1',
    objectiveIds: [],
  });
  const m2004 = readManifest(
    '<adlcp:timeLimitAction>exit,message</adlcp:timeLimitAction><imsss:limitConditions attemptAbsoluteDurationLimit="PT30M"/><imsss:primaryObjective objectiveID="P" satisfiedByMeasure="true"><imsss:minNormalizedMeasure>0.8</imsss:minNormalizedMeasure></imsss:primaryObjective><imsss:objective objectiveID="O2"/>',
  );
  expect(m2004).toMatchObject({
    timeLimitAction: 'exit,message',
    maxTimeAllowed: 'PT30M',
    scaledPassingScore: '0.8',
    objectiveIds: ['P', 'O2'],
  });
});
