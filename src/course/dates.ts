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
