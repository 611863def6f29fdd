/**
 * An observation that came with an address alone (an Open311 request placed
 * only by address_string, with no geocoder to find it): it waits, unrouted,
 * for a coordinator to place it on the map. Until then its position is only
 * the middle of the association's areas.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('observations')
    .addColumn('needs_placing', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('observations').dropColumn('needs_placing').execute();
}
