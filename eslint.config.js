// Lint rules, including the layer rules of STYLE.md: src/lib never imports Svelte or the UI;
// only the db layer (src/lib/db) imports Dexie; components never reach the database directly.
import js from '@eslint/js';
import svelte from 'eslint-plugin-svelte';
import globals from 'globals';
import ts from 'typescript-eslint';
import svelteConfig from './svelte.config.js';

const noDexie = { name: 'dexie', message: 'Only src/lib/db talks to Dexie.' };

export default ts.config(
  {
    ignores: [
      'dist/',
      'dist-next/',
      'dev-dist/',
      'playwright-report/',
      'node_modules/',
      'test/fixtures/',
      'test-results/',
      '.bench/',
      // CommonJS, read by dependency-cruiser itself (npm run layers).
      '.dependency-cruiser.cjs',
    ],
  },
  js.configs.recommended,
  ...ts.configs.recommendedTypeChecked,
  ...svelte.configs.recommended,
  {
    languageOptions: {
      globals: { ...globals.browser, ...globals.node, __APP_VERSION__: 'readonly' },
      parserOptions: {
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
        extraFileExtensions: ['.svelte'],
      },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_' },
      ],
    },
  },
  {
    files: ['**/*.svelte', '**/*.svelte.ts'],
    languageOptions: { parserOptions: { parser: ts.parser, svelteConfig } },
  },
  {
    files: ['src/lib/**/*.ts'],
    ignores: ['src/lib/db/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noDexie],
          patterns: [
            { group: ['svelte', 'svelte/*'], message: 'src/lib is plain TypeScript: no Svelte.' },
            { group: ['**/ui/**', '*.svelte'], message: 'src/lib must not import the UI.' },
          ],
        },
      ],
    },
  },
  {
    files: ['src/lib/db/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['svelte', 'svelte/*', '**/ui/**'],
              message: 'The db layer does not know the UI.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/ui/**/*.svelte', 'src/App.svelte'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [noDexie],
          patterns: [
            {
              group: ['**/lib/db/*', '!**/lib/db/types'],
              message: 'Components go through src/ui/state, not the database.',
            },
            {
              // The repository instances the state classes share.
              group: ['**/state/repos', '**/state/repos.ts'],
              message: 'Components call the state classes, not the repositories they hold.',
            },
            {
              group: ['**/state/photos.svelte', '**/state/photos.svelte.ts'],
              importNames: ['photoRepo'],
              message: 'Components call PhotosState (photos), not the photo repository.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'fetch', message: 'Components do not fetch; src/lib does.' },
        'indexedDB',
      ],
    },
  },
  {
    files: ['test/**/*.{ts,mjs,js}', '*.config.{ts,js}'],
    ...ts.configs.disableTypeChecked,
  },
  {
    // Playwright fixtures must destructure their (possibly empty) dependencies.
    files: ['test/e2e/**/*.ts'],
    rules: { 'no-empty-pattern': 'off' },
  },
);
