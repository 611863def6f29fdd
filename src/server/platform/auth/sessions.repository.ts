/** Reads better-auth's session table together with the member it belongs to, in one query (session.ts). */
import type { Kysely } from 'kysely';
import type { Db } from '../db/database.js';

/** One row per role (at least one); the member columns carry their table's names, the session's are aliased. */
export async function sessionRows(db: Db, token: string) {
  // better-auth's own tables are not in our schema types.
  const raw = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  return raw
    .selectFrom('session')
    .innerJoin('user', 'user.id', 'session.userId')
    .leftJoin('members', 'members.user_id', 'session.userId')
    .leftJoin('member_roles', 'member_roles.member_id', 'members.id')
    .selectAll('members')
    .select([
      'session.userId as session_user_id',
      'session.expiresAt as session_expires_at',
      'user.twoFactorEnabled as user_two_factor',
      'member_roles.role as member_role',
    ])
    .where('session.token', '=', token)
    .execute();
}
