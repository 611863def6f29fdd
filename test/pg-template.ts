/**
 * Vitest global setup for the PostgreSQL suite: one database migrated once, which every HTTP test file's
 * database is then copied from (CREATE DATABASE … TEMPLATE) instead of running every migration again.
 * Made fresh for this run and dropped after it, so nothing is left over or relied on.
 */
import type { TestProject } from 'vitest/node';
import { createPostgresDatabase, testDialect } from './db.js';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The migrated PostgreSQL database to copy, or '' on SQLite. */
    pgTemplate: string;
  }
}

export default async function setup(project: TestProject) {
  if (testDialect !== 'postgres') {
    project.provide('pgTemplate', '');
    return;
  }
  const template = await createPostgresDatabase('grannstod_template');
  const { loadConfig } = await import('../src/server/config.js');
  const { startApp } = await import('../src/server/start.js');
  // start.ts migrates (the app's tables and better-auth's) exactly as a test file's app would.
  const built = await startApp(
    loadConfig({
      DATABASE_URL: template.url,
      LOG_LEVEL: 'silent',
      AUTH_SECRET: 'template-secret-long-enough-0123456789',
      REMINDER_INTERVAL_SECONDS: '0',
      JOB_POLL_SECONDS: '0',
      POLICE_EVENTS_URL: 'none',
    }),
    { logger: false },
  );
  await built.app.close();
  project.provide('pgTemplate', new URL(template.url).pathname.slice(1));
  return () => template.drop();
}
