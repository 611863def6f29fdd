/**
 * Polisen's open events for the associations' municipalities, and the log of
 * calls to that API, so every server keeps its rules together (10 s between
 * calls, 60 an hour, 1,440 a day, and a pause after 429).
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('police_events')
    // The API's own id: the same event is stored once, whatever municipality asked.
    .addColumn('id', 'varchar(20)', (c) => c.primaryKey())
    .addColumn('occurred_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('name', 'varchar(300)', (c) => c.notNull())
    .addColumn('summary', 'varchar(2000)', (c) => c.notNull())
    .addColumn('url', 'varchar(500)', (c) => c.notNull())
    .addColumn('type', 'varchar(100)', (c) => c.notNull())
    // The municipality or county, as the API names it; its centre is the only position given.
    .addColumn('location_name', 'varchar(200)', (c) => c.notNull())
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('fetched_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('police_events_place_time').on('police_events').columns(['location_name', 'occurred_at']).execute();

  await db.schema
    .createTable('police_api_calls')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('location_name', 'varchar(200)', (c) => c.notNull())
    // The HTTP status, or 0 when no answer came.
    .addColumn('status', 'integer', (c) => c.notNull())
    // After a 429: no call before this time.
    .addColumn('blocked_until', 'varchar(30)')
    .execute();
  await db.schema.createIndex('police_api_calls_at').on('police_api_calls').column('at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('police_api_calls').execute();
  await db.schema.dropTable('police_events').execute();
}
