import { expect, test } from '@playwright/test';
import { isoDuration, isoTimestamp, parseDuration, scorm12Time, scorm12Timespan } from '../../src/scorm/formats.ts';

test('SCORM 1.2 timespans are HHHH:MM:SS.SS with at most 4 hour digits', () => {
  expect(scorm12Timespan(0)).toBe('00:00:00.00');
  expect(scorm12Timespan(61_500)).toBe('00:01:01.50');
  expect(scorm12Timespan(3_600_000 * 12 + 59_990)).toBe('12:00:59.99');
  expect(scorm12Timespan(3_600_000 * 123_456)).toBe('9999:59:59.99');
  expect(scorm12Timespan(59_996)).toBe('00:01:00.00');
});

test('SCORM 1.2 interaction times are a time of day', () => {
  expect(scorm12Time(new Date(2026, 10, 25, 9, 5, 7))).toBe('09:05:07');
});

test('SCORM 2004 durations are ISO 8601 with at most two decimals', () => {
  expect(isoDuration(0)).toBe('PT0S');
  expect(isoDuration(1_234)).toBe('PT1.23S');
  expect(isoDuration(3_723_500)).toBe('PT1H2M3.5S');
  expect(isoDuration(7_200_000)).toBe('PT2H');
});

test('SCORM 2004 timestamps keep two decimals before the zone', () => {
  expect(isoTimestamp(new Date(Date.UTC(2026, 10, 25, 10, 15, 30, 129)))).toBe('2026-11-25T10:15:30.12Z');
});

test('durations of both versions are read back', () => {
  expect(parseDuration('00:30:00')).toBe(1_800_000);
  expect(parseDuration('0001:00:00.5')).toBe(3_600_500);
  expect(parseDuration('PT30M')).toBe(1_800_000);
  expect(parseDuration('PT1H0.5S')).toBe(3_600_500);
  expect(parseDuration('P')).toBeNull();
  expect(parseDuration('30 minutes')).toBeNull();
});
