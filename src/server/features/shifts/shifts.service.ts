/** Shifts: listing for members, one-off shifts, changes and cancellation by coordinators. */
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.repository.js';
import { nowIso } from '../../platform/db/ids.js';
import type { Shift, ShiftCreate, ShiftUpdate } from '../../../shared/api/shifts.js';
import { addDays, zonedInstant } from '../../../shared/domain/time.js';
import * as repo from './shifts.repository.js';
import type { Executor } from '../../platform/db/database.js';
import { toShifts, viewContext } from './shift-view.js';
import { assertAreaOf, assertVehicleOf } from './references.js';
import { mailAboutShift, membersByIds } from './shift-mail.js';
import { fillFromWaitingList } from './waiting-list.js';

/** Shifts starting on the local days from..to (inclusive). */
export async function listShifts(
  ctx: AppContext,
  actor: Actor,
  q: { from: string; to: string; vehicleId?: string; mine?: 'true' | 'false' },
): Promise<Shift[]> {
  authorize(actor, 'shift.list');
  if (q.to < q.from) throw new AppError('validation', [{ field: 'to', message: 'error.field.invalid' }]);
  const rows = await repo.listShifts(ctx.db, actor.associationId, {
    fromIso: zonedInstant(q.from, '00:00').toISOString(),
    toIso: zonedInstant(addDays(q.to, 1), '00:00').toISOString(),
    vehicleId: q.vehicleId,
    memberId: q.mine === 'true' ? actor.memberId : undefined,
  });
  return toShifts(ctx.db, actor.associationId, rows, await viewContext(ctx.db, actor.associationId, actor.memberId, ctx.clock.now()));
}

export async function getShift(ctx: AppContext, actor: Actor, id: string): Promise<Shift> {
  const row = await repo.findShift(ctx.db, actor.associationId, id);
  if (!row) throw notFound();
  authorize(actor, 'shift.list');
  const [view] = await toShifts(ctx.db, actor.associationId, [row], await viewContext(ctx.db, actor.associationId, actor.memberId, ctx.clock.now()));
  return view!;
}

const instantsOf = (s: { startDate: string; startTime: string; endDate: string; endTime: string }) => ({
  starts_at: zonedInstant(s.startDate, s.startTime).toISOString(),
  ends_at: zonedInstant(s.endDate, s.endTime).toISOString(),
});

async function assertCarFree(
  ctx: AppContext,
  db: Parameters<typeof repo.vehicleShiftsOverlapping>[0],
  associationId: string,
  vehicleId: string,
  startsAt: string,
  endsAt: string,
  exceptId?: string,
) {
  const clash = await repo.vehicleShiftsOverlapping(db, associationId, vehicleId, startsAt, endsAt, exceptId);
  if (clash.length > 0) throw new AppError('vehicle_busy', [{ field: 'startTime', message: 'error.vehicle_busy' }]);
}

/** A one-off shift outside the templates (an event, an extra evening). */
export async function createShift(ctx: AppContext, actor: Actor, input: ShiftCreate): Promise<Shift> {
  authorize(actor, 'shift.manage');
  const { starts_at, ends_at } = instantsOf(input);
  const id = await ctx.db.transaction().execute(async (trx) => {
    await assertVehicleOf(trx, actor.associationId, input.vehicleId);
    await assertAreaOf(trx, actor.associationId, input.areaId);
    await assertCarFree(ctx, trx, actor.associationId, input.vehicleId, starts_at, ends_at);
    const row = repo.shiftValues(
      {
        association_id: actor.associationId,
        vehicle_id: input.vehicleId,
        starts_at,
        ends_at,
        crew_min: input.crewMin,
        crew_max: input.crewMax,
        area_id: input.areaId,
        note: input.note,
      },
      nowIso(),
    );
    await repo.insertShifts(trx, [row]);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'shift.create',
      entityType: 'shift',
      entityId: row.id,
      after: { vehicleId: input.vehicleId, startsAt: starts_at, endsAt: ends_at, crewMin: input.crewMin, crewMax: input.crewMax },
    });
    return row.id;
  });
  return getShift(ctx, actor, id);
}

/** Changes when and how a planned shift runs; calendars see the change, a raised maximum lets the waiting list in. */
export async function updateShift(ctx: AppContext, actor: Actor, id: string, input: ShiftUpdate): Promise<Shift> {
  const before = await repo.findShift(ctx.db, actor.associationId, id);
  if (!before) throw notFound();
  authorize(actor, 'shift.manage');
  const { starts_at, ends_at } = instantsOf(input);
  await ctx.db.transaction().execute(async (trx) => {
    const row = (await repo.lockShift(trx, ctx.dialect, actor.associationId, id))!;
    if (row.status !== 'planned') throw new AppError('shift_not_open');
    await assertAreaOf(trx, actor.associationId, input.areaId);
    await assertCarFree(ctx, trx, actor.associationId, row.vehicle_id, starts_at, ends_at, id);
    const crew = (await repo.crewOf(trx, actor.associationId, [id])).filter((c) => c.place === 'crew');
    if (input.crewMax < crew.length) throw new AppError('validation', [{ field: 'crewMax', message: 'error.crew_above_max' }]);
    const changes = { starts_at, ends_at, crew_min: input.crewMin, crew_max: input.crewMax, area_id: input.areaId, note: input.note };
    await repo.updateShift(trx, actor.associationId, id, changes, nowIso(), true);
    const pick = (r: typeof changes) => ({
      startsAt: r.starts_at,
      endsAt: r.ends_at,
      crewMin: r.crew_min,
      crewMax: r.crew_max,
      areaId: r.area_id,
      note: r.note,
    });
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'shift.update',
      entityType: 'shift',
      entityId: id,
      ...changedFields(pick(row), pick(changes)),
    });
    await fillFromWaitingList(ctx, trx, actor.associationId, id);
  });
  return getShift(ctx, actor, id);
}

/** Cancels a planned shift with a reason; the crew and the waiting list are told, calendars show it cancelled. */
export async function cancelShift(ctx: AppContext, actor: Actor, id: string, reason: string): Promise<Shift> {
  const before = await repo.findShift(ctx.db, actor.associationId, id);
  if (!before) throw notFound();
  authorize(actor, 'shift.manage');
  await ctx.db.transaction().execute(async (trx) => {
    const row = (await repo.lockShift(trx, ctx.dialect, actor.associationId, id))!;
    if (row.status !== 'planned') throw new AppError('shift_not_open');
    await repo.updateShift(trx, actor.associationId, id, { status: 'cancelled', cancel_reason: reason }, nowIso(), true);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'shift.cancel',
      entityType: 'shift',
      entityId: id,
      before: { status: row.status },
      after: { status: 'cancelled', reason },
    });
    const people = await repo.crewOf(trx, actor.associationId, [id]);
    await mailAboutShift(
      ctx,
      trx,
      await membersByIds(
        trx,
        actor.associationId,
        people.map((p) => p.member_id),
      ),
      'shift_cancelled',
      row,
      { reason },
    );
  });
  return getShift(ctx, actor, id);
}

/** The crew and waiting list of these shifts, in sign-up order (for staffing's sweeps and the calendar feed). */
export function crewsOf(db: Executor, associationId: string, shiftIds: string[]): Promise<repo.CrewRow[]> {
  return repo.crewOf(db, associationId, shiftIds);
}

/** True when the member already has a seat on a shift overlapping [startsAt, endsAt) other than exceptShiftId. */
export async function memberIsBusy(db: Executor, associationId: string, memberId: string, startsAt: string, endsAt: string, exceptShiftId: string) {
  return (await repo.memberShiftsOverlapping(db, associationId, memberId, startsAt, endsAt, exceptShiftId)).length > 0;
}
