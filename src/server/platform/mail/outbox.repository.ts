/**
 * The mail outbox is also the mail queue: a mail is written in the same
 * transaction as the change that causes it, then sent by the mail worker.
 * Without SMTP_URL it is kept for admins to read in the app.
 */
import { newId, nowIso } from '../db/ids.js';
import { clock } from '../clock.js';
import type { Language } from '../../../shared/i18n/translate.js';
import type { RenderedMail } from './templates.js';
import { sealLinks } from './sealed-links.js';
import type { Executor } from '../db/database.js';

export interface OutgoingMail extends RenderedMail {
  associationId: string | null;
  to: string;
  language: Language;
}

export interface MailAttachment {
  filename: string;
  sha256: string;
  mime: string;
}

/** What queuing a mail needs to know of the installation. */
export interface OutboxSettings {
  /** True when SMTP_URL is set; otherwise mail is kept in the outbox. */
  smtpConfigured: boolean;
  /** Seals the links that grant access (sealed-links.ts). */
  linkKey: Buffer;
}

/**
 * Queues a mail; status pending when SMTP is configured, kept otherwise.
 * secretLinks are the links in it that grant access: they are stored sealed, never readable.
 */
export async function enqueueMail(
  db: Executor,
  mail: OutgoingMail & { attachments?: MailAttachment[]; secretLinks?: readonly string[] },
  settings: OutboxSettings,
): Promise<string> {
  const id = newId();
  const now = nowIso();
  const { mail: stored, sealed } = sealLinks(mail, mail.secretLinks ?? [], settings.linkKey);
  await db
    .insertInto('mail_outbox')
    .values({
      id,
      association_id: mail.associationId,
      to_address: mail.to,
      language: mail.language,
      subject: mail.subject,
      text_body: stored.text,
      html_body: stored.html,
      sealed_links: sealed,
      status: settings.smtpConfigured ? 'pending' : 'kept',
      attempts: 0,
      last_error: null,
      next_attempt_at: now,
      created_at: now,
      sent_at: null,
      attachments: mail.attachments && mail.attachments.length > 0 ? JSON.stringify(mail.attachments) : null,
    })
    .execute();
  return id;
}

/** Mails due for a send attempt, oldest first. */
/** Mails due to be sent, each with the address its association takes answers at (Reply-To). */
export function dueMails(db: Executor, limit: number) {
  return db
    .selectFrom('mail_outbox')
    .leftJoin('associations', 'associations.id', 'mail_outbox.association_id')
    .selectAll('mail_outbox')
    .select('associations.contact_email as reply_to')
    .where('mail_outbox.status', '=', 'pending')
    .where('mail_outbox.next_attempt_at', '<=', nowIso())
    .orderBy('mail_outbox.created_at')
    .limit(limit)
    .execute();
}

/** Claims one mail for sending; false when another worker got it first. */
export async function claimMail(db: Executor, id: string): Promise<boolean> {
  const r = await db
    .updateTable('mail_outbox')
    .set({ status: 'sending', next_attempt_at: nowIso() })
    .where('id', '=', id)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function markSent(db: Executor, id: string): Promise<void> {
  // The sealed links have done their work: nothing that grants access stays behind.
  await db.updateTable('mail_outbox').set({ status: 'sent', sent_at: nowIso(), last_error: null, sealed_links: null }).where('id', '=', id).execute();
}

/** Records a failed attempt; retries later with back-off until maxAttempts, then fails for good. */
export async function markAttemptFailed(db: Executor, id: string, attempts: number, error: string, maxAttempts: number, backoffBaseMs = 5_000): Promise<void> {
  const backoffMs = Math.min(60 * 60_000, backoffBaseMs * 2 ** attempts);
  await db
    .updateTable('mail_outbox')
    .set({
      status: attempts >= maxAttempts ? 'failed' : 'pending',
      attempts,
      last_error: error.slice(0, 500),
      next_attempt_at: new Date(clock.now().getTime() + backoffMs).toISOString(),
    })
    .where('id', '=', id)
    .execute();
}

/** After a crash mid-send, a mail left in 'sending' goes back to the queue. */
export async function releaseStaleClaims(db: Executor, olderThanMs: number): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'pending' })
    .where('status', '=', 'sending')
    .where('next_attempt_at', '<', new Date(clock.now().getTime() - olderThanMs).toISOString())
    .execute();
}

/** Sends a mail that failed again, now (a coordinator's retry). */
export async function requeueMail(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('mail_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: nowIso() })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'failed'])
    .execute();
}
