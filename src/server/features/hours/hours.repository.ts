/** The SQL of hours and kilometres. */
import type { Executor } from '../../platform/db/database.js';

/** Shifts starting in [fromIso, toIso), with what the km and run counts need. */
export function shiftsStarting(db: Executor, associationId: string, fromIso: string, toIso: string) {
  return db
    .selectFrom('shifts')
    .select(['id', 'vehicle_id', 'starts_at', 'status', 'odometer_start_km', 'odometer_end_km'])
    .where('association_id', '=', associationId)
    .where('starts_at', '>=', fromIso)
    .where('starts_at', '<', toIso)
    .execute();
}

export function vehiclesOf(db: Executor, associationId: string) {
  return db.selectFrom('vehicles').select(['id', 'name']).where('association_id', '=', associationId).orderBy('name').execute();
}

/** Check-in and check-out of every crew seat (present, or not recorded) in closed shifts; one member's only when memberId is given. */
export function crewTimes(db: Executor, associationId: string, fromIso: string, toIso: string, memberId?: string) {
  let q = db
    .selectFrom('shift_crew')
    .innerJoin('shifts', 'shifts.id', 'shift_crew.shift_id')
    .innerJoin('members', 'members.id', 'shift_crew.member_id')
    .select(['members.id as member_id', 'members.name', 'shifts.checked_in_at', 'shifts.checked_out_at'])
    .where('shift_crew.association_id', '=', associationId)
    .where('shift_crew.place', '=', 'crew')
    .where((eb) => eb.or([eb('shift_crew.present', 'is', null), eb('shift_crew.present', '=', 1)]))
    .where('shifts.status', '=', 'closed')
    .where('shifts.starts_at', '>=', fromIso)
    .where('shifts.starts_at', '<', toIso);
  if (memberId) q = q.where('shift_crew.member_id', '=', memberId);
  return q.execute();
}
