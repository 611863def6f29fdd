// Lint: JavaScript and TypeScript recommended rules, plus the project's own boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** One Executor type (the database or a transaction), defined in platform/db/database.ts and imported everywhere else. */
const oneExecutor = [
  {
    selector: "TSTypeAliasDeclaration[id.name='Executor']",
    message: "Import Executor from 'src/server/platform/db/database.ts' instead of declaring it again.",
  },
  {
    selector: "TSUnionType:has(TSTypeReference[typeName.name='Kysely']):has(TSTypeReference[typeName.name='Transaction'])",
    message: "Use the Executor type from 'src/server/platform/db/database.ts'.",
  },
];

/** One clock (platform/clock.ts): tests move it, and every "now" must follow. */
const oneClock = [
  { selector: "NewExpression[callee.name='Date'][arguments.length=0]", message: 'Read the time from ctx.clock (or nowIso() / clock from platform/clock.ts).' },
  {
    selector: "CallExpression[callee.object.name='Date'][callee.property.name='now']",
    message: 'Read the time from ctx.clock (or clock from platform/clock.ts).',
  },
];

/** SQL lives in *.repository.ts files (and the database layer itself); services and routes call repositories. */
const sqlInRepositories = [
  {
    selector: 'CallExpression[callee.property.name=/^(selectFrom|insertInto|updateTable|deleteFrom|replaceInto|mergeInto|selectNoFrom)$/]',
    message: 'SQL belongs in a *.repository.ts file: add a function there and call it.',
  },
  { selector: "TaggedTemplateExpression[tag.name='sql']", message: 'SQL belongs in a *.repository.ts file: add a function there and call it.' },
];

/** Rows of observations and their photos are made, changed and removed by the observations feature alone. */
const observationsWriter = [
  {
    selector:
      'CallExpression[callee.property.name=/^(insertInto|updateTable|deleteFrom|replaceInto|mergeInto)$/][arguments.0.value=/^observations$|^observation_photos$/]',
    message:
      "Observations are written through the observations feature's commands (observations.service.ts, intake.service.ts, routing-state.service.ts, erasure.service.ts).",
  },
];

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'bench/results/**', 'data/**', 'src/web/generated/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { console: 'readonly', process: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      eqeqeq: ['error', 'always'],
      'no-console': 'off',
    },
  },
  {
    // Only config.ts reads the environment (tests, scripts and benchmarks pick their own settings).
    files: ['src/**/*.ts', 'src/**/*.tsx'],
    ignores: ['src/server/config.ts', 'src/**/*.test.ts'],
    rules: { 'no-restricted-properties': ['error', { object: 'process', property: 'env', message: 'Read settings through src/server/config.ts.' }] },
  },
  // The layers, enforced (ARCHITECTURE.md, "Layers"): routes → services → repositories → database.
  // no-restricted-syntax takes one list per file, so each group of files gets the union of the lists it needs.
  {
    files: ['src/server/**/*.ts'],
    ignores: [
      'src/server/**/*.test.ts',
      'src/server/migrations/**',
      'src/server/platform/db/**',
      'src/server/platform/clock.ts',
      'src/server/demo/**',
      'src/server/**/*.repository.ts',
    ],
    rules: { 'no-restricted-syntax': ['error', ...oneExecutor, ...oneClock, ...sqlInRepositories] },
  },
  {
    files: ['src/server/**/*.repository.ts', 'src/server/platform/db/**/*.ts', 'src/server/demo/**/*.ts'],
    ignores: ['src/server/**/*.test.ts', 'src/server/platform/db/database.ts'],
    rules: { 'no-restricted-syntax': ['error', ...oneExecutor, ...oneClock] },
  },
  {
    // One writer per table, where it matters most: observations are created and changed only by the observations
    // feature's commands (the app's PUT and partners' Open311 requests alike, with its privacy guard; routing's
    // claim; retention's clearing).
    files: ['src/server/**/*.repository.ts'],
    ignores: ['src/server/features/observations/**', 'src/server/**/*.test.ts'],
    rules: { 'no-restricted-syntax': ['error', ...oneExecutor, ...oneClock, ...observationsWriter] },
  },
  {
    // A feature reaches another feature through its service functions, never its repository: what a feature
    // stores, and how, stays its own business (and one writer per table stays checkable).
    files: ['src/server/features/**/*.ts'],
    ignores: ['src/server/**/*.test.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              regex: '^\\.\\./[a-z0-9-]+/[a-z0-9.-]+\\.repository(\\.js)?$',
              message: "Call the other feature's service (or add a function to it) instead of importing its repository.",
              // Row types are shared knowledge; only calls cross the boundary through a service.
              allowTypeImports: true,
            },
          ],
        },
      ],
    },
  },
  {
    // Migrations are frozen and portable: they import no app code.
    files: ['src/server/migrations/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../*'] }],
      // Kysely<any> is the documented type for migrations: they must not depend on today's schema types.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
