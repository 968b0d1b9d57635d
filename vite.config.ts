import { fileURLToPath } from 'node:url';
import { build, defineConfig, type Plugin, type Rolldown } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { minifyTemplatesPlugin } from './src/content/minify-templates.ts';
import { coursePlugin } from './src/content/vite-plugin.ts';
import { asciiHtml } from './src/package/ascii-html.ts';
import { FIRST_SCREEN_ID, FIRST_SCREEN_MARK, firstScreen } from './src/ui/first-screen.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

/**
 * The course's script at the end of <body>, after the first screen and the content: the browser
 * compiles an inline module where it meets it, so in <head> it would hold back the first paint.
 * (It runs after the page is parsed wherever it stands.) After vite-plugin-singlefile has inlined it;
 * then the whole page is written in ASCII.
 */
function scriptLastPlugin(): Plugin {
  return {
    name: 'course-script-last',
    enforce: 'post',
    // After vite-plugin-singlefile's own 'post' generateBundle (listed before this plugin): the
    // page with the script inlined.
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const file of Object.values(bundle)) {
          if (file.type !== 'asset' || !file.fileName.endsWith('.html') || typeof file.source !== 'string') continue;
          const html = file.source;
          const start = html.indexOf('<script type="module"');
          const end = start < 0 ? -1 : html.indexOf('</script>', start);
          const bodyEnd = html.lastIndexOf('</body>');
          if (start < 0 || end < 0 || bodyEnd < end) continue;
          const script = html.slice(start, end + '</script>'.length);
          const rest = html.slice(0, start) + html.slice(end + '</script>'.length);
          const at = rest.lastIndexOf('</body>');
          // Last of all, the page in ASCII (src/package/ascii-html.ts says why).
          file.source = asciiHtml(rest.slice(0, at) + script + rest.slice(at));
        }
      },
    },
  };
}

/**
 * src/head.ts as a classic script at the end of <head>: it runs as soon as the parser reaches it,
 * before the first screen is painted and long before the course's module is compiled (the colour
 * scheme; a SCORM package's early Initialize, src/scorm/early-open.ts).
 */
function headScriptPlugin(): Plugin {
  return {
    name: 'course-head-script',
    transformIndexHtml: {
      order: 'post',
      async handler() {
        const result = await build({
          configFile: false,
          root,
          publicDir: false,
          logLevel: 'warn',
          build: {
            // Kept in memory; an outDir of its own all the same, so that nothing here ever touches dist/.
            write: false,
            outDir: 'build/early-open',
            emptyOutDir: false,
            minify: true,
            target: 'es2020',
            lib: { entry: `${root}src/head.ts`, formats: ['iife'], name: 'courseHead' },
          },
        });
        const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
        const code = outputs.flatMap((o) => o.output).find((c) => c.type === 'chunk')?.code;
        if (!code) throw new Error('src/head.ts built to nothing');
        return [{ tag: 'script', children: code.trim(), injectTo: 'head' }];
      },
    },
  };
}

// One self-contained index.html: the package works offline inside any LMS.
export default defineConfig({
  plugins: [
    // The first screen, drawn from the content before the script runs (src/ui/first-screen.ts).
    coursePlugin(root, (course, minutes) => {
      const first = firstScreen(course, minutes);
      return [
        { tag: 'style', children: first.css, injectTo: 'head' },
        { tag: 'div', attrs: { id: FIRST_SCREEN_ID, 'aria-busy': 'true' }, children: first.content, injectTo: 'body-prepend' },
        { tag: 'script', children: FIRST_SCREEN_MARK, injectTo: 'body-prepend' },
      ];
    }),
    headScriptPlugin(),
    minifyTemplatesPlugin(),
    viteSingleFile(),
    scriptLastPlugin(),
  ],
  build: {
    outDir: 'build/web',
    emptyOutDir: true,
    target: 'es2020',
    reportCompressedSize: false,
    // One file, no preloads: the polyfill for them would only add to every launch.
    modulePreload: { polyfill: false },
  },
});
