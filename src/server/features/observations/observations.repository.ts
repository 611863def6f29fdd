/** All SQL about observations. Every query is scoped by association. */
import { sql, type Expression, type ExpressionBuilder, type Insertable, type Kysely, type Selectable, type SqlBool, type Updateable } from 'kysely';
import { floorOf } from '../../platform/db/sql.js';
import type { Dialect } from '../../platform/db/database.js';
import { auditRow, type AuditEntry } from '../../platform/audit/audit.repository.js';
import type { Database, ObservationTable } from '../../platform/db/schema.js';
import { hasPublicId, publicIdSql } from '../../platform/db/public-id.js';
import type { Executor } from '../../platform/db/database.js';

export type ObservationRow = Selectable<ObservationTable> & {
  category_code: string;
  label_sv: string;
  label_en: string;
  icon: string;
  area_name: string | null;
  author_name: string;
  /** The partner system whose key submitted it through the Open311 endpoint. */
  open311_source: string | null;
};

function withNames(db: Executor) {
  return db
    .selectFrom('observations')
    .innerJoin('observation_categories', 'observation_categories.id', 'observations.category_id')
    .innerJoin('members', 'members.id', 'observations.author_member_id')
    .leftJoin('areas', 'areas.id', 'observations.area_id')
    .leftJoin('open311_keys', 'open311_keys.id', 'observations.open311_key_id')
    .selectAll('observations')
    .select([
      'observation_categories.code as category_code',
      'observation_categories.label_sv',
      'observation_categories.label_en',
      'observation_categories.icon',
      'areas.name as area_name',
      'members.name as author_name',
      'open311_keys.name as open311_source',
    ]);
}

/** The association's observation under the id the phone made, with what a repeated PUT is compared against. */
export async function findOwn(db: Executor, associationId: string, id: string) {
  return db
    .selectFrom('observations')
    .select(['id', 'client_id', 'content_hash'])
    .where((eb) => hasPublicId(eb, associationId, id))
    .executeTakeFirst();
}

/** The association's observation under the id it knows (see public-id.ts). */
export async function findObservation(db: Executor, associationId: string, id: string): Promise<ObservationRow | undefined> {
  return withNames(db)
    .where((eb) => hasPublicId(eb as unknown as ExpressionBuilder<Database, 'observations'>, associationId, id))
    .executeTakeFirst();
}

/**
 * Inserts a new observation and its audit entry together; false when the id
 * exists already (a retry, or another association's id), in which case nothing is written. This is the path
 * every phone's upload takes, so on PostgreSQL it is one statement (a CTE:
 * the audit row is inserted only if the observation was), one round trip and
 * atomic without BEGIN/COMMIT; SQLite, in process, uses a transaction.
 */
export async function insertObservationAudited(db: Kysely<Database>, dialect: Dialect, row: Insertable<ObservationTable>, audit: AuditEntry): Promise<boolean> {
  const entry = auditRow(audit);
  if (dialect === 'postgres') {
    const res = await db
      .with('ins', (qb) =>
        qb
          .insertInto('observations')
          .values(row)
          .onConflict((oc) => oc.doNothing())
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
      .onConflict((oc) => oc.doNothing())
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
  /** A category and its subcategories. */
  categoryIds?: string[];
  urgency?: string;
  status?: string;
  areaId?: string;
  vehicleId?: string;
  memberId?: string;
  shiftId?: string;
  /** Only what this member wrote or saw on a shift they rode. */
  visibleTo?: string;
  before?: { observedAt: string; id: string };
  limit: number;
}

type FilterBuilder = ExpressionBuilder<Database, 'observations' | 'observation_categories'>;

/** The filter's conditions, shared by the list and the map (both join observation_categories). */
function matching(eb: FilterBuilder, associationId: string, f: Omit<ObservationFilter, 'limit' | 'before'>): Expression<SqlBool> {
  const all: Expression<SqlBool>[] = [eb('observations.association_id', '=', associationId)];
  if (f.fromIso) all.push(eb('observations.observed_at', '>=', f.fromIso));
  if (f.toIso) all.push(eb('observations.observed_at', '<', f.toIso));
  // A category with its subcategories, as a list of ids so the (association, category, time) index serves it.
  if (f.categoryIds) all.push(eb('observations.category_id', 'in', f.categoryIds.length ? f.categoryIds : ['-']));
  if (f.urgency) all.push(eb('observations.urgency', '=', f.urgency));
  // The status is derived (see statusOf), so its filter is the same rule in SQL.
  if (f.status === 'handed_to_police') all.push(eb('observations.handed_to_police_at', 'is not', null));
  if (f.status === 'no_action') all.push(eb.and([eb('observations.handed_to_police_at', 'is', null), eb('observations.urgency', '=', 'note')]));
  if (f.status === 'open') all.push(eb.and([eb('observations.handed_to_police_at', 'is', null), eb('observations.urgency', '!=', 'note')]));
  // Routed, needing action, and no rule gave it a recipient: the coordinators' to send.
  if (f.status === 'not_sent')
    all.push(
      eb.and([
        eb('observations.routed_at', 'is not', null),
        eb('observations.handed_to_police_at', 'is', null),
        eb('observations.urgency', '!=', 'note'),
        eb.not(
          eb.exists(
            eb
              .selectFrom('action_item_observations')
              .select('action_item_observations.item_id')
              .whereRef('action_item_observations.observation_id', '=', 'observations.id'),
          ),
        ),
      ]),
    );
  if (f.areaId) all.push(eb('observations.area_id', '=', f.areaId));
  if (f.vehicleId) all.push(eb('observations.vehicle_id', '=', f.vehicleId));
  if (f.memberId) all.push(eb('observations.author_member_id', '=', f.memberId));
  if (f.shiftId) all.push(eb('observations.shift_id', '=', f.shiftId));
  if (f.visibleTo) {
    const member = f.visibleTo;
    all.push(
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
  return eb.and(all);
}

/** Newest first, a page at a time (keyset: observed_at, id). */
export async function listObservations(db: Executor, associationId: string, f: ObservationFilter): Promise<ObservationRow[]> {
  let q = withNames(db).where((eb) => matching(eb as unknown as FilterBuilder, associationId, f));
  if (f.before) {
    const { observedAt, id } = f.before;
    q = q.where((eb) =>
      eb.or([eb('observations.observed_at', '<', observedAt), eb.and([eb('observations.observed_at', '=', observedAt), eb('observations.id', '<', id)])]),
    );
  }
  return q.orderBy('observations.observed_at', 'desc').orderBy('observations.id', 'desc').limit(f.limit).execute();
}

/** How many match the filter, counted up to a cap: ids only, no names, photos or outcomes. */
export async function countMatching(db: Executor, associationId: string, f: Omit<ObservationFilter, 'limit' | 'before'>, cap: number): Promise<number> {
  const rows = await db
    .selectFrom('observations')
    .innerJoin('observation_categories', 'observation_categories.id', 'observations.category_id')
    .select('observations.id')
    .where((eb) => matching(eb, associationId, f))
    .limit(cap)
    .execute();
  return rows.length;
}

export interface Viewport {
  west: number;
  south: number;
  east: number;
  north: number;
}

function inView(db: Executor, associationId: string, f: Omit<ObservationFilter, 'limit' | 'before'>, v: Viewport) {
  return db
    .selectFrom('observations')
    .innerJoin('observation_categories', 'observation_categories.id', 'observations.category_id')
    .where((eb) => matching(eb, associationId, f))
    .where('observations.lat', '>=', v.south)
    .where('observations.lat', '<=', v.north)
    .where('observations.lng', '>=', v.west)
    .where('observations.lng', '<=', v.east);
}

/**
 * Observations in a viewport counted per grid cell (columns × rows over the
 * viewport): the centre of each cell's points and how many, and the id when
 * a cell holds one. However many observations there are, the answer has at
 * most (columns + 1) × (rows + 1) markers.
 */
export async function cellsInView(
  db: Executor,
  dialect: Dialect,
  associationId: string,
  f: Omit<ObservationFilter, 'limit' | 'before'>,
  v: Viewport,
  columns: number,
  rows: number,
) {
  const cellLng = (v.east - v.west) / columns;
  const cellLat = (v.north - v.south) / rows;
  const x = floorOf(dialect, sql<number>`(observations.lng - ${v.west}) / ${cellLng}`);
  const y = floorOf(dialect, sql<number>`(observations.lat - ${v.south}) / ${cellLat}`);
  const cells = await inView(db, associationId, f, v)
    .select((eb) => [
      x.as('x'),
      y.as('y'),
      eb.fn.countAll<string | number>().as('n'),
      eb.fn.avg<string | number>('observations.lat').as('lat'),
      eb.fn.avg<string | number>('observations.lng').as('lng'),
      eb.fn.min(publicIdSql()).as('id'),
    ])
    // By the output names: PostgreSQL would see the same expression with new parameters as a different one.
    .groupBy([sql.ref('x'), sql.ref('y')])
    .execute();
  return cells.map((c) => ({
    x: Number(c.x),
    y: Number(c.y),
    lat: Number(c.lat),
    lng: Number(c.lng),
    count: Number(c.n),
    id: Number(c.n) === 1 ? c.id : null,
  }));
}

/** Every observation in the viewport as its own marker (when there are few). */
export async function pointsInView(db: Executor, associationId: string, f: Omit<ObservationFilter, 'limit' | 'before'>, v: Viewport, limit: number) {
  const rows = await inView(db, associationId, f, v)
    .select([publicIdSql().as('id'), 'observations.lat', 'observations.lng'])
    .orderBy('observations.observed_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ lat: Number(r.lat), lng: Number(r.lng), count: 1, id: r.id }));
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
