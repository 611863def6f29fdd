/** Shifts: templates, shifts with their run (check-in/-out), crew and waiting list, calendar feeds, sent notices. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  // Association rules for sign-up, withdrawal, check-in and asking for help.
  await db.schema
    .alterTable('associations')
    .addColumn('signup_closes_hours', 'integer', (c) => c.notNull().defaultTo(2))
    .execute();
  await db.schema
    .alterTable('associations')
    .addColumn('withdraw_deadline_hours', 'integer', (c) => c.notNull().defaultTo(48))
    .execute();
  await db.schema
    .alterTable('associations')
    .addColumn('checkin_grace_minutes', 'integer', (c) => c.notNull().defaultTo(30))
    .execute();
  await db.schema
    .alterTable('associations')
    .addColumn('short_shift_notice_days', 'integer', (c) => c.notNull().defaultTo(3))
    .execute();
  // A member's own cap on shifts per week; null means no cap.
  await db.schema.alterTable('members').addColumn('max_shifts_per_week', 'integer').execute();

  await db.schema
    .createTable('shift_templates')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('vehicle_id', 'varchar(36)', (c) => c.notNull().references('vehicles.id'))
    .addColumn('name', 'varchar(100)', (c) => c.notNull())
    .addColumn('weekdays', 'varchar(20)', (c) => c.notNull()) // ISO weekdays, "1,2,3,4,5"
    .addColumn('start_time', 'varchar(5)', (c) => c.notNull()) // local HH:MM
    .addColumn('end_time', 'varchar(5)', (c) => c.notNull()) // local HH:MM; at or before start means the next day
    .addColumn('crew_min', 'integer', (c) => c.notNull())
    .addColumn('crew_max', 'integer', (c) => c.notNull())
    .addColumn('area_id', 'varchar(36)', (c) => c.references('areas.id'))
    .addColumn('valid_from', 'varchar(10)', (c) => c.notNull())
    .addColumn('valid_until', 'varchar(10)')
    .addColumn('archived_at', 'varchar(30)')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shift_templates_assoc').on('shift_templates').columns(['association_id', 'vehicle_id']).execute();

  await db.schema
    .createTable('shifts')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('vehicle_id', 'varchar(36)', (c) => c.notNull().references('vehicles.id'))
    .addColumn('template_id', 'varchar(36)', (c) => c.references('shift_templates.id'))
    .addColumn('starts_at', 'varchar(30)', (c) => c.notNull()) // UTC instant
    .addColumn('ends_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('crew_min', 'integer', (c) => c.notNull())
    .addColumn('crew_max', 'integer', (c) => c.notNull())
    .addColumn('area_id', 'varchar(36)', (c) => c.references('areas.id'))
    .addColumn('note', 'varchar(500)')
    .addColumn('status', 'varchar(20)', (c) => c.notNull()) // planned, in_progress, closed, cancelled
    .addColumn('cancel_reason', 'varchar(500)')
    // Bumped on every change a calendar should see (RFC 5545 SEQUENCE).
    .addColumn('sequence', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('checked_in_at', 'varchar(30)')
    .addColumn('checked_in_by', 'varchar(36)')
    .addColumn('driver_member_id', 'varchar(36)')
    .addColumn('odometer_start_km', 'integer')
    .addColumn('start_place', 'varchar(200)')
    .addColumn('briefing_note', 'varchar(1000)')
    .addColumn('checked_out_at', 'varchar(30)')
    .addColumn('odometer_end_km', 'integer')
    .addColumn('end_place', 'varchar(200)')
    .addColumn('summary', 'varchar(2000)')
    .addColumn('nothing_to_report', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shifts_assoc_start').on('shifts').columns(['association_id', 'starts_at']).execute();
  await db.schema.createIndex('shifts_vehicle_start').on('shifts').columns(['vehicle_id', 'starts_at']).execute();
  // Generating a period twice makes each templated shift once.
  await db.schema.createIndex('shifts_template_start').on('shifts').columns(['template_id', 'starts_at']).unique().execute();

  await db.schema
    .createTable('shift_crew')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('shift_id', 'varchar(36)', (c) => c.notNull().references('shifts.id'))
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('place', 'varchar(10)', (c) => c.notNull()) // crew or waiting
    .addColumn('as_driver', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('as_leader', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('present', 'integer')
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('shift_crew_shift_member').on('shift_crew').columns(['shift_id', 'member_id']).unique().execute();
  await db.schema.createIndex('shift_crew_member').on('shift_crew').columns(['association_id', 'member_id']).execute();

  await db.schema
    .createTable('calendar_feeds')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('vehicle_id', 'varchar(36)', (c) => c.references('vehicles.id')) // null: the member's own shifts
    .addColumn('token', 'varchar(64)', (c) => c.notNull().unique())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('revoked_at', 'varchar(30)')
    .execute();
  await db.schema.createIndex('calendar_feeds_member').on('calendar_feeds').columns(['association_id', 'member_id']).execute();

  // One row per automatic message sent: the unique key makes each reminder go out once, even with two servers.
  await db.schema
    .createTable('notices')
    .addColumn('key', 'varchar(200)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['notices', 'calendar_feeds', 'shift_crew', 'shifts', 'shift_templates']) await db.schema.dropTable(t).execute();
  await db.schema.alterTable('members').dropColumn('max_shifts_per_week').execute();
  for (const c of ['short_shift_notice_days', 'checkin_grace_minutes', 'withdraw_deadline_hours', 'signup_closes_hours']) {
    await db.schema.alterTable('associations').dropColumn(c).execute();
  }
}
