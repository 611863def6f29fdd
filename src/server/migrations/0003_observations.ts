/** Observations: each association's category taxonomy, and observations made in the car under client-made ids. */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('observation_categories')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('code', 'varchar(60)', (c) => c.notNull())
    .addColumn('parent_id', 'varchar(36)', (c) => c.references('observation_categories.id'))
    .addColumn('label_sv', 'varchar(120)', (c) => c.notNull())
    .addColumn('label_en', 'varchar(120)', (c) => c.notNull())
    .addColumn('icon', 'varchar(16)', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull())
    .addColumn('enabled', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('observation_categories_code').on('observation_categories').columns(['association_id', 'code']).unique().execute();

  await db.schema
    .createTable('observations')
    // Made by the phone (UUIDv7), so a retried upload finds the row it already made.
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('author_member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('shift_id', 'varchar(36)', (c) => c.references('shifts.id'))
    .addColumn('vehicle_id', 'varchar(36)', (c) => c.references('vehicles.id'))
    .addColumn('category_id', 'varchar(36)', (c) => c.notNull().references('observation_categories.id'))
    .addColumn('urgency', 'varchar(20)', (c) => c.notNull())
    .addColumn('text', 'varchar(1000)')
    .addColumn('lat', 'double precision', (c) => c.notNull())
    .addColumn('lng', 'double precision', (c) => c.notNull())
    .addColumn('accuracy_m', 'integer')
    .addColumn('area_id', 'varchar(36)', (c) => c.references('areas.id'))
    .addColumn('address', 'varchar(300)')
    .addColumn('observed_at', 'varchar(30)', (c) => c.notNull())
    // Handed to the police: the text is not kept, only when and the police's reference.
    .addColumn('handed_to_police_at', 'varchar(30)')
    .addColumn('police_reference', 'varchar(100)')
    .addColumn('call_112_at', 'varchar(30)')
    .addColumn('call_reference', 'varchar(100)')
    // SHA-256 of the content as first sent: the same id with other content is refused, not overwritten.
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('updated_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('observations_assoc_time').on('observations').columns(['association_id', 'observed_at']).execute();
  await db.schema.createIndex('observations_assoc_category').on('observations').columns(['association_id', 'category_id', 'observed_at']).execute();
  await db.schema.createIndex('observations_assoc_place').on('observations').columns(['association_id', 'lat', 'lng']).execute();
  await db.schema.createIndex('observations_shift').on('observations').columns(['shift_id']).execute();
  // Photos are stored by the SHA-256 of their re-encoded bytes; the same photo sent twice is one row.
  await db.schema
    .createTable('observation_photos')
    .addColumn('observation_id', 'varchar(36)', (c) => c.notNull().references('observations.id'))
    .addColumn('sha256', 'varchar(64)', (c) => c.notNull())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('mime', 'varchar(40)', (c) => c.notNull())
    .addColumn('width', 'integer', (c) => c.notNull())
    .addColumn('height', 'integer', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('observation_photos_pk', ['observation_id', 'sha256'])
    .execute();
  // The route driven on a shift, with the crew's consent: segments the phone sends, each a polyline.
  await db.schema
    .createTable('track_segments')
    .addColumn('id', 'varchar(36)', (c) => c.primaryKey())
    .addColumn('association_id', 'varchar(36)', (c) => c.notNull().references('associations.id'))
    .addColumn('shift_id', 'varchar(36)', (c) => c.notNull().references('shifts.id'))
    .addColumn('member_id', 'varchar(36)', (c) => c.notNull().references('members.id'))
    .addColumn('started_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('ended_at', 'varchar(30)', (c) => c.notNull())
    .addColumn('point_count', 'integer', (c) => c.notNull())
    // Encoded polyline (precision 5) and seconds since started_at per point, comma-separated.
    .addColumn('polyline', 'text', (c) => c.notNull())
    .addColumn('seconds', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'varchar(64)', (c) => c.notNull())
    .addColumn('created_at', 'varchar(30)', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('track_segments_shift').on('track_segments').columns(['association_id', 'shift_id', 'started_at']).execute();
  await db.schema.createIndex('observations_author').on('observations').columns(['association_id', 'author_member_id', 'observed_at']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('track_segments').execute();
  await db.schema.dropTable('observation_photos').execute();
  await db.schema.dropTable('observations').execute();
  await db.schema.dropTable('observation_categories').execute();
}
