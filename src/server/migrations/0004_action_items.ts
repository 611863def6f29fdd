/**
 * Action by the right recipient: recipients and their channels, routing rules
 * (category × area), action items with their timeline and the observations they
 * gather, single-use answer links for recipients, and the durable job table.
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('recipients')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    // A partner organisation whose accounts may follow the items addressed to it.
    .addColumn('partner_organisation_id', 'varchar(36)', (c) => c.references('partner_organisations.id'))
    .addColumn('name', 'varchar(200)', (c) => c.notNull())
    .addColumn('kind', 'varchar(20)', (c) => c.notNull())
    .addColumn('language', 'varchar(5)', (c) => c.notNull())
    // Days the recipient has to answer before a reminder goes out.
    .addColumn('response_days', 'integer', (c) => c.notNull())
    // email | open311 | manual
    .addColumn('channel', 'varchar(10)', (c) => c.notNull())
    .addColumn('email', 'varchar(320)')
    // each | daily: routine items may wait for one digest a day; urgent ones never do.
    .addColumn('delivery', 'varchar(10)', (c) => c.notNull())
    .addColumn('open311_url', 'varchar(500)')
    .addColumn('open311_api_key', 'varchar(200)')
    .addColumn('open311_jurisdiction', 'varchar(100)')
    // JSON: { "<category code>": "<service code>" }
    .addColumn('open311_service_codes', 'text', (c) => c.notNull())
    // Phone number or web form and what to do there, for the manual channel.
    .addColumn('manual_instructions', 'varchar(1000)')
    // JSON: [{ name, role, email, phone }]
    .addColumn('contacts', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('recipients_assoc').on('recipients').columns(['association_id', 'name']).execute();

  await db.schema
    .createTable('routing_rules')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    // Null: every category. A rule for a category covers its subcategories.
    .addColumn('category_id', 'varchar(36)', (c) => c.references('observation_categories.id'))
    // Null: everywhere.
    .addColumn('area_id', 'varchar(36)', (c) => c.references('areas.id'))
    .addColumn('recipient_id', 'varchar(36)', (c) => c.notNull().references('recipients.id'))
    // Lower first. A matching rule marked final stops the rules after it.
    .addColumn('precedence', 'integer', (c) => c.notNull())
    .addColumn('final', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('routing_rules_assoc').on('routing_rules').columns(['association_id', 'precedence']).execute();

  await db.schema
    .createTable('action_items')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('recipient_id', 'varchar(36)', (c) => c.notNull().references('recipients.id'))
    .addColumn('category_id', 'varchar(36)', (c) => c.notNull().references('observation_categories.id'))
    // new → queued → sent → acknowledged → in_progress → resolved | rejected | not_responsible | duplicate
    .addColumn('state', 'varchar(20)', (c) => c.notNull())
    .addColumn('urgent', 'integer', (c) => c.notNull())
    // Where the first observation was: the search for duplicates nearby uses it.
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('external_reference', 'varchar(100)')
    // Delivery: the last failure, shown to coordinators until a retry succeeds.
    .addColumn('delivery_error', 'varchar(500)')
    .addColumn('open311_request_id', 'varchar(100)')
    .addColumn('open311_token', 'varchar(100)')
    .addColumn('sent_at', 'varchar(30)')
    // The recipient's deadline to answer, from sent_at and the recipient's response days.
    .addColumn('due_at', 'varchar(30)')
    .addColumn('answered_at', 'varchar(30)')
    .addColumn('closed_at', 'varchar(30)')
    .addColumn('reminded_at', 'varchar(30)')
    .addColumn('escalated_at', 'varchar(30)')
    // A re-check on a later patrol (graffiti: the municipality's 48 hours).
    .addColumn('recheck_due_at', 'varchar(30)')
    .addColumn('rechecked_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('action_items_assoc_state').on('action_items').columns(['association_id', 'state', 'created_at']).execute();
  await db.schema.createIndex('action_items_place').on('action_items').columns(['association_id', 'category_id', 'lat', 'lng']).execute();
  await db.schema.createIndex('action_items_due').on('action_items').columns(['state', 'due_at']).execute();

  await db.schema
    .createTable('action_item_observations')
    .addColumn('item_id', 'varchar(36)', (c) => c.notNull().references('action_items.id'))
    .addColumn('observation_id', 'varchar(36)', (c) => c.notNull().references('observations.id'))
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('action_item_observations_pk', ['item_id', 'observation_id'])
    .execute();
  await db.schema.createIndex('action_item_observations_obs').on('action_item_observations').columns(['observation_id']).execute();

  await db.schema
    .createTable('action_item_events')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('item_id', 'varchar(36)', (c) => c.notNull().references('action_items.id'))
    .addColumn('at', 'varchar(30)', (c) => c.notNull())
    .addColumn('kind', 'varchar(30)', (c) => c.notNull())
    .addColumn('state', 'varchar(20)')
    .addColumn('note', 'varchar(2000)')
    .addColumn('external_reference', 'varchar(100)')
    // Who: a member, the recipient (through a link or Open311), or the system (both null).
    .addColumn('member_id', 'varchar(36)', (c) => c.references('members.id'))
    .addColumn('by_recipient', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema.createIndex('action_item_events_item').on('action_item_events').columns(['item_id', 'at']).execute();

  // The nonce of each answer link sent; a link is used once and expires.
  await db.schema
    .createTable('recipient_links')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('item_id', 'varchar(36)', (c) => c.notNull().references('action_items.id'))
    .addColumn('expires_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();

  // Which action items a queued mail delivers: when it is sent, they are sent; when it fails, they show it.
  await db.schema
    .createTable('mail_action_items')
    .addColumn('mail_id', 'varchar(36)', (c) => c.notNull().references('mail_outbox.id'))
    .addColumn('item_id', 'varchar(36)', (c) => c.notNull().references('action_items.id'))
    .addPrimaryKeyConstraint('mail_action_items_pk', ['mail_id', 'item_id'])
    .execute();
  await db.schema.createIndex('mail_action_items_item').on('mail_action_items').columns(['item_id']).execute();
  // Photos go along as attachments: JSON [{ filename, sha256, mime }] read from the file store when sending.
  await db.schema.alterTable('mail_outbox').addColumn('attachments', 'text').execute();

  // Durable background work beyond mail (Open311 delivery and polling): written in the
  // same transaction as the change that causes it, claimed by one worker at a time.
  await db.schema
    .createTable('jobs')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.references('associations.id'))
    .addColumn('kind', 'varchar(40)', (c) => c.notNull())
    .addColumn('payload', 'text', (c) => c.notNull())
    // pending | running | done | failed
    .addColumn('status', 'varchar(10)', (c) => c.notNull())
    .addColumn('run_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('max_attempts', 'integer', (c) => c.notNull())
    .addColumn('last_error', 'varchar(500)')
    .addColumn('locked_until', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('jobs_due').on('jobs').columns(['status', 'run_at']).execute();

  // Observations are routed once, by a sweep; those from before routing existed count as routed.
  await db.schema.alterTable('observations').addColumn('routed_at', 'varchar(30)').execute();
  await sql`update observations set routed_at = created_at`.execute(db);
  await db.schema.createIndex('observations_unrouted').on('observations').columns(['routed_at', 'created_at']).execute();
  // Hours after resolution when a later patrol should look again (graffiti: 48); null for none.
  await db.schema.alterTable('observation_categories').addColumn('recheck_hours', 'integer').execute();
  await sql`update observation_categories set recheck_hours = 48 where code = 'graffiti'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('observation_categories').dropColumn('recheck_hours').execute();
  await db.schema.dropIndex('observations_unrouted').execute();
  await db.schema.alterTable('observations').dropColumn('routed_at').execute();
  await db.schema.dropTable('jobs').execute();
  await db.schema.alterTable('mail_outbox').dropColumn('attachments').execute();
  for (const t of ['mail_action_items', 'recipient_links', 'action_item_events', 'action_item_observations', 'action_items', 'routing_rules', 'recipients']) {
    await db.schema.dropTable(t).execute();
  }
}
