/**
 * Account events in the audit log: sign-in, sign-out and account updates
 * (two-factor on or off, e-mail verified), written from better-auth's database
 * hooks so nothing bypasses them; password resets come from onPasswordReset.
 */
import type { Db } from '../db/database.js';
import { recordAudit } from '../audit/audit.js';

/** Records one account event for the member who owns userId. */
export async function auditAccountEvent(db: Db, userId: string, action: string, after: Record<string, unknown> | null = null): Promise<void> {
  const member = await db.selectFrom('members').select(['id', 'association_id']).where('user_id', '=', userId).executeTakeFirst();
  // Accounts being made (setup, invitations) have no member yet; their own audit entries say so.
  if (!member) return;
  await recordAudit(db, { associationId: member.association_id, actorMemberId: member.id, action, entityType: 'member', entityId: member.id, after });
}

export function accountAuditHooks(db: Db) {
  return {
    session: {
      create: { after: async (session: { userId: string }) => auditAccountEvent(db, session.userId, 'auth.sign_in') },
      delete: { after: async (session: { userId: string }) => auditAccountEvent(db, session.userId, 'auth.sign_out') },
    },
    user: {
      update: {
        after: async (user: { id: string; twoFactorEnabled?: unknown; emailVerified?: unknown }) =>
          auditAccountEvent(db, user.id, 'auth.account_update', {
            twoFactorEnabled: Boolean(user.twoFactorEnabled),
            emailVerified: Boolean(user.emailVerified),
          }),
      },
    },
  };
}
