/** Claims a one-time notice by key; false when it was already sent (by this or another server). */
import { nowIso } from '../db/ids.js';
import type { Executor } from '../db/database.js';

export async function claimNotice(db: Executor, associationId: string, key: string): Promise<boolean> {
  const res = await db
    .insertInto('notices')
    .values({ key, association_id: associationId, created_at: nowIso() })
    .onConflict((oc) => oc.column('key').doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}
