/**
 * Links that grant access (password reset, change of e-mail, invitation, answer
 * links) are no longer stored readable in the outbox: the mail keeps a marker and
 * the links are sealed in a column of their own, dropped once the mail is sent.
 * Mails already stored hold such links in clear; they are hidden here, except in
 * mails still waiting to go out (those are sent as they are, once).
 */
import type { Kysely } from 'kysely';

/** The paths of the links that grant access, as the app has written them into mails. */
const SECRET_LINK = [
  String.raw`https?://[^\s"<>]*/reset-password\?token=[^\s"<>]*`,
  String.raw`https?://[^\s"<>]*/invite\?token=[^\s"<>]*`,
  String.raw`https?://[^\s"<>]*/api/auth/verify-email\?token=[^\s"<>]*`,
  String.raw`https?://[^\s"<>]*/svar/[^\s"<>]*`,
];

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').addColumn('sealed_links', 'text').execute();
  const rows = await db
    .selectFrom('mail_outbox')
    .select(['id', 'text_body', 'html_body'])
    .where('status', 'not in', ['pending', 'sending'])
    .where((eb) => eb.or(['reset-password', 'invite?token', 'verify-email', '/svar/'].map((p) => eb('text_body', 'like', `%${p}%`))))
    .execute();
  const pattern = new RegExp(SECRET_LINK.join('|'), 'g');
  for (const r of rows as { id: string; text_body: string; html_body: string }[]) {
    await db
      .updateTable('mail_outbox')
      .set({ text_body: r.text_body.replace(pattern, '[[hidden-link]]'), html_body: r.html_body.replace(pattern, '[[hidden-link]]') })
      .where('id', '=', r.id)
      .execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('mail_outbox').dropColumn('sealed_links').execute();
}
