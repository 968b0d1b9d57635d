/**
 * A learner name for display. LMSs give "Last, First" (SCORM's format, and Moodle in
 * its standard mode) or "First Last" (Moodle by default): both read as "First Last".
 */
export function displayName(raw: string): string {
  const name = raw.trim().replace(/\s+/g, ' ');
  const comma = name.indexOf(',');
  if (comma < 0) return name;
  const last = name.slice(0, comma).trim();
  const first = name.slice(comma + 1).trim();
  return [first, last].filter(Boolean).join(' ');
}

/** "1.5 hours", rounded to the nearest quarter hour (at least a quarter). */
export function hoursText(minutes: number): string {
  const hours = Math.max(0.25, Math.round((minutes / 60) * 4) / 4);
  return `${hours} ${hours === 1 ? 'hour' : 'hours'}`;
}

/** "November 25, 2026". */
export function dateText(ms: number): string {
  return new Date(ms).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
}

/** "January 15, 2026" for an ISO date (a calendar day, not a moment: no time zone shift). */
export function isoDateText(iso: string): string {
  const [y = 0, m = 1, d = 1] = iso.split('-').map(Number);
  return new Date(y, m - 1, d).toLocaleDateString('en-US', { year: 'numeric', month: 'long', day: 'numeric' });
}

const WORDS = ['no', 'one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];

/** "six" for 6: counts up to twelve in words, larger ones in figures. */
export function countText(n: number): string {
  return WORDS[n] ?? String(n);
}

/** "1.25" hours or credits, without trailing zeros. */
export function amountText(n: number): string {
  return String(Math.round(n * 100) / 100);
}
