/** What observations read from the tables around them: the shifts they belong to and the areas they fall in. Reads only. */
import type { Executor } from '../../platform/db/database.js';

/** The car of one of the association's shifts; undefined for another association's shift. */
export async function shiftVehicle(db: Executor, associationId: string, shiftId: string) {
  return db.selectFrom('shifts').select(['vehicle_id']).where('association_id', '=', associationId).where('id', '=', shiftId).executeTakeFirst();
}

/** The shift a member was out on at a time: checked in by then, not checked out before. */
export function runningShiftAt(db: Executor, associationId: string, memberId: string, at: string) {
  return db
    .selectFrom('shifts')
    .innerJoin('shift_crew', 'shift_crew.shift_id', 'shifts.id')
    .select(['shifts.id', 'shifts.vehicle_id'])
    .where('shifts.association_id', '=', associationId)
    .where('shift_crew.member_id', '=', memberId)
    .where('shift_crew.place', '=', 'crew')
    .where('shifts.checked_in_at', 'is not', null)
    .where('shifts.checked_in_at', '<=', at)
    .where((eb) => eb.or([eb('shifts.checked_out_at', 'is', null), eb('shifts.checked_out_at', '>=', at)]))
    .orderBy('shifts.checked_in_at', 'desc')
    .executeTakeFirst();
}

export async function areaRows(db: Executor, associationId: string) {
  return db.selectFrom('areas').select(['id', 'name', 'geojson']).where('association_id', '=', associationId).execute();
}
