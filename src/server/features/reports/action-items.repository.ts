/** All SQL about action items, their observations, their timeline and answer links. Every query is scoped by association. */
import { sql, type Insertable, type Selectable, type Updateable } from 'kysely';
import type { ActionItemEventTable, ActionItemTable } from '../../platform/db/schema.js';
import { newId } from '../../platform/db/ids.js';
import { publicIdSql } from '../../platform/db/public-id.js';
import type { EventKind, ItemState } from '../../../shared/domain/action-items.js';
import type { Executor } from '../../platform/db/database.js';

export type ItemRow = Selectable<ActionItemTable> & {
  recipient_name: string;
  channel: string;
  manual_instructions: string | null;
  partner_organisation_id: string | null;
  label_sv: string;
  label_en: string;
  icon: string;
};

const itemsWithNames = (db: Executor, associationId: string) =>
  db
    .selectFrom('action_items')
    .innerJoin('recipients', 'recipients.id', 'action_items.recipient_id')
    .innerJoin('observation_categories', 'observation_categories.id', 'action_items.category_id')
    .selectAll('action_items')
    .select([
      'recipients.name as recipient_name',
      'recipients.channel',
      'recipients.manual_instructions',
      'recipients.partner_organisation_id',
      'observation_categories.label_sv',
      'observation_categories.label_en',
      'observation_categories.icon',
    ])
    .where('action_items.association_id', '=', associationId);

export interface ItemFilter {
  states?: readonly string[];
  recipientId?: string;
  /** The id the association knows (see observations/public-id.ts). */
  observationId?: string;
  /** The observation row's own id (background work that starts from the row). */
  observationRowId?: string;
  /** Sent, unanswered and past the deadline at this time. */
  overdueAt?: string;
  failed?: boolean;
  /** Observations by this member only (a volunteer following their own). */
  authorMemberId?: string;
  /** Sent in [sentFrom, sentTo): the items behind a dashboard figure. */
  sentFrom?: string;
  sentTo?: string;
  /** Made of an observation in this area. */
  areaId?: string;
  /** Addressed to a recipient of this partner organisation (a partner following theirs). */
  partnerOrganisationId?: string;
  limit: number;
}

export async function listItems(db: Executor, associationId: string, f: ItemFilter): Promise<ItemRow[]> {
  let q = itemsWithNames(db, associationId);
  if (f.states) q = q.where('action_items.state', 'in', f.states);
  if (f.recipientId) q = q.where('action_items.recipient_id', '=', f.recipientId);
  // Past the first deadline, as isOverdue: a reminder's new deadline does not take an item off this list.
  if (f.overdueAt)
    q = q
      .where('action_items.state', '=', 'sent')
      .where('action_items.answered_at', 'is', null)
      .where(sql<string>`coalesce(action_items.first_due_at, action_items.due_at)`, '<', f.overdueAt);
  if (f.failed) q = q.where('action_items.delivery_error', 'is not', null);
  if (f.sentFrom) q = q.where('action_items.sent_at', '>=', f.sentFrom);
  if (f.sentTo) q = q.where('action_items.sent_at', '<', f.sentTo);
  if (f.partnerOrganisationId) q = q.where('recipients.partner_organisation_id', '=', f.partnerOrganisationId);
  if (f.observationId || f.observationRowId || f.authorMemberId || f.areaId) {
    q = q.where((eb) =>
      eb.exists(
        eb
          .selectFrom('action_item_observations')
          .innerJoin('observations', 'observations.id', 'action_item_observations.observation_id')
          .select(sql`1`.as('one'))
          .whereRef('action_item_observations.item_id', '=', 'action_items.id')
          .$if(f.observationId !== undefined, (s) => s.where(publicIdSql(), '=', f.observationId!))
          .$if(f.observationRowId !== undefined, (s) => s.where('observations.id', '=', f.observationRowId!))
          .$if(f.authorMemberId !== undefined, (s) => s.where('observations.author_member_id', '=', f.authorMemberId!))
          .$if(f.areaId !== undefined, (s) => s.where('observations.area_id', '=', f.areaId!)),
      ),
    );
  }
  return q.orderBy('action_items.created_at', 'desc').orderBy('action_items.id', 'desc').limit(f.limit).execute();
}

/** Resolved items waiting for a patrol to look again, due by `dueBy` and not older than `since`. */
export function rechecksDue(db: Executor, associationId: string, dueBy: string, since: string, limit: number): Promise<ItemRow[]> {
  return itemsWithNames(db, associationId)
    .where('action_items.state', '=', 'resolved')
    .where('action_items.rechecked_at', 'is', null)
    .where('action_items.recheck_due_at', '<=', dueBy)
    .where('action_items.recheck_due_at', '>=', since)
    .orderBy('action_items.recheck_due_at')
    .limit(limit)
    .execute();
}

/** Items a patrol found still there, with nothing done about them since. */
export function stillThere(db: Executor, associationId: string, limit: number): Promise<ItemRow[]> {
  return itemsWithNames(db, associationId)
    .where('action_items.recheck_result', '=', 'still_there')
    .whereRef('action_items.updated_at', '<=', 'action_items.rechecked_at')
    .limit(limit)
    .execute();
}

/** The mails that carry an item, with their status and how many items each carries. */
export function mailsOfItem(db: Executor, itemId: string) {
  return db
    .selectFrom('mail_action_items as mi')
    .innerJoin('mail_outbox as m', 'm.id', 'mi.mail_id')
    .select(['m.id', 'm.status'])
    .select((eb) =>
      eb
        .selectFrom('mail_action_items as other')
        .select((e) => e.fn.countAll<string>().as('n'))
        .whereRef('other.mail_id', '=', 'mi.mail_id')
        .as('items'),
    )
    .where('mi.item_id', '=', itemId)
    .execute();
}

/** Stops mails that have not gone out yet. */
export async function cancelMails(db: Executor, mailIds: string[]): Promise<void> {
  if (mailIds.length === 0) return;
  await db.updateTable('mail_outbox').set({ status: 'cancelled' }).where('id', 'in', mailIds).where('status', 'in', ['pending', 'kept']).execute();
}

export function findItem(db: Executor, associationId: string, id: string): Promise<ItemRow | undefined> {
  return itemsWithNames(db, associationId).where('action_items.id', '=', id).executeTakeFirst();
}

/** The observations of each item, by the ids their association knows. */
export async function observationIdsOf(db: Executor, itemIds: string[]): Promise<Map<string, string[]>> {
  const out = new Map<string, string[]>();
  if (itemIds.length === 0) return out;
  const rows = await db
    .selectFrom('action_item_observations')
    .innerJoin('observations', 'observations.id', 'action_item_observations.observation_id')
    .select(['action_item_observations.item_id', publicIdSql().as('observation_id')])
    .where('action_item_observations.item_id', 'in', itemIds)
    .orderBy('action_item_observations.created_at')
    .execute();
  for (const r of rows) out.set(r.item_id, [...(out.get(r.item_id) ?? []), r.observation_id]);
  return out;
}

export function eventsOf(db: Executor, associationId: string, itemId: string) {
  return db
    .selectFrom('action_item_events')
    .leftJoin('members', 'members.id', 'action_item_events.member_id')
    .selectAll('action_item_events')
    .select('members.name as member_name')
    .where('action_item_events.association_id', '=', associationId)
    .where('action_item_events.item_id', '=', itemId)
    .orderBy('action_item_events.at')
    .orderBy('action_item_events.id')
    .execute();
}

export interface NewItem {
  associationId: string;
  recipientId: string;
  categoryId: string;
  urgent: boolean;
  lat: number;
  lng: number;
  now: string;
}

/** The row of a new item, under a fresh id; routing writes it as queued at once when it sends it. */
export function newItemRow(item: NewItem, state: ItemState = 'new'): Insertable<ActionItemTable> & { id: string } {
  return {
    id: newId(),
    association_id: item.associationId,
    recipient_id: item.recipientId,
    category_id: item.categoryId,
    state,
    urgent: item.urgent ? 1 : 0,
    lat: item.lat,
    lng: item.lng,
    external_reference: null,
    delivery_error: null,
    open311_request_id: null,
    open311_token: null,
    sent_at: null,
    due_at: null,
    answered_at: null,
    closed_at: null,
    reminded_at: null,
    escalated_at: null,
    recheck_due_at: null,
    rechecked_at: null,
    created_at: item.now,
    updated_at: item.now,
  };
}

export async function insertItem(db: Executor, item: NewItem): Promise<string> {
  const row = newItemRow(item);
  await db.insertInto('action_items').values(row).execute();
  return row.id;
}

export async function linkObservation(db: Executor, associationId: string, itemId: string, observationId: string, now: string): Promise<boolean> {
  const r = await db
    .insertInto('action_item_observations')
    .values({ item_id: itemId, observation_id: observationId, association_id: associationId, created_at: now })
    .onConflict((oc) => oc.columns(['item_id', 'observation_id']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0) > 0;
}

export interface NewEvent {
  kind: EventKind;
  state?: ItemState | null;
  note?: string | null;
  externalReference?: string | null;
  memberId?: string | null;
  byRecipient?: boolean;
  at: string;
}

/** A timeline entry's row, under a fresh id (ids grow, so entries at the same instant keep their order). */
export function eventRow(associationId: string, itemId: string, e: NewEvent): Insertable<ActionItemEventTable> {
  return {
    id: newId(),
    association_id: associationId,
    item_id: itemId,
    at: e.at,
    kind: e.kind,
    state: e.state ?? null,
    note: e.note ?? null,
    external_reference: e.externalReference ?? null,
    member_id: e.memberId ?? null,
    by_recipient: e.byRecipient ? 1 : 0,
  };
}

export async function addEvent(db: Executor, associationId: string, itemId: string, e: NewEvent): Promise<void> {
  await db
    .insertInto('action_item_events')
    .values(eventRow(associationId, itemId, e))
    .execute();
}

/** Changes an item only while it is in one of `from` (a guard against a concurrent change); true when it changed. */
export async function updateItem(
  db: Executor,
  associationId: string,
  id: string,
  changes: Updateable<ActionItemTable>,
  from?: readonly string[],
): Promise<boolean> {
  let q = db.updateTable('action_items').set(changes).where('association_id', '=', associationId).where('id', '=', id);
  if (from) q = q.where('state', 'in', from);
  return Number((await q.executeTakeFirst()).numUpdatedRows) > 0;
}

/** Open items of a category near a point since a time: a bounding box in SQL, the exact distance in the service. */
export function openItemsNear(
  db: Executor,
  associationId: string,
  categoryId: string,
  lat: number,
  lng: number,
  radiusM: number,
  since: string,
  states: readonly string[],
) {
  const dLat = radiusM / 111_320;
  const dLng = radiusM / (111_320 * Math.cos((lat * Math.PI) / 180));
  return itemsWithNames(db, associationId)
    .where('action_items.category_id', '=', categoryId)
    .where('action_items.lat', '>=', lat - dLat)
    .where('action_items.lat', '<=', lat + dLat)
    .where('action_items.lng', '>=', lng - dLng)
    .where('action_items.lng', '<=', lng + dLng)
    .where('action_items.created_at', '>=', since)
    .where('action_items.state', 'in', states)
    .execute();
}

// ---- Answer links ----

export async function insertLink(db: Executor, associationId: string, itemId: string, expiresAt: string, now: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('recipient_links')
    .values({ id, association_id: associationId, item_id: itemId, expires_at: expiresAt, used_at: null, created_at: now })
    .execute();
  return id;
}

export function findLink(db: Executor, id: string) {
  return db.selectFrom('recipient_links').selectAll().where('id', '=', id).executeTakeFirst();
}

/** Uses a link once: false when it was used already (or by a concurrent answer). */
export async function useLink(db: Executor, id: string, now: string): Promise<boolean> {
  const r = await db.updateTable('recipient_links').set({ used_at: now }).where('id', '=', id).where('used_at', 'is', null).executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

// ---- Mail delivery bookkeeping ----

export async function linkMail(db: Executor, mailId: string, itemIds: string[]): Promise<void> {
  if (itemIds.length > 0)
    await db
      .insertInto('mail_action_items')
      .values(itemIds.map((item_id) => ({ mail_id: mailId, item_id })))
      .execute();
}

export function itemsOfMail(db: Executor, mailId: string) {
  return db
    .selectFrom('mail_action_items')
    .innerJoin('action_items', 'action_items.id', 'mail_action_items.item_id')
    .innerJoin('recipients', 'recipients.id', 'action_items.recipient_id')
    .select(['action_items.id', 'action_items.association_id', 'action_items.state', 'recipients.response_days'])
    .where('mail_action_items.mail_id', '=', mailId)
    .execute();
}

export async function lastMailOf(db: Executor, itemId: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('mail_action_items')
    .innerJoin('mail_outbox', 'mail_outbox.id', 'mail_action_items.mail_id')
    .select('mail_outbox.id')
    .where('mail_action_items.item_id', '=', itemId)
    .orderBy('mail_outbox.created_at', 'desc')
    .executeTakeFirst();
  return row?.id;
}

/** A photo of one of the association's observations, by its hash. */
export function photoOfAssociation(db: Executor, associationId: string, sha256: string) {
  return db
    .selectFrom('observation_photos')
    .select(['sha256', 'mime'])
    .where('association_id', '=', associationId)
    .where('sha256', '=', sha256)
    .executeTakeFirst();
}

/** The observations behind items, with what a recipient needs to act: what, where, when, words and photos. */
export async function observationsOfItems(db: Executor, associationId: string, itemIds: string[]) {
  if (itemIds.length === 0) return [];
  const rows = await db
    .selectFrom('action_item_observations')
    .innerJoin('observations', 'observations.id', 'action_item_observations.observation_id')
    .leftJoin('areas', 'areas.id', 'observations.area_id')
    .select([
      'action_item_observations.item_id',
      'observations.id',
      publicIdSql().as('public_id'),
      'observations.urgency',
      'observations.text',
      'observations.lat',
      'observations.lng',
      'observations.address',
      'observations.observed_at',
      'observations.author_member_id',
      'areas.name as area_name',
    ])
    .where('action_item_observations.association_id', '=', associationId)
    .where('action_item_observations.item_id', 'in', itemIds)
    .orderBy('observations.observed_at')
    .execute();
  if (rows.length === 0) return [];
  const photos = await db
    .selectFrom('observation_photos')
    .select(['observation_id', 'sha256', 'mime'])
    .where('association_id', '=', associationId)
    .where(
      'observation_id',
      'in',
      rows.map((r) => r.id),
    )
    .orderBy('created_at')
    .execute();
  return rows.map((r) => ({ ...r, lat: Number(r.lat), lng: Number(r.lng), photos: photos.filter((p) => p.observation_id === r.id) }));
}
export type ItemObservation = Awaited<ReturnType<typeof observationsOfItems>>[number];
