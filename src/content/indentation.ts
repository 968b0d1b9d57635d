/**
 * Finds the first indentation mistake in a YAML text, in words an author understands. The
 * YAML parser reports such mistakes as grammar ("Nested mappings are not allowed in compact
 * mappings"), often at the line above; this names the line that is out of line and the
 * columns that would fit. Used only when the parser has already failed.
 */
export interface IndentationProblem {
  /** 1-based line within the text. */
  line: number;
  message: string;
}

const KEY = /^([A-Za-z_][\w-]*):(\s|$)/;
const BLOCK_SCALAR = /:\s*[|>][+-]?\s*$/;

interface Line {
  n: number;
  indent: number;
  /** Column of the first key or dash. */
  column: number;
  dash: boolean;
  /** Starts a key (after an optional dash). */
  key: boolean;
  /** Ends with ":" (or "- key:"), so indented lines may follow. */
  opens: boolean;
}

function scan(text: string): Line[] | IndentationProblem {
  const lines: Line[] = [];
  let scalarAbove: number | null = null;
  const raw = text.split('\n');
  for (let i = 0; i < raw.length; i++) {
    const full = raw[i] ?? '';
    if (/^ *\t/.test(full)) return { line: i + 1, message: 'is indented with a tab: YAML needs spaces; indent with spaces only' };
    const body = full.replace(/\s+#.*$/, '').replace(/^#.*$/, '');
    if (!body.trim()) continue;
    const indent = full.length - full.trimStart().length;
    if (scalarAbove !== null && indent > scalarAbove) continue;
    scalarAbove = null;
    let rest = body.trim();
    let column = indent;
    const dash = rest.startsWith('- ') || rest === '-';
    if (dash) {
      const after = rest.slice(1);
      column = indent + 1 + (after.length - after.trimStart().length);
      rest = after.trim();
    }
    const key = KEY.test(rest);
    const opens = rest.endsWith(':') || rest === '';
    if (key && BLOCK_SCALAR.test(body)) scalarAbove = dash ? column : indent;
    lines.push({ n: i + 1, indent, column, dash, key, opens });
  }
  return lines;
}

const spaces = (n: number) => `${n} ${n === 1 ? 'space' : 'spaces'}`;

export function indentationProblem(text: string): IndentationProblem | null {
  const scanned = scan(text);
  if (!Array.isArray(scanned)) return scanned;
  /** The open levels: where keys, list dashes and the fields after a dash start. */
  const levels: { column: number; kind: 'key' | 'dash' | 'item' }[] = [];
  let prev: Line | undefined;
  for (const l of scanned) {
    const at = l.indent;
    if (prev) {
      const open = [...levels];
      while (levels.length && (levels[levels.length - 1]?.column ?? 0) > at) levels.pop();
      const top = levels[levels.length - 1];
      if (top?.column === at && !(l.dash && top.kind === 'item' && !prev.opens)) {
        // A sibling: a key under the same parent, or the next item of a list (a list may
        // also start at the column of the key that opens it).
        if (l.dash && top?.kind !== 'dash') levels.push({ column: at, kind: 'dash' });
      } else if (prev.opens && (top?.column ?? -1) <= at) {
        levels.push({ column: at, kind: l.dash ? 'dash' : 'key' });
      } else if (l.key || l.dash) {
        const above = prev.dash ? prev.column : prev.indent;
        if (l.dash && top?.kind === 'item') {
          const dash = [...open].reverse().find((v) => v.kind === 'dash' && v.column < at);
          return {
            line: l.n,
            message: `starts a list item ${spaces(at)} in, but the items above start ${spaces(dash?.column ?? above)} in: items of one list line up`,
          };
        }
        if (at > above) {
          return {
            line: l.n,
            message: `is indented more than the line above (${spaces(at)}; the line above has ${above}): fields of the same item start at the same column${prev.key ? ', and text that goes on from the line above must be in quotes' : ''}`,
          };
        }
        const below = [...open].reverse().find((v) => v.column < at)?.column;
        const over = open.find((v) => v.column > at)?.column;
        const fits = [below, over].filter((c) => c !== undefined).join(' or ');
        return {
          line: l.n,
          message: `is indented ${spaces(at)}, which lines up with nothing above it: indent it like the fields it belongs with (${fits} spaces)`,
        };
      }
    } else {
      levels.push({ column: at, kind: l.dash ? 'dash' : 'key' });
    }
    if (l.dash) levels.push({ column: l.column, kind: 'item' });
    prev = l;
  }
  return null;
}
