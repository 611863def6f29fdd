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
    // Migrations are frozen and portable: they import no app code.
    files: ['src/server/migrations/**'],
    rules: {
      'no-restricted-imports': ['error', { patterns: ['../*'] }],
      // Kysely<any> is the documented type for migrations: they must not depend on today's schema types.
      '@typescript-eslint/no-explicit-any': 'off',
    },
  },
);
