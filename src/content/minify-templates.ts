import ts from 'typescript';
import type { Plugin } from 'vite';

/**
 * Minifies the text of Lit's `css` and `html` templates at build time. The JavaScript minifier
 * leaves template text alone, so every indent and comment of the styles and templates went
 * into index.html and through the browser's parser at each launch.
 *
 * Conservative on purpose: CSS loses comments and the whitespace next to `{ } ; , >` and after
 * `:`; HTML only has each run of whitespace that holds a line break shortened to one space
 * (the same rendering everywhere except `<pre>`, which the course's templates do not use).
 */
export function minifyTemplatesPlugin(): Plugin {
  return {
    name: 'minify-lit-templates',
    apply: 'build',
    enforce: 'pre',
    transform(code, id) {
      if (!/\/src\/ui\/.*\.ts$/.test(id) || !/\b(css|html|svg)`/.test(code)) return null;
      return { code: minifyTemplates(code, id), map: null };
    },
  };
}

/** CSS text of one template part: the same rules, fewer bytes. Quoted strings are kept as written. */
export function minifyCss(text: string): string {
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*')/)
    .map((chunk, i) =>
      i % 2
        ? chunk
        : chunk
            .replace(/\s+/g, ' ')
            .replace(/\s*([{};,>])\s*/g, '$1')
            .replace(/:\s+/g, ':')
            .replace(/;}/g, '}'),
    )
    .join('');
}

/** HTML text of one template part: each run of whitespace with a line break becomes one space. */
export function minifyHtml(text: string): string {
  return text.replace(/[ \t]*\n\s*/g, ' ');
}

/** Escapes cooked text back into template-literal source. */
function asTemplateSource(text: string): string {
  return text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');
}

/** Rewrites the text parts of every `css`/`html`/`svg` tagged template in a module's source. */
export function minifyTemplates(code: string, fileName = 'module.ts'): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  // [start, end, replacement] of each text part, applied from the end so offsets hold.
  const edits: [number, number, string][] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && ['css', 'html', 'svg'].includes(node.tag.text)) {
      const css = node.tag.text === 'css';
      const minify = css ? minifyCss : minifyHtml;
      const t = node.template;
      const parts: ts.TemplateLiteralLikeNode[] = ts.isNoSubstitutionTemplateLiteral(t)
        ? [t]
        : [t.head, ...t.templateSpans.map((s) => s.literal)];
      parts.forEach((part, i) => {
        // Text with an invalid escape has no cooked value: left as written.
        if (part.rawText === undefined || part.text === undefined) return;
        let text = minify(part.text);
        // CSS may lose the whitespace at the template's two ends, never next to a substitution.
        if (css) {
          if (i === 0) text = text.trimStart();
          if (i === parts.length - 1) text = text.trimEnd();
        }
        const start = part.getStart(source);
        const end = part.getEnd();
        // The raw text sits between one opening character (` or }) and the closing ` or ${.
        const close = code.endsWith('${', end) ? 2 : 1;
        edits.push([start + 1, end - close, asTemplateSource(text)]);
      });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let out = code;
  for (const [start, end, text] of edits.sort((a, b) => b[0] - a[0])) out = out.slice(0, start) + text + out.slice(end);
  return out;
}
