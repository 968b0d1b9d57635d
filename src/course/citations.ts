/**
 * Ids of a lesson's citation anchors, shared by the build (which writes the citations into
 * the lesson's HTML) and the lesson view (which renders the reference list they link to).
 */

/** The reference's entry in the lesson's reference list. */
export function referenceAnchor(lessonId: string, refId: string): string {
  return `ref-${lessonId}-${refId}`;
}

/** The `nth` place (from 1) where the lesson cites the reference. */
export function citationAnchor(lessonId: string, refId: string, nth: number): string {
  return `cite-${lessonId}-${refId}-${nth}`;
}
