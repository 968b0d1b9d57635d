// ESLint for src/, tests/, bench/, tools/ and the config files. Templates are type-checked by
// lit-analyzer (`npm run lint:templates`), formatting is Prettier's: this file only looks for mistakes.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import tseslint from 'typescript-eslint';

/**
 * DESIGN.md's layers: which other folders of src/ each folder may import from (its own files
 * always). Type-only imports count too: a type names what a layer knows about. A new folder
 * needs an entry (tests/unit/layers.spec.ts fails until it has one).
 */
export const LAYERS = {
  // The answer as an LMS is told it: shared by the question types and the LMS sessions, knows nothing.
  interaction: [],
  // Pure course logic: no DOM, no LMS, no build.
  course: ['interaction'],
  // LMS discovery and sessions: nothing about lessons or quizzes.
  scorm: ['interaction'],
  // The cmi5 session (an LMS reached through an LRS): the SCORM session's contract and formats,
  // and the course's texts, because an xAPI statement carries each question's prompt and options.
  cmi5: ['scorm', 'course', 'interaction'],
  // Maps the store's changes to the LMS session: the one layer that knows both.
  tracking: ['course', 'scorm', 'interaction'],
  // Components: properties down, events up; no component talks to the LMS.
  ui: ['course'],
  // Build time (Node): reads the content files into a Course.
  content: ['course', 'interaction'],
  // Build time: the zips and the question key.
  package: ['content', 'course', 'scorm', 'cmi5', 'interaction'],
  // The preview LMS and its server.
  preview: ['package', 'content', 'course', 'scorm', 'cmi5', 'interaction'],
  // The CE coordinator's report from an LMS export.
  report: ['package', 'content', 'course', 'scorm', 'cmi5', 'interaction'],
};
/** The layers that run in the learner's browser: what `src/main.ts`, the course's entry, may import. */
export const ENTRY_IMPORTS = ['interaction', 'course', 'scorm', 'cmi5', 'tracking', 'ui'];

const folders = Object.keys(LAYERS);
/** `../` (any depth) into one of `names`: a folder of src/ seen from inside another. */
const into = (up, names) => `^${up}(?:src/)?(?:${names.join('|')})(?:/|$)`;

function layerRules(layer) {
  const allowed = LAYERS[layer];
  const denied = folders.filter((f) => f !== layer && !allowed.includes(f));
  return {
    files: [`src/${layer}/**/*.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: into('(?:\\.\\./)+', denied),
              message: `src/${layer}/ may import only ${allowed.length ? allowed.map((f) => `src/${f}/`).join(', ') : 'its own files'} (DESIGN.md, "Layers and what each may touch"; LAYERS in eslint.config.js).`,
            },
          ],
        },
      ],
    },
  };
}

export default defineConfig([
  globalIgnores(['dist/', 'build/', 'test-results/', 'playwright-report/']),

  // JavaScript mistakes: unreachable code, duplicate keys or cases, constant conditions, empty blocks…
  js.configs.recommended,
  // TypeScript ones: unused variables, `any`, `@ts-ignore` without a reason, `!` after `?.`…
  tseslint.configs.recommended,
  // Lit templates: invalid HTML, bindings where Lit cannot put them (tag names), a binding twice
  // on one element, a property change inside `updated()` that renders again…
  lit.configs['flat/recommended'],

  {
    languageOptions: {
      // Type information for the rules below, from tsconfig.json.
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      // A promise nobody awaits: a Playwright `expect(…)` or click that never runs before the
      // test ends, an LMS commit whose failure disappears.
      '@typescript-eslint/no-floating-promises': 'error',
      // A promise where a condition or a void callback is expected (`if (store.save())`,
      // an async event listener whose rejection nobody sees).
      '@typescript-eslint/no-misused-promises': 'error',
      // `await` on something that is not a promise: usually the wrong function was called.
      '@typescript-eslint/await-thenable': 'error',
      // `==` coerces ('' == 0); `x == null` stays allowed, it means null or undefined on purpose.
      eqeqeq: ['error', 'always', { null: 'ignore' }],
      // Unused variables are mistakes, except `_name`, which says "unused on purpose".
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // A lifecycle method (connectedCallback, updated…) that forgets to call super: Lit stops updating.
      'lit/lifecycle-super': 'error',
      // Type-only imports need `import type`: tsc already enforces it (verbatimModuleSyntax), so
      // @typescript-eslint/consistent-type-imports would say it twice.
    },
  },

  // The layers, one block per folder (each file matches one, so their options do not override each other).
  ...folders.map(layerRules),
  {
    files: ['src/main.ts', 'src/head.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: into(
                '\\./',
                folders.filter((f) => !ENTRY_IMPORTS.includes(f)),
              ),
              message: `src/main.ts starts the course in the browser: it may import only ${ENTRY_IMPORTS.map((f) => `src/${f}/`).join(', ')}, none of the build.`,
            },
          ],
        },
      ],
    },
  },
  {
    // What runs in the learner's browser: no Node, no build-time library (zod's types are fine:
    // they vanish), and never the LMS itself (scorm-again plays it only in the preview and tests).
    files: [...ENTRY_IMPORTS.map((f) => `src/${f}/**/*.ts`), 'src/main.ts', 'src/head.ts'],
    rules: {
      '@typescript-eslint/no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: 'zod',
              allowTypeImports: true,
              message: 'zod validates at build time (src/content/); the course runs on data already valid.',
            },
            ...['yaml', 'marked', 'fflate'].map((name) => ({
              name,
              message: 'a build-time library: the course package does not ship it.',
            })),
            {
              name: 'scorm-again',
              message: 'scorm-again plays the LMS in the preview and tests; the course talks to whatever LMS launches it.',
            },
          ],
          patterns: [{ group: ['node:*'], message: "Node modules do not exist in the learner's browser." }],
        },
      ],
    },
  },

  {
    // One way to declare a component's reactive properties: `static get properties()`, which
    // lit-analyzer reads to check every attribute a template sets (tsconfig.json's plugin rules).
    files: ['src/ui/**/*.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: 'PropertyDefinition[static=true][key.name="properties"]',
          message:
            'Declare reactive properties in `static override get properties() { return {…}; }`: lit-analyzer does not read this field form.',
        },
        { selector: 'Decorator', message: 'Components declare their properties in `static get properties()`, not with decorators.' },
      ],
    },
  },

  {
    // This file is plain JavaScript, outside tsconfig.json: no type information for it.
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
]);
