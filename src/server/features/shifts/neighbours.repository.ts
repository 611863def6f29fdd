/**
 * What the shifts feature reads from the tables around it: the association's
 * settings, its cars and areas, and the members who crew the cars. Reads only;
 * each of those tables is written by its own feature.
 */
import type { Executor } from '../../platform/db/database.js';

export async function associationSettings(db: Executor, associationId: string) {
  return db
    .selectFrom('associations')
    .select(['name', 'checkin_grace_minutes', 'withdraw_deadline_hours', 'signup_closes_hours'])
    .where('id', '=', associationId)
    .executeTakeFirstOrThrow();
}

export async function vehiclesOf(db: Executor, associationId: string) {
  return db.selectFrom('vehicles').select(['id', 'name', 'status', 'odometer_km']).where('association_id', '=', associationId).execute();
}

/** One car of the association; undefined for an id of another association's car. */
export async function vehicleOf(db: Executor, associationId: string, vehicleId: string) {
  return db
    .selectFrom('vehicles')
    .select(['id', 'name', 'status', 'odometer_km'])
    .where('association_id', '=', associationId)
    .where('id', '=', vehicleId)
    .executeTakeFirst();
}

export async function areasOf(db: Executor, associationId: string) {
  return db.selectFrom('areas').select(['id', 'name']).where('association_id', '=', associationId).execute();
}

export async function areaExists(db: Executor, associationId: string, areaId: string): Promise<boolean> {
  return Boolean(await db.selectFrom('areas').select('id').where('association_id', '=', associationId).where('id', '=', areaId).executeTakeFirst());
}

/** What decides whether a member may take a seat: status, kind and weekly cap. */
export async function memberForSeat(db: Executor, associationId: string, memberId: string) {
  return db
    .selectFrom('members')
    .select(['status', 'kind', 'max_shifts_per_week'])
    .where('association_id', '=', associationId)
    .where('id', '=', memberId)
    .executeTakeFirst();
}

export async function rolesOf(db: Executor, associationId: string, memberId: string): Promise<string[]> {
  const rows = await db.selectFrom('member_roles').select('role').where('association_id', '=', associationId).where('member_id', '=', memberId).execute();
  return rows.map((r) => r.role);
}

/** The checked driving licence of a member, if any. */
export async function drivingLicenceOf(db: Executor, associationId: string, memberId: string) {
  return db
    .selectFrom('qualifications')
    .select(['achieved_on', 'expires_on'])
    .where('association_id', '=', associationId)
    .where('member_id', '=', memberId)
    .where('kind', '=', 'driving_licence_checked')
    .executeTakeFirst();
}

export interface Recipient {
  id: string;
  name: string;
  email: string;
  language: string;
}

/** Active coordinators of the association, who hear about gaps and late changes. */
export async function coordinatorsOf(db: Executor, associationId: string): Promise<Recipient[]> {
  return db
    .selectFrom('members')
    .innerJoin('member_roles', 'member_roles.member_id', 'members.id')
    .select(['members.id', 'members.name', 'members.email', 'members.language'])
    .where('members.association_id', '=', associationId)
    .where('members.status', '=', 'active')
    .where('member_roles.role', '=', 'coordinator')
    .execute();
}

export async function membersByIds(db: Executor, associationId: string, ids: string[]): Promise<Recipient[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('members')
    .select(['id', 'name', 'email', 'language'])
    .where('association_id', '=', associationId)
    .where('id', 'in', ids)
    .where('status', '=', 'active')
    .execute();
}
