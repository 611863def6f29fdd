/** All SQL of the Open311 endpoint: partner keys, and observations read as service requests. Scoped by association. */
import { sql, type Selectable } from 'kysely';
import type { Open311KeyTable } from '../../platform/db/schema.js';
import { endStates } from '../../../shared/domain/action-items.js';
import { hasPublicId, publicIdSql } from '../../platform/db/public-id.js';
import type { Executor } from '../../platform/db/database.js';

export type KeyRow = Selectable<Open311KeyTable>;

/** Only observations that ask for something to be fixed are service requests; police tips and notes never leave the association this way. */
export const REQUEST_URGENCY = 'needs_action';

export function insertKey(db: Executor, row: Open311KeyTable): Promise<unknown> {
  return db.insertInto('open311_keys').values(row).execute();
}

export function listKeys(db: Executor, associationId: string): Promise<(KeyRow & { member_name: string; member_status: string })[]> {
  return db
    .selectFrom('open311_keys as k')
    .innerJoin('members as m', 'm.id', 'k.member_id')
    .selectAll('k')
    .select(['m.name as member_name', 'm.status as member_status'])
    .where('k.association_id', '=', associationId)
    .orderBy('k.created_at', 'desc')
    .execute();
}

export function findKey(db: Executor, associationId: string, id: string): Promise<KeyRow | undefined> {
  return db.selectFrom('open311_keys').selectAll().where('association_id', '=', associationId).where('id', '=', id).executeTakeFirst();
}

/**
 * A key in force, found by its hash: revoked keys are never found, nor keys whose issuing admin is no longer
 * an active member (what a partner system sends is recorded under that admin, who must still vouch for it).
 */
export function findKeyByHash(db: Executor, hash: string): Promise<KeyRow | undefined> {
  return db
    .selectFrom('open311_keys as k')
    .innerJoin('members as m', (j) => j.onRef('m.id', '=', 'k.member_id').onRef('m.association_id', '=', 'k.association_id'))
    .selectAll('k')
    .where('k.key_hash', '=', hash)
    .where('k.revoked_at', 'is', null)
    .where('m.status', '=', 'active')
    .executeTakeFirst();
}

export async function revokeKey(db: Executor, associationId: string, id: string, at: string): Promise<void> {
  await db.updateTable('open311_keys').set({ revoked_at: at }).where('association_id', '=', associationId).where('id', '=', id).execute();
}

export async function touchKey(db: Executor, id: string, at: string): Promise<void> {
  await db.updateTable('open311_keys').set({ last_used_at: at }).where('id', '=', id).execute();
}

type AssociationRow = { id: string; name: string; default_language: string; municipality: string; public_page: number };
const associationColumns = ['id', 'name', 'default_language', 'municipality', 'public_page'] as const;

export function associationIds(db: Executor, limit: number): Promise<AssociationRow[]> {
  return db.selectFrom('associations').select(associationColumns).orderBy('created_at').limit(limit).execute();
}

export function findAssociation(db: Executor, id: string): Promise<AssociationRow | undefined> {
  return db.selectFrom('associations').select(associationColumns).where('id', '=', id).executeTakeFirst();
}

export interface RequestFilter {
  ids?: string[];
  categoryIds?: string[];
  fromIso?: string;
  toIso?: string;
  status?: 'open' | 'closed';
  limit: number;
}

const closedList = sql.join(endStates.map((s) => sql.lit(s)));

export async function serviceRequests(db: Executor, associationId: string, f: RequestFilter) {
  // Closed: the observation has action items and every one of them is closed. Open: anything else.
  const hasItems = sql<boolean>`exists (select 1 from action_item_observations aio where aio.observation_id = o.id)`;
  const hasOpen = sql<boolean>`exists (select 1 from action_item_observations aio join action_items ai on ai.id = aio.item_id
    where aio.observation_id = o.id and ai.state not in (${closedList}))`;
  let q = db
    .selectFrom('observations as o')
    .innerJoin('observation_categories as c', 'c.id', 'o.category_id')
    .select([
      'o.id',
      publicIdSql('o').as('public_id'),
      'o.text',
      'o.lat',
      'o.lng',
      'o.address',
      'o.observed_at',
      'o.updated_at',
      'o.media_url',
      'c.code',
      'c.label_sv',
      'c.label_en',
      sql<number>`case when ${hasItems} and not ${hasOpen} then 1 else 0 end`.as('closed'),
    ])
    .where('o.association_id', '=', associationId)
    .where('o.urgency', '=', REQUEST_URGENCY);
  // Asked for by the ids the association knows (see observations/public-id.ts).
  if (f.ids) q = q.where(publicIdSql('o'), 'in', f.ids.length ? f.ids : ['']);
  if (f.categoryIds) q = q.where('o.category_id', 'in', f.categoryIds.length ? f.categoryIds : ['']);
  if (f.fromIso) q = q.where('o.observed_at', '>=', f.fromIso);
  if (f.toIso) q = q.where('o.observed_at', '<=', f.toIso);
  if (f.status === 'closed') q = q.where(sql<boolean>`${hasItems} and not ${hasOpen}`);
  if (f.status === 'open') q = q.where(sql<boolean>`not (${hasItems} and not ${hasOpen})`);
  return q.orderBy('o.observed_at', 'desc').orderBy('o.id', 'desc').limit(f.limit).execute();
}

/** The action items behind the given observations: who is responsible, by when, and what they last answered. */
export async function itemsOfRequests(db: Executor, associationId: string, observationIds: string[]) {
  if (observationIds.length === 0) return { items: [], notes: [] };
  const items = await db
    .selectFrom('action_item_observations as aio')
    .innerJoin('action_items as ai', 'ai.id', 'aio.item_id')
    .innerJoin('recipients as r', 'r.id', 'ai.recipient_id')
    .select(['aio.observation_id', 'ai.id', 'ai.state', 'ai.due_at', 'ai.updated_at', 'r.name as recipient_name'])
    .where('aio.association_id', '=', associationId)
    .where('aio.observation_id', 'in', observationIds)
    .orderBy('r.name')
    .execute();
  const itemIds = items.map((i) => i.id);
  const notes = itemIds.length
    ? await db
        .selectFrom('action_item_events')
        .select(['item_id', 'at', 'note'])
        .where('association_id', '=', associationId)
        .where('item_id', 'in', itemIds)
        // The recipient's answers, whether they came through the link or a coordinator took them by phone; internal notes stay inside.
        .where('kind', '=', 'answered')
        .where('note', 'is not', null)
        .orderBy('at')
        .execute()
    : [];
  return { items, notes };
}

/** Which association an observation made through a key belongs to: tokens resolve only for their own key's association. */
export function observationOfAssociation(db: Executor, associationId: string, id: string): Promise<{ id: string } | undefined> {
  return db
    .selectFrom('observations')
    .select(publicIdSql().as('id'))
    .where((eb) => hasPublicId(eb, associationId, id))
    .executeTakeFirst();
}
