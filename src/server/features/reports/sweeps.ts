/**
 * The scheduled work of action items:
 * - new observations are routed (the observation row is its own outbox: routed_at is null until its items exist);
 * - a recipient that takes a daily digest gets one mail a day, from 07:00, with the items queued since;
 * - an item sent and unanswered past its deadline gets one reminder to the recipient, with a new deadline;
 * - still unanswered after that, it becomes a task for the coordinators, who are told by mail.
 * Each step claims what it does in the database, so it happens once however many servers run it.
 */
import type { AppContext } from '../../context.js';
import type { ScheduledTask } from '../../platform/jobs/scheduler.js';
import { claimNotice } from '../../platform/jobs/notices.repository.js';
import { localParts } from '../../../shared/domain/time.js';
import { routePending } from './routing-sweep.js';
import { mailItems } from './channels/email.js';
import * as repo from './action-items.repository.js';
import { itemsWaitingForDigest, overdueItems } from './follow-up.repository.js';
import { findRecipientRow } from './recipients.repository.js';
import { notifyCoordinatorsEscalated } from './observer-mail.js';

const DIGEST_HOUR = 7;

export async function sendDigests(ctx: AppContext, now: Date): Promise<number> {
  const local = localParts(now);
  if (Number(local.time.slice(0, 2)) < DIGEST_HOUR) return 0;
  const waiting = await itemsWaitingForDigest(ctx.db);
  const byRecipient = new Map<string, typeof waiting>();
  for (const w of waiting) byRecipient.set(w.recipient_id, [...(byRecipient.get(w.recipient_id) ?? []), w]);
  let sent = 0;
  for (const [recipientId, items] of byRecipient) {
    const associationId = items[0]!.association_id;
    await ctx.db.transaction().execute(async (trx) => {
      if (!(await claimNotice(trx, associationId, `digest:${recipientId}:${local.date}`))) return;
      const recipient = (await findRecipientRow(trx, associationId, recipientId))!;
      await mailItems(
        trx,
        ctx,
        recipient,
        items.map((i) => i.id),
        'digest',
      );
      sent += 1;
    });
  }
  if (sent > 0) ctx.mail.kick();
  return sent;
}

export async function remindAndEscalate(ctx: AppContext, now: Date): Promise<void> {
  const at = now.toISOString();
  const overdue = await overdueItems(ctx.db, at);
  for (const o of overdue) {
    await ctx.db.transaction().execute(async (trx) => {
      const row = await repo.findItem(trx, o.association_id, o.id);
      if (!row || row.escalated_at || row.answered_at) return;
      // A reminder only makes sense where the recipient reads mail; elsewhere the coordinators are asked at once.
      if (!o.reminded_at && o.channel === 'email') {
        const changed = await repo.updateItem(
          trx,
          o.association_id,
          o.id,
          { reminded_at: at, due_at: new Date(now.getTime() + o.response_days * 86_400_000).toISOString(), updated_at: at },
          ['sent'],
        );
        if (!changed) return;
        const recipient = (await findRecipientRow(trx, o.association_id, row.recipient_id))!;
        await mailItems(trx, ctx, recipient, [o.id], 'reminder');
        await repo.addEvent(trx, o.association_id, o.id, { kind: 'reminded', at });
      } else {
        if (!(await repo.updateItem(trx, o.association_id, o.id, { escalated_at: at, updated_at: at }, ['sent']))) return;
        await repo.addEvent(trx, o.association_id, o.id, { kind: 'escalated', at });
        await notifyCoordinatorsEscalated(trx, ctx, row);
      }
    });
  }
  if (overdue.length > 0) ctx.mail.kick();
}

export function actionItemTasks(ctx: AppContext): ScheduledTask[] {
  return [
    { name: 'route observations', run: () => routePending(ctx) },
    { name: 'daily digests', run: (now) => sendDigests(ctx, now) },
    { name: 'reminders and escalation', run: (now) => remindAndEscalate(ctx, now) },
  ];
}
