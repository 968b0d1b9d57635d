import { expect, test } from '@playwright/test';
import { existsSync, mkdtempSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { ROOT } from '../support/paths.ts';

/*
 * The README and the pages in docs/ send each reader to the others by relative links and
 * #anchors; a heading renamed or a page moved must fail here, not on GitHub in front of a reader.
 * Anchors follow GitHub's rules (github-slugger): the heading's text, lower case, without
 * punctuation, spaces as hyphens, and -1, -2… for repeated headings.
 */

/** GitHub's anchor for a heading text: keeps letters, marks, digits, `_`, `-` and spaces. */
export function githubSlug(heading: string): string {
  return heading
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}\p{Pc} -]/gu, '')
    .replace(/ /g, '-');
}

/** The text GitHub renders for a heading's Markdown: code, emphasis, links and HTML reduced to their words. */
function headingText(markdown: string): string {
  return markdown
    .replace(/!\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/`([^`]*)`/g, '$1')
    .replace(/<[^>]+>/g, '')
    .replace(/(\*\*|__|\*|_(?=\S)|(?<=\S)_)/g, (m, _g, offset: number, all: string) =>
      // `_` inside a word (label_diagram) is text, not emphasis
      m === '_' && /\w/.test(all[offset - 1] ?? '') && /\w/.test(all[offset + 1] ?? '') ? m : '',
    )
    .trim();
}

interface Line {
  number: number;
  text: string;
}

/** The lines of a Markdown file outside fenced code blocks, as written. */
function linesOutsideFences(markdown: string): Line[] {
  const lines: Line[] = [];
  let fence: string | null = null;
  markdown.split('\n').forEach((text, i) => {
    const opening = /^ {0,3}(`{3,}|~{3,})/.exec(text);
    if (fence) {
      if (opening && opening[1]!.startsWith(fence)) fence = null;
      return;
    }
    if (opening) {
      fence = opening[1]!;
      return;
    }
    lines.push({ number: i + 1, text });
  });
  return lines;
}

/** The lines outside fenced code blocks, with inline code spans blanked: where links can be. */
function proseLines(markdown: string): Line[] {
  return linesOutsideFences(markdown).map(({ number, text }) => ({
    number,
    text: text.replace(/(`+)[^`]*?\1/g, (m) => ' '.repeat(m.length)),
  }));
}

/** Every anchor a Markdown file offers: its headings' slugs (repeats numbered) and explicit HTML ids. */
export function anchorsOf(markdown: string): Set<string> {
  const anchors = new Set<string>();
  const seen = new Map<string, number>();
  for (const { text } of proseLines(markdown)) {
    for (const m of text.matchAll(/<a\s[^>]*(?:id|name)="([^"]+)"/g)) anchors.add(m[1]!);
  }
  // headings are read from the raw line, since code spans in them count as text
  const raw = markdown.split('\n');
  for (const { number } of proseLines(markdown)) {
    const heading = /^ {0,3}#{1,6}\s+(.*?)(?:\s+#+)?\s*$/.exec(raw[number - 1]!);
    if (!heading) continue;
    const base = githubSlug(headingText(heading[1]!));
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    anchors.add(count === 0 ? base : `${base}-${count}`);
  }
  return anchors;
}

interface Link {
  line: number;
  target: string;
}

/** Inline links and images, HTML links and images, and reference definitions, outside code. */
export function linksOf(markdown: string): Link[] {
  const links: Link[] = [];
  for (const { number, text } of proseLines(markdown)) {
    for (const m of text.matchAll(/!?\[(?:[^\]\\]|\\.)*\]\(\s*(<[^>]*>|[^\s)]+)(?:\s+"[^"]*")?\s*\)/g)) {
      links.push({ line: number, target: m[1]!.replace(/^<|>$/g, '') });
    }
    for (const m of text.matchAll(/<(?:a|img)\s[^>]*?(?:href|src)="([^"]+)"/g)) links.push({ line: number, target: m[1]! });
    const definition = /^ {0,3}\[[^\]]+\]:\s*(<[^>]*>|\S+)/.exec(text);
    if (definition) links.push({ line: number, target: definition[1]!.replace(/^<|>$/g, '') });
  }
  return links;
}

/** What is wrong with each relative link of `file` (a path under `root`): `file:line "target": why`. */
export function brokenLinks(root: string, file: string): string[] {
  const problems: string[] = [];
  const text = readFileSync(join(root, file), 'utf8');
  for (const { line, target } of linksOf(text)) {
    if (/^[a-z][a-z0-9+.-]*:/i.test(target) || target.startsWith('//')) continue; // another site or mailto:
    const where = `${file}:${line} "${target}"`;
    const hash = target.indexOf('#');
    const pathPart = decodeURIComponent(hash < 0 ? target : target.slice(0, hash));
    const anchor = hash < 0 ? null : decodeURIComponent(target.slice(hash + 1));
    const absolute =
      pathPart === '' ? join(root, file) : pathPart.startsWith('/') ? join(root, pathPart) : resolve(root, dirname(file), pathPart);
    const inRepo = relative(root, absolute);
    if (inRepo.startsWith('..') || inRepo.startsWith(sep)) {
      problems.push(`${where}: points outside the repository`);
      continue;
    }
    if (!existsSync(absolute)) {
      problems.push(`${where}: ${inRepo} does not exist`);
      continue;
    }
    if (anchor === null || anchor === '') continue;
    if (statSync(absolute).isDirectory() || !absolute.endsWith('.md')) {
      problems.push(`${where}: #${anchor} needs a Markdown page, and ${inRepo} is not one`);
      continue;
    }
    const anchors = anchorsOf(readFileSync(absolute, 'utf8'));
    if (!anchors.has(anchor)) {
      const near = [...anchors].filter((a) => a.includes(anchor.split('-')[0]!)).slice(0, 5);
      problems.push(
        `${where}: ${inRepo} has no heading with the anchor #${anchor}${near.length ? ` (did you mean ${near.map((a) => `#${a}`).join(', ')}?)` : ''}`,
      );
    }
  }
  return problems;
}

/** The pages for readers: the README, every page in docs/, and the labs' READMEs. */
function readerPages(root: string): string[] {
  const docs = readdirSync(join(root, 'docs'), { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.md'))
    .map((f) => join('docs', f));
  const tools = readdirSync(join(root, 'tools'))
    .map((d) => join('tools', d, 'README.md'))
    .filter((f) => existsSync(join(root, f)));
  return ['README.md', ...docs.sort(), ...tools];
}

test('every relative link and #anchor of the README and docs/ leads somewhere', () => {
  const pages = readerPages(ROOT);
  expect(pages).toContain('docs/authors.md');
  expect(pages.flatMap((page) => brokenLinks(ROOT, page))).toEqual([]);
});

test('the README links to every page in docs/', () => {
  const linked = new Set(
    linksOf(readFileSync(join(ROOT, 'README.md'), 'utf8'))
      .map((l) => l.target.split('#')[0]!)
      .filter((t) => t.startsWith('docs/')),
  );
  const pages = readerPages(ROOT).filter((p) => p.startsWith('docs'));
  expect(pages.filter((p) => !linked.has(p.split(sep).join('/')))).toEqual([]);
});

test('the README stays short, and CI runs the test command it gives', () => {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  expect(readme.split('\n').length).toBeLessThanOrEqual(160);
  expect(readme).toMatch(/^npm test {2,}# /m);
  expect(readFileSync(join(ROOT, '.ci/run'), 'utf8')).toMatch(/^npm test$/m);
});

/**
 * Paths the pages name in code (`src/course/merge.ts`): each under one of the repository's own
 * folders must exist, unless git ignores it (a build's output) or it is a pattern with a
 * placeholder (`lessons/NN-name.md`, `quizzes/<name>.yaml`, `dist/…`).
 */
export function missingPaths(root: string, file: string): string[] {
  const ignored = readFileSync(join(root, '.gitignore'), 'utf8')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const topFolders = new Set(
    readdirSync(root, { withFileTypes: true }).flatMap((d) => (d.isDirectory() && !ignored.includes(`${d.name}/`) ? [d.name] : [])),
  );
  const problems: string[] = [];
  for (const { number, text } of linesOutsideFences(readFileSync(join(root, file), 'utf8'))) {
    for (const m of text.matchAll(/`([\w.-]+(?:\/[\w.-]*)+)`/g)) {
      const path = m[1]!;
      if (!topFolders.has(path.split('/')[0]!) || /NN/.test(path)) continue;
      if (ignored.some((i) => path === i || path.startsWith(i.endsWith('/') ? i : `${i}/`))) continue;
      if (!existsSync(join(root, path))) problems.push(`${file}:${number} \`${path}\` does not exist`);
    }
  }
  return problems;
}

test('every file and folder of the repository the pages name exists', () => {
  expect(readerPages(ROOT).flatMap((page) => missingPaths(ROOT, page))).toEqual([]);
});

test('the pages a build message points to exist, with their anchors', () => {
  // Messages say `see docs/ce-provider.md#every-field`: the reader has only the terminal's words to go on.
  const problems: string[] = [];
  const sources = readdirSync(join(ROOT, 'src'), { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  for (const source of sources) {
    const text = readFileSync(join(ROOT, 'src', source), 'utf8');
    for (const m of text.matchAll(/\bdocs\/[\w./-]+\.md(?:#[\w-]+)?/g)) {
      const [page, anchor] = m[0].split('#') as [string, string | undefined];
      if (!existsSync(join(ROOT, page))) problems.push(`src/${source}: ${m[0]}: ${page} does not exist`);
      else if (anchor && !anchorsOf(readFileSync(join(ROOT, page), 'utf8')).has(anchor))
        problems.push(`src/${source}: ${m[0]}: no such anchor`);
    }
    if (/README[^\n]{0,3}"/.test(text))
      problems.push(`src/${source}: points to a section of the README, which now lists pages: point to the page in docs/`);
  }
  expect(problems).toEqual([]);
});

test.describe('the link check itself', () => {
  let root = '';
  test.beforeAll(() => {
    root = mkdtempSync(join(tmpdir(), 'docs-links-'));
    mkdirSync(join(root, 'docs/images'), { recursive: true });
    writeFileSync(join(root, 'docs/images/shot.png'), '');
    writeFileSync(
      join(root, 'docs/page.md'),
      [
        '# A page (for readers)',
        '## 1. Fill in course.yaml',
        "## The question key, for reading Moodle's reports",
        '### Figures for `label_diagram`',
        '## Notes',
        '## Notes',
        '<a id="kept-anchor"></a>',
        '```markdown',
        '## Not a heading: inside a fence',
        '[not a link](missing-in-fence.md)',
        '```',
      ].join('\n'),
    );
  });
  test.afterAll(() => rmSync(root, { recursive: true, force: true }));

  test('anchors follow GitHub: lower case, punctuation dropped, code kept, repeats numbered', () => {
    const anchors = anchorsOf(readFileSync(join(root, 'docs/page.md'), 'utf8'));
    expect([...anchors].sort()).toEqual(
      [
        'a-page-for-readers',
        '1-fill-in-courseyaml',
        'the-question-key-for-reading-moodles-reports',
        'figures-for-label_diagram',
        'notes',
        'notes-1',
        'kept-anchor',
      ].sort(),
    );
    expect(githubSlug('Who are you? Which page')).toBe('who-are-you-which-page');
  });

  test('a good link passes; a missing file, a missing anchor and a missing image fail, each at its line', () => {
    writeFileSync(
      join(root, 'README.md'),
      [
        'Good: [page](docs/page.md), [key](docs/page.md#the-question-key-for-reading-moodles-reports),',
        '[second notes](docs/page.md#notes-1), [web](https://example.org/x.md#y), [mail](mailto:a@b.c),',
        '[here](#top-of-readme)',
        '# Top of README',
        '[gone](docs/gone.md) and ![shot](docs/images/missing.png)',
        '[wrong anchor](docs/page.md#fill-in-course-yaml)',
        '`[in code](nowhere.md)`',
        '[ref]: docs/also-gone.md',
        '<img src="docs/images/shot.png" alt="kept"> <a href="docs/html-gone.md">gone</a>',
      ].join('\n'),
    );
    expect(brokenLinks(root, 'README.md')).toEqual([
      'README.md:5 "docs/gone.md": docs/gone.md does not exist',
      'README.md:5 "docs/images/missing.png": docs/images/missing.png does not exist',
      'README.md:6 "docs/page.md#fill-in-course-yaml": docs/page.md has no heading with the anchor #fill-in-course-yaml (did you mean #1-fill-in-courseyaml?)',
      'README.md:8 "docs/also-gone.md": docs/also-gone.md does not exist',
      'README.md:9 "docs/html-gone.md": docs/html-gone.md does not exist',
    ]);
  });

  test('a path the page names in code must exist, unless git ignores it or it is a placeholder', () => {
    mkdirSync(join(root, 'src'), { recursive: true });
    mkdirSync(join(root, 'bench'), { recursive: true });
    writeFileSync(join(root, 'src/here.ts'), '');
    writeFileSync(join(root, '.gitignore'), 'dist/\nbench/results.json\n');
    writeFileSync(
      join(root, 'docs/paths.md'),
      [
        'Kept: `src/here.ts`, `src/`; moved: `src/gone.ts`.',
        'Not checked: `dist/x.zip`, `bench/results.json`, `lessons/NN-name.md`, `src/<type>.ts`, `mod/scorm/view.js`.',
        '```',
        'src/in-a-fence.ts `src/in-a-fence.ts`',
        '```',
      ].join('\n'),
    );
    expect(missingPaths(root, 'docs/paths.md')).toEqual(['docs/paths.md:1 `src/gone.ts` does not exist']);
  });

  test('links are resolved from the page that holds them', () => {
    // Its own README: the tests of this group may run in different workers, each with its own root.
    if (!existsSync(join(root, 'README.md'))) writeFileSync(join(root, 'README.md'), '# Top of README\n');
    writeFileSync(join(root, 'docs/other.md'), '[back](../README.md#top-of-readme) [wrong](README.md) [up](../../outside.md)\n');
    expect(brokenLinks(root, 'docs/other.md')).toEqual([
      'docs/other.md:1 "README.md": docs/README.md does not exist',
      'docs/other.md:1 "../../outside.md": points outside the repository',
    ]);
  });
});
