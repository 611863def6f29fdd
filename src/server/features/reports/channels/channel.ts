/**
 * A delivery channel: how an action item reaches its recipient. Each channel
 * has one file here (email.ts, open311.ts, manual.ts), the way FixMyStreet's
 * SendReport/* does; a new way to deliver (an SMS gateway, another system's
 * API) is a new file and a line in index.ts. queue() runs inside the caller's
 * transaction: it writes what will carry the item out (a mail in the outbox,
 * a job), never sends anything itself, so the item's state and its delivery
 * commit together and each worker sends exactly once.
 */
import type { AppContext } from '../../../context.js';
import type { Executor } from '../../../platform/db/database.js';
import type { RecipientRow } from '../recipients.repository.js';

export interface QueuedItem {
  id: string;
  /** Urgent items go at once, whatever the recipient's delivery rhythm. */
  urgent: boolean;
}

export interface Channel {
  /** Writes what delivers the item; gives the note for its "queued" event (a digest, the manual instructions), or null. */
  queue(db: Executor, ctx: AppContext, item: QueuedItem, recipient: RecipientRow): Promise<string | null>;
}
