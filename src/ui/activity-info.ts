import { css, html, type TemplateResult } from 'lit';
import { html as staticHtml, unsafeStatic } from 'lit/static-html.js';
import { anyRelationships, creditEarned, designatedCredit, disclosuresComplete, isExpired } from '../course/activity.ts';
import { creditHours } from '../course/learning-time.ts';
import type { ActivityInfo, Course, DisclosedPerson } from '../course/types.ts';
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
  providerAndCredit: 'Provider and credit',
  provider: (name: string) => `Provided by ${name}.`,
  providerPending: 'Provider: not yet provided.',
  contact: (c: string) => `Contact: ${c}`,
  activityId: (id: string) => `Activity ID: ${id}`,
  credit: 'Credit',
  creditLine: (amount: number, type: string) => `Credit: ${amountText(amount)} ${type}.`,
  notDesignated: 'This activity has not been designated for credit.',
  noLongerOffered: 'Credit is no longer offered.',
  expiredOn: (date: string) => `This activity expired on ${date}.`,
  measured: (minutes: number, hours: number) =>
    `How the amount was set: the measured learning time is ${minutes} minutes (every lesson read at 200 words per minute, and one attempt at each quiz), which supports at most ${amountText(hours)} ${hours === 1 ? 'hour' : 'hours'}, rounded down to the quarter hour.`,
  accreditation: 'Accreditation statement',
  dates: 'Dates',
  released: 'Released',
  reviewed: 'Content last reviewed',
  expires: 'Expires',
  expired: 'Expired',
  expiresNote: '(the last day credit can be earned)',
  disclosures: 'Disclosures',
  nonePeople: 'None of the planners, authors and clinical reviewers listed here has a relevant financial relationship with an ineligible company (a company that makes or sells healthcare products used on patients) in the past 24 months.',
  somePeople:
    'Some of the people listed here have relevant financial relationships with ineligible companies (companies that make or sell healthcare products used on patients) in the past 24 months, named below with what they are. All of these relationships have been mitigated.',
  pendingGroups: (groups: string) => `${groups}: not yet disclosed by the provider.`,
  peopleSummary: (n: number) => `Who planned, wrote and reviewed this course (${n} ${n === 1 ? 'entry' : 'entries'})`,
  groups: { planners: 'Planners', authors: 'Authors', reviewers: 'Clinical reviewers' },
  relationships: 'Financial relationships with ineligible companies',
  none: 'none',
  mitigation: 'How this was mitigated',
  commercialSupport: 'Commercial support',
  noSupport: 'This activity received no commercial support.',
  support: (d: string) => `Commercial support: ${d}`,
  supportPending: 'Commercial support: not yet disclosed by the provider.',
  unapproved: 'Unapproved and off-label uses',
  gap: 'Why this activity',
  gapPending: 'The practice gap this activity addresses: not yet provided.',
  help: 'Questions',
  helpLine: (c: string) => `Questions about the course or your certificate: ${c}`,
  helpPending: 'Contact for questions about the course or your certificate: not yet provided.',
  providerHeading: 'Provider',
} as const;

/** "Planners, authors and clinical reviewers". */
function listText(items: string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} and ${items[items.length - 1]}`;
}

const S = ACTIVITY_STRINGS;

export interface ActivityInfoOptions {
  /** The course's measured learning time. */
  minutes: number;
  /** Now, from the course's clock. */
  today: number;
  /** On the start screen: sections under h3, the list of people folded away. */
  compact: boolean;
}

function person(p: DisclosedPerson) {
  return html`<li>
    <span class="who">${p.name}${p.credentials ? `, ${p.credentials}` : ''}</span> (${p.role}).
    ${p.relationships === 'none'
      ? html`${S.relationships}: ${S.none}.`
      : html`${S.relationships}: ${p.relationships.description}. <br />${S.mitigation}: ${p.relationships.mitigation}`}
  </li>`;
}

function dateLine(label: string, iso: string | null, note = '') {
  return html`<li>${label}: ${iso ? isoDateText(iso) : S.notYet}${iso && note ? ` ${note}` : ''}</li>`;
}

/** The credit line: the designation beside the measured time, or the honest line. */
export function creditLines(activity: ActivityInfo, minutes: number, at: number, { measured = true } = {}): TemplateResult {
  const credit = creditEarned(activity, at);
  const expired = isExpired(activity, at) && activity.expiryDate;
  if (!credit) {
    const line = expired && designatedCredit(activity) ? S.noLongerOffered : S.notDesignated;
    return html`<p class="credit">${line}${expired ? ` ${S.expiredOn(isoDateText(activity.expiryDate ?? ''))}` : ''}</p>`;
  }
  return html`<p class="credit">${S.creditLine(credit.amount, credit.type)}</p>
    ${measured ? html`<p>${S.measured(minutes, creditHours(minutes))}</p>` : null}`;
}

/** The whole activity information, under headings of the given level. */
export function activityInfo(course: Course, { minutes, today, compact }: ActivityInfoOptions): TemplateResult {
  const a = course.activity;
  const h = unsafeStatic(compact ? 'h3' : 'h2');
  const sub = unsafeStatic(compact ? 'h4' : 'h3');
  const expired = isExpired(a, today);
  const groups = (['planners', 'authors', 'reviewers'] as const).map((key) => ({ key, label: S.groups[key], people: a[key] }));
  const pending = groups.filter((g) => g.people === null).map((g) => g.label);
  const disclosed = groups.filter((g) => g.people !== null);
  const count = disclosed.reduce((n, g) => n + (g.people?.length ?? 0), 0);
  const peopleLists = disclosed.map((g) => staticHtml`<${sub}>${g.label}</${sub}><ul class="people">${(g.people ?? []).map(person)}</ul>`);

  const providerLines = html`<p>
    ${a.providerName ? S.provider(a.providerName) : S.providerPending} ${a.activityId ? S.activityId(a.activityId) : `${S.activityId(S.notYet)}.`}
  </p>`;
  const accreditation = a.accreditationStatement && designatedCredit(a) && !expired ? html`<p class="statement"><span class="label">${S.accreditation}:</span> ${a.accreditationStatement}</p>` : null;
  const dates = html`<ul class="dates">
    ${dateLine(S.released, a.releaseDate)} ${dateLine(S.reviewed, a.reviewDate)} ${dateLine(expired ? S.expired : S.expires, a.expiryDate, expired ? '' : S.expiresNote)}
  </ul>`;
  const disclosures = html`${disclosed.length ? html`<p>${anyRelationships(a) ? S.somePeople : S.nonePeople}</p>` : null}
    ${pending.length ? html`<p>${S.pendingGroups(listText(pending))}</p>` : null}
    ${disclosed.length
      ? compact
        ? html`<details>
            <summary>${S.peopleSummary(count)}</summary>
            ${peopleLists}
          </details>`
        : peopleLists
      : null}
    <p>${a.commercialSupport === null ? S.supportPending : a.commercialSupport === 'none' ? `${S.commercialSupport}: ${S.none}. ${S.noSupport}` : S.support(a.commercialSupport.description)}</p>`;
  const help = html`<p>${a.supportContact ? S.helpLine(a.supportContact) : S.helpPending}</p>`;

  if (compact) {
    return staticHtml`<${h}>${S.providerAndCredit}</${h}>
      ${providerLines} ${creditLines(a, minutes, today)} ${accreditation}
      <${h}>${S.dates}</${h}>
      ${dates}
      <${h}>${S.disclosures}</${h}>
      ${disclosures}
      <${h}>${S.unapproved}</${h}>
      <p>${a.unapprovedUse}</p>
      ${help}`;
  }
  return staticHtml`<${h}>${S.credit}</${h}>
    ${creditLines(a, minutes, today)} ${accreditation}
    <${h}>${S.dates}</${h}>
    ${dates}
    <${h}>${S.disclosures}</${h}>
    ${disclosures}
    <${h}>${S.unapproved}</${h}>
    <p>${a.unapprovedUse}</p>
    <${h}>${S.gap}</${h}>
    <p>${a.practiceGap ?? S.gapPending}</p>
    <${h}>${S.providerHeading}</${h}>
    ${providerLines}
    <p>${a.providerContact ? S.contact(a.providerContact) : `${S.contact(S.notYet)}.`}</p>
    ${help}`;
}

/** How to complete the course and get the certificate; every number comes from the course. */
export function completionText(course: Course, minutes: number, passMark: number): { time: string; complete: string; certificate: string } {
  const lessons = course.lessons.length;
  const checks = course.lessons.filter((l) => l.quiz && l.quiz !== course.gradedQuiz).length;
  const after = checks === lessons ? ' with a knowledge check after each' : checks ? ` and ${countText(checks)} knowledge ${checks === 1 ? 'check' : 'checks'}` : '';
  return {
    time: `Estimated time: about ${hoursText(minutes)}, in ${countText(lessons)} short ${lessons === 1 ? 'lesson' : 'lessons'}${after}, and a final exam. You can stop at any point and continue later.`,
    complete: `To complete the course, read every lesson and pass the final exam with ${passMark}% or more.`,
    certificate: course.evaluation?.required
      ? 'Then answer a short evaluation of the course, and your certificate is ready to print or save from the course contents.'
      : 'Your certificate is then ready to print or save from the course contents.',
  };
}

export const activityInfoStyles = css`
  .people {
    padding-left: 1.25rem;
  }
  .people li,
  .dates li {
    margin-bottom: 0.4rem;
  }
  .who {
    font-weight: 600;
  }
  .credit {
    font-weight: 600;
  }
  .statement .label {
    font-weight: 600;
  }
  details {
    margin: 0.5rem 0 1rem;
  }
  summary {
    cursor: pointer;
    min-height: 44px;
    box-sizing: border-box;
    padding: 0.6rem 0;
    color: var(--accent);
    font-weight: 600;
  }
  summary:focus-visible {
    outline: 3px solid var(--focus);
    outline-offset: 2px;
  }
`;
