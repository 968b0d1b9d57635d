import type { Plugin } from 'vite';
import { ContentError, formatProblem } from './errors.ts';
import { loadCourse } from './load-course.ts';

const ID = 'virtual:course';
const RESOLVED = '\0' + ID;

/**
 * Exposes the compiled course as `virtual:course`. Content is validated here, at
 * build time; a content error fails the build with every problem listed.
 */
export function coursePlugin(root: string): Plugin {
  return {
    name: 'course-content',
    resolveId(id) {
      return id === ID ? RESOLVED : undefined;
    },
    async load(id) {
      if (id !== RESOLVED) return undefined;
      try {
        const { course, files, warnings } = await loadCourse(root);
        for (const f of files) this.addWatchFile(f);
        // Every build (npm run build, npm run package, the preview) passes here once, so the
        // content warnings (item quality, reading times) are printed here, and the build goes on.
        if (warnings.length) {
          this.warn(
            `${warnings.length} content ${warnings.length === 1 ? 'warning' : 'warnings'} (the build goes on; npm run check-items lists the item-quality ones by quiz):\n${warnings.map((w) => `  ${formatProblem(w)}`).join('\n')}`,
          );
        }
        return `export default ${JSON.stringify(course)};`;
      } catch (err) {
        if (err instanceof ContentError) {
          // Print the author-facing list without a stack trace, then fail the build.
          this.error({ message: err.message, stack: '' });
        }
        throw err;
      }
    },
  };
}
