/** Reads the mail outbox of one association for admins. */
import type { Kysely } from 'kysely';
import type { Database, MailOutboxTable } from '../../platform/db/schema.js';
import type { OutboxMail, OutboxSummary } from '../../../shared/api/audit.js';

function toSummary(r: Omit<MailOutboxTable, 'text_body' | 'html_body' | 'association_id' | 'next_attempt_at' | 'attachments' | 'sealed_links'>): OutboxSummary {
  return {
    id: r.id,
    to: r.to_address,
    subject: r.subject,
    language: r.language,
    status: r.status as OutboxSummary['status'],
    attempts: Number(r.attempts),
    lastError: r.last_error,
    createdAt: r.created_at,
    sentAt: r.sent_at,
  };
}

export async function listOutbox(db: Kysely<Database>, associationId: string, limit: number): Promise<OutboxSummary[]> {
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['id', 'to_address', 'subject', 'language', 'status', 'attempts', 'last_error', 'created_at', 'sent_at'])
    .where('association_id', '=', associationId)
    .orderBy('created_at', 'desc')
    .limit(limit)
    .execute();
  return rows.map(toSummary);
}

export async function findOutboxMail(db: Kysely<Database>, associationId: string, id: string): Promise<OutboxMail | undefined> {
  const r = await db.selectFrom('mail_outbox').selectAll().where('association_id', '=', associationId).where('id', '=', id).executeTakeFirst();
  return r && { ...toSummary(r), text: r.text_body, html: r.html_body };
}
