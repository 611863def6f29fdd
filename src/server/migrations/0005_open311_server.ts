/**
 * The association's own Open311 GeoReport v2 endpoint: API keys for partner
 * systems, and the link from an observation to the key that submitted it.
 * And what a patrol found when it looked again at a resolved item.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('open311_keys')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    // The partner system the key was given to.
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    // Only the SHA-256 of the key is kept: it is shown once, when made.
    .addColumn('key_hash', 'varchar(64)', (c) => c.notNull().unique())
    // The first characters, so an admin can tell keys apart.
    .addColumn('key_prefix', 'varchar(12)', (c) => c.notNull())
    // The admin who issued the key vouches for what the partner submits: its requests are recorded under their name.
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    // Whether the key may submit requests, or only read them.
    .addColumn('may_submit', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('last_used_at', 'varchar(30)')
    .addColumn('revoked_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('open311_keys_assoc').on('open311_keys').columns(['association_id', 'created_at']).execute();

  await db.schema
    .alterTable('observations')
    .addColumn('open311_key_id', 'varchar(36)', (c) => c.references('open311_keys.id'))
    .execute();
  await db.schema.alterTable('observations').addColumn('media_url', 'varchar(500)').execute();

  // gone | still_there: an item still there after all goes on the coordinators' to-do list.
  await db.schema.alterTable('action_items').addColumn('recheck_result', 'varchar(12)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('action_items').dropColumn('recheck_result').execute();
  await db.schema.alterTable('observations').dropColumn('media_url').execute();
  await db.schema.alterTable('observations').dropColumn('open311_key_id').execute();
  await db.schema.dropTable('open311_keys').execute();
}
