import { expect, test } from '@playwright/test';
import { certificateFacts, participationHours } from '../../src/course/ce-record.ts';
import { creditHours } from '../../src/course/learning-time.ts';
import type { ActivityInfo, CreditDesignation } from '../../src/course/types.ts';

const nursing: CreditDesignation = {
  type: 'ANCC nursing contact hours',
  amount: 1.25,
  designation: 'Example Provider designates this activity for 1.25 nursing contact hours.',
  professions: ['nurse'],
};

/** Only the fields the certificate's facts read; the rest of ActivityInfo does not matter here. */
const activity = (credit: ActivityInfo['credit']) =>
  ({
    credit,
    activityId: 'EXAMPLE-SSC-2026',
    releaseDate: '2026-01-15',
    reviewDate: null,
    expiryDate: '2028-12-31',
    professions: [
      { id: 'nurse', name: 'Nurse' },
      { id: 'front_desk', name: 'Front desk' },
    ],
  }) as unknown as ActivityInfo;

const completedAt = new Date('2026-12-05T12:00:00').getTime();
const minutes = 95; // measured: 1.5 hours supported

test('a participant never gets more hours than the activity is designated for', () => {
  expect(creditHours(minutes)).toBe(1.5);
  expect(participationHours(activity([nursing]), minutes)).toBe(1.25);
  expect(
    participationHours(activity([nursing, { ...nursing, type: 'Other credit', amount: 1, professions: ['front_desk'] }]), minutes),
  ).toBe(1.25);
  // No credit designated: the measured learning time, in quarter hours.
  expect(participationHours(activity('none'), minutes)).toBe(1.5);
  expect(participationHours(activity(null), minutes)).toBe(1.5);
});

test("a nurse's certificate and a front-desk learner's show the same hours", () => {
  const input = { activity: activity([nursing]), courseId: 'c', learnerId: '7', completedAt, minutes };
  const nurse = certificateFacts({ ...input, profession: 'nurse' });
  const frontDesk = certificateFacts({ ...input, profession: 'front_desk' });
  expect(nurse.credit?.type).toBe('ANCC nursing contact hours');
  expect(frontDesk.credit).toBeNull();
  expect(frontDesk.hours).toBe(nurse.hours);
});
