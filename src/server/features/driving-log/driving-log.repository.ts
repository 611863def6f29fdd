/** The SQL of the driving log: a car, and the trips its shifts made. */
import type { Executor } from '../../platform/db/database.js';

export function findVehicle(db: Executor, associationId: string, vehicleId: string) {
  return db
    .selectFrom('vehicles')
    .select(['id', 'name', 'registration'])
    .where('association_id', '=', associationId)
    .where('id', '=', vehicleId)
    .executeTakeFirst();
}

/** The car's shifts checked in during [fromIso, toIso), with driver and area names, in order. */
export function tripsOf(db: Executor, associationId: string, vehicleId: string, fromIso: string, toIso: string) {
  return db
    .selectFrom('shifts')
    .leftJoin('members', 'members.id', 'shifts.driver_member_id')
    .leftJoin('areas', 'areas.id', 'shifts.area_id')
    .select([
      'shifts.id',
      'shifts.checked_in_at',
      'shifts.checked_out_at',
      'shifts.odometer_start_km',
      'shifts.odometer_end_km',
      'shifts.start_place',
      'shifts.end_place',
      'members.name as driver_name',
      'areas.name as area_name',
    ])
    .where('shifts.association_id', '=', associationId)
    .where('shifts.vehicle_id', '=', vehicleId)
    .where('shifts.checked_in_at', '>=', fromIso)
    .where('shifts.checked_in_at', '<', toIso)
    .orderBy('shifts.checked_in_at')
    .execute();
}
