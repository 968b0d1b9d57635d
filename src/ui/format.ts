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
