/**
 * What a part of a quiz (intro, bar, navigator, questions, summary, result) tells quiz-view, which
 * listens on the part itself: it bubbles, but never leaves the view's shadow root.
 */
export function partEvent<T>(name: string, detail?: T): Event {
  return detail === undefined ? new Event(name, { bubbles: true }) : new CustomEvent<T>(name, { detail, bubbles: true });
}
