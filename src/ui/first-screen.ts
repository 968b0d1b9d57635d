import { spelledDate, splitDated } from '../course/dates.ts';
import type { Course } from '../course/types.ts';
import { hoursText } from './format.ts';

/**
 * The first screen as plain HTML, written into index.html at build time (vite.config.ts), so
 * that the learner sees the course's title, what it is for and how long it takes while the
 * course's script is still being compiled and the LMS session opened. The course replaces it
 * with the real start screen on its first render (main.ts). No DOM, no Lit: it runs in Node.
 *
 * It draws what the start screen draws first, where the start screen draws it: the header bar
 * (empty until the course fills it), on a wide course the contents column, and in the main
 * column the title, the introduction's first sentence and the time line, in the same type.
 * The sizes below mirror course-app.styles.ts, start-screen.ts and theme.ts; the first-screen
 * test compares the two screens' heading positions at a phone's, Moodle's frame's and a
 * laptop's width.
 */

export const FIRST_SCREEN_ID = 'course-first-screen';

/** The introduction's first sentence: what the course is for, in one line; the rest waits below the way in. */
export function firstSentence(text: string): [string, string] {
  const m = /^(.+?[.!?])\s+(?=[A-Z"“])/.exec(text);
  return m?.[1] ? [m[1], text.slice(m[0].length)] : [text, ''];
}

/** The start screen's time line. */
export function timeLine(minutes: number, lessons: number): string {
  return `Time: about ${hoursText(minutes)}, in ${lessons} short lessons and a final exam.`;
}

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** Dated statements (`{as of 2026-01}`) as the start screen shows them. */
const dated = (text: string) =>
  splitDated(text)
    .map((p) =>
      typeof p === 'string'
        ? escape(p)
        : `<time class="as-of" datetime="${escape(p.date)}">${p.capital ? 'A' : 'a'}s of ${escape(spelledDate(p.date))}</time>`,
    )
    .join('');

/**
 * The page's first screen: the content of its element (`<div id="course-first-screen">`, the
 * first thing in <body>) and its style (in <head>). Light or dark as `data-scheme` says, which
 * the script in <head> sets before the first paint (src/head.ts); where it could not, as the
 * device (index.html's own background).
 */
export function firstScreen(course: Course, minutes: number): { content: string; css: string } {
  const [lead] = firstSentence(course.activity.introduction);
  const content =
    `<div class="fs-header"></div><div class="fs-layout"><div class="fs-menu"></div>` +
    `<div class="fs-main"><h1>${escape(course.title)}</h1><p class="fs-lead">${dated(lead)}</p>` +
    `<p class="fs-key">${escape(timeLine(minutes, course.lessons.length))}</p></div></div>`;
  return { content, css: CSS };
}

/** Marks, for `npm run bench`, the first frame with the first screen's heading in it. */
export const FIRST_SCREEN_MARK = `requestAnimationFrame(function(){performance.mark('course:first-heading')})`;

// Colours: theme.ts's palette (--bg, --surface, --text, --line), light and dark.
const DARK = '--fs-surface:#1d2328;--fs-text:#e8ecef;--fs-line:#3b454e;color-scheme:dark';
const CSS = [
  `#${FIRST_SCREEN_ID}{--fs-surface:#fff;--fs-text:#1c2329;--fs-line:#d5dadf;container:fs/inline-size;min-height:100vh;` +
    `color:var(--fs-text);font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;` +
    `font-size:1rem;line-height:1.55}`,
  `@media (prefers-color-scheme:dark){html:not([data-scheme=light]) #${FIRST_SCREEN_ID}{${DARK}}}`,
  `@media screen{html[data-scheme=dark] #${FIRST_SCREEN_ID}{${DARK}}}`,
  `@media (min-width:641px){#${FIRST_SCREEN_ID}{font-size:1.1875rem}}`,
  // The header: a 44 px control row and its padding, as course-app's; 16 px type whatever the body's.
  `#${FIRST_SCREEN_ID} .fs-header{box-sizing:border-box;height:calc(44px + 1.25rem + 1px);background:var(--fs-surface);border-bottom:1px solid var(--fs-line)}`,
  `#${FIRST_SCREEN_ID} .fs-layout{display:grid;grid-template-columns:minmax(12rem,18rem) minmax(0,1fr);max-width:72rem;margin:0 auto}`,
  `#${FIRST_SCREEN_ID} .fs-menu{border-right:1px solid var(--fs-line)}`,
  `#${FIRST_SCREEN_ID} .fs-main{padding:1rem 1.5rem 3rem;max-width:48rem;min-width:0;overflow-wrap:break-word}`,
  `#${FIRST_SCREEN_ID} h1{font-size:clamp(1.5rem,1.2rem + 1.2vw,2rem);line-height:1.25;margin:.5rem 0 .75rem}`,
  `#${FIRST_SCREEN_ID} .fs-lead{margin:0 0 .75rem}`,
  `#${FIRST_SCREEN_ID} .fs-key{margin:0 0 .25rem;font-size:1rem}`,
  `@container fs (max-width:48rem){#${FIRST_SCREEN_ID} .fs-header{height:calc(44px + .75rem + 1px)}` +
    `#${FIRST_SCREEN_ID} .fs-layout{grid-template-columns:minmax(0,1fr)}#${FIRST_SCREEN_ID} .fs-menu{display:none}` +
    `#${FIRST_SCREEN_ID} .fs-main{padding:.5rem 1rem 3rem}}`,
  // A phone: the progress has a row of its own under the controls.
  `@container fs (max-width:30rem){#${FIRST_SCREEN_ID} .fs-header{height:5.42rem}}`,
  `@media print{#${FIRST_SCREEN_ID}{display:none}}`,
].join('');
