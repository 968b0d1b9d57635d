import { readFileSync } from 'node:fs';
import { basename, extname } from 'node:path';
import { strFromU8, unzipSync } from 'fflate';

/**
 * A spreadsheet as Moodle's report downloads hold it: Text (tab-separated .txt or a .csv),
 * Excel (.xlsx) or OpenDocument (.ods), read into rows of strings. Only the first sheet counts:
 * Moodle writes each report to one sheet.
 */
export interface Table {
  /** The path as given on the command line. */
  file: string;
  format: 'text' | 'xlsx' | 'ods';
  /** Row 0 is the header row; `rows[i]` is line/row i + 1 of the file. */
  rows: string[][];
}

/** A file the report cannot use, with what to do instead. */
export class ReportInputError extends Error {
  constructor(
    readonly file: string,
    readonly where: string,
    message: string,
  ) {
    super(`${file}${where ? ` ${where}` : ''}: ${message}`);
    this.name = 'ReportInputError';
  }
}

const DOWNLOAD_HINT =
  'download it again from the SCORM activity: Reports, then the basic, interactions or objectives report, then "Download in text format", "Download in Excel format" or "Download in ODS format"';

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** XML and HTML character references: Moodle escapes interaction values with s() before it writes them. */
export function decodeEntities(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (m, name: string) => {
    if (name[0] === '#') {
      const code = name[1] === 'x' || name[1] === 'X' ? parseInt(name.slice(2), 16) : parseInt(name.slice(1), 10);
      return Number.isFinite(code) ? String.fromCodePoint(code) : m;
    }
    return ENTITIES[name.toLowerCase()] ?? m;
  });
}

/** RFC 4180 fields (quotes doubled inside quoted fields), with the delimiter the header row uses. */
export function parseDelimited(text: string): string[][] {
  const body = text.replace(/^\uFEFF/, '');
  const firstLine = body.slice(0, body.search(/\r?\n|$/));
  const delimiter = firstLine.includes('\t') ? '\t' : firstLine.split(';').length > firstLine.split(',').length ? ';' : ',';
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] as string;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** The text of an XML element's content: tags dropped (rich-text runs joined), references decoded. */
const xmlText = (s: string) => decodeEntities(s.replace(/<[^>]*>/g, ''));

/** A number cell as the text download writes it: Excel stores 100 as "100.0". */
const numberText = (v: string) => (/^-?\d+(\.\d+)?(E[+-]?\d+)?$/i.test(v) ? String(Number(v)) : v);

/** A1-style column letters to a 0-based index. */
function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref.replace(/\d+$/, '')) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function parseXlsx(files: Record<string, Uint8Array>): string[][] {
  const shared: string[] = [];
  const sst = files['xl/sharedStrings.xml'];
  if (sst)
    for (const m of strFromU8(sst).matchAll(/<si>([\s\S]*?)<\/si>/g))
      shared.push(xmlText((m[1] as string).replace(/<rPh[\s\S]*?<\/rPh>/g, '')));
  const sheetName = Object.keys(files)
    .filter((f) => /^xl\/worksheets\/sheet\d+\.xml$/.test(f))
    .sort()[0];
  if (!sheetName) throw new Error('no worksheet');
  const rows: string[][] = [];
  for (const r of strFromU8(files[sheetName] as Uint8Array).matchAll(/<row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/row>)/g)) {
    const index = Number(/\br="(\d+)"/.exec(r[1] as string)?.[1] ?? rows.length + 1) - 1;
    const row: string[] = [];
    for (const c of (r[2] ?? '').matchAll(/<c\b([^>]*?)(?:\/>|>([\s\S]*?)<\/c>)/g)) {
      const attrs = c[1] as string;
      const ref = /\br="([A-Z]+\d+)"/.exec(attrs)?.[1];
      const col = ref ? columnIndex(ref) : row.length;
      const type = /\bt="(\w+)"/.exec(attrs)?.[1];
      const inner = c[2] ?? '';
      const v = /<v>([\s\S]*?)<\/v>/.exec(inner)?.[1];
      const value =
        type === 's'
          ? (shared[Number(v)] ?? '')
          : type === 'inlineStr'
            ? xmlText(/<is>([\s\S]*?)<\/is>/.exec(inner)?.[1] ?? '')
            : v === undefined
              ? ''
              : numberText(xmlText(v));
      while (row.length < col) row.push('');
      row[col] = value;
    }
    while (rows.length < index) rows.push([]);
    rows[index] = row;
  }
  return rows;
}

function parseOds(files: Record<string, Uint8Array>): string[][] {
  const content = files['content.xml'];
  if (!content) throw new Error('no content.xml');
  const xml = strFromU8(content);
  const table = /<table:table\b[\s\S]*?<\/table:table>/.exec(xml)?.[0] ?? '';
  const rows: string[][] = [];
  for (const r of table.matchAll(/<table:table-row\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:table-row>)/g)) {
    const row: string[] = [];
    for (const c of (r[2] ?? '').matchAll(
      /<table:(?:covered-)?table-cell\b([^>]*?)(?:\/>|>([\s\S]*?)<\/table:(?:covered-)?table-cell>)/g,
    )) {
      const attrs = c[1] as string;
      const repeat = Math.min(Number(/table:number-columns-repeated="(\d+)"/.exec(attrs)?.[1] ?? 1), 1024);
      const paragraphs = [...(c[2] ?? '').matchAll(/<text:p\b[^>]*?(?:\/>|>([\s\S]*?)<\/text:p>)/g)].map((p) =>
        xmlText(
          (p[1] ?? '')
            .replace(/<text:s\b[^>]*?c="(\d+)"[^>]*\/>/g, (_, n: string) => ' '.repeat(Number(n)))
            .replace(/<text:s\b[^>]*\/>/g, ' ')
            .replace(/<text:tab\b[^>]*\/>/g, '\t')
            .replace(/<text:line-break\b[^>]*\/>/g, '\n'),
        ),
      );
      const value = paragraphs.length ? paragraphs.join('\n') : decodeEntities(/office:value="([^"]*)"/.exec(attrs)?.[1] ?? '');
      for (let i = 0; i < repeat; i++) row.push(value);
    }
    const repeatRows = Math.min(Number(/table:number-rows-repeated="(\d+)"/.exec(r[1] as string)?.[1] ?? 1), 1024);
    for (let i = 0; i < repeatRows; i++) rows.push(row);
  }
  return rows;
}

/** Trailing empty cells and rows removed: spreadsheets pad both. */
function trim(rows: string[][]): string[][] {
  const out = rows.map((r) => {
    let n = r.length;
    while (n > 0 && (r[n - 1] ?? '').trim() === '') n--;
    return r.slice(0, n).map((c) => c ?? '');
  });
  while (out.length && out[out.length - 1]?.length === 0) out.pop();
  return out;
}

/** Reads one downloaded report; throws ReportInputError naming the file when it cannot. */
export function readTable(file: string, bytes: Uint8Array = readFileSync(file)): Table {
  const ext = extname(file).toLowerCase();
  const isZip = bytes[0] === 0x50 && bytes[1] === 0x4b;
  if (isZip) {
    let files: Record<string, Uint8Array>;
    try {
      files = unzipSync(bytes, { filter: (f) => f.name === 'content.xml' || f.name === 'mimetype' || f.name.startsWith('xl/') });
    } catch {
      throw new ReportInputError(file, '', `the file is damaged (not a complete Excel or ODS file); ${DOWNLOAD_HINT}`);
    }
    try {
      if (files['xl/workbook.xml'] || Object.keys(files).some((f) => f.startsWith('xl/')))
        return { file, format: 'xlsx', rows: trim(parseXlsx(files)) };
      if (files['content.xml']) return { file, format: 'ods', rows: trim(parseOds(files)) };
    } catch (e) {
      throw new ReportInputError(file, '', `the spreadsheet cannot be read (${(e as Error).message}); ${DOWNLOAD_HINT}`);
    }
    throw new ReportInputError(file, '', `this zip is neither an Excel (.xlsx) nor an ODS spreadsheet; ${DOWNLOAD_HINT}`);
  }
  if (ext === '.xls' || (bytes[0] === 0xd0 && bytes[1] === 0xcf))
    throw new ReportInputError(file, '', `old Excel 97 (.xls) files cannot be read; ${DOWNLOAD_HINT}`);
  if (ext === '.pdf' || ext === '.html' || ext === '.htm')
    throw new ReportInputError(file, '', `a ${ext.slice(1).toUpperCase()} file is not one of Moodle's report downloads; ${DOWNLOAD_HINT}`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new ReportInputError(file, '', `the file is not UTF-8 text (was it saved again by another program?); ${DOWNLOAD_HINT}`);
  }
  if (/^\s*<(!doctype|html)/i.test(text))
    throw new ReportInputError(file, '', `this is a web page (perhaps Moodle's login page), not a report download; ${DOWNLOAD_HINT}`);
  if (text.includes('\u0000')) throw new ReportInputError(file, '', `the file holds binary data, not text; ${DOWNLOAD_HINT}`);
  return { file, format: 'text', rows: trim(parseDelimited(text)) };
}

/** The activity a Moodle download names itself after: "<course short name> <activity name>.<ext>". */
export const downloadStem = (file: string): string => basename(file).replace(/\.(txt|csv|xlsx|ods)$/i, '');
