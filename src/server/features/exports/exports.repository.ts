/** The SQL of exports that no feature's own list answers: action items over a period. */
import type { Executor } from '../../platform/db/database.js';

export function itemsMadeIn(db: Executor, associationId: string, fromIso: string, toIso: string, limit: number) {
  return db
    .selectFrom('action_items as ai')
    .innerJoin('recipients as r', 'r.id', 'ai.recipient_id')
    .innerJoin('observation_categories as c', 'c.id', 'ai.category_id')
    .select([
      'ai.id',
      'ai.state',
      'ai.urgent',
      'ai.lat',
      'ai.lng',
      'ai.external_reference',
      'ai.created_at',
      'ai.sent_at',
      'ai.due_at',
      'ai.first_due_at',
      'ai.answered_at',
      'ai.closed_at',
      'r.name as recipient_name',
      'c.code as category_code',
      'c.label_sv',
      'c.label_en',
    ])
    .where('ai.association_id', '=', associationId)
    .where('ai.created_at', '>=', fromIso)
    .where('ai.created_at', '<', toIso)
    .orderBy('ai.created_at')
    .limit(limit)
    .execute();
}

/** The associations that send a weekly EST report, and where to. */
export async function estAssociations(db: Executor): Promise<{ id: string; name: string; default_language: string; est_email: string }[]> {
  const rows = await db.selectFrom('associations').select(['id', 'name', 'default_language', 'est_email']).where('est_email', 'is not', null).execute();
  return rows.map((r) => ({ ...r, est_email: r.est_email! }));
}

export async function noticeSent(db: Executor, key: string): Promise<boolean> {
  return (await db.selectFrom('notices').select('key').where('key', '=', key).executeTakeFirst()) !== undefined;
}
