/** Moves people from the waiting list into free seats, first come first served, and tells them. */
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../platform/db/schema.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import * as repo from './shifts.repository.js';
import { checkSeat } from './seat-rules.js';
import { mailAboutShift, membersByIds } from './shift-mail.js';

/** Call inside the transaction that freed a seat, after the shift row is locked. */
export async function fillFromWaitingList(ctx: AppContext, trx: Transaction<Database>, associationId: string, shiftId: string): Promise<void> {
  const shift = (await repo.findShift(trx, associationId, shiftId))!;
  if (shift.status !== 'planned') return;
  let crew = await repo.crewOf(trx, associationId, [shiftId]);
  for (const waiting of crew.filter((c) => c.place === 'waiting')) {
    if (crew.filter((c) => c.place === 'crew').length >= shift.crew_max) return;
    const seat = { asDriver: waiting.as_driver === 1, asLeader: waiting.as_leader === 1 };
    // Someone who has since taken an overlapping shift, or hit their weekly cap, keeps waiting.
    const check = await checkSeat(trx, associationId, { shift, crew, memberId: waiting.member_id, seat, now: ctx.clock.now(), ignoreDeadline: true });
    if (check.hard.length > 0 || check.soft.length > 0) continue;
    await repo.setCrewPlace(trx, associationId, shiftId, waiting.member_id, { place: 'crew' });
    await recordAudit(trx, {
      associationId,
      actorMemberId: null,
      action: 'shift.promote',
      entityType: 'shift',
      entityId: shiftId,
      after: { memberId: waiting.member_id, place: 'crew' },
    });
    await mailAboutShift(ctx, trx, await membersByIds(trx, associationId, [waiting.member_id]), 'shift_promoted', shift);
    crew = await repo.crewOf(trx, associationId, [shiftId]);
  }
}

/**
 * A deactivated member leaves every shift still to come (and its waiting list), so
 * the board shows the gap at once and the waiting list can fill it.
 */
export async function releaseFutureSeats(
  ctx: AppContext,
  trx: Transaction<Database>,
  associationId: string,
  memberId: string,
  actorMemberId: string,
): Promise<void> {
  const seats = await repo.futureSeatsOf(trx, associationId, memberId, ctx.clock.now().toISOString());
  for (const seat of seats) {
    await repo.lockShift(trx, ctx.dialect, associationId, seat.id);
    await repo.deleteCrew(trx, associationId, seat.id, memberId);
    await recordAudit(trx, {
      associationId,
      actorMemberId,
      action: 'shift.remove',
      entityType: 'shift',
      entityId: seat.id,
      before: { memberId, place: seat.place },
      after: { reason: 'member.deactivate' },
    });
    await fillFromWaitingList(ctx, trx, associationId, seat.id);
  }
}
