import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { monthsBefore, monthsBetween, predates, spelledDate } from '../course/dates.ts';
import { DATED_FIELDS, parseCourseFile } from './course-file.ts';
import { AS_OF, SUMMARY_SECTIONS } from './lesson-markup.ts';
import { listFiles, parseLesson, parseQuiz } from './load-course.ts';
import { fieldPath } from './errors.ts';

/**
 * Two lists for the people who keep the course true, printed by `npm run check -- --dated`
 * and `npm run check -- --uncited` (check-cli.ts); neither fails the build.
 *
 * - The reviewer's list: every dated statement (`{as of 2026-01}`) of the lessons and of
 *   course.yaml, with its age, the sentence (or list item, or table row) that carries it and
 *   the sources cited there, to re-check before each release.
 * - Uncited facts: the paragraphs, list items, table rows and component blocks of the lessons'
 *   sections that state something a source should back (`factMarker`) and cite nothing.
 */

/** A unit of lesson text: a paragraph, a list item or a table row, with where it stands. */
export interface TextBlock {
  kind: 'paragraph' | 'list item' | 'table row' | 'table header';
  /** File line of its first line. */
  line: number;
  /** Its Markdown, lines joined with a space. */
  text: string;
  /** Offsets in `text` where each of its lines starts, with the line. */
  starts: { at: number; line: number }[];
  /** The `##` section, and the `###` heading under it if any; null before the first `##`. */
  section: string | null;
  subsection: string | null;
  /** The section says why it cites nothing (`<!-- no-citation: … -->`), or it is a summary. */
  exempt: boolean;
  /** The content component it sits in (`care-card emergency`, `inset`), if any. */
  component: string | null;
  /** The paragraph ending with ":" right before the list or table this block belongs to. */
  leadIn: TextBlock | null;
  /** Ids it cites, in order. */
  cites: string[];
}

const CITATION = /\[\^([^\]\s]*)\]/g;
const LIST_ITEM = /^(\s*)([-*+]|\d+[.)])\s+/;
const withoutCode = (s: string) => s.replace(/(`+)[\s\S]*?\1/g, (m) => ' '.repeat(m.length));

/**
 * Splits a lesson body (`firstLine` is the file line of `lines[0]`) into its text blocks.
 * Fenced code, HTML blocks (the diagram) and comments are left out; headings and component
 * fences are not blocks but set the section and component of those that follow.
 */
export function lessonBlocks(lines: readonly string[], firstLine: number): TextBlock[] {
  const blocks: TextBlock[] = [];
  let section: string | null = null;
  let subsection: string | null = null;
  let exempt = false;
  let component: string | null = null;
  let current: TextBlock | null = null;
  let inFence = false;
  let inHtml = false;
  let afterBlank = false;
  let tableRows = 0;

  // Whether a heading or a component fence came since the last block: a lead-in does not reach across one.
  let afterHeading = true;
  const open = (kind: TextBlock['kind'], raw: string, line: number) => {
    const previous = afterHeading ? undefined : blocks[blocks.length - 1];
    const series = (k: TextBlock['kind']) => (k === 'list item' ? 'list' : k === 'paragraph' ? 'paragraph' : 'table');
    let leadIn: TextBlock | null = null;
    if (previous && kind !== 'paragraph') {
      if (series(previous.kind) === series(kind)) leadIn = previous.leadIn;
      else if (previous.kind === 'paragraph' && previous.text.trim().endsWith(':')) leadIn = previous;
    }
    current = { kind, line, text: raw.trim(), starts: [{ at: 0, line }], section, subsection, exempt, component, leadIn, cites: [] };
    blocks.push(current);
    afterHeading = false;
  };

  lines.forEach((raw, i) => {
    const line = firstLine + i;
    if (/^\s*(```|~~~)/.test(raw)) {
      inFence = !inFence;
      current = null;
      return;
    }
    if (inFence) return;
    if (!raw.trim()) {
      inHtml = false;
      afterBlank = true;
      if (current?.kind !== 'list item') current = null;
      tableRows = 0;
      return;
    }
    if (inHtml) return;
    const heading = /^(#{2,6})\s+(.+?)\s*#*\s*$/.exec(raw);
    if (heading) {
      const title = heading[2] ?? '';
      if (heading[1] === '##') {
        section = title;
        subsection = null;
        exempt = SUMMARY_SECTIONS.includes(title);
      } else subsection = title;
      current = null;
      afterHeading = true;
      return;
    }
    if (/^\s*<!--[\s\S]*-->\s*$/.test(raw)) {
      if (/no-citation\s*:?\s*\S/.test(raw) && section) exempt = true;
      return;
    }
    if (/^\s*</.test(raw)) {
      inHtml = true;
      current = null;
      return;
    }
    const fence = /^:::\s*(\S*)\s*([^"]*?)\s*(?:"|$)/.exec(raw);
    if (fence) {
      component = fence[1] ? [fence[1], fence[2]].filter(Boolean).join(' ') : null;
      current = null;
      afterHeading = true;
      return;
    }
    if (/^\s*\|/.test(raw)) {
      if (/^\s*\|?[\s:|-]+\|?\s*$/.test(raw) && raw.includes('-')) {
        // The separator: the row above was the header.
        const header = blocks[blocks.length - 1];
        if (header?.kind === 'table row' && tableRows === 1) header.kind = 'table header';
        return;
      }
      tableRows++;
      open('table row', raw, line);
      current = null;
      return;
    }
    const item = LIST_ITEM.exec(raw);
    if (item) {
      open('list item', raw.slice(item[0].length), line);
      afterBlank = false;
      return;
    }
    // A continuation: of the list item above (indented, or lazily), or of a paragraph.
    if (current && (current.kind === 'paragraph' || (current.kind === 'list item' && (!afterBlank || /^\s{2,}/.test(raw))))) {
      current.starts.push({ at: current.text.length + 1, line });
      current.text += ` ${raw.trim()}`;
    } else {
      open('paragraph', raw, line);
    }
    afterBlank = false;
  });
  for (const b of blocks) b.cites = [...withoutCode(b.text).matchAll(CITATION)].map((m) => m[1] ?? '');
  return blocks;
}

/** The file line of an offset in a block's text. */
function lineAt(block: TextBlock, at: number): number {
  let line = block.line;
  for (const s of block.starts) if (s.at <= at) line = s.line;
  return line;
}

/**
 * The sentence of `text` around offset `at`: from the end of the sentence before (a full
 * stop, question or exclamation mark, with the citation markers that follow it, then a space
 * and a capital letter, a quote, a digit or an `{as of …}`) to the end of its own.
 */
export function sentenceAround(text: string, at: number): { start: number; end: number } {
  const ends = [...text.matchAll(/[.!?]["'”’)*_]*((?:\[\^[^\]\s]*\])*)(?=\s+(?:[*_"“'(]*[A-Z0-9{]))/g)].map((m) => m.index + m[0].length);
  const start = Math.max(0, ...ends.filter((e) => e <= at));
  const end = Math.min(text.length, ...ends.filter((e) => e > at));
  return { start, end };
}

/** Markdown as a reviewer reads it in a list: emphasis and link targets dropped, spaces collapsed, at most `max` characters. */
export function plainLine(markdown: string, max = 240): string {
  const text = markdown
    .replace(/\[([^\]^][^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_)(\S(?:[\s\S]*?\S)?)\1/g, '$2')
    .replace(/\s+/g, ' ')
    .trim();
  return text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;
}

export interface DatedStatement {
  file: string;
  line: number;
  field: string;
  date: string;
  /** Whole months from the date to `today`. */
  months: number;
  /** Older than the course's limit on `today`. */
  tooOld: boolean;
  /** The sentence (in a paragraph or a list item) or the table row that carries it. */
  text: string;
  /** The references cited with it, or else in its section (`scope`), by id and text. */
  sources: { id: string; text: string }[];
  scope: 'sentence' | 'list item' | 'table row' | 'section' | 'reference' | 'none';
  section: string | null;
}

interface Ref {
  id: string;
  text: string;
}

function lessonParts(root: string, file: string) {
  const text = readFileSync(join(root, file), 'utf8').replace(/\r\n?/g, '\n');
  const lines = text.split('\n');
  const close = lines[0]?.trim() === '---' ? lines.findIndex((l, i) => i > 0 && l.trim() === '---') : -1;
  const parsed = parseLesson(file, text);
  const frontRefs = ((parsed.source?.data as { references?: { id?: unknown }[] } | undefined)?.references ?? []).map((r) =>
    String(r.id ?? ''),
  );
  const refs = new Map<string, string>((parsed.lesson?.references ?? []).map((r): [string, string] => [r.id, r.text]));
  return { parsed, frontRefs, refs, blocks: close < 0 ? [] : lessonBlocks(lines.slice(close + 1), close + 2) };
}

/**
 * Every dated statement of the course (lessons, their references, course.yaml) on `today`
 * (`2026-12-05`), with the sources to re-check it against. Files that do not parse are left
 * out: `npm run check` reports them.
 */
export function datedStatements(root: string, today: string, maxMonths: number): DatedStatement[] {
  const out: DatedStatement[] = [];
  const entry = (e: Omit<DatedStatement, 'months' | 'tooOld'>) => {
    const months = monthsBetween(e.date, today);
    out.push({
      ...e,
      months,
      tooOld: predates(e.date, monthsBefore(today, maxMonths)),
    });
  };

  let courseText = '';
  try {
    courseText = readFileSync(join(root, 'course.yaml'), 'utf8');
  } catch {
    // reported by the check
  }
  if (courseText) {
    const course = parseCourseFile('course.yaml', courseText);
    const seen = new Map<string, number>();
    for (const m of course.asOf) {
      const key = m.field as keyof typeof DATED_FIELDS;
      const value = course.activity?.[DATED_FIELDS[key]];
      if (typeof value !== 'string') continue;
      // The nth dated statement of the field is this one.
      const nth = seen.get(m.field) ?? 0;
      seen.set(m.field, nth + 1);
      const match = [...value.matchAll(AS_OF)][nth];
      const at = match?.index ?? 0;
      const { start, end } = sentenceAround(value, at);
      entry({ ...m, text: plainLine(value.slice(start, end)), sources: [], scope: 'none', section: null });
    }
  }

  for (const name of listFiles(join(root, 'lessons'), /\.md$/)) {
    const file = `lessons/${name}`;
    const { parsed, frontRefs, refs, blocks } = lessonParts(root, file);
    if (!parsed.lesson) continue;
    const ref = (id: string): Ref => ({ id, text: refs.get(id) ?? '(not a reference of this lesson)' });
    const sectionCites = (b: TextBlock) => [
      ...new Set(blocks.filter((o) => o.section === b.section && b.section !== null).flatMap((o) => o.cites)),
    ];
    for (const b of blocks) {
      for (const m of withoutCode(b.text).matchAll(AS_OF)) {
        const date = m[2] ?? '';
        // A table row is the statement; in a paragraph or a list item, the sentence is.
        const row = b.kind === 'table row' || b.kind === 'table header';
        const { start, end } = row ? { start: 0, end: b.text.length } : sentenceAround(b.text, m.index);
        const span = b.text.slice(start, end);
        const ids = (text: string) => [...new Set([...text.matchAll(CITATION)].map((c) => c[1] ?? ''))];
        // Its sources: cited in the sentence or row; else in the rest of its list item; else in its section.
        const levels: [DatedStatement['scope'], string[]][] = [
          [row ? 'table row' : 'sentence', ids(span)],
          ['list item', b.kind === 'list item' ? ids(b.text) : []],
          ['section', sectionCites(b)],
        ];
        const [scope, found] = levels.find(([, list]) => list.length) ?? ['none', []];
        entry({
          file,
          line: lineAt(b, m.index),
          field: 'body',
          date,
          text: plainLine(span, 400),
          sources: found.map(ref),
          scope,
          section: b.section,
        });
      }
    }
    for (const m of parsed.asOf ?? []) {
      const index = /^references\[(\d+)\]\.text$/.exec(m.field)?.[1];
      if (index === undefined) continue;
      const id = frontRefs[Number(index)] ?? '';
      entry({ ...m, text: plainLine(refs.get(id) ?? ''), sources: [ref(id)], scope: 'reference', section: null });
    }
  }
  // A quiz's text cites nothing: each statement is listed with the sentence that carries it.
  for (const name of listFiles(join(root, 'quizzes'), /\.ya?ml$/)) {
    const file = `quizzes/${name}`;
    const { source } = parseQuiz(file, readFileSync(join(root, file), 'utf8'));
    const visit = (value: unknown, path: PropertyKey[]): void => {
      if (typeof value === 'string')
        for (const m of value.matchAll(AS_OF)) {
          const { start, end } = sentenceAround(value, m.index);
          entry({
            file,
            line: source.lineOf(path),
            field: fieldPath(path),
            date: m[2] ?? '',
            text: plainLine(value.slice(start, end), 400),
            sources: [],
            scope: 'none',
            section: null,
          });
        }
      else if (Array.isArray(value)) value.forEach((v: unknown, i) => visit(v, [...path, i]));
      else if (value !== null && typeof value === 'object') for (const [k, v] of Object.entries(value)) visit(v, [...path, k]);
    };
    visit(source.data, []);
  }
  // Two statements of the same date in one sentence, item or row need one look.
  const seen = new Set<string>();
  return out
    .filter((d) => {
      const key = `${d.file}:${d.line}:${d.date}:${d.text}`;
      return !seen.has(key) && !!seen.add(key);
    })
    .sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line);
}

export function formatDatedList(list: readonly DatedStatement[], today: string, maxMonths: number): string {
  const old = list.filter((d) => d.tooOld).length;
  const head =
    `Dated statements on ${spelledDate(today)}: ${list.length}, ${old} older than the course's limit of ${maxMonths} months ` +
    '(rules.dated_statement_max_age_months). Re-check each against its source before a release, then update its date.';
  const lines = list.map((d) => {
    const age = `${d.months} ${d.months === 1 ? 'month' : 'months'} old${d.tooOld ? ', TOO OLD' : ''}`;
    const source =
      d.scope === 'none'
        ? 'no source cited'
        : d.scope === 'reference'
          ? `in the reference [^${d.sources[0]?.id ?? ''}] itself`
          : d.scope === 'section'
            ? `none in the statement itself; cited in its section "${d.section ?? ''}":`
            : d.scope === 'list item'
              ? 'none in the sentence itself; cited in its list item:'
              : `cited in the ${d.scope}:`;
    const refs = d.scope === 'reference' ? [] : d.sources.map((s) => `      [^${s.id}] ${plainLine(s.text, 160)}`);
    const where = d.section ? ` [${d.section}]` : '';
    return [`${d.file}:${d.line} ${d.field}${where}: as of ${d.date} (${age})`, `    "${d.text}"`, `    source: ${source}`, ...refs].join(
      '\n',
    );
  });
  return [head, '', ...lines].join('\n');
}

/**
 * What makes a block "state a fact" for the uncited list: kept simple, so an author can
 * predict it, and erring towards listing.
 *
 * - a digit (a number, a percentage, a year, a dose, a date, `{as of …}`), but not in "lesson 6";
 * - a word for evidence or regulation: trial, study, approved, licensed, cleared, registry,
 *   registered, guideline, randomized, meta-analysis, percent;
 * - an acronym (two or more capitals: FDA, NCT, CDC, ISSCR, NASS, MRI);
 * - a capitalized word inside a sentence: a name (of an agency, a product, a court, a country).
 */
const FACT_WORDS =
  /\b(trials?|stud(?:y|ies)|approv(?:ed|al|es)|licen[sc](?:ed|e)|clear(?:ed|ance)|regist(?:ry|ries|ered|ration)|guidelines?|randomi[sz]ed|meta-analys[ie]s|percent)\b/i;
const ACRONYM = /\b[A-Z][A-Z0-9]+s?\b/;

/** The first factual marker in a block's Markdown, or null. */
export function factMarker(markdown: string): string | null {
  const text = withoutCode(markdown)
    .replace(AS_OF, (_w, _c, date: string) => ` as of ${date} `)
    .replace(/\[([^\]^][^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|\*|_)/g, '');
  // A cross-reference to another lesson ("see lesson 6") is not a fact.
  const digit = /[$€£]?\d[\d,.:/-]*%?/.exec(text.replace(/\blessons? \d+(?: and \d+)?/gi, (m) => ' '.repeat(m.length)));
  const word = FACT_WORDS.exec(text);
  const acronym = ACRONYM.exec(text.replace(/\bI\b/g, ''));
  // A capital that does not start a sentence, a table cell, a quotation or a parenthesis.
  const name = /(?<![.!?:;|"“(]\s*)(?<!^\s*)(?<=\s)[A-Z][a-z]+(?:['’]s)?/.exec(text);
  const found = [digit, word, acronym, name].filter((m): m is RegExpExecArray => !!m).sort((a, b) => a.index - b.index)[0];
  return found ? found[0] : null;
}

export interface UncitedPlace {
  file: string;
  line: number;
  heading: string;
  kind: string;
  marker: string;
  text: string;
  /** The list or table follows a lead-in that cites: the line of that lead-in. */
  citedLeadIn: number | null;
}

/**
 * Places in the lessons' sections that carry a factual marker and no citation marker of
 * their own. Left out: the introduction before the first `##`, Key points, sections that say
 * why they cite nothing (`<!-- no-citation: … -->`), table header rows, HTML and code.
 */
export function uncitedFacts(root: string): { places: UncitedPlace[]; files: string[] } {
  const places: UncitedPlace[] = [];
  const files: string[] = [];
  for (const name of listFiles(join(root, 'lessons'), /\.md$/)) {
    const file = `lessons/${name}`;
    files.push(file);
    for (const b of lessonParts(root, file).blocks) {
      if (!b.section || b.exempt || b.kind === 'table header' || b.cites.length) continue;
      const marker = factMarker(b.text);
      if (!marker) continue;
      places.push({
        file,
        line: b.line,
        heading: b.subsection ? `${b.section} > ${b.subsection}` : b.section,
        kind: b.component ? `${b.kind} in :::${b.component}` : b.kind,
        marker,
        text: plainLine(b.text, 80),
        citedLeadIn: b.leadIn?.cites.length ? b.leadIn.line : null,
      });
    }
  }
  return { places, files };
}

export function formatUncitedList({ places, files }: ReturnType<typeof uncitedFacts>): string {
  const head =
    `Uncited facts: ${places.length} places in the lessons' sections that state something a source should back ` +
    '(a number, a year, a named agency, trial or product: see factMarker in src/content/review-lists.ts) and cite nothing. ' +
    'Information, not a build failure: cite a source with [^id] there, or leave it if it needs none.';
  const lines = places.map(
    (p) =>
      `${p.file}:${p.line} [${p.heading}] ${p.kind} (${JSON.stringify(p.marker)}): ${p.text}` +
      (p.citedLeadIn ? ` (its lead-in, line ${p.citedLeadIn}, cites)` : ''),
  );
  const summary = files.map((f) => {
    const mine = places.filter((p) => p.file === f);
    const led = mine.filter((p) => p.citedLeadIn).length;
    return `  ${f}: ${mine.length}${led ? ` (${led} under a lead-in that cites)` : ''}`;
  });
  return [head, '', ...lines, '', 'Per lesson:', ...summary].join('\n');
}
