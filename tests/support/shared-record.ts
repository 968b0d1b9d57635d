import type { RawCalls } from '../../src/scorm/connection.ts';
import { ScormConnection } from '../../src/scorm/connection.ts';
import { ScormSession } from '../../src/scorm/scorm-session.ts';
import { scorm12Dialect } from '../../src/scorm/scorm12.ts';
import { scorm2004Dialect } from '../../src/scorm/scorm2004.ts';
import type { Clock } from '../../src/tracking/clock.ts';

/**
 * One LMS record that several sessions (tabs) write to, as Moodle's database is for one attempt:
 * each session reads the record at Initialize, SetValue stages in that session, Commit/Terminate
 * store what the session set. `_count` is what the session sees (record at launch + its own sets).
 * `control.refuse`: the session's commits fail (error 101) and store nothing, as when its LMS session ended.
 */
export function sharedRecord(version: '12' | '2004', record: Record<string, string> = {}) {
  const session = (clock: Clock, extra: Record<string, string> = {}, control = { refuse: false }) => {
    let view: Record<string, string> = {};
    const staged: Record<string, string> = {};
    let error = '0';
    const count = (list: string) => {
      let n = 0;
      for (const k of Object.keys(view)) {
        const m = new RegExp(`^cmi\\.${list}\\.(\\d+)\\.id$`).exec(k);
        if (m) n = Math.max(n, Number(m[1]) + 1);
      }
      return String(n);
    };
    const store = () => Object.assign(record, staged);
    const raw: RawCalls = {
      initialize: () => {
        view = { ...record, ...extra };
        return 'true';
      },
      terminate: () => (store(), 'true'),
      get: (el) => {
        const m = /^cmi\.(interactions|objectives)\._count$/.exec(el);
        if (m) return ((error = '0'), count(m[1] ?? ''));
        error = el in view ? '0' : version === '2004' ? '403' : '0';
        return view[el] ?? '';
      },
      set: (el, v) => {
        view[el] = v;
        staged[el] = v;
        error = '0';
        return 'true';
      },
      commit: () => {
        if (control.refuse) return ((error = '101'), 'false');
        return (store(), (error = '0'), 'true');
      },
      lastError: () => error,
    };
    return new ScormSession(
      new ScormConnection(raw, () => {}, version === '2004' ? ['403'] : []),
      version === '12' ? scorm12Dialect : scorm2004Dialect,
      () => clock.now(),
    );
  };
  return { record, session };
}

/** The interaction ids the record holds, by index. */
export function interactionIds(record: Record<string, string>): string[] {
  return Object.keys(record)
    .map((k) => /^cmi\.interactions\.(\d+)\.id$/.exec(k))
    .filter((m): m is RegExpExecArray => m !== null)
    .sort((a, b) => Number(a[1]) - Number(b[1]))
    .map((m) => record[m[0]] ?? '');
}
