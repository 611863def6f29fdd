/**
 * The driving log (körjournal) of a car, made from its checked-in shifts:
 * each trip's odometer readings, km, places, purpose and driver. Readings
 * that do not follow on from the last trip are flagged, not hidden: a gap
 * means km nobody logged, a step backwards means a typing error somewhere.
 */
import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import type { DrivingLog, Trip, TripFlag } from '../../../shared/api/driving-log.js';
import { localParts, zonedInstant } from '../../../shared/domain/time.js';
import { translate } from '../../../shared/i18n/translate.js';
import * as repo from './driving-log.repository.js';

export async function drivingLog(ctx: AppContext, actor: Actor, vehicleId: string, year: number): Promise<DrivingLog> {
  const vehicle = await repo.findVehicle(ctx.db, actor.associationId, vehicleId);
  if (!vehicle) throw notFound();
  authorize(actor, 'drivinglog.read');
  const rows = await repo.tripsOf(
    ctx.db,
    actor.associationId,
    vehicleId,
    zonedInstant(`${year}-01-01`, '00:00').toISOString(),
    zonedInstant(`${year + 1}-01-01`, '00:00').toISOString(),
  );
  const patrol = translate(actor.language, 'log.purposePatrol');
  let lastEnd: number | null = null;
  const trips: Trip[] = rows.map((r) => {
    const start = Number(r.odometer_start_km);
    const end = r.odometer_end_km === null ? null : Number(r.odometer_end_km);
    const flags: TripFlag[] = [];
    let gapKm = 0;
    if (lastEnd !== null && start > lastEnd) {
      flags.push('gap');
      gapKm = start - lastEnd;
    }
    if (lastEnd !== null && start < lastEnd) flags.push('backwards');
    if (end === null) flags.push('not_closed');
    lastEnd = end ?? start;
    return {
      shiftId: r.id,
      date: localParts(r.checked_in_at!).date,
      startedAt: r.checked_in_at!,
      endedAt: r.checked_out_at,
      odometerStartKm: start,
      odometerEndKm: end,
      km: end === null ? null : end - start,
      startPlace: r.start_place,
      endPlace: r.end_place,
      purpose: r.area_name ? `${patrol}, ${r.area_name}` : patrol,
      driverName: r.driver_name,
      flags,
      gapKm,
    };
  });
  const closedEnds = trips.filter((t) => t.odometerEndKm !== null);
  return {
    vehicleId: vehicle.id,
    vehicleName: vehicle.name,
    registration: vehicle.registration,
    year,
    odometerAtStartKm: trips[0]?.odometerStartKm ?? null,
    odometerAtEndKm: closedEnds.at(-1)?.odometerEndKm ?? trips.at(-1)?.odometerStartKm ?? null,
    totalKm: trips.reduce((sum, t) => sum + (t.km ?? 0), 0),
    trips,
  };
}
