import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { strToU8 } from 'fflate';
import { build } from 'vite';
import { ContentError, formatProblem } from '../content/errors.ts';
import { loadCourse } from '../content/load-course.ts';
import { schemaFiles, validateManifest, type ScormVersion } from '../content/manifest.ts';
import type { Course } from '../course/types.ts';
import { cmi5Xml, validateCmi5Xml } from './cmi5-xml.ts';
import { scorm2004Manifest } from './manifest2004.ts';
import { questionKeyCsv, questionKeyHtml } from './question-key.ts';
import { zipFiles } from './zip.ts';

export interface BuiltPackage {
  version: ScormVersion | 'cmi5';
  zip: string;
  /** The same files unzipped, for the preview LMS. */
  dir: string;
  bytes: number;
}

const TAG = /<meta name="scorm-version" content="[^"]*"\s*\/?>/;

/** Sets the SCORM version the course looks for (each package looks only for its own API). */
export function withScormVersion(html: string, version: ScormVersion): string {
  if (!TAG.test(html)) throw new Error('index.html lost its <meta name="scorm-version"> tag');
  return html.replace(TAG, `<meta name="scorm-version" content="${version}" />`);
}

/**
 * What the zips and the question key are named after: the provider's activity id (or, until it
 * is given, the manifest's identifier) and the content version, so a coordinator can tell which
 * content is in the LMS. Characters a file name cannot hold become hyphens.
 */
export function packageBaseName(course: Course): string {
  const slug = (course.activity.activityId ?? course.id).replace(/[^0-9A-Za-z._-]+/g, '-').replace(/^[-.]+|-+$/g, '');
  return `${slug || course.id}-${course.activity.version}`;
}

/** Lists files a manifest names that its package lacks. */
export function missingFiles(manifestXml: string, files: Iterable<string>): string[] {
  const have = new Set(files);
  return [...manifestXml.matchAll(/<file\b[^>]*\bhref\s*=\s*"([^"]*)"/g)].map((m) => m[1] ?? '').filter((f) => !have.has(f));
}

/**
 * Builds the course once and writes one zip per SCORM version into dist/, and beside
 * them the question key (HTML and CSV) that explains the codes in LMS reports, all named
 * `<activity id>-<version>-…` (packageBaseName).
 */
export async function buildPackages(
  root: string,
  log: (line: string) => void = console.log,
  options: { forCredit?: boolean } = {},
): Promise<BuiltPackage[]> {
  const { manifest, course } = await loadCourse(root, { forCredit: options.forCredit ?? false });
  await build({ root, logLevel: 'warn', configFile: join(root, 'vite.config.ts') });
  const html = readFileSync(join(root, 'build/web/index.html'), 'utf8');
  const rootManifest = readFileSync(join(root, 'imsmanifest.xml'), 'utf8');
  mkdirSync(join(root, 'dist'), { recursive: true });

  const name = packageBaseName(course);
  const out: BuiltPackage[] = [];
  for (const version of ['1.2', '2004'] as const) {
    const tag = version === '1.2' ? 'scorm12' : 'scorm2004';
    const manifestXml = version === '1.2' ? rootManifest : scorm2004Manifest(manifest);
    const problems = await validateManifest(manifestXml, version, `imsmanifest.xml (${tag})`);
    if (problems.length) throw new ContentError(problems);

    const files: Record<string, Uint8Array> = {
      'imsmanifest.xml': strToU8(manifestXml),
      'index.html': strToU8(withScormVersion(html, version)),
    };
    for (const f of schemaFiles(version)) files[f.name] = readFileSync(f.path);
    const missing = missingFiles(manifestXml, Object.keys(files));
    if (missing.length) throw new Error(`the ${tag} manifest names files the package lacks: ${missing.join(', ')}`);

    out.push(writeZip(root, `${name}-${tag}`, tag, version, files, log));
  }
  // cmi5: the same index.html (it finds cmi5 from its launch URL) beside cmi5.xml.
  const structure = cmi5Xml(course);
  const cmi5Problems = await validateCmi5Xml(structure);
  if (cmi5Problems.length) throw new ContentError(cmi5Problems);
  out.push(writeZip(root, `${name}-cmi5`, 'cmi5', 'cmi5', { 'cmi5.xml': strToU8(structure), 'index.html': strToU8(html) }, log));
  for (const [ext, text] of [
    ['html', questionKeyHtml(course)],
    ['csv', questionKeyCsv(course)],
  ] as const) {
    const file = join(root, 'dist', `${name}-question-key.${ext}`);
    writeFileSync(file, text, 'utf8');
    log(`${relative(root, file)}  ${(Buffer.byteLength(text) / 1024).toFixed(1)} KB  question key for LMS reports`);
  }
  return out;
}

/** Writes one zip into dist/ and its files unzipped into build/<tag>/ (for the preview LMS). */
function writeZip(
  root: string,
  base: string,
  tag: string,
  version: BuiltPackage['version'],
  files: Record<string, Uint8Array>,
  log: (line: string) => void,
): BuiltPackage {
  const zip = join(root, 'dist', `${base}.zip`);
  const bytes = zipFiles(files);
  writeFileSync(zip, bytes);
  const dir = join(root, 'build', tag);
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  for (const [name, data] of Object.entries(files)) writeFileSync(join(dir, name), data);
  log(`${relative(root, zip)}  ${(bytes.length / 1024).toFixed(1)} KB`);
  return { version, zip, dir, bytes: bytes.length };
}

/** Prints content errors the way authors read them, without a stack trace. */
export function reportBuildError(err: unknown): void {
  if (err instanceof ContentError) console.error(err.message);
  else console.error(buildErrorLines(err).join('\n'));
}

/** A failed build as lines for an author: one `file:line field: message` per content problem. */
export function buildErrorLines(err: unknown): string[] {
  if (err && typeof err === 'object' && 'problems' in err) return (err as ContentError).problems.map(formatProblem);
  return [err instanceof Error ? err.message : String(err)];
}
