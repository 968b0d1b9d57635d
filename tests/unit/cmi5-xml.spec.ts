import { expect, test } from '@playwright/test';
import { loadCourse } from '../../src/content/load-course.ts';
import { cmi5Xml, validateCmi5Xml } from '../../src/package/cmi5-xml.ts';
import { ROOT } from '../support/paths.ts';

let loaded: ReturnType<typeof loadCourse> | undefined;
const load = () => (loaded ??= loadCourse(ROOT));

test('cmi5.xml follows the cmi5 course structure schema: one AU, CompletedAndPassed, the pass mark as masteryScore', async () => {
  const { course } = await load();
  const xml = cmi5Xml(course);
  expect(await validateCmi5Xml(xml)).toEqual([]);
  expect(xml.match(/<au\b/g)).toHaveLength(1);
  expect(xml).toContain(`moveOn="CompletedAndPassed"`);
  expect(xml).toContain(`masteryScore="${course.passMark / 100}"`);
  expect(xml).toContain(`<course id="urn:course:${course.id}">`);
  expect(xml).toContain(`<au id="urn:course:${course.id}:au"`);
  expect(xml).toContain('<url>index.html</url>');
});

test("the provider's activity id names the course and AU, and text is escaped", async () => {
  const { course } = await load();
  const xml = cmi5Xml({ ...course, title: 'Pain & "stenosis" <basics>', activity: { ...course.activity, activityId: 'ACME 2026/07' } });
  expect(await validateCmi5Xml(xml)).toEqual([]);
  expect(xml).toContain('<course id="urn:course:ACME-2026-07">');
  expect(xml).toContain('Pain &amp; &quot;stenosis&quot; &lt;basics&gt;');
});

test('a course structure the schema refuses is reported with its line', async () => {
  const { course } = await load();
  const broken = cmi5Xml(course).replace('moveOn="CompletedAndPassed"', 'moveOn="Whenever"');
  const problems = await validateCmi5Xml(broken);
  expect(problems.length).toBeGreaterThan(0);
  expect(problems[0]).toMatchObject({ file: 'cmi5.xml', line: 7 });
  expect(problems[0]?.message).toMatch(/moveOn/);
});
