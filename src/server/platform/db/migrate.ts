/** Runs our migrations (frozen, portable), then better-auth's own schema changes. */
import { Migrator, sql, type MigrationProvider } from 'kysely';
import { getMigrations } from 'better-auth/db/migration';
import { migrations } from '../../migrations/index.js';
import type { Db } from './database.js';
import type { Auth } from '../auth/auth.js';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Kysely's migrator over our migrations (tests also take it to a given one, to check an upgrade). */
export function migrator(db: Db) {
  return new Migrator({ db, provider, migrationTableName: 'schema_migrations', migrationLockTableName: 'schema_migrations_lock' });
}

/** Brings the database to the latest schema; throws with the failing migration's name. */
export async function migrateToLatest(db: Db, auth: Auth): Promise<void> {
  const { error, results } = await migrator(db).migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error) throw new Error(`migration ${failed?.migrationName ?? '?'} failed: ${String(error)}`);
  const authMigrations = await getMigrations(auth.options);
  await authMigrations.runMigrations();
}

/** True when every known migration has run (for /readyz). */
export async function migrationsCurrent(db: Db): Promise<boolean> {
  const all = await migrator(db).getMigrations();
  return all.every((m) => m.executedAt !== undefined);
}

/** A round trip to the database (throws when it does not answer): the readiness check. */
export async function databaseAnswers(db: Db): Promise<void> {
  await sql`select 1`.execute(db);
}
