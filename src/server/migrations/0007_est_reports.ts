/** Where the association's weekly EST report goes: the municipality's EST coordinator. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('associations').addColumn('est_email', 'varchar(320)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('associations').dropColumn('est_email').execute();
}
