/**
 * E-mail: one mail per item (urgent, or a recipient that takes each item) or
 * the day's digest (sweeps.ts), each with a fresh answer link; the mail worker
 * sends it and the hooks below record what SMTP said on the item.
 */
import type { AppContext } from '../../../context.js';
import { enqueueMail } from '../../../platform/mail/outbox.repository.js';
import type { Language } from '../../../../shared/i18n/translate.js';
import type { Executor } from '../../../platform/db/database.js';
import * as repo from '../action-items.repository.js';
import type { RecipientRow } from '../recipients.repository.js';
import { newAnswerLink } from '../answer-links.js';
import { associationName } from '../follow-up.repository.js';
import { renderItemMail, type ItemMailKind, type MailItem } from '../item-mail.js';
import type { Channel } from './channel.js';

export const emailChannel: Channel = {
  async queue(db, ctx, item, recipient) {
    if (item.urgent || recipient.delivery === 'each') {
      await mailItems(db, ctx, recipient, [item.id], 'item');
      return null;
    }
    return 'digest';
  },
};

/** The name of the recipient's contact person whose address the mail goes to; null when the address is a shared one. */
export function contactNameOf(recipient: Pick<RecipientRow, 'email' | 'contacts'>): string | null {
  const contacts = JSON.parse(recipient.contacts || '[]') as { name?: string; email?: string | null }[];
  const address = recipient.email?.trim().toLowerCase();
  return contacts.find((c) => address && c.email?.trim().toLowerCase() === address)?.name?.trim() || null;
}

/** Mails these items of one recipient (one item, a digest, a reminder), each with a fresh answer link. */
export async function mailItems(db: Executor, ctx: AppContext, recipient: RecipientRow, itemIds: string[], kind: ItemMailKind): Promise<string> {
  const lang = recipient.language as Language;
  const observations = await repo.observationsOfItems(db, recipient.association_id, itemIds);
  const items: MailItem[] = [];
  for (const id of itemIds) {
    const item = (await repo.findItem(db, recipient.association_id, id))!;
    items.push({
      id,
      categoryLabel: lang === 'en' ? item.label_en : item.label_sv,
      urgent: item.urgent === 1,
      dueAt: item.due_at ?? new Date(ctx.clock.now().getTime() + recipient.response_days * 86_400_000).toISOString(),
      link: await newAnswerLink(db, ctx.linkSecret, ctx.config.publicUrl, recipient.association_id, id, ctx.clock.now()),
      observations: observations.filter((o) => o.item_id === id),
    });
  }
  const mail = renderItemMail(lang, kind, await associationName(db, recipient.association_id), items, contactNameOf(recipient));
  // The answer links let whoever holds them answer for the recipient: stored sealed.
  const secretLinks = items.map((i) => i.link);
  const mailId = await enqueueMail(db, { associationId: recipient.association_id, to: recipient.email!, language: lang, ...mail, secretLinks }, ctx.mail);
  await repo.linkMail(db, mailId, itemIds);
  return mailId;
}

const deadline = (from: Date, days: number) => new Date(from.getTime() + days * 86_400_000).toISOString();

/** Mail hooks: an item's mail was accepted by SMTP (the item is sent, its deadline starts) or failed. */
export function itemMailHooks(getCtx: () => AppContext) {
  return {
    async sent(mailId: string): Promise<void> {
      const ctx = getCtx();
      const items = await repo.itemsOfMail(ctx.db, mailId);
      for (const item of items) {
        const now = ctx.clock.now();
        const at = now.toISOString();
        await ctx.db.transaction().execute(async (trx) => {
          const changed = await repo.updateItem(
            trx,
            item.association_id,
            item.id,
            {
              state: 'sent',
              sent_at: at,
              due_at: deadline(now, item.response_days),
              first_due_at: deadline(now, item.response_days),
              delivery_error: null,
              updated_at: at,
            },
            ['queued'],
          );
          if (changed) await repo.addEvent(trx, item.association_id, item.id, { kind: 'sent', state: 'sent', at });
          else await repo.updateItem(trx, item.association_id, item.id, { delivery_error: null, updated_at: at });
        });
      }
    },
    async failed(mailId: string, error: string, final: boolean): Promise<void> {
      const ctx = getCtx();
      const at = ctx.clock.now().toISOString();
      for (const item of await repo.itemsOfMail(ctx.db, mailId)) {
        await ctx.db.transaction().execute(async (trx) => {
          await repo.updateItem(trx, item.association_id, item.id, { delivery_error: error.slice(0, 500), updated_at: at });
          if (final) await repo.addEvent(trx, item.association_id, item.id, { kind: 'delivery_failed', note: error.slice(0, 500), at });
        });
      }
    },
  };
}
