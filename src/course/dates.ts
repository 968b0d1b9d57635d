/**
 * Calendar dates as authors write them in content (ISO 8601: `2026-01-15`, or `2026-01`
 * when only the month is known) and as learners read them (US English, spelled out),
 * the same at build time and in the course, whatever the machine's locale.
 */

const MONTHS = ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'];

const ISO = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/;

/** A real calendar day (`2026-01-15`) or month (`2026-01`); `2026-02-30` and `2026-13` are not. */
export function isIsoDate(text: string): boolean {
  const m = ISO.exec(text);
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), m[3] === undefined ? 1 : Number(m[3])];
  if (month < 1 || month > 12 || day < 1) return false;
  return day <= new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** "January 15, 2026" for `2026-01-15`, "January 2026" for `2026-01`. Expects a valid date. */
export function spelledDate(iso: string): string {
  const m = ISO.exec(iso);
  if (!m) return iso;
  const month = MONTHS[Number(m[2]) - 1] ?? m[2];
  return m[3] === undefined ? `${month} ${m[1]}` : `${month} ${Number(m[3])}, ${m[1]}`;
}

/**
 * Whether a statement dated `asOf` (a day or a month) predates `reviewDate` (a day): a
 * month counts as current through its last day, so "as of January 2026" is still current
 * for a review on January 20, 2026, and older than one on February 1.
 */
export function predates(asOf: string, reviewDate: string): boolean {
  return reviewDate.slice(0, asOf.length) > asOf;
}

/** Whole months from `from` (a day or a month) to `to` (a day); a month date counts from its first day. */
export function monthsBetween(from: string, to: string): number {
  const [fy = 0, fm = 0, fd = 1] = from.split('-').map(Number);
  const [ty = 0, tm = 0, td = 1] = to.split('-').map(Number);
  const months = (ty - fy) * 12 + (tm - fm);
  return from.length > 7 && td < fd ? months - 1 : months;
}

/**
 * The day `months` calendar months before `day` (`2026-08-31` less 6 is `2026-02-28`):
 * a statement dated before it (see `predates`) is older than `months` months on `day`.
 */
export function monthsBefore(day: string, months: number): string {
  const [y = 0, m = 1, d = 1] = day.split('-').map(Number);
  const index = y * 12 + (m - 1) - months;
  const year = Math.floor(index / 12);
  const month = index - year * 12 + 1;
  const last = new Date(Date.UTC(year, month, 0)).getUTCDate();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${pad(month)}-${pad(Math.min(d, last))}`;
}

/**
 * A dated statement as compiled content carries it in learner-facing text of course.yaml:
 * `{as of 2026-01}` or `{As of 2026-01-15}`. The build has checked the date; the course
 * shows it as "as of January 2026", like the lessons.
 */
const DATED = /\{([Aa])s of (\d{4}-\d{2}(?:-\d{2})?)\}/g;

export type DatedPart = string | { capital: boolean; date: string };

/** Splits text into plain runs and its as-of dates, in order. */
export function splitDated(text: string): DatedPart[] {
  const parts: DatedPart[] = [];
  let at = 0;
  for (const m of text.matchAll(DATED)) {
    if (m.index > at) parts.push(text.slice(at, m.index));
    parts.push({ capital: m[1] === 'A', date: m[2] ?? '' });
    at = m.index + m[0].length;
  }
  if (at < text.length) parts.push(text.slice(at));
  return parts;
}

/** The text as learners read it, dates spelled out: "current as of January 2026." */
export function datedPlainText(text: string): string {
  return splitDated(text)
    .map((p) => (typeof p === 'string' ? p : `${p.capital ? 'A' : 'a'}s of ${spelledDate(p.date)}`))
    .join('');
}

/** The day `months` calendar months after `day` (`2026-08-31` plus 6 is `2027-02-28`). */
export function monthsAfter(day: string, months: number): string {
  return monthsBefore(day, -months);
}
