import { decodeEntities, ReportInputError, type Table } from './tables.ts';

/**
 * Moodle 5.1's SCORM report downloads (mod/scorm/report/{basic,interactions,objectives}), recognised
 * by their headers: Name, the identity fields the site shows (e.g. Email address), Attempt, Started on,
 * Last accessed on, Score, one column per SCO, then the report's own columns.
 */
export type ReportKind = 'basic' | 'interactions' | 'objectives';

/** One learner's Moodle attempt (one row of any of the three reports). */
export interface AttemptRow {
  file: string;
  /** 1-based row in its file (the header is row 1). */
  row: number;
  learner: string;
  /** Identity fields (e.g. Email address), by header. */
  identity: Record<string, string>;
  /** Moodle's attempt number, or null when the learner has not started. */
  attempt: number | null;
  started: string;
  last: string;
  /** Moodle's "Score" column (the attempt's grade by the activity's grading method). */
  score: string;
  /** The SCO column: "raw/max" when a score was reported, else the status's name. */
  sco: string;
}

export interface InteractionCell {
  /** Its place in the row (Moodle's N, from 0). */
  n: number;
  id: string;
  response: string;
  right: string;
  result: string;
}

export interface ParsedReport {
  kind: ReportKind;
  file: string;
  rows: (AttemptRow & { interactions: InteractionCell[]; objectives: Record<string, { status: string; score: string }> })[];
  /** For interactions: which of the four kinds of column the download holds. */
  columns: { question: boolean; response: boolean; right: boolean; result: boolean };
  /** Objective ids (objectives report). */
  objectiveIds: string[];
}

const FIXED = ['Attempt', 'Started on', 'Last accessed on', 'Score'] as const;
const INTERACTION = /^(Question|Response|Right answer|Result) (\d+)$/;

const WHAT_TO_DOWNLOAD =
  'download the basic report and the interactions report (with Question, Response, Right answer and Result ticked) and, if you want objectives, the objectives report';

export function parseReport(table: Table): ParsedReport {
  const header = table.rows[0]?.map((h) => h.trim()) ?? [];
  if (!header.length) throw new ReportInputError(table.file, '', `the file is empty; ${WHAT_TO_DOWNLOAD}`);
  if (header[0] !== 'Name')
    throw new ReportInputError(
      table.file,
      'row 1',
      `this is not one of Moodle's SCORM report downloads (its first column is "${header[0] ?? ''}", not "Name"); ${WHAT_TO_DOWNLOAD}. A gradebook export or a quiz report cannot be read.`,
    );
  const at = Object.fromEntries(FIXED.map((h) => [h, header.indexOf(h)])) as Record<(typeof FIXED)[number], number>;
  const missing = FIXED.filter((h) => at[h] < 0);
  if (missing.length)
    throw new ReportInputError(
      table.file,
      'row 1',
      `missing column${missing.length > 1 ? 's' : ''} ${missing.map((m) => `"${m}"`).join(', ')}; ${WHAT_TO_DOWNLOAD}, without changing the file`,
    );
  const identityCols = header.slice(1, at.Attempt).map((h, i) => [h, i + 1] as const);
  const scoCol = at.Score + 1;
  const rest = header.slice(scoCol + 1);
  const interactionCols = rest.map((h, i) => ({ m: INTERACTION.exec(h), col: scoCol + 1 + i })).filter((x) => x.m);
  const kind: ReportKind = interactionCols.length ? 'interactions' : rest.length ? 'objectives' : 'basic';
  const columns = {
    question: interactionCols.some((x) => x.m?.[1] === 'Question'),
    response: interactionCols.some((x) => x.m?.[1] === 'Response'),
    right: interactionCols.some((x) => x.m?.[1] === 'Right answer'),
    result: interactionCols.some((x) => x.m?.[1] === 'Result'),
  };
  if (kind === 'interactions' && (!columns.question || !columns.response || !columns.result)) {
    const lacking = (['Question', 'Response', 'Result'] as const).filter(
      (k) => !columns[k === 'Question' ? 'question' : k === 'Response' ? 'response' : 'result'],
    );
    throw new ReportInputError(
      table.file,
      'row 1',
      `missing columns ${lacking.map((k) => `"${k} N"`).join(', ')}: the interactions report was downloaded without them. In the interactions report tick "Summary of question", "Summary of responses", "Summary of right answer" and "Summary of result", press "Save preferences", then download again (the download holds the columns the page shows)`,
    );
  }
  // Objective columns: "<id>" or "<id> status" and "<id> score" (when "Show objective score" is ticked).
  const objectiveCols = new Map<string, { status: number; score: number }>();
  if (kind === 'objectives')
    rest.forEach((h, i) => {
      const col = scoCol + 1 + i;
      const m = /^(.*) (status|score)$/.exec(h);
      const id = m ? (m[1] as string) : h;
      const entry = objectiveCols.get(id) ?? { status: -1, score: -1 };
      if (m?.[2] === 'score') entry.score = col;
      else entry.status = col;
      objectiveCols.set(id, entry);
    });

  const rows: ParsedReport['rows'] = [];
  table.rows.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const cell = (c: number) => (c >= 0 ? (cells[c] ?? '').trim() : '');
    const attemptText = cell(at.Attempt);
    const interactions: InteractionCell[] = [];
    if (kind === 'interactions') {
      const byN = new Map<number, InteractionCell>();
      for (const x of interactionCols) {
        const n = Number(x.m?.[2]);
        const entry = byN.get(n) ?? { n, id: '', response: '', right: '', result: '' };
        const value = decodeEntities(cell(x.col));
        const field = x.m?.[1];
        if (field === 'Question') entry.id = value;
        else if (field === 'Response') entry.response = value;
        else if (field === 'Right answer') entry.right = value;
        else entry.result = value;
        byN.set(n, entry);
      }
      for (const e of [...byN.values()].sort((a, b) => a.n - b.n)) if (e.id) interactions.push(e);
    }
    const objectives: Record<string, { status: string; score: string }> = {};
    for (const [id, c] of objectiveCols)
      if (cell(c.status) || cell(c.score)) objectives[id] = { status: cell(c.status), score: cell(c.score) };
    rows.push({
      file: table.file,
      row: i + 2,
      learner: cell(0),
      identity: Object.fromEntries(identityCols.map(([h, c]) => [h, cell(c)])),
      attempt: /^\d+$/.test(attemptText) ? Number(attemptText) : null,
      started: cell(at['Started on']),
      last: cell(at['Last accessed on']),
      score: cell(at.Score),
      sco: cell(scoCol),
      interactions,
      objectives,
    });
  });
  return { kind, file: table.file, rows, columns, objectiveIds: [...objectiveCols.keys()] };
}

const MONTHS = ['january', 'february', 'march', 'april', 'may', 'june', 'july', 'august', 'september', 'october', 'november', 'december'];

/**
 * A date as Moodle writes it in a download ("Saturday, 5 December 2026, 5:49 PM" in text,
 * "05 December 2026, 05:49 PM" in Excel and ODS), as YYYY-MM-DD; '' when it holds none.
 */
export function moodleDate(text: string): string {
  const m = /(\d{1,2}) ([A-Za-z]+) (\d{4})/.exec(text);
  const month = m ? MONTHS.indexOf((m[2] as string).toLowerCase()) : -1;
  if (!m || month < 0) return /^\d{4}-\d{2}-\d{2}/.exec(text)?.[0] ?? '';
  return `${m[3]}-${String(month + 1).padStart(2, '0')}-${String(Number(m[1])).padStart(2, '0')}`;
}

/** Minutes since the epoch of a Moodle date with its time of day (the site's time zone, as written); null without one. */
export function moodleMinutes(text: string): number | null {
  const day = moodleDate(text);
  const m = /(\d{1,2}):(\d{2})\s*([AP]M)/i.exec(text);
  if (!day || !m) return null;
  const hour = (Number(m[1]) % 12) + ((m[3] as string).toUpperCase() === 'PM' ? 12 : 0);
  return Date.parse(`${day}T00:00:00Z`) / 60_000 + hour * 60 + Number(m[2]);
}
