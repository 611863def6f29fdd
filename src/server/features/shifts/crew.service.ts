/**
 * Who rides: members sign up and withdraw in one tap; coordinators assign,
 * remove and swap, setting soft rules aside only with a reason. Every path
 * locks the shift row first, so the last seat goes to exactly one person.
 */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../platform/db/schema.js';
import { AppError, notFound, type ErrorCode } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import { nowIso } from '../../platform/db/ids.js';
import type { AssignInput, Shift, SignupInput, SwapInput } from '../../../shared/api/shifts.js';
import * as repo from './shifts.repository.js';
import { checkSeat, type SeatCheck } from './seat-rules.js';
import { fillFromWaitingList } from './waiting-list.js';
import { coordinatorsOf, mailAboutShift, membersByIds } from './shift-mail.js';
import { getShift } from './shifts.service.js';
import { associationSettings } from './neighbours.repository.js';

const fieldOf: Partial<Record<ErrorCode, string>> = { not_qualified: 'asDriver', seat_reserved: 'asDriver' };
const refuse = (code: ErrorCode, field?: string): never => {
  const f = field ?? fieldOf[code];
  throw new AppError(code, f ? [{ field: f, message: `error.${code}` as never }] : []);
};

/** Runs fn in a transaction holding the shift's lock; 404 for a shift outside the association. */
async function withLockedShift<T>(
  ctx: AppContext,
  actor: Actor,
  shiftId: string,
  fn: (trx: Transaction<Database>, shift: repo.ShiftRow) => Promise<T>,
): Promise<T> {
  return ctx.db.transaction().execute(async (trx) => {
    const shift = await repo.lockShift(trx, ctx.dialect, actor.associationId, shiftId);
    if (!shift) throw notFound();
    return fn(trx, shift);
  });
}

/** Throws the first broken rule; soft rules pass when a coordinator gave a reason. */
function enforce(check: SeatCheck, override: boolean): void {
  if (check.hard.length > 0) refuse(check.hard[0]!);
  if (check.soft.length > 0 && !override) refuse(check.soft[0]!);
}

export async function signUp(ctx: AppContext, actor: Actor, shiftId: string, input: SignupInput): Promise<{ place: 'crew' | 'waiting'; shift: Shift }> {
  authorize(actor, 'shift.signup');
  const place = await withLockedShift(ctx, actor, shiftId, async (trx, shift) => {
    await repo.lockMember(trx, ctx.dialect, actor.associationId, actor.memberId);
    const crew = await repo.crewOf(trx, actor.associationId, [shiftId]);
    if (crew.some((c) => c.member_id === actor.memberId)) throw new AppError('conflict');
    const seat = { asDriver: input.asDriver, asLeader: input.asLeader };
    const check = await checkSeat(trx, actor.associationId, { shift, crew, memberId: actor.memberId, seat, now: ctx.clock.now() });
    const full = check.soft.includes('shift_full') || check.soft.includes('seat_reserved');
    const place: 'crew' | 'waiting' = full && input.waitingList ? 'waiting' : 'crew';
    enforce(place === 'waiting' ? { hard: check.hard, soft: check.soft.filter((c) => c !== 'shift_full' && c !== 'seat_reserved') } : check, false);
    await repo.insertCrew(trx, actor.associationId, shiftId, actor.memberId, { place, ...seat }, nowIso());
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'shift.signup',
      entityType: 'shift',
      entityId: shiftId,
      after: { memberId: actor.memberId, place, ...seat },
    });
    return place;
  });
  return { place, shift: await getShift(ctx, actor, shiftId) };
}

/**
 * Leaves a shift or its waiting list. After the withdrawal deadline it is still
 * allowed (people fall ill), but the coordinators are told at once, so the gap
 * is seen rather than found on the day.
 */
export async function withdraw(ctx: AppContext, actor: Actor, shiftId: string): Promise<Shift> {
  authorize(actor, 'shift.signup');
  await withLockedShift(ctx, actor, shiftId, async (trx, shift) => {
    const mine = (await repo.crewOf(trx, actor.associationId, [shiftId])).find((c) => c.member_id === actor.memberId);
    if (!mine) refuse('not_in_crew');
    const now = ctx.clock.now().getTime();
    if (shift.status !== 'planned') refuse('shift_not_open');
    if (Date.parse(shift.starts_at) <= now) refuse('shift_started');
    const association = await associationSettings(trx, actor.associationId);
    const late = mine!.place === 'crew' && now > Date.parse(shift.starts_at) - association.withdraw_deadline_hours * 3_600_000;
    await repo.deleteCrew(trx, actor.associationId, shiftId, actor.memberId);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'shift.withdraw',
      entityType: 'shift',
      entityId: shiftId,
      before: { memberId: actor.memberId, place: mine!.place },
      after: { late },
    });
    if (late) await mailAboutShift(ctx, trx, await coordinatorsOf(trx, actor.associationId), 'shift_late_withdrawal', shift, { member: mine!.name });
    await fillFromWaitingList(ctx, trx, actor.associationId, shiftId);
  });
  return getShift(ctx, actor, shiftId);
}

/** A coordinator puts a member in the crew; a soft rule in the way needs a reason. */
export async function assign(ctx: AppContext, actor: Actor, shiftId: string, input: AssignInput): Promise<Shift> {
  authorize(actor, 'shift.manage');
  await withLockedShift(ctx, actor, shiftId, async (trx, shift) => {
    if (!(await membersByIds(trx, actor.associationId, [input.memberId])).length) refuse('validation', 'memberId');
    await repo.lockMember(trx, ctx.dialect, actor.associationId, input.memberId);
    const crew = await repo.crewOf(trx, actor.associationId, [shiftId]);
    const existing = crew.find((c) => c.member_id === input.memberId);
    if (existing?.place === 'crew') throw new AppError('conflict');
    const seat = { asDriver: input.asDriver, asLeader: input.asLeader };
    const check = await checkSeat(trx, actor.associationId, { shift, crew, memberId: input.memberId, seat, now: ctx.clock.now() });
    enforce(check, input.reason !== undefined);
    if (existing) await repo.deleteCrew(trx, actor.associationId, shiftId, input.memberId);
    await repo.insertCrew(trx, actor.associationId, shiftId, input.memberId, { place: 'crew', ...seat }, nowIso());
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'shift.assign',
      entityType: 'shift',
      entityId: shiftId,
      after: { memberId: input.memberId, ...seat, ...(check.soft.length > 0 && { overridden: check.soft, reason: input.reason }) },
    });
  });
  return getShift(ctx, actor, shiftId);
}

/** A coordinator takes a member off a shift (or its waiting list), with a reason. */
export async function removeFromShift(ctx: AppContext, actor: Actor, shiftId: string, memberId: string, reason: string): Promise<Shift> {
  authorize(actor, 'shift.manage');
  await withLockedShift(ctx, actor, shiftId, async (trx, shift) => {
    const seat = (await repo.crewOf(trx, actor.associationId, [shiftId])).find((c) => c.member_id === memberId);
    if (!seat) refuse('not_in_crew');
    if (shift.status !== 'planned') refuse('shift_not_open');
    await repo.deleteCrew(trx, actor.associationId, shiftId, memberId);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'shift.remove',
      entityType: 'shift',
      entityId: shiftId,
      before: { memberId, place: seat!.place },
      after: { reason },
    });
    await fillFromWaitingList(ctx, trx, actor.associationId, shiftId);
  });
  return getShift(ctx, actor, shiftId);
}

/** Replaces one crew member by another in one step; the newcomer takes over the driver and leader duties. */
export async function swap(ctx: AppContext, actor: Actor, shiftId: string, input: SwapInput): Promise<Shift> {
  authorize(actor, 'shift.manage');
  if (input.inMemberId === input.outMemberId) refuse('validation', 'inMemberId');
  await withLockedShift(ctx, actor, shiftId, async (trx, shift) => {
    if (!(await membersByIds(trx, actor.associationId, [input.inMemberId])).length) refuse('validation', 'inMemberId');
    for (const id of [input.inMemberId, input.outMemberId].sort()) await repo.lockMember(trx, ctx.dialect, actor.associationId, id);
    const crew = await repo.crewOf(trx, actor.associationId, [shiftId]);
    const out = crew.find((c) => c.member_id === input.outMemberId && c.place === 'crew');
    if (!out) refuse('not_in_crew', 'outMemberId');
    if (crew.some((c) => c.member_id === input.inMemberId && c.place === 'crew'))
      throw new AppError('conflict', [{ field: 'inMemberId', message: 'error.conflict' }]);
    const seat = { asDriver: out!.as_driver === 1, asLeader: out!.as_leader === 1 };
    const rest = crew.filter((c) => c.member_id !== input.outMemberId);
    const check = await checkSeat(trx, actor.associationId, { shift, crew: rest, memberId: input.inMemberId, seat, now: ctx.clock.now(), ignoreFull: true });
    enforce(check, input.reason !== undefined);
    await repo.deleteCrew(trx, actor.associationId, shiftId, input.outMemberId);
    await repo.deleteCrew(trx, actor.associationId, shiftId, input.inMemberId);
    await repo.insertCrew(trx, actor.associationId, shiftId, input.inMemberId, { place: 'crew', ...seat }, nowIso());
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'shift.swap',
      entityType: 'shift',
      entityId: shiftId,
      before: { memberId: input.outMemberId },
      after: { memberId: input.inMemberId, ...(check.soft.length > 0 && { overridden: check.soft, reason: input.reason }) },
    });
    await mailAboutShift(ctx, trx, await membersByIds(trx, actor.associationId, [input.inMemberId]), 'shift_promoted', shift);
  });
  return getShift(ctx, actor, shiftId);
}
