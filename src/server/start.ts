/** Opens the database, migrates and builds the app: shared by main.ts, the demo and the benchmarks. */
import type { Config } from './config.js';
import { buildApp, type AppDeps, type BuiltApp } from './app.js';
import { openDatabase, type DatabaseHandle } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { resolveAuthSecret } from './platform/auth/secret.js';

export async function startApp(
  config: Config,
  options: Pick<AppDeps, 'webRoot' | 'logger' | 'logStream' | 'mailBackoffBaseMs' | 'jobBackoffBaseMs' | 'serverFactory'> = {},
): Promise<BuiltApp & { database: DatabaseHandle }> {
  const database = openDatabase(config.databaseUrl);
  // The workers start with the app but wait for this: on a first start the tables do not exist until the migrations ran.
  let migrated!: () => void;
  const ready = new Promise<void>((resolve) => (migrated = resolve));
  const built = await buildApp({ config, database, authSecret: resolveAuthSecret(config), ...options, ready });
  built.app.addHook('onClose', async () => database.close());
  try {
    await migrateToLatest(database.db, built.auth);
  } finally {
    // A failed migration fails the start; the workers then run once (and log) as the app closes, rather than hang it.
    migrated();
  }
  return { ...built, database };
}
