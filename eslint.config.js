// Lint: JavaScript and TypeScript recommended rules, plus the project's own boundaries.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'test-results/**', 'bench/results/**', 'data/**'] },
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
  {
    // One Executor type (the database or a transaction), defined in platform/db/database.ts and imported everywhere else.
    files: ['src/**/*.ts'],
    ignores: ['src/server/platform/db/database.ts'],
    rules: {
      'no-restricted-syntax': [
        'error',
        {
          selector: "TSTypeAliasDeclaration[id.name='Executor']",
          message: "Import Executor from 'src/server/platform/db/database.ts' instead of declaring it again.",
        },
        {
          selector: "TSUnionType:has(TSTypeReference[typeName.name='Kysely']):has(TSTypeReference[typeName.name='Transaction'])",
          message: "Use the Executor type from 'src/server/platform/db/database.ts'.",
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
