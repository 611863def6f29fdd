/**
 * Delivery of action items by their recipient's channel (channels/). Runs
 * inside the caller's transaction: the item's new state and what carries it
 * out (a queued mail, an Open311 job) are written together, so a crash between
 * the two cannot happen, and the mail or job is sent once by its worker.
 */
import type { AppContext } from '../../context.js';
import type { Executor } from '../../platform/db/database.js';
import * as repo from './action-items.repository.js';
import type { RecipientRow } from './recipients.repository.js';
import { channelOf } from './channels/index.js';

/** Starts delivering a new item by the recipient's channel and leaves it queued. */
export async function queueItem(db: Executor, ctx: AppContext, itemId: string, recipient: RecipientRow, urgent: boolean): Promise<void> {
  const at = ctx.clock.now().toISOString();
  await repo.updateItem(db, recipient.association_id, itemId, { state: 'queued', updated_at: at }, ['new']);
  await repo.addEvent(db, recipient.association_id, itemId, await handToChannel(db, ctx, { id: itemId, urgent }, recipient, at));
}

/**
 * The channel's part of queueing an item already written as queued (routing writes a chunk's items so): the
 * channel queues what carries it out; the timeline entry is the caller's to write, with others at once.
 */
export async function handToChannel(
  db: Executor,
  ctx: AppContext,
  item: { id: string; urgent: boolean },
  recipient: RecipientRow,
  at: string,
): Promise<repo.NewEvent> {
  const note = await channelOf(recipient.channel).queue(db, ctx, item, recipient);
  return { kind: 'queued', state: 'queued', note, at };
}
