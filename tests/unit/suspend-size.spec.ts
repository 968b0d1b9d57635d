import { expect, test } from '@playwright/test';
import { loadCourse } from '../../src/content/load-course.ts';
import { largestState, largestSuspendData } from '../../src/course/suspend-budget.ts';
import { SUSPEND_LIMIT, decodeState } from '../../src/course/suspend-codec.ts';
import { ROOT } from '../support/paths.ts';

test('suspend data from the real content at its largest possible state fits SCORM 1.2 (4,096 characters)', async () => {
  const { course } = await loadCourse(ROOT);
  const state = largestState(course);
  const text = largestSuspendData(course);
  console.log(`largest suspend data from the real content: ${text.length} of ${SUSPEND_LIMIT} characters`);
  expect(text).toMatch(/^[\x20-\x7e]*$/);
  expect(text.length).toBeLessThanOrEqual(SUSPEND_LIMIT);
  // And it reads back to the same state.
  expect(decodeState(course, text).state).toEqual(state);
});
