import { existsSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { OUT, SCHEMES, SCREENS, SIZES, shotName } from './sheet.ts';

const escape = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/"/g, '&quot;');

/** Writes the contact sheet's page once every screenshot is taken: one row per screen, one column per size and scheme. */
export default function writeIndex(): void {
  const columns = SCHEMES.flatMap((scheme) => SIZES.map((size) => ({ scheme, size })));
  const rows = SCREENS.map((screen) => {
    const cells = columns.map(({ scheme, size }) => {
      const file = shotName(screen.id, size.name, scheme);
      const alt = `${screen.label}, ${size.label}, ${scheme} scheme`;
      return existsSync(join(OUT, file))
        ? `<td><a href="${file}"><img src="${file}" alt="${escape(alt)}" loading="lazy"></a></td>`
        : `<td class="missing">not taken</td>`;
    });
    return `<tr><th scope="row">${escape(screen.label)}</th>${cells.join('')}</tr>`;
  });
  const head = columns.map(({ scheme, size }) => `<th scope="col">${escape(size.label)}<br>${scheme}</th>`).join('');
  const page = `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<title>Course screens</title>
<style>
  body { font: 14px/1.4 system-ui, sans-serif; margin: 1rem; }
  table { border-collapse: collapse; }
  th, td { border: 1px solid #ccc; padding: .4rem; vertical-align: top; text-align: left; }
  thead th { position: sticky; top: 0; background: #f4f4f4; }
  img { display: block; max-width: 22rem; height: auto; }
  .missing { color: #a12a1f; }
</style>
</head>
<body>
<h1>Course screens</h1>
<p>Each main screen at a phone width, in a 700 px LMS frame and in a 1280 px window, light and dark, as the preview LMS shows the packaged course (SCORM 1.2). Written by <code>npm run screens</code> on ${new Date().toISOString().slice(0, 10)}. Select a picture for its full size.</p>
<table>
<thead><tr><th scope="col">Screen</th>${head}</tr></thead>
<tbody>
${rows.join('\n')}
</tbody>
</table>
</body>
</html>
`;
  writeFileSync(join(OUT, 'index.html'), page);
  console.log(`Contact sheet: ${join(OUT, 'index.html')}`);
}
