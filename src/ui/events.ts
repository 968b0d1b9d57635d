import type { CourseIntent } from '../course/store.ts';

/** The shell's own intents: they change what is shown, not the course state. */
export type ShellIntent =
  /** A glossary term linked in a lesson was followed. */
  { type: 'open-term'; termId: string };

/**
 * What a view asks for: one of the store's intents (`course/store.ts`), which the shell hands
 * to the store as it is, or one of the shell's. Properties go down, intents come up.
 */
export type ViewIntent = CourseIntent | ShellIntent;

/** The one event every view sends its intents in; the shell (`course-app`) listens for it. */
export const INTENT_EVENT = 'course-intent';

export function intent(detail: ViewIntent): CustomEvent<ViewIntent> {
  return new CustomEvent(INTENT_EVENT, { detail, bubbles: true, composed: true });
}

declare global {
  interface HTMLElementEventMap {
    [INTENT_EVENT]: CustomEvent<ViewIntent>;
  }
}
