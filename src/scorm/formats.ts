/** Time formats of the two SCORM versions. */

function split(ms: number): { h: number; m: number; s: number } {
  const centis = Math.max(0, Math.round(ms / 10));
  const h = Math.floor(centis / 360000);
  const m = Math.floor((centis % 360000) / 6000);
  const s = (centis % 6000) / 100;
  return { h, m, s };
}

/** SCORM 1.2 CMITimespan `HHHH:MM:SS.SS` (2-4 hour digits, capped at 9999 hours). */
export function scorm12Timespan(ms: number): string {
  let { h, m, s } = split(ms);
  if (h > 9999) [h, m, s] = [9999, 59, 59.99];
  const sec = s.toFixed(2).padStart(5, '0');
  return `${String(h).padStart(2, '0')}:${String(m).padStart(2, '0')}:${sec}`;
}

/** SCORM 1.2 CMITime, a time of day `HH:MM:SS`. */
export function scorm12Time(date: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${pad(date.getHours())}:${pad(date.getMinutes())}:${pad(date.getSeconds())}`;
}

/** SCORM 2004 timeinterval, ISO 8601 duration such as `PT1H2M3.45S` (at most 2 decimals). */
export function isoDuration(ms: number): string {
  const { h, m, s } = split(ms);
  const sec = Number(s.toFixed(2));
  let out = 'PT';
  if (h) out += `${h}H`;
  if (m) out += `${m}M`;
  if (sec || out === 'PT') out += `${sec}S`;
  return out;
}

/** SCORM 2004 time(second,10,2): UTC with 2 decimals on the seconds, e.g. `2026-11-25T10:15:30.12Z`. */
export function isoTimestamp(date: Date): string {
  return date.toISOString().replace(/(\.\d{2})\d*Z$/, '$1Z');
}

/** Reads a SCORM 1.2 timespan or a SCORM 2004 duration; null when it is neither. */
export function parseDuration(text: string): number | null {
  const t = text.trim();
  const hms = /^(\d{1,4}):(\d{2}):(\d{2}(?:\.\d{1,2})?)$/.exec(t);
  if (hms) return ((Number(hms[1]) * 60 + Number(hms[2])) * 60 + Number(hms[3])) * 1000;
  const iso = /^P(?:(\d+)Y)?(?:(\d+)M)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+(?:\.\d+)?)S)?)?$/.exec(t);
  if (!iso || t === 'P' || t.endsWith('T')) return null;
  const [, y, mo, d, h, mi, s] = iso.map((v) => Number(v ?? 0));
  return ((((y! * 365 + mo! * 30 + d!) * 24 + h!) * 60 + mi!) * 60 + s!) * 1000;
}
