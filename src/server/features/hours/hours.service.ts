/**
 * Volunteer hours and kilometres for a period: crew hours of closed shifts
 * (check-in to check-out, for those present), km per car per month, and
 * shifts run against planned. A member sees their own hours; coordinators
 * see everyone's. The car figures are the association's and not personal.
 */
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { authorize, can, type Actor } from '../../platform/policies.js';
import type { Hours } from '../../../shared/api/driving-log.js';
import * as repo from './hours.repository.js';
import { addDays, daysBetween, localParts, zonedInstant } from '../../../shared/domain/time.js';

export async function hoursAndKm(ctx: AppContext, actor: Actor, q: { from: string; to: string }): Promise<Hours> {
  authorize(actor, 'shift.list');
  if (q.to < q.from || daysBetween(q.from, q.to) > 3700) throw new AppError('validation', [{ field: 'to', message: 'error.field.invalid' }]);
  const everyone = can(actor, 'hours.readAll');
  const fromIso = zonedInstant(q.from, '00:00').toISOString();
  const toIso = zonedInstant(addDays(q.to, 1), '00:00').toISOString();

  const [shifts, vehicles] = await Promise.all([
    repo.shiftsStarting(ctx.db, actor.associationId, fromIso, toIso),
    repo.vehiclesOf(ctx.db, actor.associationId),
  ]);
  const months = new Map<string, Map<string, { km: number; planned: number; run: number; cancelled: number }>>();
  for (const v of vehicles) months.set(v.id, new Map());
  for (const s of shifts) {
    const month = localParts(s.starts_at).date.slice(0, 7);
    const perCar = months.get(s.vehicle_id)!;
    const m = perCar.get(month) ?? { km: 0, planned: 0, run: 0, cancelled: 0 };
    if (s.status === 'cancelled') m.cancelled += 1;
    else m.planned += 1;
    if (s.status === 'closed') {
      m.run += 1;
      m.km += Math.max(0, Number(s.odometer_end_km) - Number(s.odometer_start_km));
    }
    perCar.set(month, m);
  }

  const perMember = new Map<string, { memberId: string; name: string; shifts: number; minutes: number }>();
  for (const r of await repo.crewTimes(ctx.db, actor.associationId, fromIso, toIso, everyone ? undefined : actor.memberId)) {
    const m = perMember.get(r.member_id) ?? { memberId: r.member_id, name: r.name, shifts: 0, minutes: 0 };
    m.shifts += 1;
    m.minutes += Math.round((Date.parse(r.checked_out_at!) - Date.parse(r.checked_in_at!)) / 60_000);
    perMember.set(r.member_id, m);
  }

  const vehicleRows = vehicles.map((v) => ({
    vehicleId: v.id,
    name: v.name,
    months: [...months.get(v.id)!.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([month, m]) => ({ month, ...m })),
  }));
  const all = vehicleRows.flatMap((v) => v.months);
  const memberRows = [...perMember.values()].sort((a, b) => b.minutes - a.minutes || a.name.localeCompare(b.name));
  return {
    from: q.from,
    to: q.to,
    members: memberRows,
    vehicles: vehicleRows,
    totals: {
      minutes: memberRows.reduce((s, m) => s + m.minutes, 0),
      km: all.reduce((s, m) => s + m.km, 0),
      planned: all.reduce((s, m) => s + m.planned, 0),
      run: all.reduce((s, m) => s + m.run, 0),
      cancelled: all.reduce((s, m) => s + m.cancelled, 0),
    },
  };
}

/** A member's volunteer hours over all time, counted as the hours screen counts them (run shifts, present in the crew). */
export async function memberHours(ctx: AppContext, associationId: string, memberId: string): Promise<number> {
  const rows = await repo.crewTimes(ctx.db, associationId, new Date(0).toISOString(), '9999-12-31T00:00:00.000Z', memberId);
  const minutes = rows.reduce((sum, r) => sum + Math.round((Date.parse(r.checked_out_at!) - Date.parse(r.checked_in_at!)) / 60_000), 0);
  return Math.round((minutes / 60) * 10) / 10;
}
