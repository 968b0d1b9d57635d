import { Marked, type TokenizerAndRendererExtension, type Tokens } from 'marked';
import { citationAnchor, referenceAnchor } from '../course/citations.ts';
import { isIsoDate, monthsBefore, monthsBetween, predates, spelledDate } from '../course/dates.ts';
import type { ContentProblem } from './errors.ts';
import { ComponentChecker, componentExtension } from './lesson-components.ts';

/**
 * The lesson Markdown's own marks, beyond standard Markdown:
 *
 * - `[^id]` cites the reference with that `id` in the lesson's front matter. It renders as
 *   a numbered superscript link to the reference list; references are numbered in the
 *   order they are first cited.
 * - `{as of 2026-01}` (or `{As of 2026-01-15}` at the start of a sentence) dates a
 *   time-sensitive statement. It renders as "as of January 2026"; the build warns when
 *   it is older than the course's content review date, or older than the course's limit
 *   (rules.dated_statement_max_age_months) on the day of the build.
 * - `<!-- no-citation: reason -->` under a `##` heading says why that section cites
 *   nothing (it states no facts that need a source). It is not rendered.
 * - `:::care-card emergency "Title"` … `:::` and the other content components
 *   (lesson-components.ts).
 */

const CITATION = /\[\^([^\]\s]*)\]/g;
export const AS_OF = /\{([Aa])s[ -]of\s+([^{}]*?)\s*\}/g;
const NO_CITATION = /<!--\s*no-citation\b\s*:?\s*([\s\S]*?)\s*-->/g;
const MONTH_NAMES = 'January|February|March|April|May|June|July|August|September|October|November|December';
/** "as of January 2026" typed as plain text, which the build cannot check. */
export const PLAIN_AS_OF = new RegExp(`\\b[Aa]s of (?:${MONTH_NAMES})(?: \\d{1,2},)? \\d{4}\\b`);
/** Sections that summarize what the lesson has cited above them. */
export const SUMMARY_SECTIONS = ['Key points'];

export interface AsOfMark {
  file: string;
  line: number;
  field: string;
  /** `2026-01` or `2026-01-15`. */
  date: string;
}

export interface LessonSection {
  title: string;
  line: number;
  /** Cites at least one reference. */
  cited: boolean;
  /** A summary section, or one that opted out with a reason. */
  exempt: boolean;
}

export interface LessonScan {
  citations: { id: string; line: number }[];
  asOf: AsOfMark[];
  sections: LessonSection[];
  /** The body to render: opt-out comments removed, everything else as written. */
  markdown: string;
  problems: ContentProblem[];
  warnings: ContentProblem[];
}

/** Inline code spans, where marks are literal text. */
function withoutCodeSpans(line: string): string {
  return line.replace(/(`+)[\s\S]*?\1/g, (m) => ' '.repeat(m.length));
}

export function asOfProblem(file: string, line: number, field: string, written: string): ContentProblem {
  return {
    file,
    line,
    field,
    message: `"${written}" has no valid date: write it as {as of 2026-01} (year and month) or {as of 2026-01-15}`,
  };
}

/**
 * Reads the lesson body line by line (`firstLine` is the file line of `lines[0]`) for its
 * citation markers, as-of dates and sections, so that each can be reported at its line.
 * Fenced code is skipped.
 */
export function scanLessonBody(file: string, lines: readonly string[], firstLine: number): LessonScan {
  const scan: LessonScan = { citations: [], asOf: [], sections: [], markdown: '', problems: [], warnings: [] };
  const out: string[] = [];
  const components = new ComponentChecker(file, scan.problems);
  let inFence = false;
  lines.forEach((raw, i) => {
    const line = firstLine + i;
    if (/^\s*(```|~~~)/.test(raw)) {
      components.line(raw, line, true);
      inFence = !inFence;
      out.push(raw);
      return;
    }
    if (inFence) {
      components.line(raw, line, true);
      out.push(raw);
      return;
    }
    // Markdown would read a component's first line as part of a list or table right above it.
    if (components.line(raw, line, false) === 'open' && out[out.length - 1]?.trim()) out.push('');
    const heading = /^##\s+(.+?)\s*#*\s*$/.exec(raw);
    if (heading?.[1]) scan.sections.push({ title: heading[1], line, cited: false, exempt: SUMMARY_SECTIONS.includes(heading[1]) });
    const section = scan.sections[scan.sections.length - 1];
    const text = withoutCodeSpans(raw);
    for (const m of text.matchAll(NO_CITATION)) {
      if (!m[1]) {
        scan.problems.push({
          file,
          line,
          field: 'body',
          message:
            "<!-- no-citation --> needs a reason: write <!-- no-citation: what the section is instead (e.g. the clinic's procedure) -->",
        });
      } else if (!section) {
        scan.problems.push({
          file,
          line,
          field: 'body',
          message: '<!-- no-citation: … --> stands before the first "## " section: put it under the heading of the section it excuses',
        });
      } else {
        section.exempt = true;
      }
    }
    for (const m of text.matchAll(CITATION)) {
      scan.citations.push({ id: m[1] ?? '', line });
      if (section) section.cited = true;
    }
    for (const m of text.matchAll(AS_OF)) {
      const date = m[2] ?? '';
      if (isIsoDate(date)) scan.asOf.push({ file, line, field: 'body', date });
      else scan.problems.push(asOfProblem(file, line, 'body', m[0]));
    }
    const plain = plainAsOfWarning(text, { file, line, field: 'body' });
    if (plain) scan.warnings.push(plain);
    out.push(raw.replace(NO_CITATION, ''));
  });
  components.end();
  scan.markdown = out.join('\n');
  return scan;
}

/**
 * Resolves `{as of …}` in a plain-text field (a reference's text), recording each date.
 * Returns the text as learners read it.
 */
export function resolveAsOfText(
  text: string,
  where: { file: string; line: number; field: string },
  scan: Pick<LessonScan, 'asOf' | 'problems' | 'warnings'>,
): string {
  const resolved = text.replace(AS_OF, (written, cap: string, date: string) => {
    if (!isIsoDate(date)) {
      scan.problems.push(asOfProblem(where.file, where.line, where.field, written));
      return written;
    }
    scan.asOf.push({ ...where, date });
    return `${cap}s of ${spelledDate(date)}`;
  });
  const plain = plainAsOfWarning(text, where);
  if (plain) scan.warnings.push(plain);
  return resolved;
}

/** "as of January 2026" typed as text in `text`, which the build cannot check: a warning at `where`, or null. */
export function plainAsOfWarning(text: string, where: { file: string; line: number; field: string }): ContentProblem | null {
  const plain = PLAIN_AS_OF.exec(text.replace(AS_OF, ''));
  return plain
    ? {
        ...where,
        message: `"${plain[0]}" is a date typed as text: write {as of 2026-01} instead, so that the build can tell when it is older than the content review`,
      }
    : null;
}

function escapeHtml(s: string): string {
  return s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c] ?? c);
}

export interface RenderedBody {
  html: string;
  /** Reference ids in the order of their first citation. */
  order: string[];
  /** How many times each reference is cited. */
  counts: Map<string, number>;
}

/**
 * Renders a lesson body to HTML. A citation shows the reference's number in brackets,
 * read by screen readers as "Reference 3"; references are numbered by first citation.
 */
export function renderLessonBody(markdown: string, lessonId: string, referenceIds: readonly string[]): RenderedBody {
  const order: string[] = [];
  const counts = new Map<string, number>();
  const citation: TokenizerAndRendererExtension = {
    name: 'citation',
    level: 'inline',
    start: (src) => src.match(/\[\^/)?.index,
    tokenizer(src) {
      const m = /^\[\^([^\]\s]*)\]/.exec(src);
      return m ? { type: 'citation', raw: m[0], id: m[1] ?? '' } : undefined;
    },
    renderer(token) {
      const id = String((token as Tokens.Generic)['id']);
      if (!referenceIds.includes(id)) return escapeHtml(token.raw);
      if (!counts.has(id)) order.push(id);
      const nth = (counts.get(id) ?? 0) + 1;
      counts.set(id, nth);
      const n = order.indexOf(id) + 1;
      // A word joiner (U+2060) keeps the marker on the line of the word it follows.
      return (
        `<sup class="cite">&#x2060;<a href="#${referenceAnchor(lessonId, id)}" id="${citationAnchor(lessonId, id, nth)}">` +
        `<span aria-hidden="true">[</span><span class="visually-hidden">Reference </span>${n}<span aria-hidden="true">]</span></a></sup>`
      );
    },
  };
  const asOf: TokenizerAndRendererExtension = {
    name: 'asOf',
    level: 'inline',
    start: (src) => src.match(/\{[Aa]s[ -]of\s/)?.index,
    tokenizer(src) {
      const m = /^\{([Aa])s[ -]of\s+([^{}]*?)\s*\}/.exec(src);
      return m?.[2] && isIsoDate(m[2]) ? { type: 'asOf', raw: m[0], cap: m[1], date: m[2] } : undefined;
    },
    renderer(token) {
      const t = token as Tokens.Generic;
      const date = String(t['date']);
      return `<time class="as-of" datetime="${date}">${String(t['cap'])}s of ${spelledDate(date)}</time>`;
    },
  };
  const marked = new Marked({ gfm: true, async: false, extensions: [componentExtension, citation, asOf] });
  const html = marked.parse(markdown) as string;
  return { html, order, counts };
}

/** The lesson's text without citation markers: for word counts and text comparisons. */
export function stripCitations(html: string): string {
  return html.replace(/<sup class="cite">[\s\S]*?<\/sup>/g, '');
}

function once(marks: readonly AsOfMark[]): AsOfMark[] {
  // Two statements of the same date on one line need one look, and one warning.
  const seen = new Set<string>();
  return marks.filter((m) => {
    const key = `${m.file}:${m.line}:${m.field}:${m.date}`;
    return !seen.has(key) && !!seen.add(key);
  });
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Time-sensitive statements nobody has re-checked for longer than the course allows: each
 * as-of date more than `maxMonths` months before `today` (the day of the build,
 * `2026-12-05`), as a warning at its line. A month counts as current through its last
 * day: with 6 months, "as of January 2026" is too old from August 1, 2026.
 */
export function tooOldAsOfWarnings(marks: readonly AsOfMark[], today: string, maxMonths: number): ContentProblem[] {
  if (!DAY.test(today) || !isIsoDate(today)) throw new Error(`today "${today}" is not a date such as 2026-12-05`);
  const cutoff = monthsBefore(today, maxMonths);
  return once(marks.filter((m) => predates(m.date, cutoff))).map((m) => {
    const months = monthsBetween(m.date, today);
    const age = months > maxMonths ? `${months} months` : `more than ${maxMonths} months`;
    return {
      file: m.file,
      line: m.line,
      field: m.field,
      message: `"as of ${spelledDate(m.date)}" (${m.date}) is ${age} old on ${spelledDate(today)}; the course allows ${maxMonths} ${maxMonths === 1 ? 'month' : 'months'}: re-check this statement against its source and update the date, or change the limit in course.yaml rules (dated_statement_max_age_months)`,
    };
  });
}

/**
 * Time-sensitive statements the content review has not caught up with: each as-of date
 * older than `reviewDate` (`2026-11-01`), as a warning at its line.
 */
export function staleAsOfWarnings(marks: readonly AsOfMark[], reviewDate: string): ContentProblem[] {
  if (!DAY.test(reviewDate) || !isIsoDate(reviewDate)) throw new Error(`review date "${reviewDate}" is not a date such as 2026-11-01`);
  return once(marks.filter((m) => predates(m.date, reviewDate))).map((m) => ({
    file: m.file,
    line: m.line,
    field: m.field,
    message: `"as of ${spelledDate(m.date)}" is older than the content review of ${spelledDate(reviewDate)}: check the statement against current sources, then update its date (or the statement)`,
  }));
}
