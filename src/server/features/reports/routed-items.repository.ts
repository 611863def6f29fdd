/** What routing writes for a chunk of observations at once: its items, their links and timeline entries, each one statement. */
import type { Insertable } from 'kysely';
import type { ActionItemEventTable, ActionItemObservationTable, ActionItemTable } from '../../platform/db/schema.js';
import type { Executor } from '../../platform/db/database.js';

export async function insertItems(db: Executor, rows: Insertable<ActionItemTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('action_items').values(rows).execute();
}

export async function linkObservations(db: Executor, rows: Insertable<ActionItemObservationTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('action_item_observations').values(rows).execute();
}

export async function insertEvents(db: Executor, rows: Insertable<ActionItemEventTable>[]): Promise<void> {
  if (rows.length > 0) await db.insertInto('action_item_events').values(rows).execute();
}

export interface NearQuery {
  associationId: string;
  recipientId: string;
  categoryId: string;
  lat: number;
  lng: number;
  radiusM: number;
  since: string;
  states: readonly string[];
}

/** Open items of one recipient and category in the box around a point, made since: the duplicate check's candidates. */
export function openItemsOfRecipientNear(db: Executor, q: NearQuery) {
  const dLat = q.radiusM / 111_320;
  const dLng = q.radiusM / (111_320 * Math.cos((q.lat * Math.PI) / 180));
  return db
    .selectFrom('action_items')
    .select(['id', 'lat', 'lng'])
    .where('association_id', '=', q.associationId)
    .where('category_id', '=', q.categoryId)
    .where('lat', '>=', q.lat - dLat)
    .where('lat', '<=', q.lat + dLat)
    .where('lng', '>=', q.lng - dLng)
    .where('lng', '<=', q.lng + dLng)
    .where('recipient_id', '=', q.recipientId)
    .where('created_at', '>=', q.since)
    .where('state', 'in', q.states)
    .execute();
}
