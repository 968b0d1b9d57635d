import { existsSync, readdirSync, statSync, watch, type FSWatcher } from 'node:fs';
import { join, relative } from 'node:path';

/** What the preview rebuilds on: the content folders and files at the project's root. */
export const CONTENT_PATHS = ['lessons', 'quizzes', 'imsmanifest.xml', 'course.yaml'] as const;

export interface ContentWatch {
  close(): void;
}

/** Every folder the content lives in: the root (for its two files) and each folder under lessons/ and quizzes/. */
function folders(root: string): string[] {
  const out = [root];
  const walk = (dir: string) => {
    out.push(dir);
    for (const entry of readdirSync(dir, { withFileTypes: true })) if (entry.isDirectory()) walk(join(dir, entry.name));
  };
  for (const path of CONTENT_PATHS) {
    const full = join(root, path);
    if (existsSync(full) && statSync(full).isDirectory()) walk(full);
  }
  return out;
}

/** Names, sizes and times of every content file: a change to any of them changes this text. */
function fingerprint(root: string): string {
  const lines: string[] = [];
  const add = (path: string) => {
    if (!existsSync(path)) return;
    const stat = statSync(path);
    if (stat.isDirectory()) for (const name of readdirSync(path).sort()) add(join(path, name));
    else lines.push(`${relative(root, path)} ${stat.size} ${stat.mtimeMs}`);
  };
  for (const path of CONTENT_PATHS) add(join(root, path));
  return lines.join('\n');
}

/**
 * Calls `changed` after any save of a content file. It watches folders, not files: a save that
 * writes a new file and renames it over the old one (`sed -i`, many editors) replaces the file a
 * file watch holds, and its later saves would go unnoticed. When the system refuses to watch
 * (inotify's limits, some network or container mounts), it says why through `trouble` and
 * compares the files every second instead.
 */
export function watchContent(root: string, changed: () => void, trouble: (why: string) => void): ContentWatch {
  let watchers: FSWatcher[] = [];
  let poll: ReturnType<typeof setInterval> | undefined;
  const names = new Set<string>(CONTENT_PATHS);

  const fallBack = (err: unknown) => {
    if (poll) return;
    for (const w of watchers) w.close();
    watchers = [];
    const why = err instanceof Error ? err.message : String(err);
    trouble(
      `The preview cannot watch the content files (${why}); it compares them every second instead, so a save may take a second longer to show.`,
    );
    let last = fingerprint(root);
    poll = setInterval(() => {
      const now = fingerprint(root);
      if (now === last) return;
      last = now;
      changed();
    }, 1000);
  };

  // A folder made or removed under lessons/ or quizzes/ is watched from then on.
  const rewatch = () => {
    if (poll) return;
    for (const w of watchers) w.close();
    watchers = [];
    try {
      for (const dir of folders(root)) {
        const w = watch(dir, (event, name) => {
          // At the root only the content's own names matter (not build/, dist/ or editor files).
          if (dir === root && name !== null && !names.has(String(name))) return;
          if (event === 'rename') rewatch();
          changed();
        });
        w.on('error', fallBack);
        watchers.push(w);
      }
    } catch (err) {
      fallBack(err);
    }
  };
  rewatch();
  return {
    close() {
      clearInterval(poll);
      for (const w of watchers) w.close();
    },
  };
}
