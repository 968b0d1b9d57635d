import { expect, test } from '@playwright/test';
import { asciiHtml } from '../../src/package/ascii-html.ts';

// Each kind of place a character outside ASCII can stand in the page: markup text and attributes,
// the title, a style (in a string and a selector), a JSON script, a module's strings, template and
// regular expression, a character beyond U+FFFF, and U+2028 (a line break to JavaScript's comments).
const PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Stenosis – a course</title>
<style>.a::after{content:"…±"} .é{color:rgb(1,2,3)}</style></head>
<body><p id="p" title="Café — 5 ± 1">Lumbar “stenosis” 😀 naïve</p><span class="é" id="s">x</span>
<script type="application/json" id="data">{"t":"Ó à – 😀","q":"\u2028"}</script>
<script>window.read = { plain: 'a … b', tpl: \`± \${1} ↑\`, re: /[↑↓]/.test('↓'), emoji: '😀'.length, sep: '\u2028'.length };</script>
</body></html>`;

async function whatTheBrowserReads(page: import('@playwright/test').Page, html: string) {
  await page.setContent(html);
  return page.evaluate(() => ({
    title: document.title,
    text: document.getElementById('p')?.textContent,
    attribute: document.getElementById('p')?.getAttribute('title'),
    json: JSON.parse(document.getElementById('data')?.textContent ?? 'null') as unknown,
    script: (window as unknown as { read: unknown }).read,
    styled: getComputedStyle(document.getElementById('s') as Element).color,
    content: getComputedStyle(document.querySelector('.a') ?? document.body, '::after').content,
  }));
}

test('the page in ASCII reads the same to the browser in every place a character can stand', async ({ page }) => {
  const ascii = asciiHtml(PAGE);
  expect([...ascii].every((c) => c.charCodeAt(0) < 128)).toBe(true);
  const before = await whatTheBrowserReads(page, `${PAGE}<div class="a"></div>`);
  const after = await whatTheBrowserReads(page, `${ascii}<div class="a"></div>`);
  expect(before.styled).toBe('rgb(1, 2, 3)');
  expect(before.script).toEqual({ plain: 'a … b', tpl: '± 1 ↑', re: true, emoji: 2, sep: 1 });
  expect(after).toEqual(before);
});
