/** What the staffing sweeps read: shifts coming up with their association's settings, who could help, cars due. */
import type { Executor } from '../../platform/db/database.js';

/** Planned shifts not over yet that start within withinMs of now, with the settings the sweeps need. */
export async function upcomingShifts(db: Executor, now: Date, withinMs: number) {
  return db
    .selectFrom('shifts')
    .innerJoin('associations', 'associations.id', 'shifts.association_id')
    .selectAll('shifts')
    .select(['associations.short_shift_notice_days', 'associations.signup_closes_hours', 'associations.checkin_grace_minutes'])
    .where('shifts.status', '=', 'planned')
    .where('shifts.ends_at', '>', now.toISOString())
    .where('shifts.starts_at', '<', new Date(now.getTime() + withinMs).toISOString())
    .orderBy('shifts.starts_at')
    .execute();
}

/** Active volunteers not among these members, with every role and checked driving licence in the association. */
export async function possibleHelpers(db: Executor, associationId: string, exceptMemberIds: string[]) {
  const [members, roles, licences] = await Promise.all([
    db
      .selectFrom('members')
      .select(['id', 'name', 'email', 'language'])
      .where('association_id', '=', associationId)
      .where('status', '=', 'active')
      .where('kind', '=', 'volunteer')
      .where('id', 'not in', exceptMemberIds.concat(['-']))
      .execute(),
    db.selectFrom('member_roles').select(['member_id', 'role']).where('association_id', '=', associationId).execute(),
    db
      .selectFrom('qualifications')
      .select(['member_id', 'achieved_on', 'expires_on'])
      .where('association_id', '=', associationId)
      .where('kind', '=', 'driving_licence_checked')
      .execute(),
  ]);
  return { members, roles, licences };
}

export async function vehicleStatus(db: Executor, vehicleId: string): Promise<string> {
  return (await db.selectFrom('vehicles').select('status').where('id', '=', vehicleId).executeTakeFirstOrThrow()).status;
}

/** Cars in use whose insurance or service is due on or before the day. */
export async function carsDueBy(db: Executor, day: string) {
  return db
    .selectFrom('vehicles')
    .innerJoin('associations', 'associations.id', 'vehicles.association_id')
    .select([
      'vehicles.id',
      'vehicles.association_id',
      'vehicles.name',
      'vehicles.insurance_due_on',
      'vehicles.service_due_on',
      'associations.name as association_name',
    ])
    .where('vehicles.status', '!=', 'retired')
    .where((eb) => eb.or([eb('vehicles.insurance_due_on', '<=', day), eb('vehicles.service_due_on', '<=', day)]))
    .execute();
}
