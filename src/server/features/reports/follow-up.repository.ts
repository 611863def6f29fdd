/** The SQL of following items up: digests waiting, overdue answers, who to tell, and the small lookups mails need. */
import { publicIdSql } from '../../platform/db/public-id.js';
import type { Executor } from '../../platform/db/database.js';

export async function associationName(db: Executor, associationId: string): Promise<string> {
  return (await db.selectFrom('associations').select('name').where('id', '=', associationId).executeTakeFirstOrThrow()).name;
}

export async function categoryCode(db: Executor, associationId: string, categoryId: string): Promise<string> {
  return (
    await db
      .selectFrom('observation_categories')
      .select('code')
      .where('association_id', '=', associationId)
      .where('id', '=', categoryId)
      .executeTakeFirstOrThrow()
  ).code;
}

/** Hours after resolution a category (or the nearest ancestor that says) wants a re-check; null for none. */
export async function recheckHoursOf(db: Executor, categoryId: string): Promise<number | null> {
  const c = await db.selectFrom('observation_categories').select(['recheck_hours', 'parent_id']).where('id', '=', categoryId).executeTakeFirst();
  if (c?.recheck_hours !== null && c?.recheck_hours !== undefined) return c.recheck_hours;
  return c?.parent_id ? recheckHoursOf(db, c.parent_id) : null;
}

/** Whether the member made one of the item's observations. */
export async function isAuthorOfItem(db: Executor, associationId: string, itemId: string, memberId: string): Promise<boolean> {
  const row = await db
    .selectFrom('action_item_observations')
    .innerJoin('observations', 'observations.id', 'action_item_observations.observation_id')
    .select('observations.id')
    .where('action_item_observations.association_id', '=', associationId)
    .where('action_item_observations.item_id', '=', itemId)
    .where('observations.author_member_id', '=', memberId)
    .executeTakeFirst();
  return row !== undefined;
}

/** The active members who made the item's observations, each with one of their observations. */
export function authorsOfItem(db: Executor, itemId: string) {
  return (
    db
      .selectFrom('action_item_observations')
      .innerJoin('observations', 'observations.id', 'action_item_observations.observation_id')
      .innerJoin('members', 'members.id', 'observations.author_member_id')
      // The link in the mail opens the observation by the id its association knows.
      .select(['members.name', 'members.email', 'members.language', publicIdSql().as('observation_id')])
      .where('action_item_observations.item_id', '=', itemId)
      .where('members.status', '=', 'active')
      .execute()
  );
}

/** Queued items of recipients that take a daily digest, not mailed yet, oldest first. */
export function itemsWaitingForDigest(db: Executor) {
  return db
    .selectFrom('action_items')
    .innerJoin('recipients', 'recipients.id', 'action_items.recipient_id')
    .select(['action_items.id', 'action_items.recipient_id', 'action_items.association_id'])
    .where('action_items.state', '=', 'queued')
    .where('recipients.channel', '=', 'email')
    .where('recipients.delivery', '=', 'daily')
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('mail_action_items').select('mail_action_items.item_id').whereRef('mail_action_items.item_id', '=', 'action_items.id'))),
    )
    .orderBy('action_items.created_at')
    .execute();
}

/** Sent items past their deadline, unanswered and not yet handed to the coordinators. */
export function overdueItems(db: Executor, at: string) {
  return db
    .selectFrom('action_items')
    .innerJoin('recipients', 'recipients.id', 'action_items.recipient_id')
    .select(['action_items.id', 'action_items.association_id', 'action_items.reminded_at', 'recipients.channel', 'recipients.response_days'])
    .where('action_items.state', '=', 'sent')
    .where('action_items.answered_at', 'is', null)
    .where('action_items.escalated_at', 'is', null)
    .where('action_items.due_at', '<', at)
    .execute();
}

/** An item's association, from its id alone (a job's payload names only the item). */
export function itemAssociation(db: Executor, itemId: string) {
  return db.selectFrom('action_items').select(['id', 'association_id']).where('id', '=', itemId).executeTakeFirst();
}
