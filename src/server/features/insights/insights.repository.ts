/**
 * The SQL of the follow-up. Every query is one association's, over a span of
 * UTC instants that covers the period and the one before it, and groups in
 * the database where the rows could be many (observations); what is left is
 * small enough to sort into periods, local weekdays and hours in the service.
 */
import { sql } from 'kysely';
import type { Dialect } from '../../platform/db/database.js';
import { weekdayHourOf } from '../../platform/db/sql.js';
import type { OffsetSpan } from './period.js';
import type { Executor } from '../../platform/db/database.js';

export interface Span {
  fromIso: string;
  toIso: string;
  areaId?: string;
}

export function shiftsIn(db: Executor, associationId: string, s: Span) {
  return db
    .selectFrom('shifts')
    .select(['id', 'starts_at', 'status', 'crew_min', 'checked_in_at', 'checked_out_at', 'odometer_start_km', 'odometer_end_km'])
    .where('association_id', '=', associationId)
    .where('starts_at', '>=', s.fromIso)
    .where('starts_at', '<', s.toIso)
    .$if(s.areaId !== undefined, (q) => q.where('area_id', '=', s.areaId!))
    .execute();
}

/** The crew seats of those shifts: roles for staffing, presence for hours. */
export function crewIn(db: Executor, associationId: string, s: Span) {
  return (
    db
      .selectFrom('shift_crew')
      .innerJoin('shifts', 'shifts.id', 'shift_crew.shift_id')
      .select(['shift_crew.shift_id', 'shift_crew.as_driver', 'shift_crew.as_leader', 'shift_crew.present'])
      .where('shift_crew.association_id', '=', associationId)
      .where('shift_crew.place', '=', 'crew')
      // The shifts' own association too: without it PostgreSQL scans every association's shifts (70 ms at 180,000).
      .where('shifts.association_id', '=', associationId)
      .where('shifts.starts_at', '>=', s.fromIso)
      .where('shifts.starts_at', '<', s.toIso)
      .$if(s.areaId !== undefined, (q) => q.where('shifts.area_id', '=', s.areaId!))
      .execute()
  );
}

/** 0 for the period (from splitIso on), 1 for the one before. */
const periodOf = (splitIso: string) => sql<number>`case when observations.observed_at >= ${splitIso} then 0 else 1 end`;

const inSpan = (db: Executor, associationId: string, s: Span) =>
  db
    .selectFrom('observations')
    .where('association_id', '=', associationId)
    .where('observed_at', '>=', s.fromIso)
    .where('observed_at', '<', s.toIso)
    .$if(s.areaId !== undefined, (q) => q.where('area_id', '=', s.areaId!));

/** Observations counted per category and area, in the period (0) and the one before (1). */
export async function countsByCategoryArea(db: Executor, associationId: string, s: Span, splitIso: string) {
  const rows = await inSpan(db, associationId, s)
    .select((eb) => ['category_id', 'area_id', periodOf(splitIso).as('period'), eb.fn.countAll<string | number>().as('n')])
    .groupBy(['category_id', 'area_id', sql.ref('period')])
    .execute();
  return rows.map((r) => ({ categoryId: r.category_id, areaId: r.area_id, period: Number(r.period) as 0 | 1, count: Number(r.n) }));
}

/**
 * Observations counted per local weekday and hour, in the period (0) and the
 * one before (1): each instant moved by the zone's offset of its stretch
 * between clock changes, so a few hundred rows come back, not one per hour.
 */
export async function countsByWeekdayHour(db: Executor, dialect: Dialect, associationId: string, s: Span, splitIso: string, offsets: OffsetSpan[]) {
  // The offsets are whole numbers this code computed: literals, so PostgreSQL types the CASE as a number.
  const last = offsets[offsets.length - 1]!;
  const offset =
    offsets.length === 1
      ? sql<number>`${sql.lit(last.offset)}`
      : sql<number>`(case ${sql.join(
          offsets.slice(0, -1).map((o) => sql`when observations.observed_at < ${o.toIso} then ${sql.lit(o.offset)}`),
          sql` `,
        )} else ${sql.lit(last.offset)} end)`;
  const local = weekdayHourOf(dialect, sql<string>`observations.observed_at`, offset);
  const rows = await inSpan(db, associationId, s)
    .select((eb) => [local.as('local'), periodOf(splitIso).as('period'), eb.fn.countAll<string | number>().as('n')])
    .groupBy([sql.ref('local'), sql.ref('period')])
    .execute();
  return rows.map((r) => ({ weekday: Math.floor(Number(r.local) / 100), hour: Number(r.local) % 100, period: Number(r.period) as 0 | 1, count: Number(r.n) }));
}

/** Items sent in the span (in the area: made of an observation there). */
export function itemsSentIn(db: Executor, associationId: string, s: Span) {
  return db
    .selectFrom('action_items')
    .select(['recipient_id', 'state', 'sent_at', 'closed_at', 'answered_at', 'due_at', 'first_due_at'])
    .where('association_id', '=', associationId)
    .where('sent_at', '>=', s.fromIso)
    .where('sent_at', '<', s.toIso)
    .$if(s.areaId !== undefined, (q) =>
      q.where((eb) =>
        eb.exists(
          eb
            .selectFrom('action_item_observations')
            .innerJoin('observations', 'observations.id', 'action_item_observations.observation_id')
            .select(sql`1`.as('one'))
            .whereRef('action_item_observations.item_id', '=', 'action_items.id')
            .where('observations.area_id', '=', s.areaId!),
        ),
      ),
    )
    .execute() as Promise<
    {
      recipient_id: string;
      state: string;
      sent_at: string;
      closed_at: string | null;
      answered_at: string | null;
      due_at: string | null;
      first_due_at: string | null;
    }[]
  >;
}

export function namesOf(db: Executor, associationId: string) {
  return Promise.all([
    db.selectFrom('observation_categories').select(['id', 'label_sv', 'label_en', 'icon', 'sort_order']).where('association_id', '=', associationId).execute(),
    db.selectFrom('areas').select(['id', 'name']).where('association_id', '=', associationId).execute(),
    db.selectFrom('recipients').select(['id', 'name']).where('association_id', '=', associationId).execute(),
  ]);
}

/** The recorded route segments of shifts that started in the span. */
export function tracksIn(db: Executor, associationId: string, s: Span) {
  return db
    .selectFrom('track_segments')
    .select(['shift_id', 'polyline'])
    .where('association_id', '=', associationId)
    .where('started_at', '>=', s.fromIso)
    .where('started_at', '<', s.toIso)
    .execute();
}

export function findIopReport(db: Executor, associationId: string, from: string, to: string) {
  return db
    .selectFrom('iop_reports')
    .selectAll()
    .where('association_id', '=', associationId)
    .where('period_from', '=', from)
    .where('period_to', '=', to)
    .executeTakeFirst();
}

/** Saves the board's texts for a period: one row per association and period, replaced on each save. */
export async function saveIopReport(
  db: Executor,
  r: { id: string; associationId: string; from: string; to: string; sections: string; memberId: string; now: string },
) {
  await db
    .insertInto('iop_reports')
    .values({
      id: r.id,
      association_id: r.associationId,
      period_from: r.from,
      period_to: r.to,
      sections: r.sections,
      updated_by: r.memberId,
      created_at: r.now,
      updated_at: r.now,
    })
    .onConflict((oc) =>
      oc.columns(['association_id', 'period_from', 'period_to']).doUpdateSet({ sections: r.sections, updated_by: r.memberId, updated_at: r.now }),
    )
    .execute();
}

/** The corners around the association's areas, or else around the period's observations; null with neither. */
export async function extentOf(db: Executor, associationId: string, s: Span): Promise<{ west: number; south: number; east: number; north: number } | null> {
  const row = await db
    .selectFrom('observations')
    .select((eb) => [eb.fn.min('lat').as('south'), eb.fn.max('lat').as('north'), eb.fn.min('lng').as('west'), eb.fn.max('lng').as('east')])
    .where('association_id', '=', associationId)
    .where('observed_at', '>=', s.fromIso)
    .where('observed_at', '<', s.toIso)
    .$if(s.areaId !== undefined, (q) => q.where('area_id', '=', s.areaId!))
    .executeTakeFirst();
  if (!row || row.south === null) return null;
  return { west: Number(row.west), south: Number(row.south), east: Number(row.east), north: Number(row.north) };
}

/** The association's areas with their shapes (GeoJSON text), for the report's map. */
export function areaShapes(db: Executor, associationId: string) {
  return db.selectFrom('areas').select(['id', 'name', 'geojson']).where('association_id', '=', associationId).orderBy('name').execute();
}
