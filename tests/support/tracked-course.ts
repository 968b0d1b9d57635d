import { correctAnswer } from '../../src/course/questions.ts';
import { CourseStore } from '../../src/course/store.ts';
import type { Course, Quiz } from '../../src/course/types.ts';
import type { LmsSession } from '../../src/scorm/session.ts';
import type { SaveState } from '../../src/tracking/commit-scheduler.ts';
import { Tracker } from '../../src/tracking/tracker.ts';
import { memoryStorage, type FakeClock } from './fakes.ts';

/**
 * The course as main.ts runs it on a session: the tracker begun, a store attached, every save state
 * kept, and the page's lifecycle followed on `win` (dispatch `pagehide` on it to close the page).
 * `storage`: this browser's, shared by launches in it.
 */
export async function trackedCourse(course: Course, session: LmsSession, clock: FakeClock, storage: Storage = memoryStorage()) {
  const saves: SaveState[] = [];
  const tracker = new Tracker(course, session, {
    log: () => {},
    clock,
    storage,
    activity: 'a',
    newToken: () => 'tok',
    onSaveState: (s) => saves.push(s),
  });
  const started = await tracker.begin();
  const store = new CourseStore(
    { course, now: () => clock.now(), seed: () => 7, timeLimitMs: () => null, passMark: started.passMark },
    started.state,
  );
  tracker.attach(store);
  const win = Object.assign(new EventTarget(), {
    document: Object.assign(new EventTarget(), { visibilityState: 'visible' }),
    navigator: { onLine: true },
  }) as unknown as Window;
  tracker.listen(win);
  return { tracker, store, saves, win };
}

/** Reads the sample course's lesson and passes `exam` with every answer right. */
export function passExam(store: CourseStore, exam: Quiz): void {
  store.dispatch({ type: 'lesson-viewed', lessonId: 'l1' });
  store.dispatch({ type: 'navigate', location: `quiz:${exam.id}` });
  for (const q of exam.questions) store.dispatch({ type: 'answer', quizId: exam.id, questionId: q.id, value: correctAnswer(q) });
  store.dispatch({ type: 'submit-quiz', quizId: exam.id, timedOut: false });
}
