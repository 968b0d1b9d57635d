import { readFileSync } from 'node:fs';
import { validateXML } from 'xmllint-wasm';
import { cmi5Ids } from '../cmi5/ids.ts';
import type { ContentProblem } from '../content/errors.ts';
import type { Course } from '../course/types.ts';

function escapeXml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** CATAPULT's copy of the cmi5 course structure schema (adlnet/CATAPULT player/service/xsd/v1), unchanged. */
export const CMI5_XSD = new URL('./schemas/cmi5/CourseStructure.xsd', import.meta.url);

/**
 * The cmi5 course structure: one course of one AU, the same index.html as the SCORM zips.
 * moveOn CompletedAndPassed (the course is complete only once the exam is passed), the exam's
 * pass mark as masteryScore, and ids from the provider's activity id (the manifest's identifier until given).
 */
export function cmi5Xml(course: Course): string {
  const ids = cmi5Ids(course.activity.activityId ?? course.id);
  const text = (s: string) => `<langstring lang="en-US">${escapeXml(s)}</langstring>`;
  const title = text(course.title);
  const description = text(course.activity.introduction.replace(/\s+/g, ' ').trim() || course.title);
  const mastery = String(Number((course.passMark / 100).toFixed(4)));
  return `<?xml version="1.0" encoding="UTF-8"?>
<courseStructure xmlns="https://w3id.org/xapi/profiles/cmi5/v1/CourseStructure.xsd">
  <course id="${escapeXml(ids.course)}">
    <title>${title}</title>
    <description>${description}</description>
  </course>
  <au id="${escapeXml(ids.au)}" moveOn="CompletedAndPassed" masteryScore="${mastery}" launchMethod="AnyWindow">
    <title>${title}</title>
    <description>${description}</description>
    <url>index.html</url>
  </au>
</courseStructure>
`;
}

/** Problems of a cmi5.xml against the course structure schema, as content errors with their line. */
export async function validateCmi5Xml(xml: string, file = 'cmi5.xml'): Promise<ContentProblem[]> {
  const result = await validateXML({
    xml: [{ fileName: file, contents: xml }],
    schema: [{ fileName: 'CourseStructure.xsd', contents: readFileSync(CMI5_XSD, 'utf8') }],
  });
  if (result.valid) return [];
  return result.errors.map((e) => ({
    file,
    line: e.loc?.lineNumber ?? 0,
    field: '',
    message: `does not follow the cmi5 course structure schema: ${e.message.replace(/^.*?Schemas validity error : /, '').trim()}`,
  }));
}
