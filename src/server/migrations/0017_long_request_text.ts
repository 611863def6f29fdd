/**
 * Open311 requests may carry a description of 4,000 characters (GeoReport v2);
 * the observation's text column held 1,000 on PostgreSQL, so a long request
 * from a partner system would fail for good. SQLite does not enforce lengths.
 * The app's own observations keep their 1,000-character limit in the API.
 */
import { PostgresAdapter, sql, type Kysely } from 'kysely';

const isPostgres = (db: Kysely<any>) => db.getExecutor().adapter instanceof PostgresAdapter;

export async function up(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`alter table observations alter column text type varchar(4000)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) await sql`alter table observations alter column text type varchar(1000) using left(text, 1000)`.execute(db);
}
