/**
 * A copy of the suspend data in this browser, keyed by course and learner (clinic
 * computers are shared), so that progress an LMS failed to store is not lost: the
 * next launch compares it with the LMS's copy and the newer one wins.
 */
export class LocalBackup {
  private readonly key: string;
  private last = '';

  constructor(courseId: string, learnerId: string) {
    this.key = `scorm-course:${courseId}:learner:${learnerId}`;
  }

  read(): string {
    try {
      return localStorage.getItem(this.key) ?? '';
    } catch {
      return '';
    }
  }

  write(suspendData: string): void {
    if (suspendData === this.last) return;
    this.last = suspendData;
    try {
      localStorage.setItem(this.key, suspendData);
    } catch {
      // Storage blocked or full: the LMS copy is all there is.
    }
  }
}
