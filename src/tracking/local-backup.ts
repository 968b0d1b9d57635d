/**
 * A copy of the saved state in this browser, for one LMS record: one learner in one
 * activity (the course's own address, which differs per activity in an LMS). It only
 * ever repairs a save that this record lost (see `resume`); it is never a source of
 * progress on its own.
 */
export class LocalBackup {
  private readonly key: string;
  private last = '';

  constructor(
    courseId: string,
    activity: string,
    learnerId: string,
    private readonly storage: Storage | null,
  ) {
    this.key = `scorm-course:${courseId}:${activity}:learner:${learnerId}`;
  }

  read(): string {
    try {
      return this.storage?.getItem(this.key) ?? '';
    } catch {
      return '';
    }
  }

  write(suspendData: string): void {
    if (suspendData === this.last) return;
    this.last = suspendData;
    try {
      this.storage?.setItem(this.key, suspendData);
    } catch {
      // Storage blocked or full: the LMS copy is all there is.
    }
  }
}
