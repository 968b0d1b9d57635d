import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect } from '@playwright/test';
import { ROOT } from './paths.ts';

/** A complete course.yaml (a fictitious provider, every field filled in) that edits start from. */
export const COMPLETE = readFileSync(join(ROOT, 'tests/fixtures/course-complete.yaml'), 'utf8');

/** The 1-based line of the first line of `text` that contains `needle`. */
export function lineOf(text: string, needle: string): number {
  const i = text.split('\n').findIndex((l) => l.includes(needle));
  if (i < 0) throw new Error(`"${needle}" is not in the text`);
  return i + 1;
}

/** `text` with one edit made; an edit that changes nothing fails the test instead of passing unseen. */
export function edited(from: string | RegExp, to: string, text = COMPLETE): string {
  const after = text.replace(from, to);
  expect(after, `the edit of ${String(from)} changed nothing`).not.toBe(text);
  return after;
}
