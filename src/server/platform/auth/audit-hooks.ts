/**
 * Account events in the audit log: sign-in, sign-out and account updates
 * (two-factor on or off, e-mail verified or changed), written from better-auth's
 * database hooks so nothing bypasses them; password resets come from onPasswordReset.
 */
import type { Db } from '../db/database.js';
import { recordAudit } from '../audit/audit.js';
import { nowIso } from '../db/ids.js';

/** Records one account event for the member who owns userId. */
export async function auditAccountEvent(
  db: Db,
  userId: string,
  action: string,
  after: Record<string, unknown> | null = null,
  options: { actorIsMember: boolean } = { actorIsMember: true },
): Promise<void> {
  const member = await db.selectFrom('members').select(['id', 'association_id']).where('user_id', '=', userId).executeTakeFirst();
  // Accounts being made (setup, invitations) have no member yet; their own audit entries say so.
  if (!member) return;
  await recordAudit(db, {
    associationId: member.association_id,
    actorMemberId: options.actorIsMember ? member.id : null,
    action,
    entityType: 'member',
    entityId: member.id,
    after,
  });
}

/** A confirmed change of sign-in address becomes the member's address too: one person, one e-mail. */
async function syncMemberEmail(db: Db, userId: string, email: string): Promise<void> {
  const address = email.toLowerCase();
  const member = await db.selectFrom('members').select(['id', 'association_id', 'email']).where('user_id', '=', userId).executeTakeFirst();
  if (!member || member.email === address) return;
  await db.updateTable('members').set({ email: address, updated_at: nowIso() }).where('id', '=', member.id).execute();
  await recordAudit(db, {
    associationId: member.association_id,
    actorMemberId: member.id,
    action: 'member.email_change',
    entityType: 'member',
    entityId: member.id,
    before: { email: member.email },
    after: { email: address },
  });
}

export function accountAuditHooks(db: Db) {
  return {
    session: {
      create: { after: async (session: { userId: string }) => auditAccountEvent(db, session.userId, 'auth.sign_in') },
      // A session ends by sign-out, deactivation or a password reset; who caused it is in the entry beside it.
      delete: { after: async (session: { userId: string }) => auditAccountEvent(db, session.userId, 'auth.session_end', null, { actorIsMember: false }) },
    },
    user: {
      update: {
        after: async (user: { id: string; email: string; twoFactorEnabled?: unknown; emailVerified?: unknown }) => {
          await syncMemberEmail(db, user.id, user.email);
          await auditAccountEvent(db, user.id, 'auth.account_update', {
            twoFactorEnabled: Boolean(user.twoFactorEnabled),
            emailVerified: Boolean(user.emailVerified),
          });
        },
      },
    },
  };
}
