// ESLint for src/, tests/, bench/, tools/ and the config files. Templates are type-checked by
// lit-analyzer (`npm run lint:templates`), formatting is Prettier's: this file only looks for mistakes.
import js from '@eslint/js';
import { defineConfig, globalIgnores } from 'eslint/config';
import lit from 'eslint-plugin-lit';
import tseslint from 'typescript-eslint';

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

  {
    // This file is plain JavaScript, outside tsconfig.json: no type information for it.
    files: ['**/*.js'],
    extends: [tseslint.configs.disableTypeChecked],
  },
]);
