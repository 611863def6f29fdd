/**
 * The association's contact address: mail sent in its name (to recipients, to
 * members) carries it as Reply-To, so an answer reaches a person and not the
 * installation's no-reply sender.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('associations').addColumn('contact_email', 'varchar(320)').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('associations').dropColumn('contact_email').execute();
}
