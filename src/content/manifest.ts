import { readFileSync, readdirSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { validateXML } from 'xmllint-wasm';
import type { ContentProblem } from './errors.ts';

export type ScormVersion = '1.2' | '2004';

/** Course-level facts read from the root imsmanifest.xml (SCORM 1.2), the one place they are written. */
export interface ManifestMetadata {
  identifier: string;
  title: string;
  /** adlcp:masteryscore, 0-100. */
  masteryScore: number;
  masteryScoreLine: number;
  /** adlcp:maxtimeallowed as written (HH:MM:SS), if any. */
  maxTimeAllowed?: string;
  /** adlcp:timelimitaction, if any. */
  timeLimitAction?: string;
  /** Every `<file href>` of the resource: each must be in the package. */
  files: string[];
}

/** ADL's schema files, unchanged: each package ships them at its root (see schemas/README.md). */
const schemaRoot = fileURLToPath(new URL('../package/schemas/', import.meta.url));

/** The ADL schema files each package ships at its root. */
export function schemaFiles(version: ScormVersion): { name: string; path: string }[] {
  const dir = join(schemaRoot, version === '1.2' ? 'scorm12edition' : 'scorm20044thedition');
  return readdirSync(dir)
    .sort()
    .map((name) => ({ name, path: join(dir, name) }));
}

const NAMESPACES: Record<ScormVersion, Record<string, string>> = {
  '1.2': {
    'http://www.imsproject.org/xsd/imscp_rootv1p1p2': 'imscp_rootv1p1p2.xsd',
    'http://www.adlnet.org/xsd/adlcp_rootv1p2': 'adlcp_rootv1p2.xsd',
    // imsmd_rootv1p2p1.xsd (LOM metadata) is shipped but not imported: libxml2 2.13
    // rejects its content models as non-deterministic, and our manifests carry no LOM.
  },
  '2004': {
    'http://www.imsglobal.org/xsd/imscp_v1p1': 'imscp_v1p1.xsd',
    'http://www.adlnet.org/xsd/adlcp_v1p3': 'adlcp_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlseq_v1p3': 'adlseq_v1p3.xsd',
    'http://www.adlnet.org/xsd/adlnav_v1p3': 'adlnav_v1p3.xsd',
    'http://www.imsglobal.org/xsd/imsss': 'imsss_v1p0.xsd',
  },
};

/**
 * Validates a manifest against ADL's XSDs. The manifests mix namespaces and the
 * content-packaging schema validates foreign elements strictly, so a small wrapper
 * schema imports each namespace's XSD.
 */
export async function validateManifest(xml: string, version: ScormVersion, file: string): Promise<ContentProblem[]> {
  const imports = Object.entries(NAMESPACES[version])
    .map(([ns, loc]) => `<xs:import namespace="${ns}" schemaLocation="${loc}"/>`)
    .join('');
  const wrapper = `<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="urn:wrapper" elementFormDefault="qualified">${imports}</xs:schema>`;
  const preload = schemaFiles(version).map((f) => ({ fileName: f.name, contents: readFileSync(f.path, 'utf8') }));
  const result = await validateXML({
    xml: [{ fileName: file, contents: xml }],
    schema: [{ fileName: 'wrapper.xsd', contents: wrapper }],
    preload,
  });
  if (result.valid) return [];
  return result.errors
    .filter((e) => (e.loc?.fileName === file || !e.loc) && /[a-z]{3}/i.test(e.message))
    .map((e) => ({
      file,
      line: e.loc?.lineNumber ?? 0,
      field: '',
      message: `does not follow the SCORM ${version} manifest schema: ${e.message
        .replace(/^.*?Schemas validity error : /, '')
        .replace(/^.*?parser error : /, '')
        .trim()}`,
    }));
}

/** Replaces comments with blanks of the same shape, so that offsets and lines are kept. */
function blankComments(xml: string): string {
  return xml.replace(/<!--[\s\S]*?-->/g, (c) => c.replace(/[^\n]/g, ' '));
}

function lineAt(text: string, offset: number): number {
  let line = 1;
  for (let i = 0; i < offset; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

function decodeXmlText(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&')
    .trim();
}

/** Reads the course-level facts from a manifest that already passed schema validation. */
export function readManifestMetadata(xml: string, file: string): { meta?: ManifestMetadata; problems: ContentProblem[] } {
  const text = blankComments(xml);
  const problems: ContentProblem[] = [];
  const problem = (offset: number, field: string, message: string) => problems.push({ file, line: lineAt(text, offset), field, message });

  const manifest = /<manifest\b[^>]*\bidentifier\s*=\s*"([^"]*)"/.exec(text);
  const identifier = manifest?.[1] ?? '';
  if (!/^[a-z0-9][a-z0-9-]{1,60}$/.test(identifier)) {
    problem(
      manifest?.index ?? 0,
      'manifest@identifier',
      `"${identifier}" must be the course id: 2-61 lower-case letters, digits and hyphens (it names the zip files and keys saved progress)`,
    );
  }
  const org = /<organization\b[\s\S]*?<title>([\s\S]*?)<\/title>/.exec(text);
  const title = decodeXmlText(org?.[1] ?? '');
  if (!title) problem(org?.index ?? 0, 'organization.title', 'is missing: write the course title');

  const items = [...text.matchAll(/<item\b/g)];
  if (items.length !== 1) problem(items[1]?.index ?? 0, 'item', `the course is one SCO: keep exactly one <item> (found ${items.length})`);

  const mastery = /<adlcp:masteryscore>([\s\S]*?)<\/adlcp:masteryscore>/.exec(text);
  const masteryScore = Number(mastery?.[1]?.trim());
  if (!mastery) {
    problem(
      items[0]?.index ?? 0,
      'item.adlcp:masteryscore',
      'is missing: add <adlcp:masteryscore> with the pass mark (0-100) of the graded quiz',
    );
  } else if (!Number.isFinite(masteryScore) || masteryScore < 0 || masteryScore > 100) {
    problem(mastery.index, 'item.adlcp:masteryscore', `"${mastery[1]}" must be a number from 0 to 100`);
  }
  const maxTime = /<adlcp:maxtimeallowed>([\s\S]*?)<\/adlcp:maxtimeallowed>/.exec(text)?.[1]?.trim();
  const action = /<adlcp:timelimitaction>([\s\S]*?)<\/adlcp:timelimitaction>/.exec(text)?.[1]?.trim();
  const files = [...text.matchAll(/<file\b[^>]*\bhref\s*=\s*"([^"]*)"/g)].map((m) => decodeXmlText(m[1] ?? ''));
  if (!files.includes('index.html')) problem(0, 'resource.file', 'the resource must list <file href="index.html"/>');

  if (problems.length) return { problems };
  return {
    problems,
    meta: {
      identifier,
      title,
      masteryScore,
      masteryScoreLine: lineAt(text, mastery?.index ?? 0),
      ...(maxTime ? { maxTimeAllowed: maxTime } : {}),
      ...(action ? { timeLimitAction: action } : {}),
      files,
    },
  };
}
