/**
 * Erasure (GDPR art. 17): an admin anonymises a departed member or partner.
 * Name, contact data, qualifications, roles, calendar addresses and the login
 * go; shifts, hours and observations stay for the figures, now without the
 * person; the person's old values are scrubbed from the audit log. It cannot
 * be undone, so it asks for the member's name as confirmation, and only for a
 * member already deactivated.
 */
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import { nowIso } from '../../platform/db/ids.js';
import { deleteUser } from '../../platform/auth/accounts.js';
import type { MemberDetail } from '../../../shared/api/members.js';
import * as repo from './members.repository.js';
import * as erasure from './erasure.repository.js';
import { toDetail } from './members.service.js';

/** What an anonymised member is called from now on: the same in every language, and tells members apart in lists. */
export const anonymousLabel = (memberId: string) => `Anonymiserad ${memberId.slice(-4).toUpperCase()}`;

export async function anonymiseMember(ctx: AppContext, actor: Actor, memberId: string, confirmName: string): Promise<MemberDetail> {
  const member = await repo.findMember(ctx.db, actor.associationId, memberId);
  if (!member) throw notFound();
  authorize(actor, 'member.anonymise');
  if (member.status === 'anonymised') throw new AppError('conflict', [{ field: 'status', message: 'error.member.already_anonymised' }]);
  if (member.status !== 'inactive') throw new AppError('conflict', [{ field: 'status', message: 'error.member.deactivate_first' }]);
  if (confirmName.trim() !== member.name.trim()) throw new AppError('validation', [{ field: 'confirmName', message: 'error.member.confirm_name' }]);
  const label = anonymousLabel(memberId);
  const former = { name: member.name, email: member.email, phone: member.phone };
  const detail = await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    await erasure.scrubAudit(trx, actor.associationId, memberId, former, label);
    await erasure.deletePersonalRows(trx, actor.associationId, memberId);
    await erasure.clearMailTo(trx, actor.associationId, member.email);
    if (member.userId) await erasure.forgetLogin(trx, member.userId);
    await erasure.anonymiseMemberRow(trx, actor.associationId, memberId, label, now);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'member.anonymise',
      entityType: 'member',
      entityId: memberId,
    });
    return toDetail((await repo.findMember(trx, actor.associationId, memberId))!, []);
  });
  // The login goes last, after the member row no longer points at it: a failure here leaves an account that can
  // no longer reach any association, and deleting it again is harmless.
  if (member.userId) await deleteUser(ctx.auth, member.userId);
  return detail;
}
