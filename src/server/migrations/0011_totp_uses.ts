/**
 * A two-factor code works once: each code used to sign in is kept for a few
 * minutes (longer than the window in which it is valid), so that the same code
 * seen over a shoulder or in a phishing proxy cannot open a second session.
 */
import type { Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('totp_uses')
    .addColumn('user_id', 'varchar(64)', (c) => c.notNull())
    .addColumn('code', 'varchar(16)', (c) => c.notNull())
    .addColumn('used_at', 'varchar(30)', (c) => c.notNull())
    .addPrimaryKeyConstraint('totp_uses_pk', ['user_id', 'code'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('totp_uses').execute();
}
