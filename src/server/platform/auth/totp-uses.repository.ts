/**
 * A two-factor code signs in once. better-auth accepts a code for its whole
 * window (and the steps beside it); this remembers each code that opened a
 * session for a few minutes, and a second sign-in with the same code loses the
 * session it was just given.
 */
import type { Db } from '../db/database.js';

/** Longer than a code's life: its 30 s step and one step of clock drift on either side. */
const REMEMBER_MS = 3 * 60_000;

/** True the first time this user signs in with this code; false when it was used within the last minutes (also by a racing request). */
export async function claimTotpCode(db: Db, userId: string, code: string, now: Date): Promise<boolean> {
  const cutoff = new Date(now.getTime() - REMEMBER_MS).toISOString();
  await db.deleteFrom('totp_uses').where('user_id', '=', userId).where('used_at', '<', cutoff).execute();
  const res = await db
    .insertInto('totp_uses')
    .values({ user_id: userId, code, used_at: now.toISOString() })
    .onConflict((oc) => oc.columns(['user_id', 'code']).doNothing())
    .executeTakeFirst();
  return Number(res.numInsertedOrUpdatedRows ?? 0) > 0;
}
