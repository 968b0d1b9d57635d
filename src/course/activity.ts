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

/** Every credit type designated for the activity; none when not designated (or not yet). */
export function designatedCredits(activity: ActivityInfo): CreditDesignation[] {
  return Array.isArray(activity.credit) ? activity.credit : [];
}

/** Credit is offered on the day of `ms`: designated, released and not expired. */
export function creditOffered(activity: ActivityInfo, ms: number): boolean {
  return designatedCredits(activity).length > 0 && !isExpired(activity, ms) && !isBeforeRelease(activity, ms);
}

/** The credit type designated for a profession, or null (a certificate of participation). */
export function creditFor(activity: ActivityInfo, profession: string | null | undefined): CreditDesignation | null {
  return (profession && designatedCredits(activity).find((c) => c.professions.includes(profession))) || null;
}

/**
 * The credit a completion on the day of `completedAt` earns for the learner's profession:
 * none before the release date, after expiry, or for a profession no credit is designated for.
 */
export function creditEarned(activity: ActivityInfo, completedAt: number, profession: string | null | undefined): CreditDesignation | null {
  return creditOffered(activity, completedAt) ? creditFor(activity, profession) : null;
}

/** The name of a profession of the course, or null. */
export function professionName(activity: ActivityInfo, id: string | null | undefined): string | null {
  return activity.professions.find((p) => p.id === id)?.name ?? null;
}

/** Someone in control of the content has a relevant financial relationship. */
export function anyRelationships(activity: ActivityInfo): boolean {
  return [...(activity.planners ?? []), ...(activity.authors ?? []), ...(activity.reviewers ?? [])].some((p) => p.relationships !== 'none');
}

/** Disclosures are complete when every group of people has been disclosed. */
export function disclosuresComplete(activity: ActivityInfo): boolean {
  return activity.planners !== null && activity.authors !== null && activity.reviewers !== null;
}
