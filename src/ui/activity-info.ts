import { html, type TemplateResult } from 'lit';
import { anyRelationships, creditOffered, designatedCredits, isBeforeRelease, isExpired, professionName } from '../course/activity.ts';
import { participationHours } from '../course/ce-record.ts';
import { creditHours, WORDS_PER_MINUTE } from '../course/learning-time.ts';
import type { ActivityInfo, CommercialSupport, Course, CreditDesignation, DisclosedPerson } from '../course/types.ts';
import { datedText } from './dated-text.ts';
import { amountText, countText, hoursText, isoDateText } from './format.ts';

/**
 * The activity information an accredited provider gives learners before the course starts
 * (provider, credit, dates, disclosures, commercial support, unapproved uses), shared by the
 * start screen (compact) and the About this activity screen (in full). What the provider has
 * not filled in is said to be missing, never filled in.
 */
export const ACTIVITY_STRINGS = {
  about: 'About this activity',
  notYet: 'not yet provided',
  notDisclosed: 'not yet disclosed by the provider',
  provider: 'Provider',
  providedBy: (name: string) => `Provided by ${name}.`,
  contact: 'Contact',
  activityId: 'Activity ID',
  version: (version: string) => `Content version: ${version}.`,
  credit: 'Credit',
  creditAmount: (amount: number, type: string) => `${amountText(amount)} ${type}.`,
  creditFor: (amount: number, type: string, who: string) => `${amountText(amount)} ${type}, for ${who}.`,
  participation: (hours: number) =>
    `Other professions: a certificate of participation for ${amountText(hours)} ${hours === 1 ? 'hour' : 'hours'}.`,
  designation: 'Designation statement',
  notDesignated: 'This activity has not been designated for credit.',
  noLongerOffered: 'Credit is no longer offered.',
  expiredOn: (date: string) => `This activity expired on ${date}.`,
  notYetOffered: (date: string) =>
    `Credit is not offered yet: this activity is released for credit on ${date}. A completion before that day earns no credit.`,
  measured: (minutes: number, hours: number) =>
    `Set from the measured learning time: ${minutes} minutes (every lesson read at ${WORDS_PER_MINUTE} words per minute, ` +
    `and one attempt at each quiz), which supports at most ${amountText(hours)} ${hours === 1 ? 'hour' : 'hours'}, ` +
    'rounded down to the quarter hour.',
  accreditation: 'Accreditation statement',
  dates: 'Dates',
  released: 'Released',
  reviewed: 'Content last reviewed',
  expires: 'Expires',
  expired: 'Expired',
  expiresNote: '(the last day credit can be earned)',
  disclosures: 'Disclosures',
  nonePeople:
    'None of the planners, authors and clinical reviewers listed has a relevant financial relationship with an ineligible company ' +
    '(a company that makes or sells healthcare products used on patients) in the past 24 months.',
  somePeople:
    'Some of the people listed have relevant financial relationships with ineligible companies ' +
    '(companies that make or sell healthcare products used on patients) in the past 24 months, named with each person. ' +
    'All of these relationships have been mitigated.',
  pendingGroups: (groups: string) => `${groups}: not yet disclosed by the provider.`,
  peopleSummary: (n: number) => `Who planned, wrote and reviewed this course (${n} ${n === 1 ? 'person' : 'people'})`,
  groups: { planners: 'Planners', authors: 'Authors', reviewers: 'Clinical reviewers' },
  relationships: 'Financial relationships with ineligible companies',
  none: 'none',
  mitigation: 'How this was mitigated',
  commercialSupport: 'Commercial support',
  noSupport: 'none; this activity received no commercial support.',
  someSupport: 'this activity received support from the following ineligible companies.',
  supporter: (c: CommercialSupport) =>
    `${c.supporter}: ${[c.amount ? `${c.amount} (monetary support)` : '', c.inKind ? `in kind, ${c.inKind}` : ''].filter(Boolean).join('; ')}.`,
  unapproved: 'Unapproved and off-label uses',
  gap: 'Why this activity',
  help: 'Questions',
  time: (hours: string, lessons: number, checks: number) => {
    const after =
      checks === lessons
        ? ' with a knowledge check after each'
        : checks
          ? ` and ${countText(checks)} knowledge ${checks === 1 ? 'check' : 'checks'}`
          : '';
    return (
      `Estimated time: about ${hours}, in ${countText(lessons)} short ${lessons === 1 ? 'lesson' : 'lessons'}${after}, ` +
      'and a final exam. You can stop at any point and continue later.'
    );
  },
  complete: (passMark: number) => `To complete the course, read every lesson and pass the final exam with ${passMark}% or more.`,
  certificateAfterEvaluation:
    'Then answer a short evaluation of the course, and your certificate is ready to print or save from the course contents.',
  certificate: 'Your certificate is then ready to print or save from the course contents.',
  helpLine: 'Questions about the course or your certificate',
} as const;

/** ["Planners", "Clinical reviewers"] → "Planners and clinical reviewers". */
function listText(items: string[], lower = true): string {
  const words = items.map((w, i) => (i && lower ? w.toLowerCase() : w));
  return words.length <= 1 ? words.join('') : `${words.slice(0, -1).join(', ')} and ${words[words.length - 1]}`;
}

/** "not yet provided" → "Not yet provided." at the start of a sentence of its own. */
function sentence(text: string): string {
  const t = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?)]$/.test(t) ? t : `${t}.`;
}

const S = ACTIVITY_STRINGS;

export interface ActivityInfoOptions {
  /** The course's measured learning time. */
  minutes: number;
  /** Now, from the course's clock. */
  today: number;
  /**
   * On the start screen: a summary list of label and value under the screen's own heading,
   * the list of people folded away. Otherwise a section with an h2 heading per topic.
   */
  compact: boolean;
}

function person(p: DisclosedPerson) {
  return html`<li>
    <span class="who">${p.name}${p.credentials ? `, ${p.credentials}` : ''}</span> (${p.role}).
    ${
      p.relationships === 'none'
        ? html`${S.relationships}: ${S.none}.`
        : html`${S.relationships}: ${sentence(p.relationships.description)} <br />${S.mitigation}: ${sentence(p.relationships.mitigation)}`
    }
  </li>`;
}

function dateLine(label: string, iso: string | null, note = '') {
  return html`<li>${label}: ${iso ? isoDateText(iso) : S.notYet}${iso && note ? ` ${note}` : ''}</li>`;
}

/**
 * The credit: each credit type designated with the professions it is for, then what other
 * professions get, with the measured time beside it; or the honest line saying why there is
 * none. `at` is when credit would be earned (today).
 */
export function creditLines(
  activity: ActivityInfo,
  minutes: number,
  at: number,
  { measured = true, label = true, statements = false } = {},
): TemplateResult {
  const credits = designatedCredits(activity);
  if (!creditOffered(activity, at)) {
    if (credits.length && isBeforeRelease(activity, at))
      return html`<p class="credit">${S.notYetOffered(isoDateText(activity.releaseDate ?? ''))}</p>`;
    const expired = isExpired(activity, at) && activity.expiryDate;
    const line = expired && credits.length ? S.noLongerOffered : S.notDesignated;
    return html`<p class="credit">${line}${expired ? ` ${S.expiredOn(isoDateText(activity.expiryDate ?? ''))}` : ''}</p>`;
  }
  const names = (c: CreditDesignation) =>
    listText(
      c.professions.map((id) => professionName(activity, id) ?? id),
      false,
    );
  const covered = new Set(credits.flatMap((c) => c.professions));
  const others = activity.professions.some((p) => !covered.has(p.id));
  return html`${credits.map(
    (c) =>
      html`<p class="credit">${label ? `${S.credit}: ` : ''}${S.creditFor(c.amount, c.type, names(c))}</p>
        ${statements ? html`<p class="small"><span class="label">${S.designation}:</span> ${c.designation}</p>` : null}`,
  )}
  ${others ? html`<p class="credit">${S.participation(participationHours(activity, minutes))}</p>` : null}
  ${measured ? html`<p class="small">${S.measured(minutes, creditHours(minutes))}</p>` : null}`;
}

/** The activity information: a compact summary list (start screen) or sections (About this activity). */
export function activityInfo(course: Course, { minutes, today, compact }: ActivityInfoOptions): TemplateResult {
  const a = course.activity;
  const expired = isExpired(a, today);
  const groups = (['planners', 'authors', 'reviewers'] as const).map((key) => ({ label: S.groups[key], people: a[key] }));
  const pending = groups.filter((g) => g.people === null).map((g) => g.label);
  const disclosed = groups.filter((g) => g.people !== null);
  const names = new Set(disclosed.flatMap((g) => (g.people ?? []).map((p) => p.name)));
  const peopleLists = disclosed.map(
    (g) =>
      html`<h3 class="group">${g.label}</h3>
        <ul class="people">
          ${(g.people ?? []).map(person)}
        </ul>`,
  );

  const providerName = a.providerName ? S.providedBy(a.providerName) : `${S.provider}: ${S.notYet}.`;
  const activityId = `${S.activityId}: ${a.activityId ?? S.notYet}.`;
  const credit = html`${creditLines(a, minutes, today, { label: false, statements: !compact })}
  ${
    a.accreditationStatement && creditOffered(a, today)
      ? html`<p class="small"><span class="label">${S.accreditation}:</span> ${a.accreditationStatement}</p>`
      : null
  }`;
  const dates = html`<ul class="dates">
    ${dateLine(S.released, a.releaseDate)} ${dateLine(S.reviewed, a.reviewDate)}
    ${dateLine(expired ? S.expired : S.expires, a.expiryDate, expired ? '' : S.expiresNote)}
  </ul>`;
  const disclosures = html`${disclosed.length ? html`<p>${anyRelationships(a) ? S.somePeople : S.nonePeople}</p>` : null}
  ${pending.length ? html`<p>${S.pendingGroups(listText(pending))}</p>` : null}
  ${
    disclosed.length
      ? compact
        ? html`<details>
            <summary>${S.peopleSummary(names.size)}</summary>
            ${peopleLists}
          </details>`
        : peopleLists
      : null
  }`;
  const supporters = Array.isArray(a.commercialSupport) ? a.commercialSupport : [];
  const support = a.commercialSupport === null ? `${S.notDisclosed}.` : supporters.length ? S.someSupport : S.noSupport;
  const supportList = supporters.length
    ? html`<ul class="supporters">
        ${supporters.map((c) => html`<li>${S.supporter(c)}</li>`)}
      </ul>`
    : null;
  const help = a.supportContact ?? sentence(S.notYet);

  if (compact) {
    const row = (label: string, value: unknown) =>
      html`<div>
        <dt>${label}</dt>
        <dd>${value}</dd>
      </div>`;
    return html`<dl class="facts">
      ${row(S.provider, html`<p>${a.providerName ? providerName : sentence(S.notYet)} ${activityId}</p>`)} ${row(S.credit, credit)}
      ${row(S.dates, dates)} ${row(S.disclosures, disclosures)}
      ${row(
        S.commercialSupport,
        html`<p>${sentence(support)}</p>
          ${supportList}`,
      )}
      ${row(S.unapproved, html`<p>${datedText(a.unapprovedUse)}</p>`)} ${row(S.help, html`<p>${help}</p>`)}
    </dl>`;
  }
  return html`<h2>${S.credit}</h2>
    ${credit}
    <h2>${S.dates}</h2>
    ${dates}
    <h2>${S.disclosures}</h2>
    ${disclosures}
    <p>${S.commercialSupport}: ${support}</p>
    ${supportList}
    <h2>${S.unapproved}</h2>
    <p>${datedText(a.unapprovedUse)}</p>
    <h2>${S.gap}</h2>
    <p>${a.practiceGap ? datedText(a.practiceGap) : `The practice gap this activity addresses: ${S.notYet}.`}</p>
    <h2>${S.provider}</h2>
    <p>${providerName} ${activityId}</p>
    <p>${S.version(a.version)}</p>
    <p>${S.contact}: ${a.providerContact ?? `${S.notYet}.`}</p>
    <p>${S.helpLine}: ${a.supportContact ?? `${S.notYet}.`}</p>`;
}

/** How to complete the course and get the certificate; every number comes from the course. */
export function completionText(course: Course, minutes: number, passMark: number): { time: string; complete: string; certificate: string } {
  const lessons = course.lessons.length;
  const checks = course.lessons.filter((l) => l.quiz && l.quiz !== course.gradedQuiz).length;
  return {
    time: S.time(hoursText(minutes), lessons, checks),
    complete: S.complete(passMark),
    certificate: course.evaluation?.required ? S.certificateAfterEvaluation : S.certificate,
  };
}
