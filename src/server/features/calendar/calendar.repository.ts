/** The SQL of calendar feeds: the addresses, and the shifts a feed shows. */
import type { Insertable } from 'kysely';
import type { CalendarFeedTable } from '../../platform/db/schema.js';
import type { Executor } from '../../platform/db/database.js';

/** A member's addresses that still work, oldest first, with the car's name for a car feed. */
export function activeFeeds(db: Executor, associationId: string, memberId: string) {
  return db
    .selectFrom('calendar_feeds')
    .leftJoin('vehicles', 'vehicles.id', 'calendar_feeds.vehicle_id')
    .select(['calendar_feeds.id', 'calendar_feeds.vehicle_id', 'vehicles.name as vehicle_name', 'calendar_feeds.token', 'calendar_feeds.created_at'])
    .where('calendar_feeds.association_id', '=', associationId)
    .where('calendar_feeds.member_id', '=', memberId)
    .where('calendar_feeds.revoked_at', 'is', null)
    .orderBy('calendar_feeds.created_at')
    .execute();
}

/** Revokes the member's working address for this calendar (the car's, or their own shifts' when vehicleId is null). */
export async function revokeFeedsFor(db: Executor, associationId: string, memberId: string, vehicleId: string | null, now: string): Promise<void> {
  let q = db
    .updateTable('calendar_feeds')
    .set({ revoked_at: now })
    .where('association_id', '=', associationId)
    .where('member_id', '=', memberId)
    .where('revoked_at', 'is', null);
  q = vehicleId ? q.where('vehicle_id', '=', vehicleId) : q.where('vehicle_id', 'is', null);
  await q.execute();
}

export async function insertFeed(db: Executor, row: Insertable<CalendarFeedTable>): Promise<void> {
  await db.insertInto('calendar_feeds').values(row).execute();
}

/** Revokes one of the member's addresses; false when there is no such working address. */
export async function revokeFeed(db: Executor, associationId: string, memberId: string, id: string, now: string): Promise<boolean> {
  const res = await db
    .updateTable('calendar_feeds')
    .set({ revoked_at: now })
    .where('association_id', '=', associationId)
    .where('member_id', '=', memberId)
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** A working address by its token, with its member's language and status and the association's name. */
export function feedByToken(db: Executor, token: string) {
  return db
    .selectFrom('calendar_feeds')
    .innerJoin('members', 'members.id', 'calendar_feeds.member_id')
    .innerJoin('associations', 'associations.id', 'calendar_feeds.association_id')
    .select([
      'calendar_feeds.association_id',
      'calendar_feeds.member_id',
      'calendar_feeds.vehicle_id',
      'members.language',
      'members.status',
      'associations.name as association_name',
    ])
    .where('calendar_feeds.token', '=', token)
    .where('calendar_feeds.revoked_at', 'is', null)
    .executeTakeFirst();
}

/** The shifts a feed shows, starting in [fromIso, toIso): all of a car's, or those the member rides. */
export function shiftsForFeed(db: Executor, feed: { association_id: string; member_id: string; vehicle_id: string | null }, fromIso: string, toIso: string) {
  let q = db
    .selectFrom('shifts')
    .innerJoin('vehicles', 'vehicles.id', 'shifts.vehicle_id')
    .leftJoin('areas', 'areas.id', 'shifts.area_id')
    .select([
      'shifts.id',
      'shifts.starts_at',
      'shifts.ends_at',
      'shifts.updated_at',
      'shifts.sequence',
      'shifts.status',
      'shifts.crew_max',
      'shifts.note',
      'shifts.cancel_reason',
      'vehicles.name as vehicle_name',
      'areas.name as area_name',
    ])
    .where('shifts.association_id', '=', feed.association_id)
    .where('shifts.starts_at', '>=', fromIso)
    .where('shifts.starts_at', '<', toIso);
  if (feed.vehicle_id) q = q.where('shifts.vehicle_id', '=', feed.vehicle_id);
  else {
    const memberId = feed.member_id;
    q = q.where(({ exists, selectFrom }) =>
      exists(
        selectFrom('shift_crew')
          .select('shift_crew.id')
          .whereRef('shift_crew.shift_id', '=', 'shifts.id')
          .where('shift_crew.member_id', '=', memberId)
          .where('shift_crew.place', '=', 'crew'),
      ),
    );
  }
  return q.orderBy('shifts.starts_at').execute();
}
