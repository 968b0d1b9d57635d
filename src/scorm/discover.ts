/** The LMS-side API objects as the SCORM run-time specifications define them. */
export interface Scorm12Api {
  LMSInitialize(arg: ''): string;
  LMSFinish(arg: ''): string;
  LMSGetValue(element: string): string;
  LMSSetValue(element: string, value: string): string;
  LMSCommit(arg: ''): string;
  LMSGetLastError(): string;
  LMSGetErrorString(code: string): string;
  LMSGetDiagnostic(code: string): string;
}

export interface Scorm2004Api {
  Initialize(arg: ''): string;
  Terminate(arg: ''): string;
  GetValue(element: string): string;
  SetValue(element: string, value: string): string;
  Commit(arg: ''): string;
  GetLastError(): string;
  GetErrorString(code: string): string;
  GetDiagnostic(code: string): string;
}

export interface ApiByName {
  API: Scorm12Api;
  API_1484_11: Scorm2004Api;
}

/** ADL's limit on the number of parents to walk. */
const MAX_HOPS = 500;

function apiOn<N extends keyof ApiByName>(win: Window, name: N): ApiByName[N] | null {
  try {
    const api = (win as unknown as Record<string, unknown>)[name];
    return api && typeof api === 'object' ? (api as ApiByName[N]) : null;
  } catch {
    return null; // a cross-origin window: not ours to use
  }
}

function parentOf(win: Window): Window | null {
  try {
    return win.parent && win.parent !== win ? win.parent : null;
  } catch {
    return null;
  }
}

function scan<N extends keyof ApiByName>(start: Window, name: N): ApiByName[N] | null {
  let win: Window | null = start;
  for (let hops = 0; win && hops <= MAX_HOPS; hops++) {
    const api = apiOn(win, name);
    if (api) return api;
    win = parentOf(win);
  }
  return null;
}

function openerOf(win: Window | null): Window | null {
  try {
    return win?.opener ?? null;
  } catch {
    return null;
  }
}

/**
 * Finds the LMS API by the ADL discovery algorithm: this window and its parents,
 * then the opener of the top window and of this window, and their parents.
 * Never throws; null when no LMS launched the course.
 */
export function findLmsApi<N extends keyof ApiByName>(name: N, start: Window = window): ApiByName[N] | null {
  const found = scan(start, name);
  if (found) return found;
  let top: Window | null;
  try {
    top = start.top;
  } catch {
    top = null;
  }
  for (const opener of [openerOf(top), openerOf(start)]) {
    if (opener) {
      const api = scan(opener, name);
      if (api) return api;
    }
  }
  return null;
}
