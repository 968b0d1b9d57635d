import { expect, test } from '@playwright/test';
import { Cmi5Session } from '../../src/cmi5/cmi5-session.ts';
import { cmi5Ids } from '../../src/cmi5/ids.ts';
import type { Cmi5LaunchParams } from '../../src/cmi5/launch-params.ts';
import { LrsClient } from '../../src/cmi5/lrs.ts';
import type { Course } from '../../src/course/types.ts';
import { FakeClock, memoryStorage } from '../support/fakes.ts';
import { passExam, trackedCourse } from '../support/tracked-course.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';

// The cmi5 session against an LRS answered by a function: what reaches the LRS when it refuses
// some requests, and what the learner is told.

const exam = quizOf([QUESTIONS.single, QUESTIONS.true_false, QUESTIONS.numeric], { attempts: 1, passMark: 80 });
const course: Course = courseOf(exam);
const PARAMS: Cmi5LaunchParams = {
  endpoint: 'https://lrs.test/xapi/',
  fetch: 'https://lms.test/fetch/1',
  registration: 'c0ffee00-0000-4000-8000-000000000042',
  activityId: 'https://lms.test/course/7/au/0',
  actor: { objectType: 'Agent', name: 'Dana Reyes', account: { homePage: 'https://lms.test', name: 'learner-42' } },
};

interface Lrs {
  /** The status the LRS gives a POST of statements, by their verbs; 200 unless it says otherwise. */
  answer: (verbs: string[]) => number;
  /** The verbs of every statement stored, in order. */
  stored: string[];
  /** The state document stored last. */
  state: string;
  /** The LRS hands its state document back at the next launch (by default it answers 404). */
  keepsState?: boolean;
  /** The State API is down: PUTs answer 503. */
  stateDown?: boolean;
}

function fakeLrs(lrs: Lrs): typeof fetch {
  return (async (url: RequestInfo | URL, init?: RequestInit) => {
    const u = String(url);
    const method = init?.method ?? 'GET';
    if (u === PARAMS.fetch) return new Response(JSON.stringify({ 'auth-token': 'token' }), { status: 200 });
    if (method === 'GET') {
      if (u.includes('LMS.LaunchData'))
        return new Response(JSON.stringify({ contextTemplate: {}, launchMode: 'Normal', masteryScore: 0.8 }), { status: 200 });
      if (lrs.keepsState && u.includes('course-record') && lrs.state) return new Response(lrs.state, { status: 200 });
      return new Response('', { status: 404 });
    }
    if (method === 'PUT') {
      if (lrs.stateDown) return new Response('down', { status: 503 });
      lrs.state = String(init?.body);
      return new Response(null, { status: 204 });
    }
    const verbs = (JSON.parse(String(init?.body)) as Array<{ verb: { id: string } }>).map((s) => s.verb.id.replace(/.*\//, ''));
    const status = lrs.answer(verbs);
    if (status < 300) lrs.stored.push(...verbs);
    return new Response(status < 300 ? '[]' : 'refused', { status });
  }) as typeof fetch;
}

const settle = () => new Promise((done) => setTimeout(done, 30));

async function launch(lrs: Lrs) {
  const clock = new FakeClock();
  return { clock, ...(await launchOn(fakeLrs(lrs), course, clock)) };
}

test('credentials the LRS no longer accepts (401) lose nothing: the passed exam waits, the learner is told, and it goes once they are accepted', async () => {
  let expired = false;
  const lrs: Lrs = { answer: () => (expired ? 401 : 200), stored: [], state: '' };
  const run = await launch(lrs);
  expired = true;
  passExam(run.store, exam);
  await settle();
  expect(run.saves.at(-1)).toBe('unsaved');
  expect(lrs.stored).not.toContain('passed');
  // The state document waits behind the statements: it does not claim a pass the LRS does not hold.
  expect(lrs.state).not.toContain('"passed":true');
  expired = false;
  run.clock.advance(3_000);
  await settle();
  expect(run.saves.at(-1)).toBe('saved');
  expect(lrs.stored.filter((v) => v === 'passed')).toHaveLength(1);
  expect(lrs.state).toContain('"passed":true');
});

test('an answer the LRS refuses as such (400) does not take the verdict down with it: the verdicts go in a batch of their own', async () => {
  const lrs: Lrs = { answer: (verbs) => (verbs.includes('answered') ? 400 : 200), stored: [], state: '' };
  const run = await launch(lrs);
  passExam(run.store, exam);
  await settle();
  expect(lrs.stored).toContain('passed');
  expect(lrs.stored).not.toContain('answered');
});

test('Exit while the LRS refuses saves: the exit screen is told they were not saved, and the course does not leave for the LMS', async () => {
  let down = false;
  const lrs: Lrs = { answer: () => (down ? 503 : 200), stored: [], state: '' };
  const run = await launch(lrs);
  down = true;
  passExam(run.store, exam);
  await settle();
  run.tracker.exit();
  // While the LRS has not answered: saving, not saved.
  expect(run.saves.at(-1)).toBe('saving');
  expect(await run.session.closed).toBe(false);
  await settle();
  expect(run.saves.at(-1)).toBe('unsaved');
  expect(lrs.stored).not.toContain('terminated');

  // And when the LRS stores it all, saved.
  const ok = await launch({ answer: () => 200, stored: [], state: '' });
  passExam(ok.store, exam);
  await settle();
  ok.tracker.exit();
  expect(await ok.session.closed).toBe(true);
  await settle();
  expect(ok.saves.at(-1)).toBe('saved');
});

/**
 * An LRS that keeps its state document and refuses what cmi5 forbids in a registration: `passed`
 * twice (9.3.0.0-7) refuses the whole batch with 403, as the conformance suite's LRS does.
 * `statements` says whether the Statements API is up, `stateDown` whether the State API is down (503).
 */
function keepingLrs() {
  const lrs: Lrs & { statements: boolean } = {
    stored: [],
    state: '',
    keepsState: true,
    statements: true,
    answer: (verbs) => (!lrs.statements ? 503 : verbs.includes('passed') && lrs.stored.includes('passed') ? 403 : 200),
  };
  return { lrs, fetchFn: fakeLrs(lrs) };
}

/** One launch of the AU on `fetchFn`'s LRS, in a browser whose storage is `storage`. */
async function launchOn(fetchFn: typeof fetch, course: Course, clock: FakeClock, storage?: Storage) {
  const session = new Cmi5Session(
    PARAMS,
    new LrsClient(PARAMS, () => {}, fetchFn),
    cmi5Ids('course'),
    course,
    () => {},
    () => clock.now(),
  );
  await session.prepare();
  const run = await trackedCourse(course, session, clock, storage);
  await settle();
  return { ...run, session };
}

/** The sample course with a second lesson: passing the exam does not complete it. */
function twoLessons(): Course {
  const l1 = course.lessons[0]!;
  return { ...course, lessons: [l1, { ...l1, id: 'l2', title: 'L2' }] };
}

test('the page closes while statements wait: the state document does not claim a pass the LRS never got, and the relaunch sends it', async () => {
  const clock = new FakeClock();
  const storage = memoryStorage();
  const { lrs, fetchFn } = keepingLrs();
  const first = await launchOn(fetchFn, course, clock, storage);
  // The statements API fails (5xx) from here on; the State API still answers.
  lrs.statements = false;
  passExam(first.store, exam);
  await settle();
  expect(lrs.stored).not.toContain('passed');
  // The learner closes the tab: what is queued goes out with keepalive, the statements fail again.
  first.win.dispatchEvent(new Event('pagehide'));
  await settle();
  expect(lrs.stored).not.toContain('passed');

  // Later, the LRS answers again and the learner relaunches in the same browser.
  lrs.statements = true;
  clock.advance(3_600_000);
  await launchOn(fetchFn, course, clock, storage);
  await settle();
  expect(lrs.stored.filter((v) => v === 'passed')).toHaveLength(1);
  expect(lrs.stored).toContain('completed');
});

test('a relaunch that sends again a pass the LRS already holds (refused, 403) does not take the completion down with it', async () => {
  const clock = new FakeClock();
  const storage = memoryStorage();
  const { lrs, fetchFn } = keepingLrs();
  const two = twoLessons();
  const first = await launchOn(fetchFn, two, clock, storage);
  first.store.dispatch({ type: 'lesson-viewed', lessonId: 'l1' });
  await settle();
  // The State API fails from here on: the passed statement arrives, the state document does not.
  lrs.stateDown = true;
  passExam(first.store, exam);
  await settle();
  expect(lrs.stored).toContain('passed');
  // Then the statements API too: reading the last lesson completes the course, which does not arrive.
  lrs.statements = false;
  first.store.dispatch({ type: 'lesson-viewed', lessonId: 'l2' });
  await settle();
  first.win.dispatchEvent(new Event('pagehide'));
  await settle();
  expect(lrs.stored).not.toContain('completed');

  lrs.statements = true;
  lrs.stateDown = false;
  clock.advance(3_600_000);
  await launchOn(fetchFn, two, clock, storage);
  await settle();
  expect(lrs.stored.filter((v) => v === 'passed')).toHaveLength(1);
  expect(lrs.stored).toContain('completed');
});
