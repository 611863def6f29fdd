/** All SQL of police events and of the calls made for them. */
import { newId } from '../../platform/db/ids.js';
import type { PoliceEvent } from './police-api.js';
import type { Executor } from '../../platform/db/database.js';

/** Stores new events; one already stored (the same API id) is left as it is. */
export async function storeEvents(db: Executor, events: PoliceEvent[], at: string): Promise<number> {
  let stored = 0;
  for (let i = 0; i < events.length; i += 200) {
    const res = await db
      .insertInto('police_events')
      .values(
        events.slice(i, i + 200).map((e) => ({
          id: e.id,
          occurred_at: e.occurredAt,
          name: e.name,
          summary: e.summary,
          url: e.url,
          type: e.type,
          location_name: e.locationName,
          lat: e.lat,
          lng: e.lng,
          fetched_at: at,
        })),
      )
      .onConflict((oc) => oc.column('id').doNothing())
      .executeTakeFirst();
    stored += Number(res.numInsertedOrUpdatedRows ?? 0);
  }
  return stored;
}

export function eventsOf(db: Executor, locationName: string, fromIso: string, toIso: string, limit: number) {
  return db
    .selectFrom('police_events')
    .selectAll()
    .where('location_name', '=', locationName)
    .where('occurred_at', '>=', fromIso)
    .where('occurred_at', '<', toIso)
    .orderBy('occurred_at', 'desc')
    .limit(limit)
    .execute();
}

export async function recordCall(db: Executor, call: { at: string; locationName: string; status: number; blockedUntil: string | null }): Promise<void> {
  await db
    .insertInto('police_api_calls')
    .values({ id: newId(), at: call.at, location_name: call.locationName, status: call.status, blocked_until: call.blockedUntil })
    .execute();
}

/** The calls since a time, newest first: what the API's limits are counted against. */
export function callsSince(db: Executor, sinceIso: string) {
  return db
    .selectFrom('police_api_calls')
    .select(['at', 'location_name', 'status', 'blocked_until'])
    .where('at', '>=', sinceIso)
    .orderBy('at', 'desc')
    .execute();
}

/** The municipalities of the associations: each one's events are asked for. */
export async function municipalities(db: Executor): Promise<string[]> {
  return (await db.selectFrom('associations').select('municipality').distinct().orderBy('municipality').execute()).map((r) => r.municipality);
}

export async function municipalityOf(db: Executor, associationId: string): Promise<string> {
  return (await db.selectFrom('associations').select('municipality').where('id', '=', associationId).executeTakeFirstOrThrow()).municipality;
}
