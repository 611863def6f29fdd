/** Foundation: associations, partners, members, roles, qualifications, invitations, audit, mail, areas, cars. Frozen. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // One row at most: first-run setup inserts it, so two setups racing cannot both succeed.
  await db.schema
    .createTable('installation')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('set_up_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('associations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('municipality', 'varchar(200)', (c) => c.notNull())
    .addColumn('default_language', 'varchar(5)', (c) => c.notNull())
    .addColumn('require_two_factor', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('partner_organisations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('partner_organisations_assoc').on('partner_organisations').column('association_id').execute();

  await db.schema
    .createTable('members')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('user_id', 'varchar(64)', (c) => c.unique())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('partner_organisation_id', 'varchar(36)', (c) => c.references('partner_organisations.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('email', 'varchar(320)', (c) => c.notNull())
    .addColumn('phone', 'varchar(40)')
    .addColumn('language', 'varchar(5)', (c) => c.notNull())
    .addColumn('text_size', 'varchar(10)', (c) => c.notNull().defaultTo('normal'))
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('deactivated_at', 'varchar(30)')
    .execute();
  // One e-mail is one person across the installation: it is their sign-in.
  await db.schema.createIndex('members_email').on('members').column('email').unique().execute();
  await db.schema.createIndex('members_assoc_name').on('members').columns(['association_id', 'name']).execute();

  await db.schema
    .createTable('member_roles')
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('role', 'varchar(20)', (c) => c.notNull())
    .addPrimaryKeyConstraint('member_roles_pk', ['member_id', 'role'])
    .execute();
  await db.schema.createIndex('member_roles_assoc_role').on('member_roles').columns(['association_id', 'role']).execute();

  await db.schema
    .createTable('qualifications')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id').onDelete('cascade'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('achieved_on', 'varchar(10)', (c) => c.notNull())
    .addColumn('expires_on', 'varchar(10)')
    .addUniqueConstraint('qualifications_member_kind', ['member_id', 'kind'])
    .execute();

  await db.schema
    .createTable('invitations')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('token_hash', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('accepted_at', 'varchar(30)')
    .addColumn('revoked_at', 'varchar(30)')
    .addColumn('created_by', 'varchar(36)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('invitations_assoc').on('invitations').column('association_id').execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)')
    .addColumn('actor_member_id', 'varchar(36)')
    .addColumn('action', 'varchar(60)', (c) => c.notNull())
    .addColumn('entity_type', 'varchar(40)', (c) => c.notNull())
    .addColumn('entity_id', 'varchar(64)')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('audit_assoc_time').on('audit_log').columns(['association_id', 'created_at']).execute();
  await db.schema.createIndex('audit_assoc_entity').on('audit_log').columns(['association_id', 'entity_id']).execute();

  await db.schema
    .createTable('mail_outbox')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)')
    .addColumn('to_address', 'varchar(320)', (c) => c.notNull())
    .addColumn('language', 'varchar(5)', (c) => c.notNull())
    .addColumn('subject', 'varchar(300)', (c) => c.notNull())
    .addColumn('text_body', 'text', (c) => c.notNull())
    .addColumn('html_body', 'text', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('last_error', 'text')
    .addColumn('next_attempt_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('sent_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('mail_outbox_assoc_time').on('mail_outbox').columns(['association_id', 'created_at']).execute();
  await db.schema.createIndex('mail_outbox_due').on('mail_outbox').columns(['status', 'next_attempt_at']).execute();

  await db.schema
    .createTable('areas')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('geojson', 'text', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('areas_assoc').on('areas').column('association_id').execute();

  await db.schema
    .createTable('vehicles')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('registration', 'varchar(20)', (c) => c.notNull())
    .addColumn('status', 'varchar(20)', (c) => c.notNull())
    .addColumn('odometer_km', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('insurance_due_on', 'varchar(10)')
    .addColumn('service_due_on', 'varchar(10)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('vehicles_assoc_registration').on('vehicles').columns(['association_id', 'registration']).unique().execute();
  await db.schema.createIndex('vehicles_assoc').on('vehicles').column('association_id').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'vehicles',
    'areas',
    'mail_outbox',
    'audit_log',
    'invitations',
    'qualifications',
    'member_roles',
    'members',
    'partner_organisations',
    'associations',
  ]) {
    await db.schema.dropTable(t).execute();
  }
}
