/**
 * The certificate number: stable (the same activity, learner and completion day always give
 * the same number, so a reprint matches) and checkable (a check character catches a mistyped
 * or swapped character when the number is read back to the provider).
 *
 * Form: `HHHHHHH-YYYYMMDD-C`: seven characters from the activity id and the learner id, the
 * completion date, and a check character over the fifteen before it (ISO/IEC 7064 MOD 37-2:
 * every single wrong character and every swap of two neighbours changes it).
 */

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';
const M = ALPHABET.length;

/** FNV-1a, 32 bits, over the UTF-16 code units: small, stable, and the same in Node and browsers. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h >>> 0;
}

/**
 * ISO/IEC 7064 MOD 37-2 over letters and digits: the weights are powers of 2, all different
 * modulo the prime 37, so a wrong character or two neighbours swapped always changes the sum.
 * Returns the check value, 0 to 36 (36 is written "*" by the standard).
 */
export function checkValue(text: string): number {
  let p = 0;
  for (const c of text) {
    const v = ALPHABET.indexOf(c);
    if (v < 0) throw new Error(`"${c}" is not a letter or digit`);
    p = ((p + v) * 2) % 37;
  }
  return (38 - p) % 37;
}

/** The check character of text whose check value is not 36 (see certificateNumber). */
export function checkCharacter(text: string): string {
  return ALPHABET.charAt(checkValue(text));
}

/**
 * The certificate number of a learner's completion of an activity on a day (`YYYY-MM-DD`).
 * The seven characters are taken from the first hash (of activity, learner and a counter)
 * whose check value is a letter or digit, so no number needs the standard's "*".
 */
export function certificateNumber(activityId: string, learnerId: string, completedOn: string): string {
  const date = completedOn.replace(/-/g, '');
  for (let k = 0; ; k++) {
    const who = fnv1a(`${activityId}\u0000${learnerId}${k ? `\u0000${k}` : ''}`)
      .toString(36)
      .toUpperCase()
      .padStart(7, '0');
    if (checkValue(who + date) < M) return `${who}-${date}-${checkCharacter(who + date)}`;
  }
}

/** A number as printed: the right form and a check character that matches (case and spaces ignored). */
export function isValidCertificateNumber(text: string): boolean {
  const m = /^([0-9A-Z]{7})-(\d{8})-([0-9A-Z])$/.exec(text.replace(/\s+/g, '').toUpperCase());
  return !!m && checkValue(`${m[1] ?? ''}${m[2] ?? ''}`) === ALPHABET.indexOf(m[3] ?? '');
}
