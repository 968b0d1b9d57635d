/**
 * The page with every character outside ASCII written as an escape, in the form its place reads
 * back as the same character: `\uXXXX` in scripts (JavaScript and JSON both read it), `\XXXX ` in
 * styles, `&#xXXXX;` in markup.
 *
 * Why: Chromium decodes an all-ASCII page on a fast path, and keeps its text (the content's JSON,
 * the course's script) as one-byte strings. A single `…` in the script sent the whole 500 KB page
 * down the slow path: traced at 4x CPU, decoding took 54 ms of the launch's main thread, 16 ms
 * for the same page in ASCII. The learner sees the same text.
 */
export function asciiHtml(html: string): string {
  const part = /(<(script|style)\b[^>]*>)([\s\S]*?)(<\/\2\s*>)/gi;
  let out = '';
  let last = 0;
  for (let m = part.exec(html); m; m = part.exec(html)) {
    const [whole, open = '', tag = '', body = '', close = ''] = m;
    out += inMarkup(html.slice(last, m.index) + open) + (tag.toLowerCase() === 'script' ? inScript(body) : inStyle(body)) + close;
    last = m.index + whole.length;
  }
  return out + inMarkup(html.slice(last));
}

const NON_ASCII_UNIT = /[\u0080-\uffff]/g;
const NON_ASCII_POINT = /[\u{80}-\u{10ffff}]/gu;

/** JavaScript and JSON: one escape per UTF-16 unit (a pair for a character beyond U+FFFF). */
function inScript(text: string): string {
  return text.replace(NON_ASCII_UNIT, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}

/** CSS: a hex escape ended by the one space CSS reads as its end. */
function inStyle(text: string): string {
  return text.replace(NON_ASCII_POINT, (c) => `\\${(c.codePointAt(0) ?? 0).toString(16)} `);
}

function inMarkup(text: string): string {
  return text.replace(NON_ASCII_POINT, (c) => `&#x${(c.codePointAt(0) ?? 0).toString(16)};`);
}
