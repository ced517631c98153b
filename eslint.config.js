// Lint, including the layer map: which folder may import which (ARCHITECTURE.md rule 3).
import js from '@eslint/js';
import importPlugin from 'eslint-plugin-import';
import tseslint from 'typescript-eslint';

const NODE_BUILTINS = ['node:*', 'fs', 'fs/*', 'path', 'os', 'crypto', 'child_process', 'url', 'stream', 'worker_threads', 'util', 'zlib'];
// Tests follow the same map as the code they test (they may use the test helpers of their own
// layer and below, e.g. db/testing.ts from core/). e2e/ and bench/ drive the whole app and stay
// outside the map.
const layer = (from, forbidden, message) => ({
  files: [`${from}/**/*.ts`, `${from}/**/*.tsx`],
  rules: {
    'import/no-restricted-paths': ['error', { zones: forbidden.map((target) => ({ target: `./${from}`, from: `./${target}`, message })) }],
  },
});
const noNode = (from) => ({
  files: [`${from}/**/*.ts`, `${from}/**/*.tsx`],
  rules: {
    'no-restricted-imports': [
      'error',
      {
        patterns: [
          { group: NODE_BUILTINS, message: `${from}/ must not use Node built-ins.` },
          { group: ['better-sqlite3', 'drizzle-orm', 'drizzle-orm/*', 'electron', 'exceljs', 'pdfkit'], message: `${from}/ must stay pure.` },
        ],
      },
    ],
  },
});

// ARCHITECTURE.md rule 9: core/ (tests included) reaches the database only through db/'s
// repository functions and test helpers — no driver, no query builder, no table values.
const noSqlIn = (files, ignores = []) => ({
  files,
  ignores,
  rules: {
    '@typescript-eslint/no-restricted-imports': [
      'error',
      {
        patterns: [
          {
            group: ['drizzle-orm', 'drizzle-orm/*', 'better-sqlite3'],
            message: 'SQL lives in db/ (ARCHITECTURE.md rule 9): call a repository function in db/repos (tests: the helpers of db/testing.ts).',
          },
          {
            regex: '(^|/)db/schema(/|$)',
            allowTypeImports: true,
            message: 'SQL lives in db/ (ARCHITECTURE.md rule 9): core/ may import the schema\'s types only; reads and writes are repository functions in db/repos.',
          },
        ],
      },
    ],
  },
});

export default tseslint.config(
  { ignores: ['node_modules/**', 'db/migrations/**', 'dist/**', 'out/**', 'bench/results/**'] },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: { allowDefaultProject: ['*.js', 'bin/*.mjs'] }, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { import: importPlugin },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.tsx', '.js'] } } },
    rules: {
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/restrict-template-expressions': ['error', { allowNumber: true }],
      '@typescript-eslint/no-unnecessary-condition': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/no-unused-vars': ['error', { ignoreRestSiblings: true, argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/no-confusing-void-expression': ['error', { ignoreArrowShorthand: true }],
    },
  },
  { files: ['**/*.js', 'bin/*.mjs'], ...tseslint.configs.disableTypeChecked },
  { files: ['bin/*.mjs'], languageOptions: { globals: { process: 'readonly' } } },
  layer('shared', ['db', 'core', 'cli', 'web', 'electron', 'renderer', 'templates', 'bench'], 'shared/ imports nothing outside itself.'),
  layer('db', ['core', 'cli', 'web', 'electron', 'renderer', 'templates', 'bench'], 'db/ may import only shared/.'),
  layer(
    'templates',
    ['db', 'core', 'cli', 'web', 'electron', 'renderer', 'bench', 'shared/mask.ts', 'shared/fields/mask.ts'],
    'templates/ may import only shared/, and never the masking: the core presents every value for the paper’s audience before a template sees it.',
  ),
  layer('renderer', ['db', 'core', 'cli', 'web', 'electron', 'templates', 'bench'], 'renderer/ may import only shared/.'),
  layer('core', ['cli', 'web', 'electron', 'renderer', 'bench'], 'core/ must not import its shells.'),
  layer('cli', ['db', 'templates', 'electron', 'renderer', 'bench'], 'cli/ is a shell: it calls core/ (and shared/), never db/ or templates/.'),
  layer('electron', ['db', 'templates', 'renderer', 'cli', 'web', 'bench'], 'electron/ is a shell: it calls core/ (and shared/), never db/ or templates/.'),
  layer('web', ['db', 'templates', 'electron', 'renderer', 'bench', 'cli'], 'web/ is a shell: it calls core/ (and shared/), never db/ or templates/.'),
  noNode('shared'),
  noNode('renderer'),
  noSqlIn(['core/**/*.ts', 'core/**/*.tsx']),
);
