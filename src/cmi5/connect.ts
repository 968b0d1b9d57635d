import type { Course } from '../course/types.ts';
import type { Logger } from '../scorm/connection.ts';
import { connectToLms, type PackageVersion } from '../scorm/connect.ts';
import type { LmsSession } from '../scorm/session.ts';
import { openCmi5Session } from './cmi5-session.ts';
import { readCmi5Launch } from './launch-params.ts';

export interface LaunchedLms {
  /** Null when no LMS launched the course (it then runs on its own). */
  session: LmsSession | null;
  /**
   * After the learner's Exit: a cmi5 AU returns to the LMS (`returnURL`) once its last statement
   * is stored. False when the course stays: no returnURL, or the LRS refused the last save (the
   * learner reads that on the exit screen; leaving would drop what is still queued).
   */
  afterExit(): Promise<boolean>;
  /** Exit takes the learner back to the LMS by itself (a cmi5 launch with a `returnURL`). */
  returnsOnExit: boolean;
}

/**
 * Waits at most this long for the last statements before leaving for the LMS's returnURL (measured:
 * an ADL LRS on a busy 2-core machine took over 5 s for `terminated`). The request under way is a
 * keepalive one and still arrives; anything queued behind it would not.
 */
const RETURN_WAIT_MS = 15_000;

/**
 * Picks the LMS from the launch: cmi5's five launch parameters on the URL make it a cmi5
 * launch; otherwise the SCORM API is looked for as the package's version says.
 */
export async function connectLaunch(version: PackageVersion, course: Course, log: Logger, win: Window = window): Promise<LaunchedLms> {
  const params = readCmi5Launch(win.location.search);
  if (!params) return { session: connectToLms(version, log, win), afterExit: () => Promise.resolve(false), returnsOnExit: false };
  const session = await openCmi5Session(params, course, log);
  return {
    session,
    returnsOnExit: !!session.launchData?.returnURL,
    async afterExit() {
      const url = session.launchData?.returnURL;
      if (!url) return false;
      const timeout = new Promise<null>((done) => setTimeout(() => done(null), RETURN_WAIT_MS));
      // No answer in time: the request under way still arrives (keepalive), so the course leaves.
      if ((await Promise.race([session.closed, timeout])) === false) return false;
      // The AU's own document goes to the LMS's page: the course never navigates a window it does not own.
      win.location.assign(url);
      return true;
    },
  };
}
