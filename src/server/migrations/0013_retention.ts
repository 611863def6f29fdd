/**
 * Retention: each association's chosen period per kind of data (months; a kind
 * without a row keeps the default), the last run's counts for the admin to see,
 * and the indexes that let a run find what is due without reading every row.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('retention_periods')
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('months', 'integer', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('retention_periods_pk', ['association_id', 'kind'])
    .execute();
  await db.schema
    .createTable('retention_runs')
    .addColumn('association_id', 'varchar(36)', (c) => c.primaryKey().references('associations.id'))
    .addColumn('started_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('finished_at', 'varchar(30)')
    .addColumn('counts', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('track_segments_assoc_end').on('track_segments').columns(['association_id', 'ended_at']).execute();
  await db.schema.createIndex('action_item_events_assoc_at').on('action_item_events').columns(['association_id', 'at']).execute();
  await db.schema.createIndex('observation_photos_sha').on('observation_photos').columns(['sha256']).execute();
  await db.schema.createIndex('jobs_finished').on('jobs').columns(['status', 'updated_at']).execute();
  await db.schema.createIndex('shifts_assoc_end').on('shifts').columns(['association_id', 'ends_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const index of ['shifts_assoc_end', 'jobs_finished', 'observation_photos_sha', 'action_item_events_assoc_at', 'track_segments_assoc_end']) {
    await db.schema.dropIndex(index).execute();
  }
  await db.schema.dropTable('retention_runs').execute();
  await db.schema.dropTable('retention_periods').execute();
}
