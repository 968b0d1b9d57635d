import { expect, test } from '@playwright/test';
import { ScormConnection, type RawCalls } from '../../src/scorm/connection.ts';
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
