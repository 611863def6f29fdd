/**
 * How many photos the phone said would follow an observation. Routing waits
 * for them (or for PHOTO_GRACE_SECONDS), so a photo sent a few seconds after
 * its observation reaches the recipient with it instead of never.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('observations')
    .addColumn('photos_expected', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('observations').dropColumn('photos_expected').execute();
}
