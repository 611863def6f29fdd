/**
 * The follow-up: the board's texts of an IOP report per period, whether the
 * association shows a public page of counts, and the index the dashboard's
 * items (those sent in a period) are found by.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('iop_reports')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('period_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('period_to', 'varchar(10)', (c) => c.notNull())
    .addColumn('sections', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'varchar(36)', (c) => c.references('members.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('iop_reports_period').on('iop_reports').columns(['association_id', 'period_from', 'period_to']).unique().execute();
  await db.schema
    .alterTable('associations')
    .addColumn('public_page', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('action_items_assoc_sent').on('action_items').columns(['association_id', 'sent_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('action_items_assoc_sent').execute();
  await db.schema.alterTable('associations').dropColumn('public_page').execute();
  await db.schema.dropTable('iop_reports').execute();
}
