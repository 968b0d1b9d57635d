import { expect, test } from '@playwright/test';
import { strFromU8, strToU8, unzipSync, zipSync } from 'fflate';
import { zipFiles } from '../../src/package/zip.ts';

// Text like the course's: long, and repetitive enough that the deflater's choices show.
const page = Array.from(
  { length: 4000 },
  (_, i) => `<p id="p${i}">Paragraph ${i % 97} of the lesson, about stenosis level L${i % 5}.</p>`,
).join('\n');

test('a zip of the package files unzips to the same files, names and bytes, and is the same for the same files', () => {
  const files = { 'imsmanifest.xml': strToU8('<manifest/>'), 'index.html': strToU8(page), 'ünï.xsd': new Uint8Array([0, 1, 2, 255]) };
  const zip = zipFiles(files);
  const back = unzipSync(zip);
  expect(Object.keys(back)).toEqual(Object.keys(files));
  expect(strFromU8(back['index.html'] as Uint8Array)).toBe(page);
  expect([...(back['ünï.xsd'] as Uint8Array)]).toEqual([0, 1, 2, 255]);
  expect(Buffer.from(zipFiles(files)).equals(Buffer.from(zip))).toBe(true);
});

test("it packs text no larger than fflate's zipSync at its best level", () => {
  const files = { 'index.html': strToU8(page) };
  expect(zipFiles(files).length).toBeLessThanOrEqual(zipSync(files, { level: 9 }).length);
});
