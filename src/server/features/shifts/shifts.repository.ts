/** All SQL about shifts and their crews. Every query is scoped by association. */
import type { Selectable, Transaction, Updateable } from 'kysely';
import type { Database, ShiftCrewTable, ShiftTable } from '../../platform/db/schema.js';
import type { Dialect } from '../../platform/db/database.js';
import { newId } from '../../platform/db/ids.js';
import type { Executor } from '../../platform/db/database.js';

export type ShiftRow = Selectable<ShiftTable>;
export type CrewRow = Selectable<ShiftCrewTable> & { name: string };

export async function findShift(db: Executor, associationId: string, id: string): Promise<ShiftRow | undefined> {
  return db.selectFrom('shifts').selectAll().where('association_id', '=', associationId).where('id', '=', id).executeTakeFirst();
}

/**
 * Reads a shift and, on PostgreSQL, locks its row until the transaction ends,
 * so two sign-ups for the last seat run one after the other. SQLite runs one
 * write transaction at a time anyway.
 */
export async function lockShift(trx: Transaction<Database>, dialect: Dialect, associationId: string, id: string): Promise<ShiftRow | undefined> {
  let q = trx.selectFrom('shifts').selectAll().where('association_id', '=', associationId).where('id', '=', id);
  if (dialect === 'postgres') q = q.forUpdate();
  return q.executeTakeFirst();
}

/** Locks a member's row (PostgreSQL) so one person's parallel sign-ups cannot both pass the overlap check. */
export async function lockMember(trx: Transaction<Database>, dialect: Dialect, associationId: string, memberId: string): Promise<void> {
  if (dialect !== 'postgres') return;
  await trx.selectFrom('members').select('id').where('association_id', '=', associationId).where('id', '=', memberId).forUpdate().execute();
}

export interface ShiftFilter {
  fromIso: string;
  toIso: string;
  vehicleId?: string;
  memberId?: string;
  includeCancelled?: boolean;
}

/** Shifts that start in [fromIso, toIso), oldest first. */
export async function listShifts(db: Executor, associationId: string, f: ShiftFilter): Promise<ShiftRow[]> {
  let q = db.selectFrom('shifts').selectAll().where('association_id', '=', associationId).where('starts_at', '>=', f.fromIso).where('starts_at', '<', f.toIso);
  if (f.vehicleId) q = q.where('vehicle_id', '=', f.vehicleId);
  if (f.includeCancelled === false) q = q.where('status', '!=', 'cancelled');
  if (f.memberId) {
    const memberId = f.memberId;
    q = q.where(({ exists, selectFrom }) =>
      exists(selectFrom('shift_crew').select('shift_crew.id').whereRef('shift_crew.shift_id', '=', 'shifts.id').where('shift_crew.member_id', '=', memberId)),
    );
  }
  return q.orderBy('starts_at').orderBy('vehicle_id').limit(5000).execute();
}

/** Crew and waiting list of these shifts with names, in sign-up order. */
export async function crewOf(db: Executor, associationId: string, shiftIds: string[]): Promise<CrewRow[]> {
  if (shiftIds.length === 0) return [];
  const rows: CrewRow[] = [];
  // Chunked: PostgreSQL and SQLite both limit the number of bound parameters.
  for (let i = 0; i < shiftIds.length; i += 500) {
    rows.push(
      ...(await db
        .selectFrom('shift_crew')
        .innerJoin('members', 'members.id', 'shift_crew.member_id')
        .selectAll('shift_crew')
        .select('members.name')
        .where('shift_crew.association_id', '=', associationId)
        .where('shift_crew.shift_id', 'in', shiftIds.slice(i, i + 500))
        .orderBy('shift_crew.created_at')
        .orderBy('shift_crew.id')
        .execute()),
    );
  }
  return rows;
}

export type NewShift = Omit<ShiftTable, 'id' | 'sequence' | 'nothing_to_report' | 'created_at' | 'updated_at'> & { id?: string };

export function shiftValues(
  s: Partial<NewShift> & Pick<NewShift, 'association_id' | 'vehicle_id' | 'starts_at' | 'ends_at' | 'crew_min' | 'crew_max'>,
  now: string,
) {
  return {
    id: s.id ?? newId(),
    template_id: null,
    area_id: null,
    note: null,
    status: 'planned',
    cancel_reason: null,
    checked_in_at: null,
    checked_in_by: null,
    driver_member_id: null,
    odometer_start_km: null,
    start_place: null,
    briefing_note: null,
    checked_out_at: null,
    odometer_end_km: null,
    end_place: null,
    summary: null,
    ...s,
    created_at: now,
    updated_at: now,
  };
}

export async function insertShifts(db: Executor, rows: ReturnType<typeof shiftValues>[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 100)
    await db
      .insertInto('shifts')
      .values(rows.slice(i, i + 100))
      .execute();
}

export type ShiftChanges = Omit<Updateable<ShiftTable>, 'id' | 'association_id' | 'created_at' | 'sequence'>;

/** Changes a shift; bumpSequence tells calendars that subscribers must see the change. */
export async function updateShift(db: Executor, associationId: string, id: string, changes: ShiftChanges, now: string, bumpSequence: boolean): Promise<void> {
  await db
    .updateTable('shifts')
    .set((eb) => ({ ...changes, updated_at: now, ...(bumpSequence && { sequence: eb('sequence', '+', 1) }) }))
    .where('association_id', '=', associationId)
    .where('id', '=', id)
    .execute();
}

/** Shifts of a car, other than exceptId and not cancelled, that share any time with [startsAt, endsAt). */
export async function vehicleShiftsOverlapping(db: Executor, associationId: string, vehicleId: string, startsAt: string, endsAt: string, exceptId?: string) {
  let q = db
    .selectFrom('shifts')
    .select(['id', 'starts_at', 'ends_at'])
    .where('association_id', '=', associationId)
    .where('vehicle_id', '=', vehicleId)
    .where('status', '!=', 'cancelled')
    .where('starts_at', '<', endsAt)
    .where('ends_at', '>', startsAt);
  if (exceptId) q = q.where('id', '!=', exceptId);
  return q.execute();
}

/** The member's crew places (not waiting) in live shifts that share time with [startsAt, endsAt). */
export async function memberShiftsOverlapping(db: Executor, associationId: string, memberId: string, startsAt: string, endsAt: string, exceptShiftId: string) {
  return db
    .selectFrom('shift_crew')
    .innerJoin('shifts', 'shifts.id', 'shift_crew.shift_id')
    .select('shifts.id')
    .where('shift_crew.association_id', '=', associationId)
    .where('shift_crew.member_id', '=', memberId)
    .where('shift_crew.place', '=', 'crew')
    .where('shifts.status', '!=', 'cancelled')
    .where('shifts.id', '!=', exceptShiftId)
    .where('shifts.starts_at', '<', endsAt)
    .where('shifts.ends_at', '>', startsAt)
    .execute();
}

/** How many live shifts the member is crew on that start in [fromIso, toIso). */
export async function memberShiftCount(
  db: Executor,
  associationId: string,
  memberId: string,
  fromIso: string,
  toIso: string,
  exceptShiftId: string,
): Promise<number> {
  const row = await db
    .selectFrom('shift_crew')
    .innerJoin('shifts', 'shifts.id', 'shift_crew.shift_id')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('shift_crew.association_id', '=', associationId)
    .where('shift_crew.member_id', '=', memberId)
    .where('shift_crew.place', '=', 'crew')
    .where('shifts.status', '!=', 'cancelled')
    .where('shifts.id', '!=', exceptShiftId)
    .where('shifts.starts_at', '>=', fromIso)
    .where('shifts.starts_at', '<', toIso)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function insertCrew(
  db: Executor,
  associationId: string,
  shiftId: string,
  memberId: string,
  seat: { place: 'crew' | 'waiting'; asDriver: boolean; asLeader: boolean },
  now: string,
): Promise<void> {
  await db
    .insertInto('shift_crew')
    .values({
      id: newId(),
      association_id: associationId,
      shift_id: shiftId,
      member_id: memberId,
      place: seat.place,
      as_driver: seat.asDriver ? 1 : 0,
      as_leader: seat.asLeader ? 1 : 0,
      present: null,
      created_at: now,
    })
    .execute();
}

export async function deleteCrew(db: Executor, associationId: string, shiftId: string, memberId: string): Promise<void> {
  await db.deleteFrom('shift_crew').where('association_id', '=', associationId).where('shift_id', '=', shiftId).where('member_id', '=', memberId).execute();
}

export async function setCrewPlace(
  db: Executor,
  associationId: string,
  shiftId: string,
  memberId: string,
  changes: { place?: string; present?: number | null; as_driver?: number },
): Promise<void> {
  await db
    .updateTable('shift_crew')
    .set(changes)
    .where('association_id', '=', associationId)
    .where('shift_id', '=', shiftId)
    .where('member_id', '=', memberId)
    .execute();
}

/** Shifts of the association starting in [from, to): what a generation run must not make twice or overlap. */
export async function shiftsStartingBetween(db: Executor, associationId: string, from: string, to: string) {
  return db
    .selectFrom('shifts')
    .select(['vehicle_id', 'template_id', 'starts_at', 'ends_at', 'status'])
    .where('association_id', '=', associationId)
    .where('starts_at', '>=', from)
    .where('starts_at', '<', to)
    .execute();
}

/** A member's seats (crew or waiting list) on planned shifts that start after now. */
export async function futureSeatsOf(db: Executor, associationId: string, memberId: string, now: string) {
  return db
    .selectFrom('shift_crew')
    .innerJoin('shifts', 'shifts.id', 'shift_crew.shift_id')
    .select(['shifts.id', 'shift_crew.place'])
    .where('shift_crew.association_id', '=', associationId)
    .where('shift_crew.member_id', '=', memberId)
    .where('shifts.status', '=', 'planned')
    .where('shifts.starts_at', '>', now)
    .execute();
}
