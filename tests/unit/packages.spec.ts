import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { strFromU8, unzipSync } from 'fflate';
import { validateManifest } from '../../src/content/manifest.ts';
import { missingFiles } from '../../src/package/build-packages.ts';
import { ROOT } from '../support/paths.ts';

// The `packages` setup project built these exactly as `npm run package` does.
const COURSE_ID = /<manifest\b[^>]*identifier="([^"]+)"/.exec(readFileSync(join(ROOT, 'imsmanifest.xml'), 'utf8'))?.[1];
const zip = (tag: string) => unzipSync(readFileSync(join(ROOT, 'dist', `${COURSE_ID}-${tag}.zip`)));

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
