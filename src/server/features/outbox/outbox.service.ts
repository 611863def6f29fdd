/** Reading the mail outbox: admins only; opening one mail is a sensitive read (personal data), though links that grant access never show. */
import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import type { OutboxMail, OutboxSummary } from '../../../shared/api/audit.js';
import { hideLinks } from '../../platform/mail/sealed-links.js';
import { translate } from '../../../shared/i18n/translate.js';
import { findOutboxMail, listOutbox } from './outbox.repository.js';

export async function listMail(ctx: AppContext, actor: Actor): Promise<OutboxSummary[]> {
  authorize(actor, 'outbox.read');
  return listOutbox(ctx.db, actor.associationId, 200);
}

export async function readMail(ctx: AppContext, actor: Actor, mailId: string): Promise<OutboxMail> {
  const mail = await findOutboxMail(ctx.db, actor.associationId, mailId);
  if (!mail) throw notFound();
  authorize(actor, 'outbox.read');
  await recordAudit(ctx.db, {
    associationId: actor.associationId,
    actorMemberId: actor.memberId,
    action: 'outbox.read',
    entityType: 'mail',
    entityId: mail.id,
  });
  // Links that grant access were stored sealed; here they show as hidden, in the reader's language.
  const hidden = translate(actor.language, 'outbox.linkHidden');
  return { ...mail, text: hideLinks(mail.text, hidden), html: hideLinks(mail.html, hidden) };
}
