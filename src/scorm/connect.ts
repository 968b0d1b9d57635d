import type { Logger } from './connection.ts';
import { findLmsApi } from './discover.ts';
import { takeEarlyOpen } from './early-open.ts';
import { scorm12Session } from './scorm12.ts';
import { scorm2004Session } from './scorm2004.ts';
import type { LmsSession } from './session.ts';

export type PackageVersion = '1.2' | '2004' | 'auto';

/**
 * The session for the LMS that launched us. Each package looks only for its own
 * version's API; `auto` (the unpackaged build) prefers 2004, then 1.2.
 * Null when no LMS API is present. A package's page may have called Initialize already
 * (early-open.ts): the session takes that call's result.
 */
export function connectToLms(version: PackageVersion, log: Logger, win: Window = window): LmsSession | null {
  if (version !== '1.2') {
    const api = findLmsApi('API_1484_11', win);
    if (api) return scorm2004Session(api, log, takeEarlyOpen(win, api));
  }
  if (version !== '2004') {
    const api = findLmsApi('API', win);
    if (api) return scorm12Session(api, log, takeEarlyOpen(win, api));
  }
  return null;
}
