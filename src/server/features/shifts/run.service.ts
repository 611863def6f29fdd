/**
 * Running a shift: the shift leader checks in (who is present, the driver, the
 * odometer, a note from the police briefing), and at the end checks out with
 * the odometer and a short summary, where "nothing to report" is a valid
 * outcome. Coordinators may correct a run afterwards, always with a reason.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, can, type Actor } from '../../platform/policies.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.repository.js';
import { nowIso } from '../../platform/db/ids.js';
import type { CheckInInput, CheckOutInput, RunCorrection, Shift } from '../../../shared/api/shifts.js';
import { localParts } from '../../../shared/domain/time.js';
import * as repo from './shifts.repository.js';
import { getShift } from './shifts.service.js';
import { checkSeat } from './seat-rules.js';
import { vehicleOf } from './neighbours.repository.js';
import { recordOdometerReading } from '../vehicles/vehicles.service.js';

const CHECK_IN_OPENS_MINUTES = 60;

/** The shift leader of the crew, any crew member holding the shift-leader role, or a coordinator. */
function assertMayRun(actor: Actor, crew: repo.CrewRow[]): void {
  if (can(actor, 'shift.manage')) return;
  authorize(actor, 'shift.signup');
  const mine = crew.find((c) => c.member_id === actor.memberId && c.place === 'crew');
  if (mine && (mine.as_leader === 1 || actor.roles.includes('shift_leader'))) return;
  throw new AppError('forbidden', [{ field: 'shift', message: 'error.not_shift_leader' }]);
}

async function lockedRun<T>(
  ctx: AppContext,
  actor: Actor,
  id: string,
  fn: (trx: Transaction<Database>, shift: repo.ShiftRow, crew: repo.CrewRow[]) => Promise<T>,
) {
  return ctx.db.transaction().execute(async (trx) => {
    const shift = await repo.lockShift(trx, ctx.dialect, actor.associationId, id);
    if (!shift) throw notFound();
    const crew = await repo.crewOf(trx, actor.associationId, [id]);
    assertMayRun(actor, crew);
    return fn(trx, shift, crew);
  });
}

const fieldError = (
  field: string,
  message: 'error.odometer_below_start' | 'error.field.invalid' | 'error.not_qualified' | 'error.vehicle_unavailable' | 'error.checkin_too_early',
) => new AppError('validation', [{ field, message }]);

export async function checkIn(ctx: AppContext, actor: Actor, id: string, input: CheckInInput): Promise<Shift> {
  await lockedRun(ctx, actor, id, async (trx, shift, crew) => {
    if (shift.status !== 'planned') throw new AppError('shift_not_open');
    const now = ctx.clock.now();
    if (now.getTime() < Date.parse(shift.starts_at) - CHECK_IN_OPENS_MINUTES * 60_000)
      throw new AppError('shift_not_open', [{ field: 'shift', message: 'error.checkin_too_early' }]);
    if (now.getTime() >= Date.parse(shift.ends_at)) throw new AppError('shift_not_open');
    const seated = crew.filter((c) => c.place === 'crew');
    const present = new Set(input.presentMemberIds);
    if ([...present].some((m) => !seated.some((c) => c.member_id === m))) throw fieldError('presentMemberIds', 'error.field.invalid');
    if (!present.has(input.driverMemberId)) throw fieldError('driverMemberId', 'error.field.invalid');
    const driverCheck = await checkSeat(trx, actor.associationId, {
      shift,
      crew,
      memberId: input.driverMemberId,
      seat: { asDriver: true, asLeader: false },
      now: new Date(Date.parse(shift.starts_at) - 1),
      ignoreFull: true,
      ignoreDeadline: true,
    });
    if (driverCheck.hard.includes('not_qualified')) throw fieldError('driverMemberId', 'error.not_qualified');
    const vehicle = (await vehicleOf(trx, actor.associationId, shift.vehicle_id))!;
    if (vehicle.status !== 'in_service') throw new AppError('vehicle_unavailable');
    for (const c of seated) await repo.setCrewPlace(trx, actor.associationId, id, c.member_id, { present: present.has(c.member_id) ? 1 : 0 });
    const run = {
      status: 'in_progress',
      checked_in_at: now.toISOString(),
      checked_in_by: actor.memberId,
      driver_member_id: input.driverMemberId,
      odometer_start_km: input.odometerStartKm,
      start_place: input.startPlace,
      briefing_note: input.briefingNote,
    };
    await repo.updateShift(trx, actor.associationId, id, run, nowIso(), false);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'shift.check_in',
      entityType: 'shift',
      entityId: id,
      after: { ...run, present: [...present] },
    });
  });
  return getShift(ctx, actor, id);
}

export async function checkOut(ctx: AppContext, actor: Actor, id: string, input: CheckOutInput): Promise<Shift> {
  await lockedRun(ctx, actor, id, async (trx, shift) => {
    if (shift.status !== 'in_progress') throw new AppError('shift_not_open');
    if (input.odometerEndKm < Number(shift.odometer_start_km)) throw fieldError('odometerEndKm', 'error.odometer_below_start');
    const run = {
      status: 'closed',
      checked_out_at: ctx.clock.now().toISOString(),
      odometer_end_km: input.odometerEndKm,
      end_place: input.endPlace,
      summary: input.summary,
      nothing_to_report: input.nothingToReport ? 1 : 0,
    };
    await repo.updateShift(trx, actor.associationId, id, run, nowIso(), false);
    // The car's odometer follows the latest reading, never backwards.
    await recordOdometerReading(trx, actor.associationId, shift.vehicle_id, input.odometerEndKm);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'shift.check_out',
      entityType: 'shift',
      entityId: id,
      after: run,
    });
  });
  return getShift(ctx, actor, id);
}

/** A coordinator's later correction of a checked-in or closed shift. */
export async function correctRun(ctx: AppContext, actor: Actor, id: string, input: RunCorrection): Promise<Shift> {
  const existing = await repo.findShift(ctx.db, actor.associationId, id);
  if (!existing) throw notFound();
  authorize(actor, 'shift.manage');
  await ctx.db.transaction().execute(async (trx) => {
    const shift = (await repo.lockShift(trx, ctx.dialect, actor.associationId, id))!;
    if (shift.status !== 'in_progress' && shift.status !== 'closed') throw new AppError('shift_not_open');
    const start = input.odometerStartKm ?? shift.odometer_start_km;
    const end = input.odometerEndKm ?? shift.odometer_end_km;
    if (start !== null && end !== null && Number(end) < Number(start)) throw fieldError('odometerEndKm', 'error.odometer_below_start');
    if (input.driverMemberId !== undefined) {
      const crew = await repo.crewOf(trx, actor.associationId, [id]);
      if (!crew.some((c) => c.member_id === input.driverMemberId && c.place === 'crew')) throw fieldError('driverMemberId', 'error.field.invalid');
    }
    const changes = {
      ...(input.odometerStartKm !== undefined && { odometer_start_km: input.odometerStartKm }),
      ...(input.odometerEndKm !== undefined && { odometer_end_km: input.odometerEndKm }),
      ...(input.driverMemberId !== undefined && { driver_member_id: input.driverMemberId }),
      ...(input.startPlace !== undefined && { start_place: input.startPlace }),
      ...(input.endPlace !== undefined && { end_place: input.endPlace }),
      ...(input.summary !== undefined && { summary: input.summary }),
      ...(input.nothingToReport !== undefined && { nothing_to_report: input.nothingToReport ? 1 : 0 }),
    };
    await repo.updateShift(trx, actor.associationId, id, changes, nowIso(), false);
    const before = Object.fromEntries(Object.keys(changes).map((k) => [k, shift[k as keyof typeof shift]]));
    const diff = changedFields(before, changes);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'shift.correct',
      entityType: 'shift',
      entityId: id,
      before: diff.before,
      after: { ...diff.after, reason: input.reason, date: localParts(shift.starts_at).date },
    });
  });
  return getShift(ctx, actor, id);
}
