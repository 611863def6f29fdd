/** Opens the database, migrates and builds the app: shared by main.ts, the demo and the benchmarks. */
import type { Config } from './config.js';
import { buildApp, type BuiltApp } from './app.js';
import { openDatabase, type DatabaseHandle } from './platform/db/database.js';
import { migrateToLatest } from './platform/db/migrate.js';
import { resolveAuthSecret } from './platform/auth/secret.js';

export async function startApp(
  config: Config,
  options: { webRoot?: string; logger?: boolean; logStream?: NodeJS.WritableStream; mailBackoffBaseMs?: number; jobBackoffBaseMs?: number } = {},
): Promise<BuiltApp & { database: DatabaseHandle }> {
  const database = openDatabase(config.databaseUrl);
  const built = await buildApp({ config, database, authSecret: resolveAuthSecret(config), ...options });
  await migrateToLatest(database.db, built.auth);
  built.app.addHook('onClose', async () => database.close());
  return { ...built, database };
}
