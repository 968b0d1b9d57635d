import type { InitializeResult } from './connection.ts';
import { findLmsApi, type ApiByName, type Scorm12Api, type Scorm2004Api } from './discover.ts';

/**
 * The LMS session opened as early as the page allows. A SCORM package's index.html carries a
 * small classic script in <head> (this file's `openEarly`, built by vite.config.ts) that finds
 * its version's API and calls Initialize while the rest of the page is still arriving, before
 * the course's own script is compiled: the LMS sees the launch at once, as a learner's click
 * expects. The course's session then takes over that call's result (`takeEarlyOpen`) instead of
 * calling Initialize a second time. The unpackaged build and the cmi5 package (no SCORM version
 * in the page) open nothing early.
 */

export const EARLY_OPEN_KEY = '__courseEarlyOpen';

/** The early Initialize's result, and the API it was made on. */
interface EarlyOpen extends InitializeResult {
  api: object;
}

type Holder = Record<typeof EARLY_OPEN_KEY, EarlyOpen | undefined>;

/** Calls Initialize on the API of the version the page names; an LMS that throws is a failed call. */
export function openEarly(win: Window, version: string | null | undefined): void {
  const name: keyof ApiByName | null = version === '1.2' ? 'API' : version === '2004' ? 'API_1484_11' : null;
  if (!name) return;
  const api = findLmsApi(name, win);
  if (!api) return;
  const calls =
    name === 'API'
      ? { initialize: () => (api as Scorm12Api).LMSInitialize(''), lastError: () => (api as Scorm12Api).LMSGetLastError() }
      : { initialize: () => (api as Scorm2004Api).Initialize(''), lastError: () => (api as Scorm2004Api).GetLastError() };
  let value = 'false';
  let code = '0';
  try {
    value = String(calls.initialize());
    if (value !== 'true') code = String(calls.lastError());
  } catch {
    code = 'exception';
  }
  (win as unknown as Holder)[EARLY_OPEN_KEY] = { api, value, code };
}

/** The early Initialize's result for this API, once: a second session, or a retry, calls Initialize itself. */
export function takeEarlyOpen(win: Window, api: object): InitializeResult | null {
  const holder = win as unknown as Holder;
  const early = holder[EARLY_OPEN_KEY];
  if (!early || early.api !== api) return null;
  holder[EARLY_OPEN_KEY] = undefined;
  return { value: early.value, code: early.code };
}
