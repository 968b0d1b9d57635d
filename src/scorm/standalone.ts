import type { Interaction, Launch, LmsSession, ObjectiveResult, Outcome } from './session.ts';

interface Saved {
  location: string;
  suspendData: string;
  outcome?: Outcome;
}

/**
 * No LMS: progress is kept in this browser's localStorage (or only in memory when
 * storage is blocked), so the course still works when opened on its own. Where an LMS
 * launched the course but refused the session, the tracker passes sessionStorage instead:
 * nobody is known then, and on a computer staff share, the next person to open the course
 * must not find this one's progress.
 */
export class StandaloneSession implements LmsSession {
  readonly kind = 'standalone' as const;
  readonly interactionsFor = 'final' as const;
  readonly postsOnlyChanges = false;
  readonly textLimit = 4000;
  private data: Saved = { location: '', suspendData: '' };
  private isOpen = false;

  constructor(
    private readonly key: string,
    /** Where progress is kept; called when first needed (it throws where storage is blocked). */
    private readonly storage: () => Storage = () => localStorage,
  ) {}

  get open(): boolean {
    return this.isOpen;
  }

  start(): Launch {
    this.isOpen = true;
    let saved: Saved | null = null;
    try {
      const raw = this.storage().getItem(this.key);
      saved = raw ? (JSON.parse(raw) as Saved) : null;
    } catch {
      // Storage blocked: progress lives in memory for this session only.
    }
    if (saved && typeof saved.suspendData === 'string') this.data = saved;
    return {
      resumed: saved !== null,
      location: this.data.location,
      suspendData: this.data.suspendData,
      learnerName: '',
      learnerId: '',
      mode: 'normal',
      recordsResults: true,
      masteryScore: null,
      maxTimeMs: null,
      timeLimitAction: '',
      launchData: '',
    };
  }

  setLocation(location: string): void {
    this.data.location = location;
  }

  setSuspendData(data: string): void {
    this.data.suspendData = data;
  }

  setOutcome(outcome: Outcome): void {
    this.data.outcome = outcome;
  }

  recordInteraction(_interaction: Interaction): void {
    // Nobody reads answer records outside an LMS.
  }

  recordObjective(_objective: ObjectiveResult): void {
    // Likewise.
  }

  commit(): boolean {
    try {
      this.storage().setItem(this.key, JSON.stringify(this.data));
      return true;
    } catch {
      return false;
    }
  }

  finish(): boolean {
    if (!this.isOpen) return false;
    this.isOpen = false;
    return this.commit();
  }
}
