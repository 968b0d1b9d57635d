import { createHmac } from 'node:crypto';
import type { ParsedReport } from './moodle.ts';

/**
 * Stable pseudonyms: the same learner (name and email) gets the same pseudonym in every run with the
 * same secret, so reports of one cohort can be compared without names. A keyed hash (HMAC), so no one
 * without the secret can test a guessed name against a pseudonym.
 */
export function pseudonym(name: string, email: string, secret: string): string {
  const digest = createHmac('sha256', secret).update(`${name.trim().toLowerCase()}\u0000${email.trim().toLowerCase()}`).digest();
  // Crockford's base32 without look-alike letters: easy to read aloud and to type.
  const alphabet = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
  let out = '';
  for (let i = 0; i < 6; i++) out += alphabet[(digest[i] as number) % 32];
  return `Learner ${out}`;
}

/** The reports with each name replaced by its pseudonym and every identity field (email…) removed. */
export function pseudonymise(reports: ParsedReport[], secret: string): ParsedReport[] {
  return reports.map((r) => ({
    ...r,
    rows: r.rows.map((row) => ({
      ...row,
      learner: row.learner ? pseudonym(row.learner, row.identity['Email address'] ?? '', secret) : '',
      identity: {},
    })),
  }));
}
