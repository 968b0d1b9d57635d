import type { ActivityInfo, CreditDesignation } from './types.ts';

/** The calendar day of `ms` where the learner is (local time), as YYYY-MM-DD. */
export function localIsoDate(ms: number): string {
  const d = new Date(ms);
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/** Past its expiry date on the day of `ms` (credit can still be earned on the expiry date itself). */
export function isExpired(activity: ActivityInfo, ms: number): boolean {
  return activity.expiryDate !== null && localIsoDate(ms) > activity.expiryDate;
}

/** Before its release date on the day of `ms`: credit is not offered yet. */
export function isBeforeRelease(activity: ActivityInfo, ms: number): boolean {
  return activity.releaseDate !== null && localIsoDate(ms) < activity.releaseDate;
}

/** The credit designated for the activity, or null when there is none (not designated, or not yet). */
export function designatedCredit(activity: ActivityInfo): CreditDesignation | null {
  return activity.credit && activity.credit !== 'none' ? activity.credit : null;
}

/** The credit a completion on the day of `completedAt` earns: none before the release date or after expiry. */
export function creditEarned(activity: ActivityInfo, completedAt: number): CreditDesignation | null {
  return isExpired(activity, completedAt) || isBeforeRelease(activity, completedAt) ? null : designatedCredit(activity);
}

/** Someone in control of the content has a relevant financial relationship. */
export function anyRelationships(activity: ActivityInfo): boolean {
  return [...(activity.planners ?? []), ...(activity.authors ?? []), ...(activity.reviewers ?? [])].some((p) => p.relationships !== 'none');
}

/** Disclosures are complete when every group of people has been disclosed. */
export function disclosuresComplete(activity: ActivityInfo): boolean {
  return activity.planners !== null && activity.authors !== null && activity.reviewers !== null;
}
