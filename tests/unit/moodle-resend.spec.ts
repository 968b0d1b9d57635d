import { expect, test } from '@playwright/test';
import type { Course } from '../../src/course/types.ts';
import { MoodlePage, MoodleRecords, type MoodleStore } from '../../src/preview/moodle-profile.ts';
import type { LmsCall } from '../../src/preview/lms-host.ts';
import { ScormConnection, type RawCalls } from '../../src/scorm/connection.ts';
import { ScormSession } from '../../src/scorm/scorm-session.ts';
import { scorm12Dialect } from '../../src/scorm/scorm12.ts';
import { FakeClock, memoryStorage } from '../support/fakes.ts';
import { passExam, trackedCourse } from '../support/tracked-course.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';
import { strictViolations } from '../support/strict-scorm.ts';

// Moodle's SCORM 1.2 player posts only the values that changed since its last post, and counts a
// post as made even when it failed (src/preview/moodle-profile.ts models scorm_12.js). These tests
// run the course's tracker against that model, with Moodle's store behind it, and look at what
// Moodle's database holds.

const exam = quizOf([QUESTIONS.single, QUESTIONS.true_false, QUESTIONS.numeric], { attempts: 1, passMark: 80 });
const course: Course = courseOf(exam);
const OBJECTIVES = ['o1', 'o2', 'o3'];

/**
 * One launch of the course in Moodle's 1.2 player; `refuse` makes its commits fail (a Moodle session
 * that ended). `storage`: the browser's, when launches share one.
 */
async function launch(records: MoodleRecords, clock: FakeClock, storage?: Storage) {
  const l = records.launch({
    learnerId: 'u',
    learnerName: 'Nurse, Pat',
    activity: 'a',
    newAttempt: false,
    manifest: { masteryScore: '80', objectiveIds: [] },
  });
  const page = new MoodlePage('12', l.def, l.arrays, '');
  const calls: LmsCall[] = [];
  const control = { refuse: false };
  let error = '0';
  // The log holds each call as the preview LMS logs it, for the strict rules.
  const log =
    (fn: string, run: (...args: string[]) => string, empty = false) =>
    (...args: string[]) => {
      error = '0';
      const result = run(...args);
      calls.push({ fn, args: empty ? [''] : args, result, error, launch: 1, t: clock.now() });
      return result;
    };
  const post = (finishing: boolean) => {
    const request = page.collect(finishing);
    if (control.refuse) {
      error = '101';
      return 'false';
    }
    records.save('u', 'a', l.info.attempt, request.values);
    return 'true';
  };
  const raw: RawCalls = {
    initialize: log('LMSInitialize', () => 'true', true),
    terminate: log('LMSFinish', () => post(true), true),
    get: log('LMSGetValue', (el) => String(page.get(el) ?? '')),
    set: log('LMSSetValue', (el, v) => {
      page.set(el, v);
      return 'true';
    }),
    commit: log('LMSCommit', () => post(false), true),
    lastError: () => error,
  };
  const session = new ScormSession(new ScormConnection(raw, () => {}), scorm12Dialect, () => clock.now());
  const { tracker, store, saves, win } = await trackedCourse(course, session, clock, storage);
  return { tracker, store, calls, saves, control, win, mode: l.info.mode, stored: () => records.record('u', 'a', l.info.attempt) };
}

/** Moodle's record of the objectives: id → [status, raw score]. */
function objectives(record: Record<string, string>): Record<string, [string, string]> {
  const out: Record<string, [string, string]> = {};
  for (const [k, id] of Object.entries(record)) {
    const m = /^cmi\.objectives\.(\d+)\.id$/.exec(k);
    if (m) out[id] = [String(record[`cmi.objectives.${m[1]}.status`]), String(record[`cmi.objectives.${m[1]}.score.raw`])];
  }
  return out;
}

/** The strict rules' findings, but for the refusals the test makes itself. */
const violations = (calls: LmsCall[]) => strictViolations(calls, '12').filter((v) => !/LMSCommit\(""\): LMS error 101$/.test(v));

/** The values the course set for an element, in order. */
const setValues = (calls: LmsCall[], element: string) =>
  calls.filter((c) => c.fn === 'LMSSetValue' && c.args[0] === element).map((c) => String(c.args[1]));

test('a passed exam whose save Moodle refused reaches Moodle whole with the retry: status, score and every objective', async () => {
  const clock = new FakeClock();
  const records = new MoodleRecords('12', {} as MoodleStore);
  const run = await launch(records, clock);
  run.control.refuse = true;
  passExam(run.store, exam);
  expect(run.saves.at(-1)).toBe('unsaved');
  // Moodle counted the refused post as made: nothing of the pass is in its database.
  expect(run.stored()['cmi.core.lesson_status']).toBe('incomplete');
  expect(objectives(run.stored())).toEqual({});

  run.control.refuse = false;
  clock.advance(10_000);
  expect(run.saves.at(-1)).toBe('saved');
  const record = run.stored();
  expect([record['cmi.core.lesson_status'], String(record['cmi.core.score.raw'])]).toEqual(['passed', '100']);
  expect(objectives(record)).toEqual(Object.fromEntries(OBJECTIVES.map((id) => [id, ['passed', '100']])));
  // The answers too, each once.
  const answered = Object.entries(record)
    .filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k))
    .map(([, v]) => v);
  expect(answered.filter((id) => id.startsWith(`${exam.id}-`)).sort()).toEqual(exam.questions.map((q) => `${exam.id}-${q.id}`).sort());

  run.tracker.exit();
  expect(run.stored()['cmi.core.lesson_status']).toBe('passed');
  expect(violations(run.calls)).toEqual([]);
});

test('without a refusal nothing is sent twice; after one, only what Moodle may have lost', async () => {
  const clock = new FakeClock();
  const clean = await launch(new MoodleRecords('12', {} as MoodleStore), clock);
  passExam(clean.store, exam);
  clean.tracker.exit();
  expect(setValues(clean.calls, 'cmi.core.lesson_status')).toEqual(['incomplete', 'passed']);
  expect(setValues(clean.calls, 'cmi.core.score.raw')).toEqual(['100']);
  expect(clean.calls.some((c) => String(c.args[1] ?? '').endsWith('-resend'))).toBe(false);

  // A refused save that carried the bookmark and the progress, not a result: the status is not sent again.
  const run = await launch(new MoodleRecords('12', {} as MoodleStore), clock);
  run.control.refuse = true;
  run.store.dispatch({ type: 'lesson-viewed', lessonId: 'l1' });
  run.store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
  clock.advance(3_000);
  expect(run.saves.at(-1)).toBe('unsaved');
  run.control.refuse = false;
  clock.advance(10_000);
  expect(run.saves.at(-1)).toBe('saved');
  expect(setValues(run.calls, 'cmi.core.lesson_status')).toEqual(['incomplete']);
  expect(run.stored()['cmi.core.lesson_location']).toBe(`quiz:${exam.id}`);
  expect(violations(run.calls)).toEqual([]);
});

test('a retry refused again keeps what is owed: the pass arrives with the first save that succeeds', async () => {
  const clock = new FakeClock();
  const run = await launch(new MoodleRecords('12', {} as MoodleStore), clock);
  run.control.refuse = true;
  passExam(run.store, exam);
  // Two retries refused (at 2 s and 5 s), the third succeeds.
  clock.advance(2_500);
  clock.advance(5_500);
  expect(run.saves.at(-1)).toBe('unsaved');
  run.control.refuse = false;
  clock.advance(16_000);
  expect(run.saves.at(-1)).toBe('saved');
  const record = run.stored();
  expect([record['cmi.core.lesson_status'], String(record['cmi.core.score.raw'])]).toEqual(['passed', '100']);
  expect(Object.keys(objectives(record)).sort()).toEqual(OBJECTIVES);
  expect(violations(run.calls)).toEqual([]);
});

test('a refused save, then the tab closed before the retry: the next launch brings back every objective Moodle lacks', async () => {
  const clock = new FakeClock();
  const storage = memoryStorage();
  const records = new MoodleRecords('12', {} as MoodleStore);
  const first = await launch(records, clock, storage);
  first.control.refuse = true;
  passExam(first.store, exam);
  // The learner sees the result and closes the tab a second later, before the retry at 2 s; the
  // closing LMSFinish goes through, but cannot send again what needs an interim value first.
  clock.advance(1000);
  first.control.refuse = false;
  first.win.dispatchEvent(new Event('pagehide'));
  expect(objectives(first.stored())).toEqual({});

  // The saved progress did arrive, so the next launch owes nothing by it: the record's lists kept in this browser tell what is missing.
  clock.advance(3600_000);
  const second = await launch(records, clock, storage);
  expect(second.mode).toBe('normal');
  second.tracker.exit();
  const record = second.stored();
  expect(record['cmi.core.lesson_status']).toBe('passed');
  expect(objectives(record)).toEqual(Object.fromEntries(OBJECTIVES.map((id) => [id, ['passed', '100']])));
  // The answers and the CE record, each once.
  const answered = Object.entries(record)
    .filter(([k]) => /^cmi\.interactions\.\d+\.id$/.test(k))
    .map(([, v]) => v);
  expect(answered.filter((id) => id.startsWith(`${exam.id}-`)).sort()).toEqual(exam.questions.map((q) => `${exam.id}-${q.id}`).sort());
  expect(new Set(answered).size).toBe(answered.length);
  expect(violations(second.calls)).toEqual([]);
});
