/** The members side of accounts (platform/auth/account-hooks.ts): mail greeting, account events in the audit log, address changes. */
import type { Db } from '../../platform/db/database.js';
import type { AccountHooks } from '../../platform/auth/account-hooks.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import { nowIso } from '../../platform/db/ids.js';
import * as repo from './members.repository.js';

export function memberAccountHooks(db: Db): AccountHooks {
  return {
    async mailContext(user) {
      const holder = await repo.findAccountHolder(db, user.id, user.email);
      return holder ? { name: holder.name, language: holder.language, associationId: holder.associationId, associationName: holder.associationName } : null;
    },

    async recordEvent(userId, action, after = null, actorIsMember = true) {
      const member = await repo.findMemberByUserId(db, userId);
      // Accounts being made (setup, invitations) have no member yet; their own audit entries say so.
      if (!member) return;
      await recordAudit(db, {
        associationId: member.associationId,
        actorMemberId: actorIsMember ? member.id : null,
        action,
        entityType: 'member',
        entityId: member.id,
        after,
      });
    },

    async emailChanged(userId, email) {
      const address = email.toLowerCase();
      const member = await repo.findMemberByUserId(db, userId);
      if (!member || member.email === address) return;
      await repo.updateMember(db, member.associationId, member.id, { email: address }, nowIso());
      await recordAudit(db, {
        associationId: member.associationId,
        actorMemberId: member.id,
        action: 'member.email_change',
        entityType: 'member',
        entityId: member.id,
        before: { email: member.email },
        after: { email: address },
      });
    },
  };
}
