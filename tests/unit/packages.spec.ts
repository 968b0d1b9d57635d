import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { validateManifest } from '../../src/content/manifest.ts';
import { parseCourseFile } from '../../src/content/course-file.ts';
import { missingFiles, packageBaseName } from '../../src/package/build-packages.ts';
import { ROOT } from '../support/paths.ts';
import { courseOf, quizOf, QUESTIONS } from '../support/sample-course.ts';

// The `packages` setup project built these exactly as `npm run package` does.
const COURSE_ID = /<manifest\b[^>]*identifier="([^"]+)"/.exec(readFileSync(join(ROOT, 'imsmanifest.xml'), 'utf8'))?.[1];
// Named after the activity id (as shipped, not filled in: the manifest's identifier) and the content version.
const VERSION = parseCourseFile('course.yaml', readFileSync(join(ROOT, 'course.yaml'), 'utf8')).activity?.version;
const zip = (tag: string) => unzipSync(readFileSync(join(ROOT, 'dist', `${COURSE_ID}-${VERSION}-${tag}.zip`)));

test('the zips and the question key are named after the activity id (else the course id) and the content version', () => {
  const course = courseOf(quizOf([QUESTIONS.single]));
  const named = (activityId: string | null, version: string) =>
    packageBaseName({ ...course, id: 'spine-course', activity: { ...course.activity, activityId, version } });
  expect(named(null, '2026.12.1')).toBe('spine-course-2026.12.1');
  expect(named('SSC-2026-01', '2026.12.1')).toBe('SSC-2026-01-2026.12.1');
  // Characters a file name cannot hold (or an LMS's upload would mangle) become one hyphen.
  expect(named('ANCC / Spine #12', '3')).toBe('ANCC-Spine-12-3');
  expect(named('///', '3')).toBe('spine-course-3');
  expect(VERSION).toMatch(/^[0-9A-Za-z.-]{1,20}$/);
});

for (const [tag, version] of [
  ['scorm12', '1.2'],
  ['scorm2004', '2004'],
] as const) {
  test(`${tag}: the manifest at the zip root validates against ADL's XSDs and names only files the zip has`, async () => {
    const files = zip(tag);
    const manifest = strFromU8(files['imsmanifest.xml'] as Uint8Array);
    expect(await validateManifest(manifest, version, 'imsmanifest.xml')).toEqual([]);
    expect(missingFiles(manifest, Object.keys(files))).toEqual([]);
    for (const xsd of [...manifest.matchAll(/\s([\w.]+\.xsd)/g)].map((m) => m[1] ?? '')) expect(Object.keys(files)).toContain(xsd);
  });

  test(`${tag}: index.html is one self-contained file that looks only for its own SCORM API`, () => {
    const html = strFromU8(zip(tag)['index.html'] as Uint8Array);
    expect(html).toContain(`<meta name="scorm-version" content="${version}" />`);
    // Nothing is loaded from elsewhere: no external scripts, styles, images or fonts.
    expect(html).not.toMatch(/<(script|link|img|iframe)\b[^>]*\b(src|href)="(?!data:)[^"#]/i);
    expect(html).not.toMatch(/@import|url\((?!data:)['"]?https?:/i);
    // All ASCII, which the browser decodes on its fast path (src/package/ascii-html.ts).
    expect(html.match(/[\u0080-\uffff]/g), 'characters outside ASCII in index.html').toBeNull();
  });
}

test('the SCORM 2004 manifest carries the same id, title and pass mark as the SCORM 1.2 one', () => {
  const m12 = strFromU8(zip('scorm12')['imsmanifest.xml'] as Uint8Array);
  const m04 = strFromU8(zip('scorm2004')['imsmanifest.xml'] as Uint8Array);
  const mastery = Number(/<adlcp:masteryscore>([\d.]+)</.exec(m12)?.[1]);
  expect(Number(/<imsss:minNormalizedMeasure>([\d.]+)</.exec(m04)?.[1])).toBe(mastery / 100);
  expect(/<manifest\b[^>]*identifier="([^"]+)"/.exec(m04)?.[1]).toBe(COURSE_ID);
  expect(/<title>([^<]+)</.exec(m04)?.[1]).toBe(/<title>([^<]+)</.exec(m12)?.[1]);
  expect(m04).toContain('adlcp:scormType="sco"');
  expect(m04).toContain('<schemaversion>2004 4th Edition</schemaversion>');
});
