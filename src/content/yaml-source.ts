import { LineCounter, isMap, isPair, isScalar, parseDocument, type Document, type Node } from 'yaml';
import type { z } from 'zod';
import { fieldPath, type ContentProblem } from './errors.ts';
import { indentationProblem } from './indentation.ts';

/**
 * A YAML text parsed with source positions, so that a problem found in the data
 * can be reported at the line where the author wrote it.
 */
export class YamlSource {
  readonly data: unknown;
  readonly problems: ContentProblem[] = [];
  private readonly doc: Document;
  private readonly lines = new LineCounter();
  private readonly text: string;

  /** `firstLine` is the file line of the text's first line (front matter starts at 2). */
  constructor(
    readonly file: string,
    text: string,
    private readonly firstLine = 1,
  ) {
    this.text = text;
    this.doc = parseDocument(text, { lineCounter: this.lines, uniqueKeys: true, prettyErrors: true });
    // An indentation mistake reads as grammar in the parser's words, often at the line above:
    // when one is found, it is the one problem reported, at its own line.
    const indentation = this.doc.errors.length ? indentationProblem(text) : null;
    if (indentation) this.problems.push({ file, line: indentation.line + firstLine - 1, field: '', message: indentation.message });
    else
      for (const err of this.doc.errors) {
        const line = (err.linePos?.[0]?.line ?? 1) + firstLine - 1;
        const first = err.message.split('\n')[0] ?? err.message;
        const hint = 'if the text on this line contains ": " or " #", or starts with a quote, bracket or brace, put it in quotes';
        this.problems.push({
          file,
          line,
          field: '',
          message: `YAML syntax error: ${first.replace(/ at line \d+, column \d+:?$/, '')} (${hint})`,
        });
      }
    this.data = this.problems.length ? undefined : this.doc.toJS();
  }

  /** Line of the value at `path`, or of the nearest enclosing value that exists. */
  lineOf(path: readonly PropertyKey[], key?: string): number {
    for (let depth = path.length; depth >= 0; depth--) {
      const node = this.doc.getIn(path.slice(0, depth) as unknown[], true) as Node | undefined;
      if (!node?.range) continue;
      if (key !== undefined && depth === path.length && isMap(node)) {
        const pair = node.items.find((p) => isPair(p) && isScalar(p.key) && p.key.value === key);
        const keyNode = pair?.key as Node | undefined;
        if (keyNode?.range) return this.toFileLine(keyNode.range[0]);
      }
      return this.toFileLine(node.range[0]);
    }
    return this.firstLine;
  }

  /**
   * The value at `path` as written in the file (a block scalar with its line breaks), and
   * the file line of a position in it: to report a mark inside a long text at its own line.
   */
  written(path: readonly PropertyKey[]): { text: string; lineAt: (index: number) => number } | null {
    const node = this.doc.getIn(path as unknown[], true) as Node | undefined;
    if (!node?.range) return null;
    const [start, end] = node.range;
    return { text: this.text.slice(start, end), lineAt: (index) => this.toFileLine(start + index) };
  }

  private toFileLine(offset: number): number {
    return this.lines.linePos(offset).line + this.firstLine - 1;
  }

  /** Add a problem located at `path` (or at `key` inside the map at `path`). */
  report(path: readonly PropertyKey[], message: string, key?: string): void {
    const field = fieldPath(key === undefined ? path : [...path, key]);
    this.problems.push({ file: this.file, line: this.lineOf(path, key), field, message });
  }

  /** Validate the data with a zod schema; every issue becomes a located problem. */
  validate<T>(schema: z.ZodType<T>): T | undefined {
    if (this.problems.length) return undefined;
    const result = schema.safeParse(this.data, { reportInput: true });
    if (result.success) return result.data;
    for (const issue of result.error.issues) this.reportIssue(issue, []);
    return undefined;
  }

  private reportIssue(issue: z.core.$ZodIssue, prefix: readonly PropertyKey[]): void {
    const path = [...prefix, ...issue.path];
    if (issue.code === 'unrecognized_keys') {
      for (const k of issue.keys) {
        const message = /\s/.test(k)
          ? `"${k}" was read as a field name: a comma inside { } ended the text before it; put the whole text in quotes`
          : `unknown field "${k}": check its spelling or remove it`;
        this.report(path, message, k);
      }
    } else if (issue.code === 'invalid_type' && issue.input === undefined) {
      const last = path[path.length - 1];
      this.report(
        path.slice(0, -1),
        `is missing: add it (${issue.expected === 'array' ? 'a list' : `a ${issue.expected}`})`,
        typeof last === 'string' ? last : undefined,
      );
    } else if (issue.code === 'invalid_union' && issue.input === undefined) {
      const last = path[path.length - 1];
      this.report(path.slice(0, -1), `is missing: add it (${issue.message})`, typeof last === 'string' ? last : undefined);
    } else if (issue.code === 'invalid_union' && issue.errors.filter((branch) => branch.every((i) => i.path.length > 0)).length === 1) {
      // One option of the union has the shape of the value (the others fail at the value
      // itself): its own problems say more than the union's summary.
      const branch = issue.errors.find((b) => b.every((i) => i.path.length > 0)) ?? [];
      for (const inner of branch) this.reportIssue(inner, path);
    } else {
      this.report(path, issue.message);
    }
  }
}
