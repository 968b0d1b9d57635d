import { join } from 'node:path';
import { build } from 'vite';

/** Builds the preview LMS page (scorm-again around the course) into build/preview. */
export async function buildPreviewHost(root: string): Promise<string> {
  const outDir = join(root, 'build/preview');
  await build({
    configFile: false,
    root: join(root, 'src/preview'),
    base: './',
    logLevel: 'warn',
    build: { outDir, emptyOutDir: true, target: 'es2020', reportCompressedSize: false },
  });
  return outDir;
}
