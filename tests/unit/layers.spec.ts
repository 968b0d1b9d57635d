import { expect, test } from '@playwright/test';
import { ESLint } from 'eslint';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';
import { ENTRY_IMPORTS, LAYERS } from '../../eslint.config.js';

// DESIGN.md's layers as the lint enforces them (eslint.config.js): a bad import fails `npm run lint`,
// and the modules of src/ import each other without a circle.

const ROOT = resolve(import.meta.dirname, '../..');
const SRC = join(ROOT, 'src');
const folders = Object.keys(LAYERS);

// Only the import rules run: these files are not on disk, so no type information for them.
const eslint = new ESLint({
  cwd: ROOT,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false } } },
  ruleFilter: ({ ruleId }) => ruleId === 'no-restricted-imports' || ruleId === '@typescript-eslint/no-restricted-imports',
});

/** The import-rule messages lint gives `code` written in `file` (a path under the project). */
async function importProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: join(ROOT, file) });
  return (result?.messages ?? []).map((m) => `${m.ruleId ?? 'parse'}: ${m.message}`);
}

test('the imports DESIGN.md forbids fail lint, with the rule in the message', async () => {
  // The two leaks there were, and the ones the design names.
  const bad: [file: string, code: string, says: string][] = [
    [
      'src/course/question-types/fixture.ts',
      "import type { SchemaParts } from '../../content/schema-parts.ts';",
      'src/course/ may import only',
    ],
    ['src/scorm/fixture.ts', "import type { Course } from '../course/types.ts';", 'src/scorm/ may import only'],
    ['src/ui/fixture.ts', "import { Tracker } from '../tracking/tracker.ts';", 'src/ui/ may import only src/course/'],
    ['src/ui/quiz/fixture.ts', "import type { ScormSession } from '../../scorm/scorm-session.ts';", 'src/ui/ may import only'],
    ['src/course/fixture.ts', "import { html } from '../ui/format.ts';", 'src/course/ may import only'],
    ['src/tracking/fixture.ts', "export { CourseApp } from '../ui/course-app.ts';", 'src/tracking/ may import only'],
    ['src/main.ts', "import { loadCourse } from './content/load-course.ts';", 'none of the build'],
    ['src/course/fixture.ts', "import { z } from 'zod';", 'zod validates at build time'],
    ['src/tracking/fixture.ts', "import { readFileSync } from 'node:fs';", "do not exist in the learner's browser"],
    ['src/scorm/fixture.ts', "import { Scorm12API } from 'scorm-again';", 'plays the LMS in the preview and tests'],
  ];
  for (const [file, code, says] of bad) {
    const problems = await importProblems(file, code);
    expect(problems, `${file}: ${code}`).toHaveLength(1);
    expect(problems[0], `${file}: ${code}`).toContain(says);
  }
  // And what the layers may do passes.
  const good: [string, string][] = [
    [
      'src/course/question-types/fixture.ts',
      "import type { z } from 'zod';\nimport type { AnswerReport } from '../../interaction/answer-report.ts';",
    ],
    ['src/ui/quiz/fixture.ts', "import type { Course } from '../../course/types.ts';\nimport { theme } from '../theme.ts';"],
    ['src/tracking/fixture.ts', "import type { Course } from '../course/types.ts';\nimport { connectToLms } from '../scorm/connect.ts';"],
    ['src/main.ts', "import { Tracker } from './tracking/tracker.ts';\nimport './ui/course-app.ts';"],
    ['src/package/fixture.ts', "import { readFileSync } from 'node:fs';\nimport { loadCourse } from '../content/load-course.ts';"],
  ];
  for (const [file, code] of good) expect(await importProblems(file, code), `${file}: ${code}`).toEqual([]);
});

test('every folder of src/ may import exactly what LAYERS says, and nothing else', async () => {
  for (const from of folders) {
    for (const to of folders) {
      if (to === from) continue;
      const problems = await importProblems(`src/${from}/deeper/fixture.ts`, `import type { X } from '../../${to}/x.ts';`);
      const allowed = LAYERS[from]?.includes(to) ?? false;
      expect(problems, `src/${from} → src/${to}`).toHaveLength(allowed ? 0 : 1);
    }
  }
  for (const to of folders) {
    const problems = await importProblems('src/main.ts', `import type { X } from './${to}/x.ts';`);
    expect(problems, `src/main.ts → src/${to}`).toHaveLength(ENTRY_IMPORTS.includes(to) ? 0 : 1);
  }
});

test('every folder of src/ has its place in the layers', () => {
  const present = readdirSync(SRC).filter((f) => statSync(join(SRC, f)).isDirectory());
  expect(
    present.filter((f) => !(f in LAYERS)),
    'folders of src/ without an entry in LAYERS (eslint.config.js)',
  ).toEqual([]);
  expect(
    folders.filter((f) => !present.includes(f)),
    'entries of LAYERS without a folder',
  ).toEqual([]);
});

/** Every .ts file under `dir`, as paths relative to the project. */
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return sources(path);
    return path.endsWith('.ts') ? [relative(ROOT, path)] : [];
  });
}

test('the modules of src/ import each other without a circle (type-only imports included)', () => {
  const files = sources(SRC);
  const imports = new Map<string, string[]>();
  for (const file of files) {
    const { importedFiles } = ts.preProcessFile(readFileSync(join(ROOT, file), 'utf8'), true, true);
    const local = importedFiles
      .filter((i) => i.fileName.startsWith('.'))
      .map((i) => relative(ROOT, resolve(ROOT, dirname(file), i.fileName)));
    imports.set(file, local);
  }
  // Sanity: the graph is read (main.ts imports the shell), so an empty one cannot pass.
  expect(imports.get('src/main.ts')).toContain('src/ui/course-app.ts');
  // Depth-first search; a module met again while still on the path closes a circle.
  const circles: string[] = [];
  const done = new Set<string>();
  const path: string[] = [];
  const visit = (file: string): void => {
    if (done.has(file)) return;
    const at = path.indexOf(file);
    if (at >= 0) {
      circles.push([...path.slice(at), file].join(' → '));
      return;
    }
    path.push(file);
    for (const next of imports.get(file) ?? []) visit(next);
    path.pop();
    done.add(file);
  };
  for (const file of files) visit(file);
  expect(circles).toEqual([]);
});
