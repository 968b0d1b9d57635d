import { creditEarned, localIsoDate } from './activity.ts';
import { certificateNumber } from './certificate-number.ts';
import { professionMissing } from './evaluation.ts';
import { creditHours, estimatedMinutes } from './learning-time.ts';
import type { CourseState } from './state.ts';
import type { ActivityInfo, Course, CreditDesignation } from './types.ts';

/** What a certificate says, worked out once for the certificate and for the LMS's CE record. */
export interface CertificateFacts {
  /** The credit the completion earns for the learner's profession; null: a certificate of participation. */
  credit: CreditDesignation | null;
  /** The one hour figure the certificate shows: the credit's amount, or the hours of participation. */
  hours: number;
  /** The completion day where the learner is, YYYY-MM-DD. */
  completedOn: string;
  number: string;
}

export interface CertificateInput {
  activity: ActivityInfo;
  /** The package's id, which numbers certificates while the provider's activity id is not given. */
  courseId: string;
  learnerId: string;
  profession: string | null | undefined;
  completedAt: number;
  /** The course's learning time, in minutes. */
  minutes: number;
}

/**
 * Hours of participation: what the provider designated the activity for (the largest amount,
 * which the credit build keeps within the measured time), so a participant's certificate never
 * shows more hours than a credit certificate; the measured time when no credit is designated.
 */
export function participationHours(activity: ActivityInfo, minutes: number): number {
  const designated = Array.isArray(activity.credit) ? activity.credit.map((c) => c.amount) : [];
  return designated.length ? Math.max(...designated) : creditHours(minutes);
}

export function certificateFacts(c: CertificateInput): CertificateFacts {
  const credit = creditEarned(c.activity, c.completedAt, c.profession);
  const completedOn = localIsoDate(c.completedAt);
  return {
    credit,
    hours: credit ? credit.amount : participationHours(c.activity, c.minutes),
    completedOn,
    number: certificateNumber(c.activity.activityId ?? c.courseId, c.learnerId || 'unknown', completedOn),
  };
}

/**
 * The CE record's interaction ids and what each holds, in the order they are written: the
 * LMS's report shows the description (SCORM 2004) and the question key explains each id.
 */
export const CE_RECORD = {
  'ce-profession': "CE record: the learner's profession (its id in course.yaml professions)",
  'ce-credit-type': 'CE record: the credit type earned, or participation (a certificate of participation)',
  'ce-credit-amount': 'CE record: the amount of credit earned, as designated (0 for participation)',
  'ce-hours': 'CE record: the hours the certificate shows (the credit amount, or the hours of participation)',
  'ce-completed': 'CE record: the completion date, YYYY-MM-DD',
  'ce-certificate': 'CE record: the certificate number (HHHHHHH-YYYYMMDD-C, the last character a check)',
  'ce-version': 'CE record: the content version (course.yaml version)',
} as const;

export type CeRecordId = keyof typeof CE_RECORD;

export interface CeRecordEntry {
  id: CeRecordId;
  value: string;
  description: string;
}

/**
 * The certificate is issued: the course is complete and the profession given (when asked).
 * From then on its facts no longer change, so the CE record is written once, at this moment.
 */
export function certificateIssued(course: Course, state: CourseState): boolean {
  return state.completedAt !== null && !professionMissing(course, state);
}

/** The CE record of an issued certificate, as the LMS receives it; empty before it is issued. */
export function ceRecord(course: Course, state: CourseState, learnerId: string): CeRecordEntry[] {
  if (!certificateIssued(course, state) || state.completedAt === null) return [];
  const facts = certificateFacts({
    activity: course.activity,
    courseId: course.id,
    learnerId,
    profession: state.profession,
    completedAt: state.completedAt,
    minutes: estimatedMinutes(course),
  });
  const values: Record<CeRecordId, string | null> = {
    // A course that does not ask for a profession has none to record.
    'ce-profession': state.profession ?? null,
    'ce-credit-type': facts.credit?.type ?? 'participation',
    'ce-credit-amount': String(facts.credit?.amount ?? 0),
    'ce-hours': String(facts.hours),
    'ce-completed': facts.completedOn,
    'ce-certificate': facts.number,
    'ce-version': course.activity.version,
  };
  return (Object.keys(CE_RECORD) as CeRecordId[]).flatMap((id) => {
    const value = values[id];
    return value === null ? [] : [{ id, value, description: CE_RECORD[id] }];
  });
}
