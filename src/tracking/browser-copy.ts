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
  private last = '';
  private writing: Promise<void> = Promise.resolve();
  private queued: string | null = null;
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
    this.local = storage;
  }

  private get storage(): Storage | null {
    if (typeof this.local === 'function') this.local = this.local();
    return this.local;
  }

  /** Every copy this browser holds for the record (IndexedDB's first), empty ones left out. */
  async read(): Promise<string[]> {
    const copies = [await this.readIdb(), this.readStorage()];
    return copies.filter((c) => c !== '');
  }

  write(suspendData: string): void {
    if (suspendData === this.last) return;
    this.last = suspendData;
    try {
      this.storage?.setItem(this.key, suspendData);
    } catch {
      // Storage blocked or full: IndexedDB and the LMS's copy remain.
    }
    if (!this.idb) return;
    // One write at a time, and only the latest of those that queued up meanwhile.
    const idle = this.queued === null;
    this.queued = suspendData;
    if (idle) this.writing = this.writing.then(() => this.flushIdb());
  }

  /** Resolves once every write so far has reached IndexedDB (or failed). */
  settled(): Promise<void> {
    return this.writing;
  }

  private async flushIdb(): Promise<void> {
    const value = this.queued;
    this.queued = null;
    if (value === null) return;
    try {
      const db = await this.open();
      await request(db.transaction('copies', 'readwrite').objectStore('copies').put(value, this.key));
      db.close();
    } catch {
      // IndexedDB unavailable: localStorage and the LMS's copy remain.
    }
  }

  private readStorage(): string {
    try {
      return this.storage?.getItem(this.key) ?? '';
    } catch {
      return '';
    }
  }

  private async readIdb(): Promise<string> {
    if (!this.idb) return '';
    try {
      const db = await this.open();
      const value: unknown = await request(db.transaction('copies', 'readonly').objectStore('copies').get(this.key));
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
