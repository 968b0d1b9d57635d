import course, { minutes } from 'virtual:course';
import { knownEstimatedMinutes } from './course/learning-time.ts';
import { newSeed } from './course/random.ts';
import { CourseStore } from './course/store.ts';
import { connectLaunch } from './cmi5/connect.ts';
import type { PackageVersion } from './scorm/connect.ts';
import { Tracker } from './tracking/tracker.ts';
import type { CourseApp } from './ui/course-app.ts';
import { FIRST_SCREEN_ID } from './ui/first-screen.ts';
import './ui/course-app.ts';

// Set by `npm run package` in each zip's index.html; empty in a plain build.
const meta = document.querySelector<HTMLMetaElement>('meta[name="scorm-version"]')?.content;
const version: PackageVersion = meta === '1.2' || meta === '2004' ? meta : 'auto';
const log = (message: string) => console.warn(`[course] ${message}`);
knownEstimatedMinutes(course, minutes);

function localStore(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

async function launch(): Promise<void> {
  const app = document.createElement('course-app');
  // cmi5 launch parameters on the URL: a cmi5 LMS; otherwise the SCORM API.
  const lms = await connectLaunch(version, course, log);
  const tracker = new Tracker(course, lms.session, {
    log,
    onSaveState: (s) => (app.saveState = s),
    storage: localStore,
    indexedDB: typeof indexedDB === 'undefined' ? null : indexedDB,
    locks: navigator.locks ?? null,
    channel: (name) => (typeof BroadcastChannel === 'undefined' ? null : new BroadcastChannel(name)),
    onRole: (role, why) => app.setRole(role, why),
    // Each LMS activity serves the package from its own address.
    activity: location.pathname,
  });
  const start = await tracker.begin();
  const store = new CourseStore(
    {
      course,
      now: Date.now,
      seed: newSeed,
      timeLimitMs: (quiz) => tracker.timeLimit(quiz)?.ms ?? null,
      passMark: start.passMark,
    },
    start.state,
  );
  // The first screen painted: the frame after the first render (at once in a hidden tab, which paints no frames).
  const painted = new Promise<void>((resolve) => {
    void app.updateComplete.then(() => {
      if (document.visibilityState === 'hidden') resolve();
      else requestAnimationFrame(() => setTimeout(resolve));
      // A frame the browser stops painting (hidden or throttled after this point) must not hold back the first commit.
      setTimeout(resolve, 1000);
    });
  });
  tracker.attach(store, painted);
  tracker.listen(window);
  // What the launch decided, as one object (`CourseLaunch`): the views never see the tracker.
  Object.assign(app, {
    course,
    store,
    launch: start,
    screen: 'start',
    saveState: 'saved',
    now: Date.now,
    returnsOnExit: lms.returnsOnExit,
  } satisfies Partial<CourseApp>);
  app.addEventListener('exit-course', () => {
    tracker.exit();
    // A refused last save keeps the learner here, on the exit screen that says so.
    void lms.afterExit().then((leaving) => {
      if (!leaving) app.returnsOnExit = false;
    });
  });
  app.addEventListener('take-over', () => void tracker.takeOver());
  document.body.append(app);
  // The preview reopens the course this way after an author's edit, to where they were.
  if (location.hash === '#continue') void app.updateComplete.then(() => app.continueWhereLeft());
  void app.updateComplete.then(() => {
    // The first screen drawn at build time (ui/first-screen.ts) gives way to the course's own, in
    // the same task as its first render: no frame shows both, or neither.
    document.getElementById(FIRST_SCREEN_ID)?.remove();
    // Marks read by `npm run bench`: the course ready for input, and its first heading painted
    // (unless the page's first screen marked its own). `data-course-ready` on <html> says the
    // same to whoever hosts or drives the course (the tests).
    document.documentElement.dataset.courseReady = '';
    performance.mark('course:interactive');
    if (!performance.getEntriesByName('course:first-heading').length) requestAnimationFrame(() => performance.mark('course:first-heading'));
  });
}

void launch();
