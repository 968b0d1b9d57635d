import type { Course } from '../course/types.ts';
import type { Logger } from '../scorm/connection.ts';
import { isoDuration } from '../scorm/formats.ts';
import type { Interaction, Launch, LaunchMode, LmsSession, ObjectiveResult, Outcome } from '../scorm/session.ts';
import { cmi5Ids, type Cmi5Ids } from './ids.ts';
import { optionLabels } from './labels.ts';
import type { Cmi5LaunchParams } from './launch-params.ts';
import { LrsClient } from './lrs.ts';
import { LANG, formatXapi } from './xapi-interaction.ts';

/** `LMS.LaunchData`, the state document the LMS writes before the launch (cmi5 10.0). */
export interface LaunchData {
  contextTemplate: { contextActivities?: Record<string, { id: string }[]>; extensions?: Record<string, unknown> };
  launchMode: 'Normal' | 'Browse' | 'Review';
  moveOn?: string;
  returnURL?: string;
  masteryScore?: number;
  launchParameters?: string;
}

/** What the course keeps in the LRS between sessions (one State API document per registration). */
interface Record5 {
  location: string;
  suspendData: string;
  /** cmi5 defined statements already sent in this registration: never twice (cmi5 9.3). */
  passed: boolean;
  completed: boolean;
  /** The score of the last failed statement, so a relaunch does not report the same failure again. */
  failedScore: number | null;
}

const STATE_ID = 'course-record';
const VERB = 'http://adlnet.gov/expapi/verbs/';
const CMI5 = 'https://w3id.org/xapi/cmi5/context/';
const CATEGORY_CMI5 = { id: `${CMI5}categories/cmi5` };
const CATEGORY_MOVEON = { id: `${CMI5}categories/moveon` };
const MASTERY = `${CMI5}extensions/masteryscore`;
/** A certificate earned: the CE record's statement (an allowed statement). */
const EARNED = 'http://id.tincanapi.com/verb/earned';

function uuid(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

function isLaunchData(v: unknown): v is LaunchData {
  if (typeof v !== 'object' || v === null) return false;
  const d = v as Partial<LaunchData>;
  return typeof d.contextTemplate === 'object' && d.contextTemplate !== null && ['Normal', 'Browse', 'Review'].includes(d.launchMode ?? '');
}

function asRecord(v: unknown): Record5 | null {
  if (typeof v !== 'object' || v === null) return null;
  const r = v as Partial<Record5>;
  if (typeof r.suspendData !== 'string') return null;
  return {
    location: typeof r.location === 'string' ? r.location : '',
    suspendData: r.suspendData,
    passed: r.passed === true,
    completed: r.completed === true,
    failedScore: typeof r.failedScore === 'number' ? r.failedScore : null,
  };
}

const score = (percent: number) => ({ scaled: Number((percent / 100).toFixed(4)), raw: Number(percent.toFixed(2)), min: 0, max: 100 });

/**
 * The course's cmi5 AU: the tracker's session vocabulary as xAPI statements and a State API
 * document (cmi5 9, 10, 11). Everything the LMS said is read before the course starts
 * (`prepare`); after that, statements and the saved state go out in order through `LrsClient`.
 * Browse and Review launches send `initialized` and `terminated` only, as cmi5 asks, and write nothing else.
 */
export class Cmi5Session implements LmsSession {
  readonly kind = 'cmi5' as const;
  /** Every attempt's answers: each is one small statement, so none is too large for a closing page. */
  readonly interactionsFor = 'every' as const;
  readonly postsOnlyChanges = false;
  readonly textLimit = 4000;
  /** The LMS's `LMS.LaunchData`, once read; null when the LMS could not be reached. */
  launchData: LaunchData | null = null;
  /**
   * After Exit: whether the session's last statements were stored (false when the LRS refused
   * them). True before: a copy that never ended a session (one standing by) owes the LRS nothing.
   */
  closed: Promise<boolean> = Promise.resolve(true);
  private record: Record5 = { location: '', suspendData: '', passed: false, completed: false, failedScore: null };
  private resumed = false;
  private isOpen = false;
  private started = 0;
  /** The state document as last queued, so an unchanged record is not sent again. */
  private sentRecord = '';
  private outcome: Outcome | null = null;
  private failedThisSession = false;
  private ce: Interaction[] = [];
  private readonly labels: ReturnType<typeof optionLabels>;

  constructor(
    private readonly params: Cmi5LaunchParams,
    private readonly client: LrsClient,
    private readonly ids: Cmi5Ids,
    course: Course,
    private readonly log: Logger,
    private readonly now: () => number = Date.now,
  ) {
    this.labels = optionLabels(course);
  }

  /** Fetches the token, `LMS.LaunchData`, the learner's preferences (cmi5 requires reading them first) and the saved record. */
  async prepare(): Promise<boolean> {
    if (!(await this.client.fetchToken())) return false;
    try {
      const data = await this.client.getState('LMS.LaunchData');
      if (!isLaunchData(data)) {
        this.log('cmi5: LMS.LaunchData is missing or malformed');
        return false;
      }
      this.launchData = data;
      await this.client.getLearnerPreferences();
      const saved = asRecord(await this.client.getState(STATE_ID));
      if (saved) {
        this.record = saved;
        this.resumed = true;
        this.sentRecord = JSON.stringify(saved);
      }
      return true;
    } catch (err) {
      this.log(`cmi5: the LRS could not be read at launch: ${String(err)}`);
      return false;
    }
  }

  get open(): boolean {
    return this.isOpen;
  }

  private get records(): boolean {
    return this.launchData?.launchMode === 'Normal';
  }

  start(): Launch | null {
    const data = this.launchData;
    if (!data || this.isOpen || this.started) return null;
    this.isOpen = true;
    this.started = this.now();
    this.client.sendStatements([this.defined('initialized')]);
    void this.client.flush();
    const mode: LaunchMode = data.launchMode === 'Browse' ? 'browse' : data.launchMode === 'Review' ? 'review' : 'normal';
    const mastery =
      typeof data.masteryScore === 'number' && data.masteryScore >= 0 && data.masteryScore <= 1 ? data.masteryScore * 100 : null;
    return {
      resumed: this.resumed,
      location: this.record.location,
      suspendData: this.record.suspendData,
      learnerName: this.params.actor.name ?? '',
      learnerId: this.params.actor.account.name,
      mode,
      recordsResults: this.records,
      masteryScore: mastery,
      maxTimeMs: null,
      timeLimitAction: '',
      launchData: data.launchParameters ?? '',
    };
  }

  private statement(verb: string, object: object, extra: { result?: object; category?: { id: string }[]; mastery?: boolean; at?: Date }) {
    const template = this.launchData?.contextTemplate ?? {};
    const activities = structuredClone(template.contextActivities ?? {});
    if (extra.category) activities['category'] = [...(activities['category'] ?? []), ...extra.category];
    const extensions: Record<string, unknown> = { ...template.extensions };
    const mastery = this.launchData?.masteryScore;
    if (extra.mastery && typeof mastery === 'number') extensions[MASTERY] = mastery;
    return {
      id: uuid(),
      actor: this.params.actor,
      verb: { id: verb.includes(':') ? verb : `${VERB}${verb}`, display: { [LANG]: verb.replace(/.*\//, '') } },
      object,
      ...(extra.result ? { result: extra.result } : {}),
      context: { registration: this.params.registration, contextActivities: activities, extensions },
      timestamp: (extra.at ?? new Date(this.now())).toISOString(),
    };
  }

  /** A cmi5 defined statement: the AU as object, the cmi5 category, moveOn for the verdicts, the session's duration so far. */
  private defined(verb: 'initialized' | 'passed' | 'failed' | 'completed' | 'terminated', result: object = {}) {
    const verdict = verb !== 'initialized' && verb !== 'terminated';
    return this.statement(
      verb,
      { id: this.params.activityId, objectType: 'Activity' },
      {
        result: verb === 'initialized' ? undefined : { ...result, duration: isoDuration(this.now() - this.started) },
        category: verdict ? [CATEGORY_CMI5, CATEGORY_MOVEON] : [CATEGORY_CMI5],
        mastery: verb === 'passed' || verb === 'failed',
      },
    );
  }

  setLocation(location: string): void {
    if (this.records) this.record.location = location;
  }

  setSuspendData(data: string): void {
    if (this.records) this.record.suspendData = data;
  }

  setOutcome(outcome: Outcome): void {
    if (this.records) this.outcome = outcome;
  }

  /**
   * Each answer as a cmi5 allowed statement (no cmi5 category): `answered`, the question as an
   * xAPI interaction activity with its options' texts; evaluation answers marked as survey
   * responses, without success. The CE record's facts go out together, in one statement.
   */
  recordInteraction(i: Interaction): void {
    if (!this.records) return;
    if (i.id.startsWith('ce-')) {
      this.ce.push(i);
      return;
    }
    const f = formatXapi(i.answer, this.labels(i.id));
    const { response, ...definition } = f;
    const survey = i.id.startsWith('evaluation-');
    const result: Record<string, unknown> = {};
    if (response !== null) result['response'] = response;
    if (i.result !== 'neutral') result['success'] = i.result === 'correct';
    if (i.latencyMs !== null) result['duration'] = isoDuration(i.latencyMs);
    const object = {
      id: this.ids.record(i.id),
      objectType: 'Activity',
      definition: {
        name: { [LANG]: i.description },
        description: { [LANG]: i.description },
        type: 'http://adlnet.gov/expapi/activities/cmi.interaction',
        ...definition,
      },
    };
    this.client.sendStatements([
      this.statement('answered', object, {
        result,
        category: survey ? [{ id: this.ids.survey }] : undefined,
        at: i.answeredAt ?? i.shownAt,
      }),
    ]);
  }

  recordObjective(_objective: ObjectiveResult): void {
    // cmi5 has no objectives in the AU's record; each answer's statement names the question.
  }

  private ceStatement(): object | null {
    if (!this.ce.length) return null;
    const extensions = Object.fromEntries(
      this.ce.map((i) => [this.ids.ceExtension(i.id), i.answer.type === 'text' ? i.answer.response : '']),
    );
    this.ce = [];
    const object = {
      id: this.ids.record('ce-record'),
      objectType: 'Activity',
      definition: { name: { [LANG]: 'CE record' }, description: { [LANG]: "What the certificate says, for the CE provider's records" } },
    };
    return this.statement(EARNED, object, { result: { extensions } });
  }

  /** The cmi5 verdicts the outcome allows now: each at most once per registration, passed only at or above mastery. */
  private verdicts(ending: boolean): object[] {
    const o = this.outcome;
    if (!o || o.score === null) return o?.completed && !this.record.completed ? this.completed() : [];
    const out: object[] = [];
    const mastery = this.launchData?.masteryScore;
    const scaled = score(o.score).scaled;
    const meetsMastery = typeof mastery !== 'number' || scaled >= mastery;
    // A session that sent failed cannot send passed (cmi5 9.3.0.0-3): the next session does.
    if (o.passed === true && meetsMastery && !this.record.passed && !this.failedThisSession) {
      out.push(this.defined('passed', { score: score(o.score), success: true }));
      this.record.passed = true;
    }
    // A failed attempt is reported when the session ends (the learner may still pass in it), or at once when final.
    const failing = o.passed === false && !this.record.passed && (typeof mastery !== 'number' || scaled < mastery);
    if (failing && !this.failedThisSession && (o.outOfAttempts || (ending && this.record.failedScore !== o.score))) {
      out.push(this.defined('failed', { score: score(o.score), success: false }));
      this.record.failedScore = o.score;
      this.failedThisSession = true;
    }
    if (o.completed && this.record.passed && !this.record.completed) out.push(...this.completed());
    return out;
  }

  private completed(): object[] {
    this.record.completed = true;
    return [this.defined('completed', { completion: true })];
  }

  private queueRecord(ending: boolean): void {
    const ce = this.ceStatement();
    if (ce) this.client.sendStatements([ce]);
    // Each verdict in a batch of its own: an answer the LRS refused cannot take one down with it, nor
    // can a verdict it already holds (a relaunch that restores a lost save sends `passed` again,
    // which the LRS refuses as a second one, 9.3.0.0-7) take down the `completed` that follows it.
    for (const verdict of this.verdicts(ending)) this.client.sendStatements([verdict], true);
    const doc = JSON.stringify(this.record);
    if (doc !== this.sentRecord) {
      this.client.putState(STATE_ID, doc);
      this.sentRecord = doc;
    }
  }

  commit(): boolean | Promise<boolean> {
    if (!this.isOpen) return false;
    if (!this.records) return true;
    this.queueRecord(false);
    return this.client.flush();
  }

  /** With `commitFirst` (the learner's Exit), whether the LRS stored everything, once it has answered. */
  finish(commitFirst: boolean): boolean | Promise<boolean> {
    if (!this.isOpen) return false;
    if (this.records) this.queueRecord(true);
    this.isOpen = false;
    const terminated = this.defined('terminated');
    if (!commitFirst) return this.client.sendOnClose(terminated);
    this.client.sendStatements([terminated]);
    this.closed = this.client.flush();
    return this.closed;
  }
}

/** Reads what the LMS said at launch and opens the AU's session (its `start` is null if the LMS could not be read). */
export async function openCmi5Session(params: Cmi5LaunchParams, course: Course, log: Logger): Promise<Cmi5Session> {
  const session = new Cmi5Session(params, new LrsClient(params, log), cmi5Ids(course.activity.activityId ?? course.id), course, log);
  await session.prepare();
  return session;
}
