/**
 * The id a phone makes for an observation is unique within its association,
 * not across the installation. Before, a PUT under an id that another
 * association holds answered 409 where a free id answered 201, which told
 * anyone holding an id whether it existed somewhere. Now such an observation
 * is stored under an id the server makes, with the phone's id kept here; the
 * association sees and uses only the phone's id. Null (nearly always) means
 * the phone's id is the row's id.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('observations').addColumn('client_id', 'varchar(36)').execute();
  await db.schema.createIndex('observations_client_id').on('observations').columns(['association_id', 'client_id']).unique().execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('observations_client_id').execute();
  await db.schema.alterTable('observations').dropColumn('client_id').execute();
}
