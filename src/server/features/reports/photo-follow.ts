/**
 * A photo that arrives after its observation's items were mailed follows by
 * mail to the same recipients: "Bild till ärende …", with the photos attached
 * and a fresh answer link. Items not mailed yet need nothing (their mail is
 * made with the photos when it goes, as the day's digest is); Open311 has no
 * way to add a picture to a request already made, and a manual item is the
 * coordinators' to pass on.
 */
import type { AppContext } from '../../context.js';
import type { JobHandler } from '../../platform/jobs/job-worker.js';
import { PHOTO_ARRIVED } from '../observations/photo-arrived.js';
import * as repo from './action-items.repository.js';
import { findRecipientRow } from './recipients.repository.js';
import { mailItems } from './channels/email.js';

const OPEN = ['queued', 'sent', 'acknowledged', 'in_progress'];

export function photoFollowHandlers(getCtx: () => AppContext): Record<string, JobHandler> {
  return {
    [PHOTO_ARRIVED]: async (payload, job) => {
      const ctx = getCtx();
      const associationId = job.associationId!;
      const items = await repo.listItems(ctx.db, associationId, { observationRowId: String(payload.observationId), limit: 50 });
      for (const item of items.filter((i) => OPEN.includes(i.state) && i.channel === 'email')) {
        await ctx.db.transaction().execute(async (trx) => {
          if ((await repo.mailsOfItem(trx, item.id)).length === 0) return;
          const recipient = await findRecipientRow(trx, associationId, item.recipient_id);
          if (!recipient?.email || recipient.active !== 1) return;
          await mailItems(trx, ctx, recipient, [item.id], 'photo');
          await repo.addEvent(trx, associationId, item.id, { kind: 'photo_sent', at: ctx.clock.now().toISOString() });
        });
      }
      ctx.mail.kick();
    },
  };
}
