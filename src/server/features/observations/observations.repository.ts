/** All SQL about observations. Every query is scoped by association. */
import { sql, type Kysely, type Selectable, type Transaction, type Updateable } from 'kysely';
import type { Dialect } from '../../platform/db/database.js';
import { auditRow, type AuditEntry } from '../../platform/audit/audit.js';
import type { Database, ObservationTable } from '../../platform/db/schema.js';

type Executor = Kysely<Database> | Transaction<Database>;
export type ObservationRow = Selectable<ObservationTable> & {
  category_code: string;
  label_sv: string;
  label_en: string;
  icon: string;
  area_name: string | null;
  author_name: string;
};

function withNames(db: Executor) {
  return db
    .selectFrom('observations')
    .innerJoin('observation_categories', 'observation_categories.id', 'observations.category_id')
    .innerJoin('members', 'members.id', 'observations.author_member_id')
    .leftJoin('areas', 'areas.id', 'observations.area_id')
    .selectAll('observations')
    .select([
      'observation_categories.code as category_code',
      'observation_categories.label_sv',
      'observation_categories.label_en',
      'observation_categories.icon',
      'areas.name as area_name',
      'members.name as author_name',
    ]);
}

/** By id in any association: a client-made id is unique across the installation. */
export async function findAnywhere(db: Executor, id: string) {
  return db.selectFrom('observations').select(['id', 'association_id', 'content_hash']).where('id', '=', id).executeTakeFirst();
}

export async function findObservation(db: Executor, associationId: string, id: string): Promise<ObservationRow | undefined> {
  return withNames(db).where('observations.association_id', '=', associationId).where('observations.id', '=', id).executeTakeFirst();
}

/**
 * Inserts a new observation and its audit entry together; false when the id
 * exists already (a retry), in which case nothing is written. This is the path
 * every phone's upload takes, so on PostgreSQL it is one statement (a CTE:
 * the audit row is inserted only if the observation was), one round trip and
 * atomic without BEGIN/COMMIT; SQLite, in process, uses a transaction.
 */
export async function insertObservationAudited(db: Kysely<Database>, dialect: Dialect, row: ObservationTable, audit: AuditEntry): Promise<boolean> {
  const entry = auditRow(audit);
  if (dialect === 'postgres') {
    const res = await db
      .with('ins', (qb) =>
        qb
          .insertInto('observations')
          .values(row)
          .onConflict((oc) => oc.column('id').doNothing())
          .returning('id'),
      )
      .insertInto('audit_log')
      .columns(['id', 'association_id', 'actor_member_id', 'action', 'entity_type', 'entity_id', 'before_json', 'after_json', 'created_at'])
      .expression((eb) =>
        eb
          .selectFrom('ins')
          .select([
            sql<string>`${entry.id}::varchar`.as('id'),
            sql<string>`${entry.association_id}::varchar`.as('association_id'),
            sql<string>`${entry.actor_member_id}::varchar`.as('actor_member_id'),
            sql<string>`${entry.action}::varchar`.as('action'),
            sql<string>`${entry.entity_type}::varchar`.as('entity_type'),
            sql<string>`${entry.entity_id}::varchar`.as('entity_id'),
            sql<string>`${entry.before_json}::text`.as('before_json'),
            sql<string>`${entry.after_json}::text`.as('after_json'),
            sql<string>`${entry.created_at}::varchar`.as('created_at'),
          ]),
      )
      .executeTakeFirst();
    return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
  }
  return db.transaction().execute(async (trx) => {
    const res = await trx
      .insertInto('observations')
      .values(row)
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    if (Number(res.numInsertedOrUpdatedRows ?? 0) === 0) return false;
    await trx.insertInto('audit_log').values(entry).execute();
    return true;
  });
}

export async function updateObservation(
  db: Executor,
  associationId: string,
  id: string,
  changes: Omit<Updateable<ObservationTable>, 'id' | 'association_id'>,
): Promise<void> {
  await db.updateTable('observations').set(changes).where('association_id', '=', associationId).where('id', '=', id).execute();
}

export interface ObservationFilter {
  fromIso?: string;
  toIso?: string;
  categoryId?: string;
  urgency?: string;
  areaId?: string;
  vehicleId?: string;
  memberId?: string;
  shiftId?: string;
  /** Only what this member wrote or saw on a shift they rode. */
  visibleTo?: string;
  before?: { observedAt: string; id: string };
  limit: number;
}

/** Newest first, a page at a time (keyset: observed_at, id). */
export async function listObservations(db: Executor, associationId: string, f: ObservationFilter): Promise<ObservationRow[]> {
  let q = withNames(db).where('observations.association_id', '=', associationId);
  if (f.fromIso) q = q.where('observations.observed_at', '>=', f.fromIso);
  if (f.toIso) q = q.where('observations.observed_at', '<', f.toIso);
  if (f.categoryId) {
    const categoryId = f.categoryId;
    // A category includes its subcategories.
    q = q.where((eb) => eb.or([eb('observations.category_id', '=', categoryId), eb('observation_categories.parent_id', '=', categoryId)]));
  }
  if (f.urgency) q = q.where('observations.urgency', '=', f.urgency);
  if (f.areaId) q = q.where('observations.area_id', '=', f.areaId);
  if (f.vehicleId) q = q.where('observations.vehicle_id', '=', f.vehicleId);
  if (f.memberId) q = q.where('observations.author_member_id', '=', f.memberId);
  if (f.shiftId) q = q.where('observations.shift_id', '=', f.shiftId);
  if (f.visibleTo) {
    const member = f.visibleTo;
    q = q.where((eb) =>
      eb.or([
        eb('observations.author_member_id', '=', member),
        eb.exists(
          eb
            .selectFrom('shift_crew')
            .select('shift_crew.id')
            .whereRef('shift_crew.shift_id', '=', 'observations.shift_id')
            .where('shift_crew.member_id', '=', member)
            .where('shift_crew.place', '=', 'crew'),
        ),
      ]),
    );
  }
  if (f.before) {
    const { observedAt, id } = f.before;
    q = q.where((eb) =>
      eb.or([eb('observations.observed_at', '<', observedAt), eb.and([eb('observations.observed_at', '=', observedAt), eb('observations.id', '<', id)])]),
    );
  }
  return q.orderBy('observations.observed_at', 'desc').orderBy('observations.id', 'desc').limit(f.limit).execute();
}

/** Whether the member was in the crew of the shift. */
export async function rodeShift(db: Executor, shiftId: string, memberId: string): Promise<boolean> {
  const seat = await db
    .selectFrom('shift_crew')
    .select('id')
    .where('shift_id', '=', shiftId)
    .where('member_id', '=', memberId)
    .where('place', '=', 'crew')
    .executeTakeFirst();
  return Boolean(seat);
}

export interface PhotoRow {
  observation_id: string;
  sha256: string;
  width: number;
  height: number;
}

/** The photos of these observations, oldest first. */
export async function photosOf(db: Executor, associationId: string, ids: string[]): Promise<PhotoRow[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('observation_photos')
    .select(['observation_id', 'sha256', 'width', 'height'])
    .where('association_id', '=', associationId)
    .where('observation_id', 'in', ids)
    .orderBy('created_at')
    .execute();
}

/** Adds a photo to an observation; the same photo again changes nothing. */
export async function insertPhoto(
  db: Executor,
  row: { observation_id: string; sha256: string; association_id: string; mime: string; width: number; height: number; bytes: number; created_at: string },
): Promise<void> {
  await db
    .insertInto('observation_photos')
    .values(row)
    .onConflict((oc) => oc.columns(['observation_id', 'sha256']).doNothing())
    .execute();
}
