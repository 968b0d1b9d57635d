/**
 * Moodle 5.1's rules for a one-SCO SCORM activity, played by the preview LMS around
 * scorm-again (which answers the course's calls and validates values). scorm-again
 * knows nothing of attempts, review mode, Moodle's status rewrite or what its player
 * actually sends, so a course can pass every test there and still leave wrong records
 * in Moodle. This module holds those rules, without DOM, so they can be unit-tested.
 *
 * Read from moodle/moodle, public/mod/scorm/ (cited per function below):
 * lib.php, locallib.php, datamodel.php, request.js, datamodels/scorm_12.js,
 * scorm_13.js, scorm_12lib.php, scorm_13lib.php, scorm_12.php, scorm_13.php.
 */

export type ScormVersion = '12' | '2004';
export type Flat = Record<string, string>;
/** A value as Moodle's player holds it: values of ranged elements become numbers (`value * 1.0`). */
export type Value = string | number;

export interface StoredAttempt {
  attempt: number;
  /** What Moodle's database holds for the SCO in this attempt, by SCORM's dotted element names. */
  record: Flat;
}
/** learner id → activity id → attempts. */
export type MoodleStore = Record<string, Record<string, StoredAttempt[]>>;

/** What Moodle copies from the manifest into every launch (scormlib.php parses these). */
export interface ManifestValues {
  masteryScore?: string;
  scaledPassingScore?: string;
  launchData?: string;
  maxTimeAllowed?: string;
  timeLimitAction?: string;
  completionThreshold?: string;
  /** 2004: objectiveID of the item's sequencing objectives, primary first. */
  objectiveIds: string[];
}

export interface LaunchInfo {
  mode: 'normal' | 'review';
  credit: 'credit' | 'no-credit';
  entry: string;
  activity: string;
  attempt: number;
  learnerId: string;
}

export interface Launch {
  info: LaunchInfo;
  /** Top-level values Moodle hands to the player (its `$def`), plus manifest objectives. */
  def: Record<string, Value>;
  /** Stored interactions/objectives handed back (Moodle's `cmiobj`/`cmiint`). */
  arrays: Flat;
}

/** Chromium refuses a `sendBeacon` whose body is larger than this (measured: 65,536 accepted, 65,537 refused). */
export const BEACON_LIMIT = 65_536;

const STATUS = { '12': 'cmi.core.lesson_status', '2004': 'cmi.completion_status' } as const;
const SESSION = { '12': 'cmi.core.session_time', '2004': 'cmi.session_time' } as const;
/** Statuses that make lib.php scorm_check_mode() open the attempt in review (2004 has only `completed`). */
const FINISHED = { '12': ['completed', 'passed', 'failed'], '2004': ['completed'] } as const;
const ARRAY_ELEMENT = /^cmi\.(objectives|interactions|comments_from_learner)\.\d+\./;

/**
 * The elements the player sends (datamodel `mod` other than 'r'). `default` is the
 * generic `.n.` element's defaultvalue; `null` and absent both mean none (a value is then
 * always sent). Top-level defaults come from the launch's `def` instead.
 */
interface Rule {
  default?: string;
  ranged?: true;
}
const RULES: Record<ScormVersion, Record<string, Rule>> = {
  '12': {
    'cmi.core.lesson_location': {},
    'cmi.core.lesson_status': {},
    'cmi.core.score.raw': { ranged: true },
    'cmi.core.score.max': { ranged: true },
    'cmi.core.score.min': { ranged: true },
    'cmi.core.exit': {},
    // cmi.core.session_time is writable but CollectData skips it: only total_time is stored.
    'cmi.suspend_data': {},
    'cmi.comments': {},
    'cmi.student_preference.audio': { ranged: true },
    'cmi.student_preference.language': {},
    'cmi.student_preference.speed': { ranged: true },
    'cmi.student_preference.text': { ranged: true },
    'cmi.evaluation.comments.n.content': { default: '' },
    'cmi.evaluation.comments.n.location': { default: '' },
    'cmi.evaluation.comments.n.time': { default: '' },
    'cmi.objectives.n.id': {},
    'cmi.objectives.n.score.raw': { default: '', ranged: true },
    'cmi.objectives.n.score.min': { default: '', ranged: true },
    'cmi.objectives.n.score.max': { default: '', ranged: true },
    'cmi.objectives.n.status': {},
    'cmi.interactions.n.id': {},
    'cmi.interactions.n.objectives.n.id': {},
    'cmi.interactions.n.time': {},
    'cmi.interactions.n.type': {},
    'cmi.interactions.n.correct_responses.n.pattern': {},
    'cmi.interactions.n.weighting': { ranged: true },
    'cmi.interactions.n.student_response': {},
    'cmi.interactions.n.result': {},
    'cmi.interactions.n.latency': {},
  },
  '2004': {
    'cmi.completion_status': {},
    'cmi.exit': {},
    'cmi.learner_preference.audio_level': { ranged: true },
    'cmi.learner_preference.language': {},
    'cmi.learner_preference.delivery_speed': { ranged: true },
    'cmi.learner_preference.audio_captioning': { ranged: true },
    'cmi.location': {},
    'cmi.progress_measure': { ranged: true },
    'cmi.score.scaled': { ranged: true },
    'cmi.score.raw': {},
    'cmi.score.min': {},
    'cmi.score.max': {},
    'cmi.session_time': {},
    'cmi.success_status': {},
    'cmi.suspend_data': {},
    'cmi.comments_from_learner.n.comment': {},
    'cmi.comments_from_learner.n.location': {},
    'cmi.comments_from_learner.n.timestamp': {},
    'cmi.interactions.n.id': {},
    'cmi.interactions.n.type': {},
    'cmi.interactions.n.objectives.n.id': {},
    'cmi.interactions.n.timestamp': {},
    'cmi.interactions.n.correct_responses.n.pattern': {},
    'cmi.interactions.n.weighting': {},
    'cmi.interactions.n.learner_response': {},
    'cmi.interactions.n.result': {},
    'cmi.interactions.n.latency': {},
    'cmi.interactions.n.description': {},
    'cmi.objectives.n.id': {},
    'cmi.objectives.n.score.scaled': { ranged: true },
    'cmi.objectives.n.score.raw': {},
    'cmi.objectives.n.score.min': {},
    'cmi.objectives.n.score.max': {},
    'cmi.objectives.n.success_status': { default: 'unknown' },
    'cmi.objectives.n.completion_status': { default: 'unknown' },
    'cmi.objectives.n.progress_measure': { ranged: true },
    'cmi.objectives.n.description': {},
  },
};

/** `cmi.interactions.3.correct_responses.0.pattern` → `cmi.interactions.n.correct_responses.n.pattern`. */
export function elementModel(element: string): string {
  return element.replace(/\.\d+\./g, '.n.');
}

/**
 * The field name the player posts (module.js underscore()): 1.2 keeps indexes as `_3`
 * (its cmi object is `cmi.interactions_3`, and the database stores `cmi.interactions_3.id`);
 * 2004's `.N3.` becomes `.3.`. Then every dot becomes `__`.
 */
export function wireName(version: ScormVersion, element: string): string {
  const named = version === '12' ? element.replace(/\.(\d+)\./g, '_$1.') : element;
  return named.replace(/\./g, '__');
}

// ---------------------------------------------------------------- the store

/**
 * Attempts, launch decisions and what reaches the database, for one SCORM version.
 * The store object is shared with the caller, who persists it.
 */
export class MoodleRecords {
  constructor(
    readonly version: ScormVersion,
    readonly store: MoodleStore,
  ) {}

  attempts(learner: string, activity: string): StoredAttempt[] {
    return [...(this.store[learner]?.[activity] ?? [])].sort((a, b) => a.attempt - b.attempt);
  }

  /** locallib.php scorm_get_last_attempt(): the highest attempt number, or 1 when none exists. */
  lastAttempt(learner: string, activity: string): number {
    return Math.max(1, ...this.attempts(learner, activity).map((a) => a.attempt));
  }

  record(learner: string, activity: string, attempt: number): Flat {
    return this.attempts(learner, activity).find((a) => a.attempt === attempt)?.record ?? {};
  }

  /** locallib.php scorm_delete_attempt(): the attempt and all its values vanish. */
  deleteAttempt(learner: string, activity: string, attempt: number): void {
    const list = this.store[learner]?.[activity];
    if (!list) return;
    const i = list.findIndex((a) => a.attempt === attempt);
    if (i >= 0) list.splice(i, 1);
  }

  /** datamodel.php: scorm_get_attempt(..., create = true) then scorm_insert_track() per posted value. */
  save(learner: string, activity: string, attempt: number, values: ReadonlyArray<readonly [string, Value]>): void {
    const record = this.ensureAttempt(learner, activity, attempt);
    for (const [k, v] of values) record[k] = String(v);
  }

  private ensureAttempt(learner: string, activity: string, attempt: number): Flat {
    const byActivity = (this.store[learner] ??= {});
    const list = (byActivity[activity] ??= []);
    let found = list.find((a) => a.attempt === attempt);
    if (!found) {
      found = { attempt, record: {} };
      list.push(found);
    }
    return found.record;
  }

  /**
   * player.php + lib.php scorm_check_mode() + get_scorm_default() (scorm_12lib.php /
   * scorm_13lib.php) + scorm_reconstitute_array_element() (locallib.php).
   */
  launch(opts: { learnerId: string; learnerName: string; activity: string; newAttempt: boolean; manifest: ManifestValues }): Launch {
    const v = this.version;
    const { learnerId, activity } = opts;
    let attempt = this.lastAttempt(learnerId, activity);
    let record = this.record(learnerId, activity, attempt);
    const finished = (FINISHED[v] as readonly string[]).includes(record[STATUS[v]] ?? '');
    let mode: LaunchInfo['mode'];
    // A new attempt is granted only when the current one is finished; otherwise
    // scorm_check_mode() forces newattempt off ("should never have been presented").
    if (opts.newAttempt && finished) {
      attempt++;
      record = {};
      mode = 'normal';
    } else {
      mode = finished ? 'review' : 'normal';
    }
    // player.php inserts x.start.time at every launch, which creates the attempt row.
    this.ensureAttempt(learnerId, activity, attempt);
    const credit = mode === 'normal' ? 'credit' : 'no-credit';
    const m = opts.manifest;

    if (v === '12') {
      // scorm_12lib.php: every stored value, whatever the exit.
      const has = (k: string) => record[k] ?? '';
      const entry = record['cmi.core.lesson_status'] === undefined ? 'ab-initio' : record['cmi.core.exit'] === 'suspend' ? 'resume' : '';
      const def: Record<string, Value> = {
        'cmi.core.student_id': learnerId,
        'cmi.core.student_name': opts.learnerName,
        'cmi.core.credit': credit,
        'cmi.core.entry': entry,
        'cmi.core.lesson_mode': mode,
        'cmi.launch_data': m.launchData ?? '',
        'cmi.student_data.mastery_score': m.masteryScore ?? '',
        'cmi.student_data.max_time_allowed': m.maxTimeAllowed ?? '',
        'cmi.student_data.time_limit_action': m.timeLimitAction ?? '',
        'cmi.core.total_time': record['cmi.core.total_time'] ?? '00:00:00',
        'cmi.core.lesson_location': has('cmi.core.lesson_location'),
        'cmi.core.lesson_status': has('cmi.core.lesson_status'),
        'cmi.core.score.raw': has('cmi.core.score.raw'),
        'cmi.core.score.max': has('cmi.core.score.max'),
        'cmi.core.score.min': has('cmi.core.score.min'),
        'cmi.core.exit': has('cmi.core.exit'),
        'cmi.suspend_data': has('cmi.suspend_data'),
        'cmi.comments': has('cmi.comments'),
        'cmi.student_preference.language': has('cmi.student_preference.language'),
        'cmi.student_preference.audio': record['cmi.student_preference.audio'] ?? '0',
        'cmi.student_preference.speed': record['cmi.student_preference.speed'] ?? '0',
        'cmi.student_preference.text': record['cmi.student_preference.text'] ?? '0',
      };
      return {
        info: { mode, credit, entry, activity, attempt, learnerId },
        def,
        arrays: arraysOf(record, /^cmi\.(objectives|interactions)\.\d+\./),
      };
    }

    // scorm_13lib.php: "only cmi.exit==suspend should allow previous datamodel elements on re-launch".
    const handed = record['cmi.exit'] === 'suspend' ? record : {};
    const has = (k: string, dflt: Value = '') => handed[k] ?? dflt;
    const entry = handed['cmi.exit'] === 'suspend' ? 'resume' : 'ab-initio';
    const def: Record<string, Value> = {
      'cmi.learner_id': learnerId,
      'cmi.learner_name': opts.learnerName,
      'cmi.mode': mode,
      'cmi.entry': entry,
      'cmi.exit': has('cmi.exit'),
      'cmi.credit': credit,
      'cmi.completion_status': has('cmi.completion_status', 'unknown'),
      'cmi.completion_threshold': m.completionThreshold ?? '',
      // PHP integers in get_scorm_default(): they reach the player as numbers.
      'cmi.learner_preference.audio_level': has('cmi.learner_preference.audio_level', 1),
      'cmi.learner_preference.language': has('cmi.learner_preference.language'),
      'cmi.learner_preference.delivery_speed': has('cmi.learner_preference.delivery_speed'),
      'cmi.learner_preference.audio_captioning': has('cmi.learner_preference.audio_captioning', 0),
      'cmi.location': has('cmi.location'),
      'cmi.max_time_allowed': m.maxTimeAllowed ?? '',
      'cmi.progress_measure': has('cmi.progress_measure'),
      'cmi.scaled_passing_score': m.scaledPassingScore ?? '',
      'cmi.score.scaled': has('cmi.score.scaled'),
      'cmi.score.raw': has('cmi.score.raw'),
      'cmi.score.min': has('cmi.score.min'),
      'cmi.score.max': has('cmi.score.max'),
      'cmi.success_status': has('cmi.success_status', 'unknown'),
      'cmi.suspend_data': has('cmi.suspend_data'),
      'cmi.time_limit_action': m.timeLimitAction ?? '',
      'cmi.total_time': has('cmi.total_time', 'PT0H0M0S'),
      'cmi.launch_data': m.launchData ?? '',
    };
    const arrays = arraysOf(handed, ARRAY_ELEMENT);
    // get_scorm_default() adds the manifest's sequencing objectives as cmi.objectives.N<i>.id on
    // every launch, after the stored values, so they win at their index.
    m.objectiveIds.forEach((id, i) => (arrays[`cmi.objectives.${i}.id`] = id));
    return { info: { mode, credit, entry, activity, attempt, learnerId }, def, arrays };
  }
}

function arraysOf(record: Flat, pattern: RegExp): Flat {
  return Object.fromEntries(Object.entries(record).filter(([k]) => pattern.test(k)));
}

// ------------------------------------------------------------- one player page

export interface MoodleRequest {
  /** Values posted, in order, by dotted element name. */
  values: Array<[string, Value]>;
  /** The url-encoded body DoRequest() posts (request.js). */
  body: string;
  /** Size of the multipart body `sendBeacon(url, FormData)` would send for it (request.js useSendBeacon()). */
  beaconBytes: number;
}

/**
 * The state of Moodle's API object in one player page (datamodels/scorm_12.js SCORMapi1_2,
 * scorm_13.js SCORMapi1_3): the `cmi` object the course writes to and, per element, the
 * value the datamodel considers already sent (its `defaultvalue`).
 */
export class MoodlePage {
  /** Moodle's client-side cmi object, by dotted name, in insertion order (CollectData's order). */
  private readonly cmi = new Map<string, Value>();
  /** The datamodel's per-element defaultvalue: what the page considers sent (updated at each commit in 1.2 only). */
  private readonly sent = new Map<string, Value>();
  private readonly rules: Record<string, Rule>;
  private navRequest: string | undefined;

  constructor(
    readonly version: ScormVersion,
    private readonly def: Record<string, Value>,
    arrays: Flat,
    /** datamodelurlparams: id, a, sesskey, attempt, scoid. */
    private readonly urlParams: string,
  ) {
    this.rules = RULES[version];
    for (const el of Object.keys(this.rules)) {
      if (el.includes('.n.')) continue;
      const value = def[el] ?? (el === 'cmi.session_time' ? 'PT0H0M0S' : '');
      this.cmi.set(el, value);
      this.sent.set(el, value);
    }
    if (version === '12' && this.cmi.get('cmi.core.lesson_status') === '') this.cmi.set('cmi.core.lesson_status', 'not attempted');
    // Stored interactions and objectives are in the cmi object but have no defaultvalue yet:
    // the first commit of the page sends them all again.
    for (const [k, value] of Object.entries(arrays)) this.cmi.set(k, value);
  }

  /** Mirrors a SetValue the course made and the API accepted. */
  set(element: string, value: string): void {
    if (this.version === '2004' && element === 'adl.nav.request') {
      this.navRequest = value;
      return;
    }
    if (element === SESSION[this.version]) {
      this.cmi.set(element, value);
      return;
    }
    const rule = this.rules[elementModel(element)];
    if (!rule) return;
    if (this.version === '12' && element === 'cmi.comments') {
      // scorm_12.js LMSSetValue appends to cmi.comments.
      this.cmi.set(element, String(this.cmi.get(element) ?? '') + value);
      return;
    }
    this.cmi.set(element, rule.ranged ? Number(value) : value);
  }

  get(element: string): Value | undefined {
    // A list's count, as the player's API keeps it: one past the highest index the page holds.
    const list = /^cmi\.(interactions|objectives)\._count$/.exec(element)?.[1];
    if (list) {
      let count = 0;
      for (const k of this.cmi.keys()) {
        const n = new RegExp(`^cmi\\.${list}\\.(\\d+)\\.id$`).exec(k)?.[1];
        if (n !== undefined) count = Math.max(count, Number(n) + 1);
      }
      return String(count);
    }
    return this.cmi.get(element);
  }

  /**
   * StoreData(): what a Commit (finishing = false) or LMSFinish/Terminate (true) posts.
   * In 1.2 collecting marks the values as sent even if the request then fails, as
   * CollectData() does before DoRequest().
   */
  collect(finishing: boolean): MoodleRequest {
    const v = this.version;
    const values: Array<[string, Value]> = [];
    if (finishing) this.rewriteAtFinish();
    if (finishing && v === '2004')
      values.push([
        'cmi.total_time',
        addTime2004(String(this.def['cmi.total_time'] ?? 'PT0H0M0S'), String(this.cmi.get('cmi.session_time') ?? 'PT0H0M0S')),
      ]);
    for (const [el, value] of this.cmi) {
      if (v === '12' && el === 'cmi.core.session_time') continue;
      const model = elementModel(el);
      const rule = this.rules[model];
      if (!rule) continue;
      // 2004 compares with the launch's defaults only (its CollectData never updates them), so
      // everything changed in the session, and every interaction, goes out at every commit.
      const known = this.sent.has(el) ? this.sent.get(el) : rule.default;
      // Moodle sends when `default != value || typeof default != typeof value`: strict inequality.
      if (known === undefined || known !== value) values.push([el, value]);
      if (v === '12') this.sent.set(el, value);
    }
    if (finishing && v === '12')
      values.push([
        'cmi.core.total_time',
        addTime12(String(this.def['cmi.core.total_time'] ?? '00:00:00'), String(this.cmi.get('cmi.core.session_time') ?? '00:00:00')),
      ]);
    if (v === '2004' && this.navRequest !== undefined && this.navRequest !== '_none_') values.push(['adl.nav.request', this.navRequest]);
    const body = this.urlParams + values.map(([el, value]) => `&${wireName(v, el)}=${encodeURIComponent(String(value))}`).join('');
    return { values, body, beaconBytes: beaconBytes(body) };
  }

  private rewriteAtFinish(): void {
    const mode = this.def[this.version === '12' ? 'cmi.core.lesson_mode' : 'cmi.mode'];
    const credit = this.def[this.version === '12' ? 'cmi.core.credit' : 'cmi.credit'];
    if (this.version === '12') {
      // scorm_12.js StoreData(data, true), with "mastery score overrides status" on (the default).
      if (this.cmi.get('cmi.core.lesson_status') === 'not attempted') this.cmi.set('cmi.core.lesson_status', 'completed');
      const mastery = this.def['cmi.student_data.mastery_score'] ?? '';
      const raw = this.cmi.get('cmi.core.score.raw') ?? '';
      if (mode === 'normal' && credit === 'credit' && mastery !== '' && raw !== '') {
        this.cmi.set('cmi.core.lesson_status', parseFloat(String(raw)) >= parseFloat(String(mastery)) ? 'passed' : 'failed');
      }
      return;
    }
    // scorm_13.js StoreData(data, true). Its success_status rule reads `cmi.scaled_passed_score`,
    // which does not exist, so Moodle 2004 never derives success from the passing score.
    const threshold = this.def['cmi.completion_threshold'] ?? '';
    const progress = this.cmi.get('cmi.progress_measure') ?? '';
    if (mode === 'normal' && credit === 'credit' && truthy(threshold) && truthy(progress)) {
      this.cmi.set('cmi.completion_status', Number(progress) >= Number(threshold) ? 'completed' : 'incomplete');
    }
  }
}

function truthy(v: Value): boolean {
  return typeof v === 'number' ? v !== 0 && !Number.isNaN(v) : v !== '';
}

// ------------------------------------------------------------------- beacon

/**
 * request.js useSendBeacon() splits the url-encoded body into a FormData (adding
 * `unloading=1`), and Chromium sends that as multipart/form-data: every field costs
 * about 90 bytes of framing, so ~600 short values already exceed the 64 KB quota.
 */
export function beaconBytes(body: string): number {
  const fields: Array<[string, string]> = body.split('&').map((pair) => {
    const [k = '', value] = pair.split('=');
    return [decodeURIComponent(k), decodeURIComponent(String(value))];
  });
  fields.push(['unloading', '1']);
  return multipartBytes(fields);
}

/**
 * Byte size of Chromium's multipart/form-data encoding of string fields: a 38-character
 * boundary (`----WebKitFormBoundary` + 16), names with `"` CR LF percent-escaped, line
 * breaks normalized to CRLF, UTF-8. Checked against `new Response(formData)` in Chromium.
 */
export function multipartBytes(fields: ReadonlyArray<readonly [string, string]>): number {
  const utf8 = new TextEncoder();
  const crlf = (s: string) => s.replace(/\r\n|\r|\n/g, '\r\n');
  const delimiter = 2 + 38; // "--" + boundary
  let size = 0;
  for (const [name, value] of fields) {
    const escaped = crlf(name).replace(/"/g, '%22').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
    size +=
      delimiter +
      2 +
      'Content-Disposition: form-data; name="'.length +
      utf8.encode(escaped).length +
      1 +
      4 +
      utf8.encode(crlf(value)).length +
      2;
  }
  return size + delimiter + 4; // closing "--boundary--\r\n"
}

// -------------------------------------------------------------------- times

/** scorm_12.js AddTime(), quirks included (e.g. `.5` is read as 5 hundredths; cents are always written). */
export function addTime12(first: string, second: string): string {
  const a = first.split(':');
  const b = second.split(':');
  const ca = (a[2] ?? '0').split('.');
  const cb = (b[2] ?? '0').split('.');
  const pad = (n: number) => (n < 10 ? `0${n}` : String(n));
  let cents = (ca.length > 1 ? parseInt(ca[1] ?? '0', 10) : 0) + (cb.length > 1 ? parseInt(cb[1] ?? '0', 10) : 0);
  let change = Math.floor(cents / 100);
  cents -= change * 100;
  let secs = parseInt(ca[0] ?? '0', 10) + parseInt(cb[0] ?? '0', 10) + change;
  change = Math.floor(secs / 60);
  secs -= change * 60;
  let mins = parseInt(a[1] ?? '0', 10) + parseInt(b[1] ?? '0', 10) + change;
  change = Math.floor(mins / 60);
  mins -= change * 60;
  const hours = parseInt(a[0] ?? '0', 10) + parseInt(b[0] ?? '0', 10) + change;
  return `${pad(hours)}:${pad(mins)}:${pad(secs)}.${pad(cents)}`;
}

/** scorm_13.js AddTime(), quirks included (a zero total is written as `P`; the second value's days replace the first's). */
export function addTime2004(first: string, second: string): string {
  const re = /^P((\d+)Y)?((\d+)M)?((\d+)D)?(T((\d+)H)?((\d+)M)?((\d+(\.\d{1,2})?)S)?)?$/;
  const x = re.exec(first);
  const y = re.exec(second);
  if (!x || !y) return 'P';
  const int = (m: RegExpExecArray, i: number) => Math.max(0, parseInt(m[i] ?? '', 10) || 0);
  const float = (m: RegExpExecArray, i: number) => Math.max(0, parseFloat(m[i] ?? '') || 0);
  let secs = float(x, 13) + float(y, 13);
  let change = Math.floor(secs / 60);
  secs = Math.round((secs - change * 60) * 100) / 100;
  let mins = int(x, 11) + int(y, 11) + change;
  change = Math.floor(mins / 60);
  mins = Math.round(mins - change * 60);
  let hours = int(x, 9) + int(y, 9) + change;
  change = Math.floor(hours / 24);
  hours = Math.round(hours - change * 24);
  const days = Math.round((int(y, 6) || int(x, 6)) + change);
  const months = int(x, 4) + int(y, 4);
  const years = int(x, 2) + int(y, 2);
  let out = 'P';
  if (years > 0) out += `${years}Y`;
  if (months > 0) out += `${months}M`;
  if (days > 0) out += `${days}D`;
  if (hours > 0 || mins > 0 || secs > 0) {
    out += 'T';
    if (hours > 0) out += `${hours}H`;
    if (mins > 0) out += `${mins}M`;
    if (secs > 0) out += `${secs}S`;
  }
  return out;
}

// ----------------------------------------------------------------- manifest

/** The manifest values Moodle's parser (datamodels/scormlib.php) keeps for the SCO. */
export function readManifest(xml: string): ManifestValues {
  const text = (tag: string) => new RegExp(`<adlcp:${tag}>\\s*([^<]*?)\\s*<`, 'i').exec(xml)?.[1];
  return {
    masteryScore: text('masteryscore'),
    scaledPassingScore: /<imsss:minNormalizedMeasure>\s*([-\d.]+)\s*</.exec(xml)?.[1],
    launchData: text('datafromlms'),
    maxTimeAllowed: text('maxtimeallowed') ?? /attemptAbsoluteDurationLimit="([^"]*)"/.exec(xml)?.[1],
    timeLimitAction: text('timelimitaction'),
    completionThreshold: /<adlcp:completionThreshold[^>]*minProgressMeasure="([^"]*)"/.exec(xml)?.[1],
    objectiveIds: [...xml.matchAll(/<imsss:(?:primaryObjective|objective)\b[^>]*\bobjectiveID="([^"]*)"/g)].map((m) => m[1] ?? ''),
  };
}
