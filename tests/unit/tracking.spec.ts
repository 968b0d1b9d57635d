import { CE_RECORD } from '../../src/course/ce-record.ts';
import { expect, test } from '@playwright/test';
import { correctAnswer } from '../../src/course/questions.ts';
import { CourseStore } from '../../src/course/store.ts';
import { encodeState } from '../../src/course/suspend-codec.ts';
import { initialState, markViewed } from '../../src/course/state.ts';
import type { Course, Question } from '../../src/course/types.ts';
import { isoDuration, scorm12Time, scorm12Timespan } from '../../src/scorm/formats.ts';
import { CommitScheduler, type SaveState } from '../../src/tracking/commit-scheduler.ts';
import { resume } from '../../src/tracking/resume.ts';
import { Tracker, type Role } from '../../src/tracking/tracker.ts';
import { listsText, parseLists } from '../../src/tracking/browser-copy.ts';
import { wrongAnswer } from '../support/learner.ts';
import { FakeClock, fakeLms, memoryStorage, type FakeLmsOptions } from '../support/fakes.ts';
import { QUESTIONS, courseOf, quizOf } from '../support/sample-course.ts';

type Version = '12' | '2004';
const VERSIONS: Version[] = ['12', '2004'];
const SECOND = 1000;

const exam = quizOf([QUESTIONS.single, QUESTIONS.true_false, QUESTIONS.numeric], { attempts: 2, passMark: 80 });
const course: Course = courseOf(exam);
const questions = exam.questions;

/** The same exam with a single attempt: its one attempt is final, so both versions record its answers. */
const oneTry: Course = courseOf(quizOf(questions, { attempts: 1, passMark: 80 }));

/** Launches the tracker against an in-memory LMS, with a store, as main.ts does. */
async function launch(
  version: Version,
  options: FakeLmsOptions & {
    clock?: FakeClock;
    storage?: Storage;
    activity?: string;
    course?: Course;
    /** Copies of the course on one record find each other through this (as tabs do). */
    channel?: (name: string) => BroadcastChannel | null;
    onRole?: (role: Role) => void;
  } = {},
) {
  const taken = options.course ?? course;
  const clock = options.clock ?? new FakeClock();
  const lms = fakeLms(version, options);
  const saves: SaveState[] = [];
  const tracker = new Tracker(taken, lms.session(clock), {
    log: () => {},
    clock,
    storage: options.storage ?? memoryStorage(),
    activity: options.activity ?? '/activity/1/index.html',
    onSaveState: (s) => saves.push(s),
    newToken: () => 'tok1',
    channel: options.channel,
    onRole: options.onRole,
  });
  const start = await tracker.begin();
  const store = new CourseStore(
    {
      course: taken,
      now: () => clock.now(),
      seed: () => 7,
      timeLimitMs: (q) => tracker.timeLimit(q)?.ms ?? null,
      passMark: start.passMark,
    },
    start.state,
  );
  tracker.attach(store);
  return { clock, lms, tracker, store, start, saves };
}

const sets = (calls: string[], element: string) => calls.filter((c) => c.startsWith(`SetValue ${element}=`));
const commitsIn = (calls: string[]) => calls.filter((c) => c === 'Commit').length;

function answerAll(store: CourseStore, wrong = false): void {
  for (const q of questions)
    store.dispatch({ type: 'answer', quizId: exam.id, questionId: q.id, value: wrong ? wrongAnswer(q) : correctAnswer(q) });
}

test.describe('commit scheduling', () => {
  test('a refused commit is retried with back-off until it succeeds, and the save state says so', () => {
    const clock = new FakeClock();
    const results = [false, false, false, true];
    const at: number[] = [];
    const states: SaveState[] = [];
    const scheduler = new CommitScheduler(
      () => {
        at.push(clock.now());
        return (results.shift() ?? true) ? 'confirmed' : 'refused';
      },
      clock,
      { onSaveState: (s) => states.push(s) },
    );
    const t0 = clock.now();
    scheduler.request('now');
    clock.advance(60 * SECOND);
    expect(at.map((t) => (t - t0) / SECOND)).toEqual([0, 2, 7, 22]);
    expect(states).toEqual(['saving', 'unsaved', 'saving', 'unsaved', 'saving', 'unsaved', 'saving', 'saved']);
    expect(clock.pendingTimers).toBe(0);
  });

  test("'soon' commits once within the delay however many changes come; 'later' waits for the next commit or a hidden tab", () => {
    const clock = new FakeClock();
    let commits = 0;
    const scheduler = new CommitScheduler(() => (commits++, 'confirmed'), clock, { soonDelay: 60 * SECOND });
    scheduler.request('soon');
    clock.advance(30 * SECOND);
    scheduler.request('soon');
    expect(commits).toBe(0);
    clock.advance(30 * SECOND);
    expect(commits).toBe(1);
    clock.advance(120 * SECOND);
    expect(commits).toBe(1);
    scheduler.request('later');
    clock.advance(600 * SECOND);
    expect(commits).toBe(1);
    scheduler.flushIfPending();
    expect(commits).toBe(2);
    scheduler.flushIfPending();
    expect(commits).toBe(2);
  });

  test('after stop nothing is committed, even a retry that was due', () => {
    const clock = new FakeClock();
    let commits = 0;
    const scheduler = new CommitScheduler(() => (commits++, 'refused'), clock);
    scheduler.request('now');
    expect(scheduler.stop()).toBe(true);
    clock.advance(600 * SECOND);
    expect(commits).toBe(1);
  });
});

test.describe('what to trust at launch', () => {
  const stamp = (t: number, token = 'rec1') => ({ savedAt: t, token });
  const read = markViewed(initialState(), 'l1');
  const base = { course, location: '', now: 0, expiring: () => true, newToken: () => 'new1' };

  test("this browser's copy repairs a lost save of the same record only", () => {
    const lms = encodeState(initialState(), stamp(10_000));
    const newer = encodeState(read, stamp(20_000));
    expect(resume({ ...base, suspendData: lms, local: newer })).toMatchObject({ restored: true, token: 'rec1', state: { viewed: ['l1'] } });
    // Older than the LMS's copy, or of another record: the LMS wins.
    expect(resume({ ...base, suspendData: lms, local: encodeState(read, stamp(5_000)) }).restored).toBe(false);
    expect(resume({ ...base, suspendData: lms, local: encodeState(read, stamp(20_000, 'rec2')) }).restored).toBe(false);
    // An empty LMS record (new attempt, reset, deleted, another activity) is never filled from the browser.
    expect(resume({ ...base, suspendData: '', local: newer })).toMatchObject({
      restored: false,
      token: 'new1',
      canContinue: false,
      state: initialState(),
    });
    // Data from before record tokens: the LMS's copy only.
    const v3 = encodeState(initialState(), stamp(1000)).replace('"v":5,"k":"rec1",', '"v":3,');
    expect(resume({ ...base, suspendData: v3, local: newer })).toMatchObject({ restored: false, token: 'new1' });
  });

  test("the LMS's bookmark wins, unless the LMS holds this browser's latest save, which carried the place", () => {
    const inQuiz = { ...read, location: `quiz:${exam.id}` };
    const lms = encodeState(inQuiz, stamp(10_000));
    // A bookmark of its own (an LMS that kept it while refusing a long suspend_data, say): it wins.
    expect(resume({ ...base, suspendData: lms, location: 'lesson:l1', local: '' }).state.location).toBe('lesson:l1');
    expect(resume({ ...base, suspendData: lms, location: 'lesson:l1', local: encodeState(read, stamp(5_000)) }).state.location).toBe(
      'lesson:l1',
    );
    // The LMS holds exactly this browser's latest save: the bookmark is what a lost save left behind.
    expect(resume({ ...base, suspendData: lms, location: 'lesson:l1', local: lms }).state.location).toBe(`quiz:${exam.id}`);
  });

  test('unreadable saved progress starts afresh and says so', () => {
    const r = resume({ ...base, suspendData: '{"v":4,"q":', local: '' });
    expect(r).toMatchObject({ unreadable: true, canContinue: false, state: initialState() });
  });
});

for (const version of VERSIONS) {
  const el =
    version === '12'
      ? {
          status: 'cmi.core.lesson_status',
          raw: 'cmi.core.score.raw',
          exit: 'cmi.core.exit',
          mode: 'cmi.core.lesson_mode',
          credit: 'cmi.core.credit',
          time: 'time',
          response: 'student_response',
        }
      : {
          status: 'cmi.completion_status',
          raw: 'cmi.score.raw',
          exit: 'cmi.exit',
          mode: 'cmi.mode',
          credit: 'cmi.credit',
          time: 'timestamp',
          response: 'learner_response',
        };

  test.describe(`tracker, SCORM ${version === '12' ? '1.2' : '2004'}`, () => {
    test('every normal session commits once at launch, with exit = suspend and what resume needs', async () => {
      const { lms } = await launch(version);
      expect(commitsIn(lms.calls)).toBe(1);
      const beforeCommit = lms.calls.slice(0, lms.calls.indexOf('Commit'));
      expect(sets(beforeCommit, el.exit)).toEqual([`SetValue ${el.exit}=suspend`]);
      expect(sets(beforeCommit, el.status)).toEqual([`SetValue ${el.status}=incomplete`]);
      expect(sets(beforeCommit, 'cmi.suspend_data')).toHaveLength(1);
      expect(JSON.parse(lms.cmi['cmi.suspend_data'] ?? '{}').k).toBe('tok1');
      // A resumed session commits early too, and sends nothing the LMS already holds.
      const again = await launch(version, { cmi: { ...lms.cmi, [version === '12' ? 'cmi.core.entry' : 'cmi.entry']: 'resume' } });
      expect(commitsIn(again.lms.calls)).toBe(1);
      expect(sets(again.lms.calls, el.status)).toEqual([]);
    });

    test('suspend data is set once per commit, not once per change', async () => {
      const { lms, store, tracker } = await launch(version);
      store.dispatch({ type: 'navigate', location: 'lesson:l1' });
      for (let s = 1; s <= 5; s++) store.dispatch({ type: 'reach-section', lessonId: 'l1', section: s });
      store.dispatch({ type: 'lesson-viewed', lessonId: 'l1' });
      store.dispatch({ type: 'navigate', location: 'start' });
      tracker.exit();
      expect(commitsIn(lms.calls)).toBe(3); // launch, lesson read, exit
      expect(sets(lms.calls, 'cmi.suspend_data')).toHaveLength(3);
      expect(lms.calls.at(-1)).toBe('Terminate');
    });

    test('review, browse and no-credit launches make no SetValue and no Commit, however the learner leaves', async () => {
      for (const cmi of [{ [el.mode]: 'review', [el.credit]: 'no-credit' }, { [el.mode]: 'browse' }, { [el.credit]: 'no-credit' }]) {
        const { lms, store, tracker, start } = await launch(version, { cmi });
        expect(start.launch.recordsResults).toBe(false);
        store.dispatch({ type: 'lesson-viewed', lessonId: 'l1' });
        store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
        answerAll(store);
        store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
        tracker.exit();
        expect(lms.calls.filter((c) => !/^(Initialize|GetValue |Terminate)/.test(c))).toEqual([]);
        expect(lms.calls.filter((c) => c === 'Terminate')).toHaveLength(1);
      }
    });

    test('interaction times follow the version: shown, first response, last answer', async () => {
      const { lms, store, clock } = await launch(version, { course: oneTry });
      store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
      const t0 = clock.now();
      const [first, second] = questions as [Question, Question];
      store.dispatch({ type: 'question-shown', quizId: exam.id, questionId: first.id });
      clock.advance(5 * SECOND);
      store.dispatch({ type: 'question-shown', quizId: exam.id, questionId: second.id });
      clock.advance(7 * SECOND);
      store.dispatch({ type: 'answer', quizId: exam.id, questionId: first.id, value: wrongAnswer(first) }); // t0 + 12 s
      clock.advance(20 * SECOND);
      store.dispatch({ type: 'answer', quizId: exam.id, questionId: first.id, value: correctAnswer(first) }); // t0 + 32 s
      clock.advance(3 * SECOND);
      store.dispatch({ type: 'answer', quizId: exam.id, questionId: second.id, value: correctAnswer(second) }); // t0 + 35 s
      clock.advance(60 * SECOND);
      store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
      const at = (n: number, field: string) => lms.cmi[`cmi.interactions.${n}.${field}`];
      if (version === '12') {
        // 1.2: time = when the learner answered (the last change), latency = shown → first response.
        expect([at(0, 'time'), at(0, 'latency')]).toEqual([scorm12Time(new Date(t0 + 32 * SECOND)), scorm12Timespan(12 * SECOND)]);
        expect([at(1, 'time'), at(1, 'latency')]).toEqual([scorm12Time(new Date(t0 + 35 * SECOND)), scorm12Timespan(30 * SECOND)]);
      } else {
        // 2004: latency = shown → first response; no timestamp, to keep the record compact.
        expect([at(0, 'timestamp'), at(0, 'latency')]).toEqual([undefined, isoDuration(12 * SECOND)]);
        expect([at(1, 'timestamp'), at(1, 'latency')]).toEqual([undefined, isoDuration(30 * SECOND)]);
      }
      // The unanswered third question: no response, no latency.
      expect(at(2, el.response)).toBeUndefined();
      expect(at(2, 'latency')).toBeUndefined();
    });

    test('interaction times survive a relaunch mid-exam', async () => {
      const clock = new FakeClock();
      const storage = memoryStorage();
      const first = await launch(version, { clock, storage, course: oneTry });
      first.store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
      const t0 = clock.now();
      const q = questions[0] as Question;
      first.store.dispatch({ type: 'question-shown', quizId: exam.id, questionId: q.id });
      clock.advance(9 * SECOND);
      first.store.dispatch({ type: 'answer', quizId: exam.id, questionId: q.id, value: correctAnswer(q) });
      first.tracker.exit();
      clock.advance(3600 * SECOND);
      const { entry, ...kept } = { ...first.lms.cmi, entry: '' };
      void entry;
      const second = await launch(version, { clock, storage, cmi: kept, course: oneTry });
      second.store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
      const at = (field: string) => second.lms.cmi[`cmi.interactions.0.${field}`];
      expect(at('latency')).toBe(version === '12' ? scorm12Timespan(9 * SECOND) : isoDuration(9 * SECOND));
      expect(at(el.time)).toBe(version === '12' ? scorm12Time(new Date(t0 + 9 * SECOND)) : undefined);
    });

    test('the score and a final status go together, so an LMS cannot close the attempt early', async () => {
      const { lms, store } = await launch(version);
      store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
      answerAll(store, true);
      store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
      if (version === '12') expect([lms.cmi[el.status], lms.cmi[el.raw]]).toEqual(['incomplete', undefined]);
      else expect([lms.cmi['cmi.success_status'], lms.cmi[el.status], lms.cmi[el.raw]]).toEqual(['failed', 'incomplete', '0']);
      // Passed, but a lesson is still unread: in 1.2 still no score (Moodle would turn it into 'passed').
      store.dispatch({ type: 'retry-quiz', quizId: exam.id });
      answerAll(store);
      store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
      if (version === '12') expect([lms.cmi[el.status], lms.cmi[el.raw]]).toEqual(['incomplete', undefined]);
      else expect([lms.cmi['cmi.success_status'], lms.cmi[el.status], lms.cmi[el.raw]]).toEqual(['passed', 'incomplete', '100']);
      store.dispatch({ type: 'lesson-viewed', lessonId: 'l1' });
      expect([lms.cmi[version === '12' ? el.status : 'cmi.success_status'], lms.cmi[el.raw]]).toEqual(['passed', '100']);
      // The score is written before the status.
      const raw = lms.calls.findIndex((c) => c.startsWith(`SetValue ${el.raw}=100`));
      expect(raw).toBeLessThan(lms.calls.findIndex((c) => c === `SetValue ${version === '12' ? el.status : 'cmi.success_status'}=passed`));
    });

    test('SCORM 1.2 records every exam attempt; SCORM 2004 the final one (passed or the last allowed)', async () => {
      const { lms, store } = await launch(version);
      store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
      answerAll(store, true);
      store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
      const ids = () => Object.keys(lms.cmi).filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k)).length;
      expect(ids()).toBe(version === '12' ? questions.length : 0);
      store.dispatch({ type: 'retry-quiz', quizId: exam.id });
      answerAll(store, true);
      store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
      expect(ids()).toBe(version === '12' ? 2 * questions.length : questions.length);
      // Objectives are kept up to date in both.
      expect(lms.cmi['cmi.objectives.0.id']).toBe('o1');
    });

    if (version === '12') {
      test("SCORM 1.2 reports 'failed' with the score once no attempt is left", async () => {
        const { lms, store } = await launch(version);
        store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
        for (let i = 0; i < 2; i++) {
          if (i) store.dispatch({ type: 'retry-quiz', quizId: exam.id });
          answerAll(store, true);
          store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
        }
        expect([lms.cmi['cmi.core.lesson_status'], lms.cmi['cmi.core.score.raw']]).toEqual(['failed', '0']);
      });
    }

    test('the browser copy belongs to one activity and is written as the learner goes', async () => {
      const storage = memoryStorage();
      const { store } = await launch(version, {
        storage,
        activity: '/a/1/index.html',
        cmi: { [version === '12' ? 'cmi.core.student_id' : 'cmi.learner_id']: 'n17' },
      });
      store.dispatch({ type: 'navigate', location: 'lesson:l1' });
      const keys = Array.from({ length: storage.length }, (_, i) => storage.key(i));
      // The saved state, and the record's lists (which a copy taking over catches up with).
      expect(keys).toEqual(['scorm-course:sample:/a/1/index.html:learner:n17', 'scorm-course:sample:/a/1/index.html:learner:n17:lists']);
      expect(JSON.parse(storage.getItem(keys[0] ?? '') ?? '{}').l).toBe('lesson:l1');
    });

    test("a lost session's passed exam is restored from the browser at relaunch and reported once: outcome and answers", async () => {
      const clock = new FakeClock();
      const storage = memoryStorage();
      const first = await launch(version, { clock, storage, course: oneTry });
      // What the LMS holds once the launch commit went through; everything after it is lost.
      const inLms = { ...first.lms.cmi };
      first.store.dispatch({ type: 'lesson-viewed', lessonId: 'l1' });
      first.store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
      answerAll(first.store);
      first.store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
      clock.advance(60 * SECOND);
      const second = await launch(version, { clock, storage, cmi: inLms, course: oneTry });
      expect(second.start).toMatchObject({ restored: true, gained: { lessons: ['l1'], quizzes: [exam.id] } });
      const ids = (cmi: Record<string, string>) =>
        Object.keys(cmi)
          .filter((k) => /^cmi\.interactions\.\d+\.id$/.test(k))
          .map((k) => cmi[k]);
      // The answers, then the CE record of the completion (the course asks no profession).
      expect(ids(second.lms.cmi)).toEqual([
        ...questions.map((q) => `${exam.id}-${q.id}`),
        ...Object.keys(CE_RECORD).filter((id) => id !== 'ce-profession'),
      ]);
      expect(second.lms.cmi[el.raw]).toBe('100');
      expect(second.lms.cmi[version === '12' ? el.status : 'cmi.success_status']).toBe('passed');
      // The next launch finds nothing owed: no notice, no answers sent twice.
      const third = await launch(version, { clock, storage, cmi: { ...second.lms.cmi }, course: oneTry });
      expect(third.start.restored).toBe(false);
      expect(third.lms.calls.filter((c) => /^SetValue cmi\.interactions\.\d+\.id=/.test(c))).toEqual([]);
    });

    test('an exam whose time ran out while the course was closed, submitted at relaunch, completes the course then: CE record and date saved with no further action', async () => {
      const clock = new FakeClock();
      const timed: Course = courseOf(quizOf(questions, { attempts: 1, passMark: 80, timeLimitMinutes: 10 }));
      const first = await launch(version, { clock, course: timed });
      first.store.dispatch({ type: 'lesson-viewed', lessonId: 'l1' });
      first.store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
      first.store.dispatch({ type: 'start-quiz', quizId: exam.id });
      answerAll(first.store);
      const deadline = first.store.state.quizzes[exam.id]?.attempt?.deadline ?? 0;
      expect(deadline).toBeGreaterThan(0);
      first.tracker.exit();
      // The learner comes back the next day: the attempt ran out at its deadline and is submitted now.
      clock.advance(24 * 60 * 60 * SECOND);
      const second = await launch(version, { clock, cmi: { ...first.lms.cmi }, course: timed });
      expect(second.start.expired).toEqual([exam.id]);
      // The course was completed when the time ran out, and the state the learner starts from says so.
      expect(second.start.state.completedAt).toBe(deadline);
      const ceIds = second.lms.calls.filter((c) => /^SetValue cmi\.interactions\.\d+\.id=ce-/.test(c));
      expect(ceIds.length).toBe(Object.keys(CE_RECORD).length - 1);
      expect(JSON.parse(second.lms.cmi['cmi.suspend_data'] ?? '{}').c).toBe(deadline / 1000);
    });

    test("the record's lists are kept in the browser when they change or settle, not twice at every save", async () => {
      const storage = memoryStorage();
      const written: string[] = [];
      const setItem = storage.setItem.bind(storage);
      storage.setItem = (k, v) => {
        if (k.endsWith(':lists')) written.push(v);
        setItem(k, v);
      };
      const { store, tracker, lms } = await launch(version, { storage, course: oneTry });
      store.dispatch({ type: 'lesson-viewed', lessonId: 'l1' });
      store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
      answerAll(store);
      store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
      const settled = (v: string | undefined) => (JSON.parse(v ?? '{}') as { settled?: boolean }).settled;
      expect(settled(written.at(-1))).toBe(true);
      const after = written.length;
      // Later saves change nothing in the lists the LMS confirmed: nothing is written again.
      const commits = commitsIn(lms.calls);
      store.dispatch({ type: 'navigate', location: 'lesson:l1' });
      tracker.exit();
      expect(commitsIn(lms.calls) + lms.calls.filter((c) => c === 'Terminate').length).toBeGreaterThan(commits);
      expect(written.length).toBe(after);
    });

    test('a save the LMS accepts while the browser is offline is not taken as saved; back online it is sent again', async () => {
      const { lms, store, tracker, saves } = await launch(version, { course: oneTry });
      const win = new EventTarget() as unknown as Window;
      Object.assign(win, { document: Object.assign(new EventTarget(), { visibilityState: 'visible' }), navigator: { onLine: true } });
      tracker.listen(win);
      win.dispatchEvent(new Event('offline'));
      store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
      answerAll(store);
      store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
      expect(saves.at(-1)).toBe('offline');
      const idsSet = () => lms.calls.filter((c) => /^SetValue cmi\.interactions\.\d+\.id=/.test(c)).length;
      const before = idsSet();
      expect(before).toBe(questions.length);
      const commits = commitsIn(lms.calls);
      const objectivesSet = () =>
        lms.calls.filter((c) => /^SetValue cmi\.objectives\.\d+\.(success_)?status=(passed|failed)$/.test(c)).length;
      const objectives = objectivesSet();
      expect(objectives).toBeGreaterThan(0);
      win.dispatchEvent(new Event('online'));
      // SCORM 1.2 LMSs post only what changed: the answers are recorded again so that they go out
      // again, and the status, score and objectives go out after an interim value, one commit before.
      expect(commitsIn(lms.calls)).toBe(commits + (version === '12' ? 2 : 1));
      expect(saves.at(-1)).toBe('saved');
      expect(idsSet()).toBe(version === '12' ? 2 * questions.length : questions.length);
      expect(objectivesSet()).toBe(version === '12' ? 2 * objectives : objectives);
    });

    test('the CE record of a completion saved while offline is sent again once back online (1.2), and only once', async () => {
      const { lms, store, tracker } = await launch(version, { course: oneTry });
      const win = new EventTarget() as unknown as Window;
      Object.assign(win, { document: Object.assign(new EventTarget(), { visibilityState: 'visible' }), navigator: { onLine: true } });
      tracker.listen(win);
      win.dispatchEvent(new Event('offline'));
      store.dispatch({ type: 'lesson-viewed', lessonId: 'l1' });
      store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
      answerAll(store);
      store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
      const ceSet = () => lms.calls.filter((c) => /^SetValue cmi\.interactions\.\d+\.id=ce-/.test(c)).length;
      const record = Object.keys(CE_RECORD).length - 1;
      expect(ceSet()).toBe(record);
      win.dispatchEvent(new Event('online'));
      expect(ceSet()).toBe(version === '12' ? 2 * record : record);
      // Confirmed online: a later change sends nothing of it again.
      store.dispatch({ type: 'navigate', location: 'start' });
      tracker.exit();
      expect(ceSet()).toBe(version === '12' ? 2 * record : record);
    });

    test('two copies on one record: the second stands by and writes nothing until it takes over, then holds both', async () => {
      const clock = new FakeClock();
      const storage = memoryStorage();
      const channel = (name: string) => new BroadcastChannel(name);
      const settle = () => new Promise((resolve) => setTimeout(resolve, 30));
      const roles: Role[] = [];
      const a = await launch(version, { clock, storage, channel, course: oneTry });
      clock.advance(SECOND);
      await settle();
      const b = await launch(version, { clock, storage, channel, cmi: { ...a.lms.cmi }, course: oneTry, onRole: (r) => roles.push(r) });
      await settle();
      clock.advance(SECOND);
      await settle();
      expect(roles).toEqual(['standby']);
      expect(commitsIn(b.lms.calls)).toBe(0);
      // The writer passes the exam; the standby copy is told nothing and writes nothing.
      a.store.dispatch({ type: 'lesson-viewed', lessonId: 'l1' });
      a.store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
      answerAll(a.store);
      a.store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
      expect(commitsIn(b.lms.calls)).toBe(0);
      // Taking over: the writer commits and hands over, and the new writer holds the passed exam.
      const taking = b.tracker.takeOver();
      await settle();
      await taking;
      expect(roles).toEqual(['standby', 'writer']);
      expect(b.store.state.quizzes[exam.id]?.bestScore).toBe(100);
      expect(b.lms.cmi[el.raw]).toBe('100');
      // Its session catches up with the record's lists as the writer left them: the same entries at the
      // same indices (no duplicate where both sessions post to one record), so its next entry follows them.
      const ids = (calls: string[]) => calls.filter((c) => /^SetValue cmi\.interactions\.\d+\.id=/.test(c));
      expect(ids(a.lms.calls).length).toBeGreaterThan(0);
      expect(ids(b.lms.calls)).toEqual(ids(a.lms.calls));
      // The copy that handed over writes nothing more, not even a final call.
      const before = a.lms.calls.length;
      a.store.dispatch({ type: 'navigate', location: 'start' });
      a.tracker.exit();
      expect(a.lms.calls.slice(before)).toEqual([]);
      b.tracker.exit();
    });

    test('pagehide terminates once without a commit first; nothing after', async () => {
      const { lms, store, tracker } = await launch(version);
      const win = new EventTarget() as unknown as Window;
      const doc = new EventTarget() as unknown as Document;
      Object.assign(win, { document: Object.assign(doc, { visibilityState: 'visible' }) });
      tracker.listen(win);
      store.dispatch({ type: 'navigate', location: 'lesson:l1' });
      const before = lms.calls.length;
      win.dispatchEvent(new Event('pagehide'));
      win.dispatchEvent(new Event('pagehide'));
      const after = lms.calls.slice(before);
      expect(after.filter((c) => c === 'Commit')).toEqual([]);
      expect(after.filter((c) => c === 'Terminate')).toHaveLength(1);
      expect(after.at(-1)).toBe('Terminate');
      store.dispatch({ type: 'lesson-viewed', lessonId: 'l1' });
      expect(lms.calls.length).toBe(before + after.length);
    });
  });
}

test("the record's lists kept in the browser: read back for the same record only, times as dates", () => {
  const shownAt = new Date(Date.UTC(2026, 11, 6, 9, 0, 0));
  const lists = {
    interactions: [
      null,
      {
        id: 'exam-single',
        description: 'Which one?',
        answer: { type: 'choice' as const, options: ['a', 'b'], response: ['b'], correct: ['b'] },
        result: 'correct' as const,
        weighting: 1,
        shownAt,
        answeredAt: null,
        latencyMs: null,
        objectives: ['o1'],
      },
    ],
    objectives: [{ id: 'o1', result: { id: 'o1', score: 100, passed: true } }],
  };
  const text = listsText('tok1', lists, false);
  expect(parseLists(text, 'tok1')).toEqual({ lists, settled: false });
  expect(parseLists(listsText('tok1', lists, true), 'tok1')?.settled).toBe(true);
  expect(parseLists(text, 'tok2')).toBeNull();
  expect(parseLists('{"k":"tok1","lists":{"interactions":3}}', 'tok1')).toBeNull();
  expect(parseLists('not json', 'tok1')).toBeNull();
});
