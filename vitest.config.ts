import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts'],
    pool: 'forks',
    globalSetup: ['test/pg-template.ts'],
    testTimeout: 30_000,
    hookTimeout: 60_000,
  },
});
