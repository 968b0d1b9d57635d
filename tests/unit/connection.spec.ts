import { expect, test } from '@playwright/test';
import { ScormConnection, type RawCalls } from '../../src/scorm/connection.ts';
import { openEarly, takeEarlyOpen } from '../../src/scorm/early-open.ts';
import { scorm12Code } from '../../src/scorm/interaction-format.ts';

function fakeLms(overrides: Partial<RawCalls> = {}) {
  const calls: string[] = [];
  const raw: RawCalls = {
    initialize: () => (calls.push('init'), 'true'),
    terminate: () => (calls.push('term'), 'true'),
    get: (el) => (calls.push(`get ${el}`), ''),
    set: (el, v) => (calls.push(`set ${el}=${v}`), 'true'),
    commit: () => (calls.push('commit'), 'true'),
    lastError: () => '0',
    ...overrides,
  };
  return { raw, calls };
}

test('nothing reaches the LMS before Initialize or after Terminate, and each happens once', () => {
  const { raw, calls } = fakeLms();
  const conn = new ScormConnection(raw, () => {});
  expect(conn.set('cmi.location', 'x')).toBe(false);
  expect(conn.open()).toBe(true);
  expect(conn.open()).toBe(true);
  conn.set('cmi.location', 'a');
  expect(conn.close()).toBe(true);
  expect(conn.close()).toBe(false);
  conn.set('cmi.location', 'b');
  conn.commit();
  expect(calls).toEqual(['init', 'set cmi.location=a', 'term']);
});

test('an unchanged value is not sent again', () => {
  const { raw, calls } = fakeLms();
  const conn = new ScormConnection(raw, () => {});
  conn.open();
  conn.set('cmi.location', 'a');
  conn.set('cmi.location', 'a');
  conn.set('cmi.location', 'b');
  expect(calls.filter((c) => c.startsWith('set'))).toEqual(['set cmi.location=a', 'set cmi.location=b']);
});

test('an LMS that throws or refuses is logged, not fatal', () => {
  const log: string[] = [];
  const { raw } = fakeLms({
    set: () => {
      throw new Error('boom');
    },
    commit: () => 'false',
    lastError: () => '391',
  });
  const conn = new ScormConnection(raw, (m) => log.push(m));
  conn.open();
  expect(conn.set('cmi.location', 'a')).toBe(false);
  expect(conn.commit()).toBe(false);
  expect(log).toEqual([
    'SetValue cmi.location threw: Error: boom',
    'SetValue cmi.location="a" failed (error exception)',
    'Commit failed (error 391)',
  ]);
});

test('SCORM 1.2 choice codes are one character, stable by authored position', () => {
  expect(scorm12Code(['x', 'y', 'z'], 'z')).toBe('c');
  expect(() => scorm12Code(['x'], 'q')).toThrow();
});

test('an Initialize the page already made is taken over once: no second Initialize, and a refused one is retried by the next open', () => {
  const { raw, calls } = fakeLms();
  const opened = new ScormConnection(raw, () => {}, [], { value: 'true', code: '0' });
  expect(opened.open()).toBe(true);
  opened.set('cmi.location', 'a');
  expect(calls).toEqual(['set cmi.location=a']);

  const log: string[] = [];
  const retried = fakeLms();
  const refused = new ScormConnection(retried.raw, (m) => log.push(m), [], { value: 'false', code: '101' });
  expect(refused.open()).toBe(false);
  expect(log).toEqual(['Initialize failed (error 101)']);
  expect(refused.open()).toBe(true);
  expect(retried.calls).toEqual(['init']);
});

test("the page's early Initialize calls its own version's API once, and only that API's session takes the result", () => {
  const calls: string[] = [];
  const api12 = {
    LMSInitialize: () => (calls.push('LMSInitialize'), 'false'),
    LMSGetLastError: () => (calls.push('LMSGetLastError'), '101'),
  };
  const api2004 = { Initialize: () => (calls.push('Initialize'), 'true'), GetLastError: () => '0' };
  const page = (api: Record<string, unknown>) => {
    const win = { ...api } as unknown as Window & Record<string, unknown>;
    (win as unknown as { parent: Window }).parent = win;
    return win;
  };

  // The unpackaged build and the cmi5 package name no SCORM version: nothing is called.
  const plain = page({ API: api12, API_1484_11: api2004 });
  openEarly(plain, '');
  openEarly(plain, undefined);
  expect(calls).toEqual([]);
  expect(takeEarlyOpen(plain, api12)).toBeNull();

  const win12 = page({ API: api12, API_1484_11: api2004 });
  openEarly(win12, '1.2');
  expect(calls).toEqual(['LMSInitialize', 'LMSGetLastError']);
  expect(takeEarlyOpen(win12, api2004)).toBeNull();
  expect(takeEarlyOpen(win12, api12)).toEqual({ value: 'false', code: '101' });
  expect(takeEarlyOpen(win12, api12)).toBeNull();

  calls.length = 0;
  const win2004 = page({ API_1484_11: api2004 });
  openEarly(win2004, '2004');
  expect(calls).toEqual(['Initialize']);
  expect(takeEarlyOpen(win2004, api2004)).toEqual({ value: 'true', code: '0' });

  // An LMS that throws is a failed call, not a broken page.
  const throwing = page({
    API: {
      LMSInitialize: () => {
        throw new Error('boom');
      },
    },
  });
  openEarly(throwing, '1.2');
  expect(takeEarlyOpen(throwing, (throwing as unknown as { API: object }).API)).toEqual({ value: 'false', code: 'exception' });
});
