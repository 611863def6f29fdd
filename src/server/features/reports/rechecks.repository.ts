/** The shift side of re-checks: where a shift patrols, and who rides it. */
import type { Executor } from '../../platform/db/database.js';

/** When the shift ends and its area as GeoJSON text (null: the shift patrols the whole district); undefined for no such shift. */
export async function shiftArea(db: Executor, associationId: string, shiftId: string): Promise<{ endsAt: string; geojson: string | null } | undefined> {
  const row = await db
    .selectFrom('shifts')
    .leftJoin('areas', 'areas.id', 'shifts.area_id')
    .select(['shifts.ends_at', 'areas.geojson'])
    .where('shifts.association_id', '=', associationId)
    .where('shifts.id', '=', shiftId)
    .executeTakeFirst();
  return row && { endsAt: row.ends_at, geojson: row.geojson };
}

/** True when the member has a seat in the crew of this shift of the association. */
export async function onCrew(db: Executor, associationId: string, shiftId: string, memberId: string): Promise<boolean> {
  const seat = await db
    .selectFrom('shift_crew')
    .innerJoin('shifts', 'shifts.id', 'shift_crew.shift_id')
    .select('shift_crew.id')
    .where('shifts.association_id', '=', associationId)
    .where('shift_crew.shift_id', '=', shiftId)
    .where('shift_crew.member_id', '=', memberId)
    .where('shift_crew.place', '=', 'crew')
    .executeTakeFirst();
  return Boolean(seat);
}
