import { expect, test } from '@playwright/test';
import { correctAnswer } from '../../src/course/questions.ts';
import { seededRandom } from '../../src/course/random.ts';
import { isValidLocation, initialState, markViewed, startAttempt, answer } from '../../src/course/state.ts';
import { CourseStore } from '../../src/course/store.ts';
import { SUSPEND_LIMIT, decodeState, encodeState } from '../../src/course/suspend-codec.ts';
import { Tracker } from '../../src/tracking/tracker.ts';
import { FakeClock, fakeLms, memoryStorage } from '../support/fakes.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';

/**
 * Whatever an LMS hands back must not break the course: random and truncated suspend
 * data, bookmarks, launch data, names, and numbers where strings belong (and strings
 * where numbers belong). The course always starts, tells the learner when saved
 * progress could not be read, and never throws.
 */
const exam = quizOf(Object.values(QUESTIONS), { timeLimitMinutes: 30, attempts: 3 });
const course = courseOf(exam);
const RUNS = Number(process.env.FUZZ_RUNS ?? 400);

function realSuspendData(seed: number): string {
  let s = markViewed(initialState(), 'l1');
  s = startAttempt(course, s, exam.id, { seed, now: 1_700_000_000_000, limitMs: 1_800_000 });
  for (const q of exam.questions.slice(0, seed % exam.questions.length)) s = answer(s, exam.id, q.id, correctAnswer(q), 1_700_000_010_000);
  return encodeState(s, { savedAt: 1_700_000_100_000, token: 'abc123' });
}

function generator(seed: number) {
  const random = seededRandom(seed);
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(xs: readonly T[]): T => xs[int(xs.length)] as T;
  const chars = 'abc{}[]":,0123456789.-|\\ \u00e9\u4e2d\ud83d\ude00\n\t\u0000';
  const text = (max: number) => Array.from({ length: int(max) }, () => chars[int(chars.length)]).join('');
  const anything = (): unknown =>
    pick([
      () => text(40),
      () => int(1e6),
      () => -int(100),
      () => random() * 1e21,
      () => NaN,
      () => null,
      () => undefined,
      () => true,
      () => '',
      () => '1e9',
      () => String(int(200)),
    ])();
  function mutate(json: string): string {
    switch (int(5)) {
      case 0:
        return json.slice(0, int(json.length)); // truncated, as a size-limited LMS might store it
      case 1: {
        const i = int(json.length);
        return json.slice(0, i) + text(5) + json.slice(i + int(5));
      }
      case 2:
        // A value replaced with one of another type.
        return json.replace(/(?<=[:,[])("[^"]*"|-?\d+(\.\d+)?|null)/g, (m) =>
          random() < 0.2 ? (JSON.stringify(anything()) ?? 'null') : m,
        );
      case 3:
        return JSON.stringify({
          v: pick([3, 4, '4', 99, null]),
          k: anything(),
          t: anything(),
          l: anything(),
          p: anything(),
          s: anything(),
          q: { [exam.id]: anything() },
          c: anything(),
        });
      default:
        return text(200);
    }
  }
  return { int, pick, text, anything, mutate };
}

for (const version of ['12', '2004'] as const) {
  const el =
    version === '12'
      ? {
          location: 'cmi.core.lesson_location',
          name: 'cmi.core.student_name',
          id: 'cmi.core.student_id',
          entry: 'cmi.core.entry',
          mode: 'cmi.core.lesson_mode',
          credit: 'cmi.core.credit',
          mastery: 'cmi.student_data.mastery_score',
          maxTime: 'cmi.student_data.max_time_allowed',
          action: 'cmi.student_data.time_limit_action',
          status: 'cmi.core.lesson_status',
        }
      : {
          location: 'cmi.location',
          name: 'cmi.learner_name',
          id: 'cmi.learner_id',
          entry: 'cmi.entry',
          mode: 'cmi.mode',
          credit: 'cmi.credit',
          mastery: 'cmi.scaled_passing_score',
          maxTime: 'cmi.max_time_allowed',
          action: 'cmi.time_limit_action',
          status: 'cmi.completion_status',
        };

  test(`SCORM ${version === '12' ? '1.2' : '2004'}: any launch values start the course, and nothing it then sends breaks the limits`, async () => {
    let unreadable = 0;
    for (let run = 0; run < RUNS; run++) {
      const g = generator(run + (version === '12' ? 0 : 100_000));
      const suspend = g.int(4) === 0 ? '' : g.mutate(realSuspendData(run));
      const cmi: Record<string, unknown> = {
        'cmi.suspend_data': suspend,
        [el.location]: g.pick([() => g.text(30), () => 'lesson:l1', () => `quiz:${exam.id}`, () => g.anything()])(),
        'cmi.launch_data': g.pick([() => g.text(30), () => `time_multiplier=${String(g.anything())}`, () => g.anything()])(),
        [el.name]: g.anything(),
        [el.id]: g.anything(),
        [el.entry]: g.pick(['resume', 'ab-initio', '', g.text(5)]),
        [el.mode]: g.pick(['normal', 'review', 'browse', '', g.text(5)]),
        [el.credit]: g.pick(['credit', 'no-credit', '', g.text(5)]),
        [el.mastery]: g.anything(),
        [el.maxTime]: g.pick([() => g.text(12), () => 'PT1M', () => '00:01:00', () => g.anything()])(),
        [el.action]: g.anything(),
        [el.status]: g.anything(),
        'cmi.interactions._count': g.anything(),
        'cmi.objectives._count': g.pick([0, 1, '2', g.anything()]),
        'cmi.objectives.0.id': g.anything(),
      };
      // Numbers, null and booleans where the API should give strings: the course must coerce them.
      const lms = fakeLms(version, { cmi: cmi as Record<string, string> });
      const clock = new FakeClock();
      const context = `run ${run}: ${JSON.stringify(cmi).slice(0, 400)}`;
      const tracker = new Tracker(course, lms.session(clock), {
        log: () => {},
        clock,
        storage: memoryStorage(),
        activity: '/x',
        initializeRetryDelays: [],
      });
      const start = await tracker.begin();
      expect(isValidLocation(course, start.state.location), context).toBe(true);
      if (start.unreadable) unreadable++;
      if (suspend !== '' && decodeState(course, suspend).unreadable) expect(start.unreadable, context).toBe(true);
      const store = new CourseStore(
        { course, now: () => clock.now(), seed: () => run, timeLimitMs: (q) => tracker.timeLimit(q)?.ms ?? null, passMark: start.passMark },
        start.state,
      );
      tracker.attach(store);
      store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
      store.dispatch({ type: 'start-quiz', quizId: exam.id });
      for (const q of exam.questions) store.dispatch({ type: 'answer', quizId: exam.id, questionId: q.id, value: correctAnswer(q) });
      store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
      clock.advance(3_600_000);
      tracker.exit();
      for (const call of lms.calls.filter((c) => c.startsWith('SetValue cmi.suspend_data='))) {
        const value = call.slice('SetValue cmi.suspend_data='.length);
        expect(value.length, context).toBeLessThanOrEqual(SUSPEND_LIMIT);
        expect(value, context).toMatch(/^[\x20-\x7e]*$/);
      }
      expect(
        lms.calls.filter((c) => c === 'Terminate'),
        context,
      ).toHaveLength(1);
    }
    // The generator does produce unreadable data, so the notice path is exercised.
    expect(unreadable).toBeGreaterThan(RUNS / 10);
  });
}
