import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import ts from 'typescript';
import { minifyCss, minifyHtml, minifyTemplates } from '../../src/content/minify-templates.ts';
import { ROOT } from '../support/paths.ts';

/** Every `css` template of the components without substitutions, as [file, text]. */
function componentStyles(): [string, string][] {
  const dir = join(ROOT, 'src/ui');
  const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.ts'));
  const out: [string, string][] = [];
  for (const f of files) {
    const source = ts.createSourceFile(f, readFileSync(join(dir, f), 'utf8'), ts.ScriptTarget.Latest, true);
    const visit = (node: ts.Node): void => {
      if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && node.tag.text === 'css') {
        if (ts.isNoSubstitutionTemplateLiteral(node.template)) out.push([f, node.template.text]);
      }
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return out;
}

test("minified component styles are the same rules to the browser's CSS parser", async ({ page }) => {
  const styles = componentStyles();
  expect(styles.length).toBeGreaterThan(10);
  const rules = (text: string) =>
    page
      .evaluate((css) => {
        const sheet = new CSSStyleSheet();
        sheet.replaceSync(css);
        return Array.from(sheet.cssRules, (r) => r.cssText);
      }, text)
      .then((list) =>
        // A value with var() is kept as its tokens, whitespace included: compared without it.
        list.map((r) => r.replace(/\s+/g, ' ').replace(/\s*,\s*/g, ',')),
      );
  for (const [file, text] of styles) {
    const minified = minifyCss(text);
    expect(minified.length, file).toBeLessThan(text.length);
    expect(await rules(minified), file).toEqual(await rules(text));
  }
});

test('CSS strings and escapes are kept as written, comments go', () => {
  expect(minifyCss("/* the learner's */ a > b ,\n c {\n  content: ' , ';\n  color: red;\n}").trim()).toBe("a>b,c{content:' , ';color:red}");
  const source = 'const s = css`\n  .x::before {\n    content: "\\\\2014";\n  }\n`;';
  expect(minifyTemplates(source)).toBe('const s = css`.x::before{content:"\\\\2014"}`;');
});

test('HTML whitespace with a line break becomes one space; substitutions, backticks and other text are untouched', () => {
  expect(minifyHtml('<p\n   class="a">\n  Two  spaces\n\n</p>')).toBe('<p class="a"> Two  spaces </p>');
  const source = 'const t = html`<p\n  class=${c}>\n  \\`q\\` \\${z} ${a + `x\n  y`}\n</p>`;';
  expect(minifyTemplates(source)).toBe('const t = html`<p class=${c}> \\`q\\` \\${z} ${a + `x\n  y`} </p>`;');
  // Other tags and plain template strings are left alone.
  const plain = 'const u = `a\n  b`; const v = sql`a\n  b`;';
  expect(minifyTemplates(plain)).toBe(plain);
});
