/**
 * The preview LMS's Moodle 5.1 profile, tested on its own with a SCO that has no logic
 * (tests/support/fake-sco): each test makes the API calls a course could make and checks
 * what Moodle would hand back, decide and store (rules from mod/scorm, see moodle-profile.ts).
 */
import { expect, test, type Page } from '@playwright/test';
import type { HostConfig, LmsCall } from '../../src/preview/lms-host.ts';
import {
  EL,
  VERSIONS,
  closeCourse,
  courseFrame,
  deleteAttempt,
  launchCourse,
  launchInfo,
  launchTestSco,
  lmsCalls,
  relaunchMoodle,
  storedAttempts,
  storedRecord,
  testSco,
  type ScoCall,
  type Version,
} from '../support/lms.ts';

const MOODLE: HostConfig = { profile: 'moodle' };

/** API function names per version. */
const FN = {
  '12': { init: 'LMSInitialize', get: 'LMSGetValue', set: 'LMSSetValue', commit: 'LMSCommit', finish: 'LMSFinish' },
  '2004': { init: 'Initialize', get: 'GetValue', set: 'SetValue', commit: 'Commit', finish: 'Terminate' },
} as const;

/** `n` answered questions as interaction values (4 per interaction). */
function interactions(version: Version, n: number, from = 0): ScoCall[] {
  const set = FN[version].set;
  const out: ScoCall[] = [];
  for (let i = from; i < from + n; i++) {
    const p = `cmi.interactions.${i}.`;
    out.push(
      [set, `${p}id`, `exam-q${i}`],
      [set, `${p}type`, 'choice'],
      [set, `${p}${EL[version].response}`, version === '12' ? 'a' : 'opt_a'],
      [set, `${p}result`, 'correct'],
    );
  }
  return out;
}

/** The Commit/Finish/Terminate calls that reached Moodle's StoreData, with what they posted. */
async function requests(page: Page): Promise<LmsCall[]> {
  return (await lmsCalls(page)).filter((c) => c.request);
}

test.describe('SCORM 1.2 under Moodle', () => {
  const f = FN['12'];
  const set = (el: string, v: string): ScoCall => [f.set, el, v];

  for (const status of ['completed', 'passed', 'failed']) {
    test(`a ${status} status opens the next launch in review mode with every stored value`, async ({ page }) => {
      let sco = await launchTestSco(page, '12', MOODLE);
      await sco.run([
        [f.init, ''],
        set('cmi.core.lesson_location', 'p3'),
        set('cmi.suspend_data', 'abc'),
        set('cmi.core.lesson_status', status),
        set('cmi.core.exit', ''),
        [f.finish, ''],
      ]);
      await relaunchMoodle(page);
      sco = await testSco(page);
      expect(await launchInfo(page)).toMatchObject({ mode: 'review', credit: 'no-credit', entry: '', attempt: 1 });
      const got = await sco.run([
        [f.init, ''],
        [f.get, 'cmi.core.lesson_mode'],
        [f.get, 'cmi.core.credit'],
        [f.get, 'cmi.core.entry'],
        [f.get, 'cmi.core.lesson_status'],
        [f.get, 'cmi.core.lesson_location'],
        [f.get, 'cmi.suspend_data'],
      ]);
      expect(got.slice(1).map((r) => r.result)).toEqual(['review', 'no-credit', '', status, 'p3', 'abc']);
      expect(await storedAttempts(page)).toHaveLength(1);
    });
  }

  test('an unfinished attempt reopens normally: resume after suspend, "" after any other exit, every value either way', async ({
    page,
  }) => {
    let sco = await launchTestSco(page, '12', MOODLE);
    await sco.run([
      [f.init, ''],
      set('cmi.core.lesson_status', 'incomplete'),
      set('cmi.suspend_data', 's1'),
      set('cmi.core.exit', 'suspend'),
      [f.finish, ''],
    ]);
    await relaunchMoodle(page);
    expect(await launchInfo(page)).toMatchObject({ mode: 'normal', credit: 'credit', entry: 'resume' });
    sco = await testSco(page);
    expect((await sco.run([[f.init, ''], [f.get, 'cmi.suspend_data'], set('cmi.core.exit', ''), [f.finish, '']]))[1]?.result).toBe('s1');
    await relaunchMoodle(page);
    expect(await launchInfo(page)).toMatchObject({ mode: 'normal', entry: '' });
    sco = await testSco(page);
    expect(
      (
        await sco.run([
          [f.init, ''],
          [f.get, 'cmi.suspend_data'],
        ])
      )[1]?.result,
    ).toBe('s1');
  });

  test('LMSFinish rewrites the status from the raw score and the mastery score, after the course last read it', async ({ page }) => {
    const sco = await launchTestSco(page, '12', MOODLE);
    const got = await sco.run([
      [f.init, ''],
      [f.get, 'cmi.student_data.mastery_score'],
      set('cmi.core.score.raw', '50'),
      set('cmi.core.lesson_status', 'incomplete'),
      [f.commit, ''],
      [f.get, 'cmi.core.lesson_status'],
      [f.finish, ''],
    ]);
    expect(got.map((r) => r.result)).toEqual(['true', '80', 'true', 'true', 'true', 'incomplete', 'true']);
    expect(await storedRecord(page)).toMatchObject({ 'cmi.core.lesson_status': 'failed', 'cmi.core.score.raw': '50' });
  });

  test('a raw score at the mastery score passes', async ({ page }) => {
    const sco = await launchTestSco(page, '12', MOODLE);
    await sco.run([[f.init, ''], set('cmi.core.score.raw', '80'), set('cmi.core.lesson_status', 'completed'), [f.finish, '']]);
    expect((await storedRecord(page))['cmi.core.lesson_status']).toBe('passed');
  });

  test('a status never set becomes completed at LMSFinish', async ({ page }) => {
    const sco = await launchTestSco(page, '12', MOODLE);
    await sco.run([
      [f.init, ''],
      [f.finish, ''],
    ]);
    expect((await storedRecord(page))['cmi.core.lesson_status']).toBe('completed');
    await relaunchMoodle(page);
    expect(await launchInfo(page)).toMatchObject({ mode: 'review' });
  });

  test('without a raw score the status the course set is kept', async ({ page }) => {
    const sco = await launchTestSco(page, '12', MOODLE);
    await sco.run([[f.init, ''], set('cmi.core.lesson_status', 'incomplete'), [f.finish, '']]);
    expect((await storedRecord(page))['cmi.core.lesson_status']).toBe('incomplete');
  });

  test('review mode stores what the course sends: a new score, and the session time added to total_time', async ({ page }) => {
    let sco = await launchTestSco(page, '12', MOODLE);
    await sco.run([
      [f.init, ''],
      set('cmi.core.score.raw', '50'),
      set('cmi.core.lesson_status', 'incomplete'),
      set('cmi.core.session_time', '00:10:00'),
      [f.finish, ''],
    ]);
    expect(await storedRecord(page)).toMatchObject({ 'cmi.core.lesson_status': 'failed', 'cmi.core.total_time': '00:10:00.00' });
    await relaunchMoodle(page);
    sco = await testSco(page);
    // A retake in review mode: no rewrite (mode is review), but everything sent is stored.
    await sco.run([[f.init, ''], set('cmi.core.score.raw', '90'), set('cmi.core.session_time', '00:05:00'), [f.finish, '']]);
    expect(await storedRecord(page)).toMatchObject({
      'cmi.core.lesson_status': 'failed',
      'cmi.core.score.raw': '90',
      'cmi.core.total_time': '00:15:00.00',
    });
  });

  test('each commit posts what changed since the last one; a relaunched page first re-posts every stored interaction', async ({ page }) => {
    let sco = await launchTestSco(page, '12', MOODLE);
    await sco.run([
      [f.init, ''],
      ...interactions('12', 2),
      set('cmi.core.lesson_status', 'incomplete'),
      [f.commit, ''],
      set('cmi.core.lesson_location', 'p2'),
      [f.commit, ''],
      set('cmi.core.exit', 'suspend'),
      [f.finish, ''],
    ]);
    const first = (await requests(page)).map((c) => c.request?.sent);
    expect(first[0]).toEqual(expect.arrayContaining(['cmi.core.lesson_status', 'cmi.interactions.0.id', 'cmi.interactions.1.result']));
    expect(first[1]).toEqual(['cmi.core.lesson_location']);
    expect(first[2]).toEqual(['cmi.core.exit', 'cmi.core.total_time']);

    await relaunchMoodle(page);
    sco = await testSco(page);
    await sco.run([
      [f.init, ''],
      [f.commit, ''],
      [f.commit, ''],
    ]);
    const second = (await requests(page)).filter((c) => c.launch === 2).map((c) => c.request?.sent);
    expect(second[0]).toEqual([
      'cmi.interactions.0.id',
      'cmi.interactions.0.type',
      'cmi.interactions.0.student_response',
      'cmi.interactions.0.result',
      'cmi.interactions.1.id',
      'cmi.interactions.1.type',
      'cmi.interactions.1.student_response',
      'cmi.interactions.1.result',
    ]);
    expect(second[1]).toEqual([]);
  });

  test('a Commit refused during dismissal still counts as sent, so LMSFinish then carries little', async ({ page }) => {
    let sco = await launchTestSco(page, '12', MOODLE);
    await sco.run([[f.init, ''], ...interactions('12', 150), set('cmi.core.lesson_status', 'incomplete'), [f.commit, ''], [f.finish, '']]);
    await relaunchMoodle(page);
    sco = await testSco(page);
    await sco.run([[f.init, ''], set('cmi.core.lesson_location', 'end')]);
    await sco.onDismiss([
      [f.commit, ''],
      [f.finish, ''],
    ]);
    await closeCourse(page);
    const [commit, finish] = (await requests(page)).filter((c) => c.launch === 2);
    expect([commit?.result, commit?.error, commit?.request?.stored]).toEqual(['false', '101', false]);
    // scorm_12.js CollectData() updates its "sent" marks before posting.
    expect([finish?.result, finish?.request?.sent]).toEqual(['true', ['cmi.core.total_time']]);
    expect((await storedRecord(page))['cmi.core.lesson_location']).toBeUndefined();
  });
});

test.describe('SCORM 2004 under Moodle', () => {
  const f = FN['2004'];
  const set = (el: string, v: string): ScoCall => [f.set, el, v];

  test('completed opens the next launch in review mode, with an empty record after exit normal', async ({ page }) => {
    let sco = await launchTestSco(page, '2004', MOODLE);
    await sco.run([
      [f.init, ''],
      set('cmi.location', 'p3'),
      set('cmi.suspend_data', 'abc'),
      set('cmi.completion_status', 'completed'),
      set('cmi.success_status', 'passed'),
      set('cmi.exit', 'normal'),
      [f.finish, ''],
    ]);
    expect(await storedRecord(page)).toMatchObject({ 'cmi.completion_status': 'completed', 'cmi.location': 'p3', 'cmi.exit': 'normal' });
    await relaunchMoodle(page);
    expect(await launchInfo(page)).toMatchObject({ mode: 'review', credit: 'no-credit', entry: 'ab-initio', attempt: 1 });
    sco = await testSco(page);
    const got = await sco.run([
      [f.init, ''],
      [f.get, 'cmi.mode'],
      [f.get, 'cmi.credit'],
      [f.get, 'cmi.entry'],
      [f.get, 'cmi.completion_status'],
      [f.get, 'cmi.location'],
      [f.get, 'cmi.suspend_data'],
    ]);
    expect(got.slice(1).map((r) => r.result)).toEqual(['review', 'no-credit', 'ab-initio', 'unknown', '', '']);
  });

  test('completed with exit suspend: review mode with the full record', async ({ page }) => {
    let sco = await launchTestSco(page, '2004', MOODLE);
    await sco.run([
      [f.init, ''],
      set('cmi.suspend_data', 'abc'),
      set('cmi.completion_status', 'completed'),
      set('cmi.exit', 'suspend'),
      [f.finish, ''],
    ]);
    await relaunchMoodle(page);
    expect(await launchInfo(page)).toMatchObject({ mode: 'review', entry: 'resume' });
    sco = await testSco(page);
    expect(
      (
        await sco.run([
          [f.init, ''],
          [f.get, 'cmi.suspend_data'],
          [f.get, 'cmi.completion_status'],
        ])
      )
        .slice(1)
        .map((r) => r.result),
    ).toEqual(['abc', 'completed']);
  });

  test('an unfinished attempt gets its record back only after exit suspend', async ({ page }) => {
    let sco = await launchTestSco(page, '2004', MOODLE);
    await sco.run([
      [f.init, ''],
      ...interactions('2004', 2),
      set('cmi.location', 'p2'),
      set('cmi.suspend_data', 's1'),
      set('cmi.completion_status', 'incomplete'),
      set('cmi.exit', 'suspend'),
      [f.finish, ''],
    ]);
    await relaunchMoodle(page);
    expect(await launchInfo(page)).toMatchObject({ mode: 'normal', credit: 'credit', entry: 'resume' });
    sco = await testSco(page);
    const got = await sco.run([
      [f.init, ''],
      [f.get, 'cmi.location'],
      [f.get, 'cmi.suspend_data'],
      [f.get, 'cmi.interactions._count'],
      [f.get, 'cmi.interactions.1.id'],
      set('cmi.exit', 'normal'),
      [f.finish, ''],
    ]);
    expect(got.slice(1, 5).map((r) => r.result)).toEqual(['p2', 's1', '2', 'exam-q1']);

    await relaunchMoodle(page);
    expect(await launchInfo(page)).toMatchObject({ mode: 'normal', entry: 'ab-initio' });
    sco = await testSco(page);
    const empty = await sco.run([
      [f.init, ''],
      [f.get, 'cmi.location'],
      [f.get, 'cmi.suspend_data'],
      [f.get, 'cmi.interactions._count'],
      [f.get, 'cmi.completion_status'],
    ]);
    expect(empty.slice(1).map((r) => r.result)).toEqual(['', '', '0', 'unknown']);
    // The database still holds them: Moodle only does not hand them back.
    expect((await storedRecord(page))['cmi.suspend_data']).toBe('s1');
  });

  test('review mode stores what the course sends: exit, session time, and total_time overwritten', async ({ page }) => {
    let sco = await launchTestSco(page, '2004', MOODLE);
    await sco.run([
      [f.init, ''],
      set('cmi.completion_status', 'completed'),
      set('cmi.session_time', 'PT10M'),
      set('cmi.exit', 'normal'),
      [f.finish, ''],
    ]);
    expect(await storedRecord(page)).toMatchObject({ 'cmi.total_time': 'PT10M' });
    await relaunchMoodle(page);
    sco = await testSco(page);
    await sco.run([[f.init, ''], set('cmi.session_time', 'PT5M'), set('cmi.exit', 'suspend'), [f.finish, '']]);
    // The review launch was handed total_time PT0H0M0S, so Terminate stores this session's time only.
    expect(await storedRecord(page)).toMatchObject({
      'cmi.completion_status': 'completed',
      'cmi.total_time': 'PT5M',
      'cmi.session_time': 'PT5M',
      'cmi.exit': 'suspend',
    });
  });

  test('every commit re-posts everything changed since launch, every interaction included', async ({ page }) => {
    const sco = await launchTestSco(page, '2004', MOODLE);
    await sco.run([[f.init, ''], ...interactions('2004', 2), set('cmi.location', 'p1'), [f.commit, ''], [f.commit, '']]);
    const [a, b] = (await requests(page)).map((c) => c.request?.sent);
    expect(a).toEqual([
      'cmi.location',
      'cmi.interactions.0.id',
      'cmi.interactions.0.type',
      'cmi.interactions.0.learner_response',
      'cmi.interactions.0.result',
      'cmi.interactions.1.id',
      'cmi.interactions.1.type',
      'cmi.interactions.1.learner_response',
      'cmi.interactions.1.result',
    ]);
    expect(b).toEqual(a);
  });

  test('the manifest objective is handed as cmi.objectives.0 on every launch', async ({ page }) => {
    await launchCourse(page, '2004', MOODLE);
    // The package's primaryObjective has objectiveID="PRIMARY-OBJ" (get_scorm_default() in scorm_13lib.php).
    const flat = await page.evaluate(() => window.__lms?.cmi() ?? {});
    expect(flat['cmi.objectives.0.id']).toBe('PRIMARY-OBJ');
  });
});

for (const version of VERSIONS) {
  const f = FN[version];
  const el = EL[version];
  const set = (e: string, v: string): ScoCall => [f.set, e, v];
  const finished: ScoCall[] = [[f.init, ''], set(el.status, 'completed'), set('cmi.suspend_data', 'done'), [f.finish, '']];

  test.describe(`SCORM ${version === '12' ? '1.2' : '2004'} under Moodle: attempts, activities, dismissal`, () => {
    test('a first launch: attempt 1, normal, empty record, the username and the manifest pass mark', async ({ page }) => {
      const sco = await launchTestSco(page, version, { ...MOODLE, learnerId: 'jdoe' });
      expect(await launchInfo(page)).toEqual({
        mode: 'normal',
        credit: 'credit',
        entry: 'ab-initio',
        activity: 'main',
        attempt: 1,
        learnerId: 'jdoe',
      });
      const reads =
        version === '12'
          ? ['cmi.core.student_id', 'cmi.student_data.mastery_score', 'cmi.core.lesson_status']
          : ['cmi.learner_id', 'cmi.scaled_passing_score', 'cmi.completion_status'];
      const got = await sco.run([[f.init, ''], ...reads.map((r): ScoCall => [f.get, r])]);
      expect(got.slice(1).map((r) => r.result)).toEqual([
        'jdoe',
        version === '12' ? '80' : '0.8',
        version === '12' ? 'not attempted' : 'unknown',
      ]);
      expect(await storedRecord(page)).toEqual({});
      expect(await sco.frame.evaluate(() => location.pathname)).toBe('/activity/main/fake-sco/index.html');
    });

    test('a new attempt after a finished one starts empty and keeps the first', async ({ page }) => {
      const sco = await launchTestSco(page, version, MOODLE);
      await sco.run(finished);
      await relaunchMoodle(page, { newAttempt: true });
      expect(await launchInfo(page)).toMatchObject({ mode: 'normal', credit: 'credit', entry: 'ab-initio', attempt: 2 });
      const again = await testSco(page);
      expect(
        (
          await again.run([
            [f.init, ''],
            [f.get, 'cmi.suspend_data'],
            [f.get, el.status],
          ])
        )
          .slice(1)
          .map((r) => r.result),
      ).toEqual(['', version === '12' ? 'not attempted' : 'unknown']);
      expect(await storedRecord(page)).toEqual({});
      const all = await storedAttempts(page);
      expect(all.map((r) => r[el.status])).toEqual(['completed', undefined]);
    });

    test('a new attempt is not granted while the current one is unfinished', async ({ page }) => {
      const sco = await launchTestSco(page, version, MOODLE);
      await sco.run([[f.init, ''], set(el.status, 'incomplete'), set(el.exit, 'suspend'), [f.finish, '']]);
      await relaunchMoodle(page, { newAttempt: true });
      expect(await launchInfo(page)).toMatchObject({ mode: 'normal', attempt: 1, entry: 'resume' });
    });

    test('an attempt deleted by an administrator leaves an empty record for the next launch', async ({ page }) => {
      const sco = await launchTestSco(page, version, MOODLE);
      await sco.run(finished);
      await deleteAttempt(page);
      expect(await storedRecord(page)).toEqual({});
      await relaunchMoodle(page);
      expect(await launchInfo(page)).toMatchObject({ mode: 'normal', entry: 'ab-initio', attempt: 1 });
      const again = await testSco(page);
      expect(
        (
          await again.run([
            [f.init, ''],
            [f.get, 'cmi.suspend_data'],
          ])
        )[1]?.result,
      ).toBe('');
    });

    test('a second activity with the same package has its own path and records, for the same learner', async ({ page }) => {
      const sco = await launchTestSco(page, version, MOODLE);
      await sco.run(finished);
      await relaunchMoodle(page, { activity: 'second' });
      expect(await launchInfo(page)).toMatchObject({
        mode: 'normal',
        entry: 'ab-initio',
        activity: 'second',
        attempt: 1,
        learnerId: 'pnurse',
      });
      const other = await testSco(page);
      expect(await other.frame.evaluate(() => location.pathname)).toBe('/activity/second/fake-sco/index.html');
      const got = await other.run([
        [f.init, ''],
        [f.get, 'cmi.suspend_data'],
        [f.get, version === '12' ? 'cmi.core.student_id' : 'cmi.learner_id'],
      ]);
      expect(got.slice(1).map((r) => r.result)).toEqual(['', 'pnurse']);
      expect(await storedRecord(page)).toEqual({});
      await relaunchMoodle(page, { activity: 'main' });
      expect(await launchInfo(page)).toMatchObject({ mode: 'review', activity: 'main' });
      expect((await storedRecord(page))['cmi.suspend_data']).toBe('done');
    });

    test('a small final call during dismissal goes out by beacon and is stored', async ({ page }) => {
      const sco = await launchTestSco(page, version, MOODLE);
      await sco.run([[f.init, ''], set(el.status, 'incomplete'), set(el.location, 'p4')]);
      await sco.onDismiss([set(el.exit, 'suspend'), [f.finish, '']]);
      await closeCourse(page);
      const [last] = (await requests(page)).slice(-1);
      expect([last?.fn, last?.result, last?.error, last?.request?.beacon, last?.request?.stored]).toEqual([
        f.finish,
        'true',
        '0',
        true,
        true,
      ]);
      expect(await storedRecord(page)).toMatchObject({ [el.exit]: 'suspend', [el.location]: 'p4', [el.status]: 'incomplete' });
    });

    test('while the player page is hidden, commits go out by beacon too', async ({ page }) => {
      const sco = await launchTestSco(page, version, MOODLE);
      await sco.run([[f.init, ''], set(el.location, 'p1'), [f.commit, '']]);
      await page.evaluate(() => {
        Object.defineProperty(document, 'visibilityState', { configurable: true, get: () => 'hidden' });
        document.dispatchEvent(new Event('visibilitychange'));
      });
      await sco.run([set(el.location, 'p2'), [f.commit, '']]);
      expect((await requests(page)).map((c) => c.request?.beacon)).toEqual([false, true]);
      expect((await storedRecord(page))[el.location]).toBe('p2');
    });

    test('a final call over 64 KB during dismissal fails with 101 and stores nothing', async ({ page }) => {
      let sco = await launchTestSco(page, version, MOODLE);
      // A full run, committed while the page was alive (a synchronous request: no size limit).
      await sco.run([
        [f.init, ''],
        ...interactions(version, 150),
        set(el.status, 'incomplete'),
        set(el.exit, 'suspend'),
        [f.commit, ''],
        [f.finish, ''],
      ]);
      expect((await requests(page)).every((c) => c.request?.stored && !c.request.beacon)).toBe(true);
      const before = await storedRecord(page);
      await relaunchMoodle(page);
      sco = await testSco(page);
      await sco.run([[f.init, ''], set(el.location, 'end')]);
      // The relaunched page's first post re-sends all 600 stored interaction values.
      await sco.onDismiss([[f.finish, '']]);
      await closeCourse(page);
      const finish = (await lmsCalls(page)).filter((c) => c.launch === 2 && c.fn === f.finish);
      expect(finish.map((c) => [c.result, c.error])).toEqual([['false', '101']]);
      expect(finish[0]?.request).toMatchObject({ beacon: true, stored: false });
      expect(finish[0]?.request?.beaconBytes).toBeGreaterThan(65_536);
      // The SCO read the error code as "101" too.
      const lastError = (await lmsCalls(page)).filter((c) => c.launch === 2).slice(-1)[0];
      expect([lastError?.fn, lastError?.result]).toEqual([version === '12' ? 'LMSGetLastError' : 'GetLastError', '101']);
      expect(await storedRecord(page)).toEqual(before);
    });

    test(
      version === '12'
        ? 'an early commit in the relaunched page keeps the final beacon small'
        : 'an early commit does not help: Terminate re-posts every interaction',
      async ({ page }) => {
        let sco = await launchTestSco(page, version, MOODLE);
        await sco.run([
          [f.init, ''],
          ...interactions(version, 150),
          set(el.status, 'incomplete'),
          set(el.exit, 'suspend'),
          [f.commit, ''],
          [f.finish, ''],
        ]);
        await relaunchMoodle(page);
        sco = await testSco(page);
        await sco.run([[f.init, ''], [f.commit, ''], set(el.location, 'end')]);
        await sco.onDismiss([[f.finish, '']]);
        await closeCourse(page);
        const finish = (await lmsCalls(page)).find((c) => c.launch === 2 && c.fn === f.finish);
        expect(finish?.result).toBe(version === '12' ? 'true' : 'false');
        expect((await storedRecord(page))[el.location]).toBe(version === '12' ? 'end' : undefined);
      },
    );

    test('the packaged course runs from its activity path under the Moodle profile', async ({ page }) => {
      await launchCourse(page, version, MOODLE);
      expect(await courseFrame(page).evaluate(() => location.pathname)).toBe(`/activity/main/scorm${version}/index.html`);
      expect(await page.evaluate(() => window.__lms?.profile)).toBe('moodle');
    });
  });
}
