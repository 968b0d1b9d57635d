import course from 'virtual:course';
import { connectToLms, type PackageVersion } from './scorm/connect.ts';
import { Tracker } from './tracking/tracker.ts';
import type { CourseApp } from './ui/course-app.ts';
import './ui/course-app.ts';

// Set by `npm run package` in each zip's index.html; empty in a plain build.
const meta = document.querySelector<HTMLMetaElement>('meta[name="scorm-version"]')?.content;
const version: PackageVersion = meta === '1.2' || meta === '2004' ? meta : 'auto';
const log = (message: string) => console.warn(`[course] ${message}`);

async function launch(): Promise<void> {
  const app = document.createElement('course-app') as CourseApp;
  const tracker = new Tracker(course, connectToLms(version, log), {
    log,
    onSaveState: (s) => (app.saveState = s),
  });
  const start = await tracker.begin();
  Object.assign(app, {
    course,
    tracker,
    state: start.state,
    screen: 'start',
    connection: start.connection,
    saveState: 'saved',
    reviewMode: !start.launch.recordsResults,
    canContinue: start.canContinue,
    passMark: start.passMark,
    expired: start.expired,
    restored: start.restored,
    learnerName: start.launch.learnerName,
  });
  document.body.append(app);
  // Marks read by `npm run bench`: first heading painted, and the course ready for input.
  void app.updateComplete.then(() => {
    performance.mark('course:interactive');
    requestAnimationFrame(() => performance.mark('course:first-heading'));
  });
  // Commit at once on a first launch (recorded as started), when an attempt's time ran
  // out while the course was closed, or when this browser held newer progress.
  const urgent = !start.canContinue || start.expired.length > 0 || start.restored;
  tracker.update(start.state, urgent ? 'now' : 'later');
}

void launch();
