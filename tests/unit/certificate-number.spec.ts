import { expect, test } from '@playwright/test';
import { certificateNumber, checkValue, isValidCertificateNumber } from '../../src/course/certificate-number.ts';

const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ';

/** Positions of the letters and digits of a number (not its dashes). */
const positions = (n: string) => [...n].flatMap((c, i) => (c === '-' ? [] : [i]));

const samples = Array.from({ length: 60 }, (_, i) =>
  certificateNumber(
    `EXAMPLE-SSC-${2026 + (i % 3)}`,
    `learner-${i * 7919}`,
    `2026-${String((i % 12) + 1).padStart(2, '0')}-${String((i % 28) + 1).padStart(2, '0')}`,
  ),
);

test('the number is stable, carries the completion date, and changes with the activity, the learner and the day', () => {
  const n = certificateNumber('EXAMPLE-SSC-2026', '2', '2026-12-05');
  expect(n).toMatch(/^[0-9A-Z]{7}-20261205-[0-9A-Z]$/);
  expect(certificateNumber('EXAMPLE-SSC-2026', '2', '2026-12-05')).toBe(n);
  expect(isValidCertificateNumber(n)).toBe(true);
  expect(isValidCertificateNumber(n.toLowerCase())).toBe(true);
  expect(certificateNumber('EXAMPLE-SSC-2027', '2', '2026-12-05')).not.toBe(n);
  expect(certificateNumber('EXAMPLE-SSC-2026', '3', '2026-12-05')).not.toBe(n);
  expect(certificateNumber('EXAMPLE-SSC-2026', '2', '2026-12-06')).not.toBe(n);
  expect(new Set(samples).size).toBe(samples.length);
});

test('every one-character typo is caught by the check character', () => {
  let tried = 0;
  const missed: string[] = [];
  for (const n of samples) {
    for (const i of positions(n)) {
      for (const c of ALPHABET) {
        if (c === n[i]) continue;
        const typo = n.slice(0, i) + c + n.slice(i + 1);
        // A typo in the date part must still be a digit to have the right form; any other is refused by the form.
        if (isValidCertificateNumber(typo)) missed.push(`${n} -> ${typo}`);
        tried++;
      }
    }
  }
  // One expect for all of them: Playwright's expect is too slow to call 33,600 times.
  expect(missed).toEqual([]);
  expect(tried).toBe(samples.length * 16 * 35);
});

test('every swap of two neighbouring characters is caught (across a dash too)', () => {
  let swaps = 0;
  const missed: string[] = [];
  for (const n of samples) {
    const at = positions(n);
    for (let k = 0; k + 1 < at.length; k++) {
      const [i = 0, j = 0] = [at[k], at[k + 1]];
      if (n[i] === n[j]) continue;
      const chars = [...n];
      [chars[i], chars[j]] = [chars[j] ?? '', chars[i] ?? ''];
      if (isValidCertificateNumber(chars.join(''))) missed.push(`${n} -> ${chars.join('')}`);
      swaps++;
    }
  }
  expect(missed).toEqual([]);
  expect(swaps).toBeGreaterThan(samples.length * 10);
});

test('the check is ISO/IEC 7064 MOD 37-2: the weighted sum with the check value is 1 modulo 37', () => {
  for (const n of samples) {
    const body = n.slice(0, 7) + n.slice(8, 16);
    const value = ALPHABET.indexOf(n.charAt(17));
    // Weights are 2^k counted from the right, the check character's weight 1.
    const sum = [...body].reduce((s, c, i) => (s + ALPHABET.indexOf(c) * 2 ** (body.length - i)) % 37, 0);
    expect((sum + value) % 37).toBe(1);
    expect(checkValue(body)).toBe(value);
  }
});
