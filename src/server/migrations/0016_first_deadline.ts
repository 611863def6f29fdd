/**
 * An item's first deadline, kept apart from its current one. A reminder gives
 * the recipient a new deadline (due_at), which hid that the first had passed:
 * the IOP report's "overdue" counted 0 for a recipient with many items past
 * their deadline. Overdue is now measured against the first deadline.
 * Existing rows: the deadline as it stands, or, for a reminded item, the
 * first deadline its sending and the recipient's response days give (never
 * after the reminder, which came only once it had passed).
 */
import { sql, type Kysely } from 'kysely';

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('action_items').addColumn('first_due_at', 'varchar(30)').execute();
  await sql`update action_items set first_due_at = due_at where reminded_at is null`.execute(db);
  const reminded = await db
    .selectFrom('action_items as ai')
    .innerJoin('recipients as r', 'r.id', 'ai.recipient_id')
    .select(['ai.id', 'ai.sent_at', 'ai.reminded_at', 'r.response_days'])
    .where('ai.reminded_at', 'is not', null)
    .execute();
  for (const row of reminded as { id: string; sent_at: string | null; reminded_at: string; response_days: number }[]) {
    const computed = row.sent_at ? new Date(Date.parse(row.sent_at) + Number(row.response_days) * 86_400_000).toISOString() : row.reminded_at;
    const first = computed < row.reminded_at ? computed : row.reminded_at;
    await db.updateTable('action_items').set({ first_due_at: first }).where('id', '=', row.id).execute();
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('action_items').dropColumn('first_due_at').execute();
}
