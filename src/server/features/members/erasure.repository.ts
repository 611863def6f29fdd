/**
 * The SQL of anonymising a member: one command over every table that holds the
 * person (Outline's "commands" for operations that span models). Rows that the
 * follow-up counts (shifts, crew seats, observations, items) stay and keep
 * pointing at the member row, which no longer says who it was.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../platform/db/schema.js';

type Trx = Transaction<Database>;

export interface FormerValues {
  name: string;
  email: string;
  phone: string | null;
}

/** The member row without the person: a neutral name, an address that reaches no one, no phone, no login. */
export async function anonymiseMemberRow(trx: Trx, associationId: string, memberId: string, label: string, now: string): Promise<void> {
  await trx
    .updateTable('members')
    .set({
      name: label,
      email: `anonymised-${memberId}@invalid`,
      phone: null,
      user_id: null,
      status: 'anonymised',
      max_shifts_per_week: null,
      deactivated_at: now,
      updated_at: now,
    })
    .where('association_id', '=', associationId)
    .where('id', '=', memberId)
    .execute();
}

/** Qualifications, roles, calendar feeds and invitations: what only said something about the person. */
export async function deletePersonalRows(trx: Trx, associationId: string, memberId: string): Promise<void> {
  await trx.deleteFrom('qualifications').where('association_id', '=', associationId).where('member_id', '=', memberId).execute();
  await trx.deleteFrom('member_roles').where('association_id', '=', associationId).where('member_id', '=', memberId).execute();
  await trx.deleteFrom('calendar_feeds').where('association_id', '=', associationId).where('member_id', '=', memberId).execute();
  await trx.deleteFrom('invitations').where('association_id', '=', associationId).where('member_id', '=', memberId).execute();
}

/** Mail to the person: who it went to and what it said (the row stays, so an item's mail history keeps its shape). */
export async function clearMailTo(trx: Trx, associationId: string, email: string): Promise<number> {
  const r = await trx
    .updateTable('mail_outbox')
    .set({ to_address: '', text_body: '', html_body: '', attachments: null, sealed_links: null })
    .where('association_id', '=', associationId)
    .where('to_address', '=', email)
    .where('status', 'in', ['sent', 'failed', 'cancelled', 'kept'])
    .executeTakeFirst();
  // A mail still on its way to a departed person is not sent.
  await trx
    .updateTable('mail_outbox')
    .set({ status: 'cancelled', to_address: '', text_body: '', html_body: '', attachments: null, sealed_links: null })
    .where('association_id', '=', associationId)
    .where('to_address', '=', email)
    .where('status', '=', 'pending')
    .execute();
  return Number(r.numUpdatedRows);
}

/**
 * The person's old values scrubbed from the audit log: the before and after of entries about the member go,
 * and anywhere else in the association's entries their name, address or phone is replaced.
 */
export async function scrubAudit(trx: Trx, associationId: string, memberId: string, former: FormerValues, label: string): Promise<number> {
  const about = await trx
    .updateTable('audit_log')
    .set({ before_json: null, after_json: null })
    .where('association_id', '=', associationId)
    .where('entity_id', '=', memberId)
    .executeTakeFirst();
  let mentions = 0;
  for (const value of [former.name, former.email, former.phone].filter((v): v is string => Boolean(v && v.length >= 3))) {
    const rows = await trx
      .selectFrom('audit_log')
      .select(['id', 'before_json', 'after_json'])
      .where('association_id', '=', associationId)
      .where((eb) => eb.or([eb('before_json', 'like', `%${value}%`), eb('after_json', 'like', `%${value}%`)]))
      .execute();
    const replaced = JSON.stringify(label).slice(1, -1);
    const escaped = JSON.stringify(value).slice(1, -1);
    for (const r of rows) {
      await trx
        .updateTable('audit_log')
        .set({ before_json: r.before_json?.split(escaped).join(replaced) ?? null, after_json: r.after_json?.split(escaped).join(replaced) ?? null })
        .where('id', '=', r.id)
        .execute();
      mentions += 1;
    }
  }
  return Number(about.numUpdatedRows) + mentions;
}

/** Two-factor codes of the login that is going (not in our schema types: keyed by better-auth's user id). */
export async function forgetLogin(trx: Trx, userId: string): Promise<void> {
  await trx.deleteFrom('totp_uses').where('user_id', '=', userId).execute();
}
