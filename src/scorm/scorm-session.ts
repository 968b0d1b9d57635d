import type { ScormConnection } from './connection.ts';
import { parseDuration } from './formats.ts';
import type { Interaction, Launch, LaunchMode, LmsSession, ObjectiveResult, Outcome, RecordLists, SessionKind } from './session.ts';

/** What differs between SCORM 1.2 and 2004: element names, vocabularies and formats. */
export interface ScormDialect {
  readonly kind: Exclude<SessionKind, 'standalone'>;
  readonly elements: {
    entry: string;
    location: string;
    name: string;
    learnerId: string;
    mode: string;
    credit: string;
    exit: string;
    sessionTime: string;
    maxTime: string;
    timeLimitAction: string;
  };
  /** The LMS's pass mark as a percentage, or null. */
  masteryScore(conn: ScormConnection): number | null;
  /**
   * Which exam attempts become interaction records: `every` attempt, or only the `final`
   * one (passed, or the last allowed). SCORM 2004 LMSs such as Moodle post the whole
   * record with every commit and with the final call, which a browser refuses beyond
   * 64 KB when the page is closing; one attempt's answers keep it well below that.
   */
  readonly interactionsFor: 'every' | 'final';
  /**
   * Whether LMSs of this version typically post only the elements that changed since the last
   * commit (Moodle's 1.2 player does), so that a record the LMS may have lost must be set again
   * to be sent again; 2004 players such as Moodle's post the whole record with every commit.
   */
  readonly postsOnlyChanges: boolean;
  /** Longest text one interaction response holds. */
  readonly textLimit: number;
  /**
   * Reads the LMS's status and, on a first launch (`fresh`: no saved progress), marks it started
   * so an LMS does not close it as completed. With saved progress nothing is set here: the first
   * write sets the status computed from the restored record, never a lower one first.
   */
  markStarted(conn: ScormConnection, fresh: boolean): void;
  sessionTime(ms: number): string;
  writeOutcome(conn: ScormConnection, outcome: Outcome): void;
  writeInteraction(conn: ScormConnection, index: number, interaction: Interaction): void;
  writeObjective(conn: ScormConnection, index: number, objective: ObjectiveResult, isNew: boolean): void;
  /**
   * Where the LMS posts only what changed (postsOnlyChanges), how a value it counted as sent but
   * may not hold is sent again; null when it is not (interactions are recorded again as new
   * records by the reporter; saved progress is stamped anew by the tracker).
   */
  repost?(element: string, value: string): Repost | null;
}

/** How one value the LMS may have lost is sent again by an LMS that posts only what changed. */
export interface Repost {
  /**
   * A value set and committed first, so that the value itself then differs from what the LMS
   * believes it sent, and goes out with the commit that follows.
   */
  interim: string;
}

const SUSPEND = 'cmi.suspend_data';

/** A list's `_count` as the LMS gives it; anything but a plausible whole number counts as empty. */
function listCount(value: string): number {
  return /^\d{1,4}$/.test(value.trim()) ? Number(value) : 0;
}

/** One LMS session, speaking the given SCORM version. */
export class ScormSession implements LmsSession {
  private startedAt = 0;
  private recordsResults = true;
  /** Each interaction in cmi.interactions as this session knows it; null for those it found at launch. */
  private interactions: Array<Interaction | null> = [];
  private suspendRead = false;
  /** Objective id → its index in cmi.objectives, as the LMS holds them. */
  private readonly objectiveIndex = new Map<string, number>();
  /** The last result this session wrote for each objective id. */
  private readonly objectiveResults = new Map<string, ObjectiveResult>();
  /** Values the LMS counted as sent but may not hold, with how each is sent again (resendUnstored). */
  private owed = new Map<string, { value: string; repost: Repost }>();

  constructor(
    private readonly conn: ScormConnection,
    private readonly dialect: ScormDialect,
    private readonly now: () => number = Date.now,
  ) {}

  get kind(): SessionKind {
    return this.dialect.kind;
  }

  get open(): boolean {
    return this.conn.isOpen;
  }

  get interactionsFor(): 'every' | 'final' {
    return this.dialect.interactionsFor;
  }

  get postsOnlyChanges(): boolean {
    return this.dialect.postsOnlyChanges;
  }

  get textLimit(): number {
    return this.dialect.textLimit;
  }

  start(): Launch | null {
    if (!this.conn.open()) return null;
    this.startedAt = this.now();
    const { elements: el } = this.dialect;
    const modeValue = this.conn.get(el.mode);
    const mode: LaunchMode = modeValue === 'browse' || modeValue === 'review' ? modeValue : 'normal';
    // A missing mode or credit counts as normal and credit: some LMSs never set them.
    this.recordsResults = mode === 'normal' && this.conn.get(el.credit) !== 'no-credit';
    const suspendData = this.conn.get(SUSPEND);
    this.suspendRead = true;
    if (this.recordsResults) {
      this.interactions = Array.from({ length: listCount(this.conn.get('cmi.interactions._count')) }, () => null);
      const objectives = listCount(this.conn.get('cmi.objectives._count'));
      for (let i = 0; i < objectives; i++) this.objectiveIndex.set(this.conn.get(`cmi.objectives.${i}.id`), i);
    }
    const launch: Launch = {
      resumed: this.conn.get(el.entry) === 'resume',
      location: this.conn.get(el.location),
      suspendData,
      learnerName: this.conn.get(el.name),
      learnerId: this.conn.get(el.learnerId),
      mode,
      recordsResults: this.recordsResults,
      masteryScore: this.dialect.masteryScore(this.conn),
      // A zero limit is none: Chamilo 1.11 hands 1.2's max_time_allowed as 00:00:00 when none is set.
      maxTimeMs: parseDuration(this.conn.get(el.maxTime)) || null,
      timeLimitAction: this.conn.get(el.timeLimitAction),
      launchData: this.conn.get('cmi.launch_data'),
    };
    if (this.recordsResults) {
      // Values the LMS already holds are not sent again.
      this.conn.remember(el.location, launch.location);
      this.conn.remember(SUSPEND, suspendData);
      this.dialect.markStarted(this.conn, suspendData === '');
      // Always suspend, set before the first commit: the LMS then hands the record back on
      // every later launch (SCORM 2004 returns nothing after 'normal'), so a finished
      // course can still show its result and certificate, and a lost last call loses nothing.
      this.conn.set(el.exit, 'suspend');
    }
    return launch;
  }

  setLocation(location: string): void {
    if (this.recordsResults) this.conn.set(this.dialect.elements.location, location);
  }

  setSuspendData(data: string): void {
    // Never write before the stored value was read in this launch: an empty state
    // must not overwrite the learner's saved progress.
    if (this.recordsResults && this.suspendRead) this.conn.set(SUSPEND, data);
  }

  setOutcome(outcome: Outcome): void {
    if (this.recordsResults) this.dialect.writeOutcome(this.conn, outcome);
  }

  recordInteraction(interaction: Interaction): void {
    if (!this.recordsResults) return;
    this.dialect.writeInteraction(this.conn, this.interactions.length, interaction);
    this.interactions.push(interaction);
  }

  recordObjective(objective: ObjectiveResult): void {
    if (!this.recordsResults) return;
    const known = this.objectiveIndex.get(objective.id);
    const index = known ?? this.objectiveIndex.size;
    if (known === undefined) this.objectiveIndex.set(objective.id, index);
    this.objectiveResults.set(objective.id, objective);
    this.dialect.writeObjective(this.conn, index, objective, known === undefined);
  }

  lists(): RecordLists {
    const objectives = [...this.objectiveIndex].sort(([, a], [, b]) => a - b);
    return {
      interactions: [...this.interactions],
      objectives: objectives.map(([id]) => ({ id, result: this.objectiveResults.get(id) ?? null })),
    };
  }

  catchUp(lists: RecordLists, missingOnly = false): void {
    if (!this.recordsResults) return;
    // An entry this session does not know the value of ends the catch-up: indices must follow on.
    for (let i = this.interactions.length; i < lists.interactions.length; i++) {
      const interaction = lists.interactions[i];
      if (!interaction) break;
      this.recordInteraction(interaction);
    }
    // A copy that wrote while this one stood by holds the later results.
    for (const { id, result } of lists.objectives) {
      if (result && !(missingOnly && this.objectiveIndex.has(id))) this.recordObjective(result);
    }
  }

  commit(): boolean {
    // Review, browse and no-credit launches store nothing, so there is nothing to commit.
    if (!this.recordsResults) return this.conn.isOpen;
    if (this.owed.size === 0) return this.conn.commit();
    // Each value owed goes out first as an interim value, committed, so that the value itself is a
    // change the LMS posts with the commit that follows. Whether the interim commit arrived
    // matters little: either way the values then differ from the last post.
    const owed = this.takeOwed();
    for (const [element, o] of owed) this.conn.set(element, o.repost.interim);
    this.conn.commit();
    for (const [element, o] of owed) this.conn.set(element, o.value);
    return this.conn.commit();
  }

  owes(): boolean {
    return this.owed.size > 0;
  }

  confirmStored(): void {
    this.conn.confirmStored();
  }

  resendUnstored(): void {
    const { repost } = this.dialect;
    if (!this.recordsResults || !this.dialect.postsOnlyChanges || !repost) return;
    for (const [element, value] of this.conn.unstored()) {
      const how = repost(element, value);
      if (how) this.owed.set(element, { value, repost: how });
    }
  }

  /**
   * The owed values still current (one set again since goes out as the change it is), the status
   * last as in writeOutcome (some LMSs lock the grade once a final status arrives); none owed after.
   */
  private takeOwed(): Array<[string, { value: string; repost: Repost }]> {
    const status = (element: string) => (/^cmi\.(core\.lesson|success|completion)_status$/.test(element) ? 1 : 0);
    const owed = [...this.owed].filter(([element, o]) => this.conn.current(element) === o.value).sort(([a], [b]) => status(a) - status(b));
    this.owed.clear();
    return owed;
  }

  finish(commitFirst: boolean): boolean {
    if (!this.conn.isOpen) return false;
    if (!this.recordsResults) return this.conn.close();
    this.conn.set(this.dialect.elements.sessionTime, this.dialect.sessionTime(this.now() - this.startedAt));
    const committed = commitFirst ? this.commit() : true;
    // While the page is being dismissed there is no commit, and so no interim value: a status or
    // score still owed then reaches the LMS with the next launch, which sets them again.
    return this.conn.close() && committed;
  }
}
