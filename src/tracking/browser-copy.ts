import type { Interaction, RecordLists } from '../scorm/session.ts';

/**
 * A copy of the saved state in this browser, for one LMS record: one learner in one activity
 * (the course's own address, which differs per activity in an LMS). It only ever repairs a
 * save that this record lost (see `resume`); it is never a source of progress on its own.
 *
 * It is kept twice: in IndexedDB, which an LMS's login page leaves alone (Moodle's
 * `core/storage_validation` clears the whole of `localStorage` at every new login, and the
 * course is served from the LMS's own origin), and in `localStorage`, which some browsers
 * keep when IndexedDB is unavailable (private windows, blocked storage).
 */
export class BrowserCopy {
  readonly key: string;
  /** Where the record's lists are kept (see `writeLists`). */
  private readonly listsKey: string;
  private last = new Map<string, string>();
  private writing: Promise<void> = Promise.resolve();
  /** Values waiting for IndexedDB, by key: only the latest of each is written. */
  private queued = new Map<string, string>();
  private local: (() => Storage | null) | Storage | null;

  /** `storage` may be a function, called when the copy is first read or written (see `TrackerOptions.storage`). */
  constructor(
    courseId: string,
    activity: string,
    learnerId: string,
    storage: Storage | null | (() => Storage | null),
    private readonly idb: IDBFactory | null,
  ) {
    this.key = `scorm-course:${courseId}:${activity}:learner:${learnerId}`;
    this.listsKey = `${this.key}:lists`;
    this.local = storage;
  }

  private get storage(): Storage | null {
    if (typeof this.local === 'function') this.local = this.local();
    return this.local;
  }

  /** Every copy this browser holds for the record (IndexedDB's first), empty ones left out. */
  async read(): Promise<string[]> {
    const copies = [await this.readIdb(this.key), this.readStorage(this.key)];
    return copies.filter((c) => c !== '');
  }

  write(suspendData: string): void {
    this.put(this.key, suspendData);
  }

  /**
   * The record's lists as the copy writing it knows them (`LmsSession.lists`), JSON, tagged with
   * the record's token: a copy of the course that takes over after this one closed catches up
   * with them (see Tracker.takeOver).
   */
  writeLists(text: string): void {
    this.put(this.listsKey, text);
  }

  /** The lists last written, IndexedDB's first; '' when none. */
  async readLists(): Promise<string> {
    return (await this.readIdb(this.listsKey)) || this.readStorage(this.listsKey);
  }

  private put(key: string, value: string): void {
    if (this.last.get(key) === value) return;
    this.last.set(key, value);
    try {
      this.storage?.setItem(key, value);
    } catch {
      // Storage blocked or full: IndexedDB and the LMS's copy remain.
    }
    if (!this.idb) return;
    // One write at a time, and only the latest of those that queued up meanwhile.
    const idle = this.queued.size === 0;
    this.queued.set(key, value);
    if (idle) this.writing = this.writing.then(() => this.flushIdb());
  }

  /** Resolves once every write so far has reached IndexedDB (or failed). */
  settled(): Promise<void> {
    return this.writing;
  }

  private async flushIdb(): Promise<void> {
    const values = [...this.queued];
    this.queued.clear();
    if (values.length === 0) return;
    try {
      const db = await this.open();
      const store = db.transaction('copies', 'readwrite').objectStore('copies');
      await Promise.all(values.map(([key, value]) => request(store.put(value, key))));
      db.close();
    } catch {
      // IndexedDB unavailable: localStorage and the LMS's copy remain.
    }
  }

  private readStorage(key: string): string {
    try {
      return this.storage?.getItem(key) ?? '';
    } catch {
      return '';
    }
  }

  private async readIdb(key: string): Promise<string> {
    if (!this.idb) return '';
    try {
      const db = await this.open();
      const value: unknown = await request(db.transaction('copies', 'readonly').objectStore('copies').get(key));
      db.close();
      return typeof value === 'string' ? value : '';
    } catch {
      return '';
    }
  }

  private open(): Promise<IDBDatabase> {
    const factory = this.idb;
    if (!factory) return Promise.reject(new Error('no IndexedDB'));
    const open = factory.open('scorm-course', 1);
    open.onupgradeneeded = () => open.result.createObjectStore('copies');
    return request(open);
  }
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

/**
 * The record's lists as `BrowserCopy.writeLists` keeps them: JSON, tagged with the record's token.
 * `settled`: the LMS confirmed the save that carried them, and nothing it may have lost is owed.
 */
export function listsText(token: string, lists: RecordLists, settled: boolean): string {
  return JSON.stringify({ k: token, settled, lists });
}

/** The lists kept for the record `token`; null for another record's, or for anything unreadable. */
export function parseLists(text: string, token: string): { lists: RecordLists; settled: boolean } | null {
  try {
    const parsed = JSON.parse(text) as { k?: unknown; settled?: unknown; lists?: { interactions?: unknown; objectives?: unknown } };
    const { interactions, objectives } = parsed.lists ?? {};
    if (parsed.k !== token || !Array.isArray(interactions) || !Array.isArray(objectives)) return null;
    const lists: RecordLists = {
      interactions: interactions.map((i: unknown) => (isInteraction(i) ? revive(i) : null)),
      objectives: objectives.filter(
        (o: unknown): o is RecordLists['objectives'][number] =>
          typeof o === 'object' && o !== null && typeof (o as { id?: unknown }).id === 'string',
      ),
    };
    return { lists, settled: parsed.settled === true };
  } catch {
    return null;
  }
}

function isInteraction(value: unknown): value is Interaction {
  const i = value as Partial<Interaction> | null;
  return typeof i === 'object' && i !== null && typeof i.id === 'string' && typeof i.answer === 'object' && i.answer !== null;
}

/** JSON wrote the times as text. */
function revive(i: Interaction): Interaction {
  return { ...i, shownAt: new Date(i.shownAt), answeredAt: i.answeredAt === null ? null : new Date(i.answeredAt) };
}
