/**
 * The rules for a seat in a shift's crew, in one place for sign-up, waiting
 * list promotion, assignment and swaps. Hard rules hold for everyone; soft
 * rules a coordinator may set aside by giving a reason (audited).
 */
import type { ErrorCode } from '../../platform/errors.js';
import { seatsNeededForRoles } from '../../../shared/domain/shifts.js';
import { addDays, localParts, mondayOf, zonedInstant } from '../../../shared/domain/time.js';
import * as repo from './shifts.repository.js';
import type { Executor } from '../../platform/db/database.js';
import { associationSettings, drivingLicenceOf, memberForSeat, rolesOf } from './neighbours.repository.js';

export interface Seat {
  asDriver: boolean;
  asLeader: boolean;
}

export interface SeatCheck {
  hard: ErrorCode[];
  soft: ErrorCode[];
}

export interface SeatRulesInput {
  shift: repo.ShiftRow;
  crew: repo.CrewRow[];
  memberId: string;
  seat: Seat;
  now: Date;
  /** Skip the crew-maximum rule (a swap keeps the count). */
  ignoreFull?: boolean;
  /** Skip the sign-up deadline (promotion from the waiting list). */
  ignoreDeadline?: boolean;
}

export async function checkSeat(db: Executor, associationId: string, input: SeatRulesInput): Promise<SeatCheck> {
  const { shift, memberId, seat, now } = input;
  const hard: ErrorCode[] = [];
  const soft: ErrorCode[] = [];
  if (shift.status !== 'planned') hard.push('shift_not_open');
  else if (Date.parse(shift.starts_at) <= now.getTime()) hard.push('shift_started');

  const [member, association] = await Promise.all([memberForSeat(db, associationId, memberId), associationSettings(db, associationId)]);
  if (!member || member.status !== 'active' || member.kind !== 'volunteer') hard.push('member_inactive');
  if ((await repo.memberShiftsOverlapping(db, associationId, memberId, shift.starts_at, shift.ends_at, shift.id)).length > 0) hard.push('overlapping_shift');
  if ((seat.asDriver || seat.asLeader) && !(await qualifiedFor(db, associationId, memberId, seat, localParts(shift.starts_at).date)))
    hard.push('not_qualified');

  if (!input.ignoreDeadline && now.getTime() > Date.parse(shift.starts_at) - association.signup_closes_hours * 3_600_000) soft.push('signup_closed');
  const crew = input.crew.filter((c) => c.place === 'crew' && c.member_id !== memberId);
  if (!input.ignoreFull && crew.length >= shift.crew_max) soft.push('shift_full');
  else {
    // Keep the last seats for a missing driver or shift leader.
    const after = [...crew.map((c) => ({ asDriver: c.as_driver === 1, asLeader: c.as_leader === 1 })), seat];
    const freeAfter = shift.crew_max - after.length;
    if (!input.ignoreFull && seatsNeededForRoles(after) > freeAfter) soft.push('seat_reserved');
  }
  if (member?.max_shifts_per_week) {
    const monday = mondayOf(localParts(shift.starts_at).date);
    const count = await repo.memberShiftCount(
      db,
      associationId,
      memberId,
      zonedInstant(monday, '00:00').toISOString(),
      zonedInstant(addDays(monday, 7), '00:00').toISOString(),
      shift.id,
    );
    if (count >= member.max_shifts_per_week) soft.push('weekly_max_reached');
  }
  return { hard, soft };
}

/** A driver needs the driver role and a checked licence valid on the day; a leader the shift-leader role. */
async function qualifiedFor(db: Executor, associationId: string, memberId: string, seat: Seat, onDate: string): Promise<boolean> {
  const roles = await rolesOf(db, associationId, memberId);
  if (seat.asLeader && !roles.includes('shift_leader')) return false;
  if (!seat.asDriver) return true;
  if (!roles.includes('driver')) return false;
  const licence = await drivingLicenceOf(db, associationId, memberId);
  return Boolean(licence && licence.achieved_on <= onDate && (licence.expires_on === null || licence.expires_on >= onDate));
}
