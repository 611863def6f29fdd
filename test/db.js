/** A fresh database per test file: an in-memory SQLite, or a PostgreSQL database made and dropped here. */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
// The test harness picks the dialect; the app itself reads only config.ts.
export const testDialect = process.env.TEST_DIALECT === 'postgres' ? 'postgres' : 'sqlite';
const adminUrl = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
/** Creates an empty PostgreSQL database named prefix_random on PG_URL's server; drop() removes it. */
export async function createPostgresDatabase(prefix) {
  const name = `${prefix}_${process.pid}_${randomBytes(4).toString('hex')}`;
  const run = async (statement) => {
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    try {
      await admin.query(statement);
    } finally {
      await admin.end();
    }
  };
  await run(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => run(`drop database if exists ${name} with (force)`) };
}
export async function createTestDatabase() {
  if (testDialect === 'sqlite') return { url: 'sqlite::memory:', drop: async () => undefined };
  return createPostgresDatabase('grannstod_test');
}
//# sourceMappingURL=db.js.map
