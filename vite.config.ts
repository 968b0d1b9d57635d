import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vite';
import { viteSingleFile } from 'vite-plugin-singlefile';
import { minifyTemplatesPlugin } from './src/content/minify-templates.ts';
import { coursePlugin } from './src/content/vite-plugin.ts';

const root = fileURLToPath(new URL('.', import.meta.url));

// One self-contained index.html: the package works offline inside any LMS.
export default defineConfig({
  plugins: [coursePlugin(root), minifyTemplatesPlugin(), viteSingleFile()],
  build: {
    outDir: 'build/web',
    emptyOutDir: true,
    target: 'es2020',
    reportCompressedSize: false,
    // One file, no preloads: the polyfill for them would only add to every launch.
    modulePreload: { polyfill: false },
  },
});
