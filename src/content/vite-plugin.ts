import type { HtmlTagDescriptor, Plugin } from 'vite';
import type { Course } from '../course/types.ts';
import { estimatedMinutes } from '../course/learning-time.ts';
import { ContentError, formatProblem } from './errors.ts';
import { loadCourse } from './load-course.ts';

const ID = 'virtual:course';
const RESOLVED = '\0' + ID;
/** The attribute of each `<script type="application/json">` that carries a part of the course. */
const DATA_PART = 'data-course-part';
/** Characters per part (see `coursePlugin`). */
const PART_SIZE = 16_384;

/**
 * Exposes the compiled course as `virtual:course`. Content is validated here, at
 * build time; a content error fails the build with every problem listed.
 *
 * The course travels as JSON in index.html and is read with one `JSON.parse` at launch: the
 * browser no longer compiles 300 KB of content as script before the first screen (measured: a
 * third less parsing and compiling). The JSON is cut into `<script type="application/json">`
 * elements of 16 KB, joined again before parsing: Chromium's parser and preload scanner take a
 * script element's text as one token and stop only between tokens, so one 300 KB element held
 * the head's early Initialize and the first paint behind it (measured at 4x CPU, medians of 8
 * alternating launches: Initialize 267 → 173 ms, first heading 371 → 219 ms).
 */
export function coursePlugin(
  root: string,
  /** More for the page, made from the course (vite.config.ts: the first screen, drawn before the script runs). */
  page: (course: Course, minutes: number) => HtmlTagDescriptor[] = () => [],
): Plugin {
  // Loaded once per build, by whichever of the module and the page asks first.
  let loaded: ReturnType<typeof loadCourse> | null = null;
  const load = () => (loaded ??= loadCourse(root));
  return {
    name: 'course-content',
    buildStart() {
      loaded = null;
    },
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      try {
        const { course, files, warnings } = await load();
        for (const f of files) this.addWatchFile(f);
        // Every build (npm run build, npm run package, the preview) passes here once, so the
        // content warnings (item quality, reading times) are printed here, and the build goes on.
        if (warnings.length) {
          this.warn(
            `${warnings.length} content ${warnings.length === 1 ? 'warning' : 'warnings'} (the build goes on; npm run check-items lists the item-quality ones by quiz):\n${warnings.map((w) => `  ${formatProblem(w)}`).join('\n')}`,
          );
        }
        // The learning time counts every word of every question: counted here, not at each launch.
        return [
          `export default JSON.parse(Array.from(document.querySelectorAll(${JSON.stringify(`script[${DATA_PART}]`)}), (s) => s.textContent).join(''));`,
          `export const minutes = ${estimatedMinutes(course)};`,
        ].join('\n');
      } catch (err) {
        if (err instanceof ContentError) {
          // Print the author-facing list without a stack trace, then fail the build.
          this.error({ message: err.message, stack: '' });
        }
        throw err;
      }
    },
    transformIndexHtml: {
      order: 'pre',
      async handler() {
        // A content error is reported by `load` above, with every problem listed.
        const course = await load().then(
          (r) => r.course,
          () => null,
        );
        if (!course) return [];
        // `</` and `<!--` escaped (the JSON is unchanged), so no text in the content can end the element early.
        const json = JSON.stringify(course).replace(/<\//g, '<\\/').replace(/<!--/g, '\\u003c!--');
        // Cut anywhere: each part is only text until they are joined (none can hold `</` or `<!--`).
        const parts: HtmlTagDescriptor[] = [];
        for (let at = 0; at < json.length; at += PART_SIZE)
          parts.push({
            tag: 'script',
            attrs: { type: 'application/json', [DATA_PART]: String(parts.length) },
            children: json.slice(at, at + PART_SIZE),
            injectTo: 'body',
          });
        return [...page(course, estimatedMinutes(course)), ...parts];
      },
    },
  };
}
