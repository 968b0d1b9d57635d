/**
 * Scrolling and focus that stay inside the course's own document. In an LMS the course runs in
 * a frame: `scrollIntoView` and a plain `focus()` also scroll every scroller around it, up to the
 * LMS's page, so the course scrolls only its own scroller and focuses with `preventScroll`.
 */

type Block = 'start' | 'center' | 'nearest';

/** The course's own scroller: its document's (inside a frame, the frame's). */
function scroller(): Element {
  return document.scrollingElement ?? document.documentElement;
}

/** Scrolls the course's own document so that `el` is in view; never a scroller outside it. */
export function scrollWithinCourse(el: Element, block: Block = 'start'): void {
  const s = scroller();
  const box = el.getBoundingClientRect();
  const view = window.innerHeight;
  // A little room above, so the target is not glued to the frame's edge.
  const margin = 16;
  let by: number;
  if (block === 'center') by = box.top + box.height / 2 - view / 2;
  else if (block === 'start') by = box.top - margin;
  else if (box.top < 0) by = box.top - margin;
  else if (box.bottom > view) by = Math.min(box.bottom - view + margin, box.top - margin);
  else return;
  s.scrollTop += by;
}

/** Scrolls the course's own document back to its top. */
export function scrollCourseToTop(): void {
  scroller().scrollTop = 0;
}

/** Focuses `el` without scrolling anything outside the course, then brings it into view inside. */
export function focusWithinCourse(el: HTMLElement | null | undefined, block: Block = 'nearest'): void {
  if (!el) return;
  el.focus({ preventScroll: true });
  scrollWithinCourse(el, block);
}
