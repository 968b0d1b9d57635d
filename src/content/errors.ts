/** A mistake in a content file, located precisely enough for an author to fix it. */
export interface ContentProblem {
  /** Path relative to the project root, e.g. `quizzes/anatomy.yaml`. */
  file: string;
  /** 1-based line, or 0 when the problem concerns the file as a whole. */
  line: number;
  /** Field path such as `questions[2].correct`, or '' for the file. */
  field: string;
  /** What is wrong and what to change. */
  message: string;
}

export function formatProblem(p: ContentProblem): string {
  const where = p.line > 0 ? `${p.file}:${p.line}` : p.file;
  return p.field ? `${where} ${p.field}: ${p.message}` : `${where}: ${p.message}`;
}

/** Thrown by the content loader; its message lists every problem found, one per line. */
export class ContentError extends Error {
  readonly problems: ContentProblem[];
  constructor(problems: ContentProblem[]) {
    const n = problems.length;
    super(
      `${n} content ${n === 1 ? 'error' : 'errors'}; fix ${n === 1 ? 'it' : 'them'} and build again:\n` +
        problems.map((p) => `  ${formatProblem(p)}`).join('\n'),
    );
    this.name = 'ContentError';
    this.problems = problems;
  }
}

/** `['questions', 2, 'correct']` → `questions[2].correct` */
export function fieldPath(path: readonly PropertyKey[]): string {
  let out = '';
  for (const part of path) {
    if (typeof part === 'number') out += `[${part}]`;
    else out += out ? `.${String(part)}` : String(part);
  }
  return out;
}
