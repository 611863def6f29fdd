/** Invitations: an admin or coordinator invites by e-mail; the link works once and expires in seven days. */
import { createHash, randomBytes } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { AppContext } from '../../context.js';
import type { Database } from '../../platform/db/schema.js';
import type { Language } from '../../../shared/i18n/translate.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import { nowIso } from '../../platform/db/ids.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { enqueueMail } from '../../platform/mail/outbox.repository.js';
import { renderMail } from '../../platform/mail/templates.js';
import { createCredentialUser, deleteUser } from '../../platform/auth/accounts.js';
import type { InvitationCreate, InvitationPreview, InvitationSummary } from '../../../shared/api/members.js';
import { getAssociation, getPartnerOrganisation } from '../associations/associations.service.js';
import * as members from './members.repository.js';
import * as repo from './invitations.repository.js';

const INVITATION_DAYS = 7;
const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/** Roles only an admin may hand out. */
const privilegedRoles = ['admin', 'coordinator'] as const;

/** Invites a person (or invites again: the earlier link stops working). Returns the invitation id. */
export async function createInvitation(ctx: AppContext, actor: Actor, input: InvitationCreate): Promise<InvitationSummary> {
  authorize(actor, 'member.invite');
  if (input.roles.some((r) => (privilegedRoles as readonly string[]).includes(r))) authorize(actor, 'member.changeRoles');
  const isPartner = input.kind === 'partner';
  if (isPartner) {
    if (!input.partnerOrganisationId) throw new AppError('validation', [{ field: 'partnerOrganisationId', message: 'error.field.required' }]);
    if (!(await getPartnerOrganisation(ctx, actor.associationId, input.partnerOrganisationId))) {
      throw new AppError('validation', [{ field: 'partnerOrganisationId', message: 'error.field.invalid' }]);
    }
  }
  const existing = await repo.findMemberIdentityByEmail(ctx.db, actor.associationId, input.email);
  // A member of this association who already signs in is not invited again. Whether the address is in use
  // elsewhere is not looked at: the answer would tell. The invitee learns it on opening the link.
  if (existing && existing.user_id !== null) {
    throw new AppError('email_taken', [{ field: 'email', message: 'error.email_taken' }]);
  }
  const association = (await getAssociation(ctx, actor.associationId))!;
  const inviter = (await members.findMember(ctx.db, actor.associationId, actor.memberId))!;

  const summary = await ctx.db
    .transaction()
    .execute(async (trx) => {
      const now = nowIso();
      const roles = isPartner ? [] : input.roles;
      let memberId: string;
      if (existing) {
        memberId = existing.id;
        await repo.revokeOpenInvitations(trx, actor.associationId, memberId, now);
        await members.updateMember(
          trx,
          actor.associationId,
          memberId,
          { name: input.name, language: input.language, status: 'invited', deactivatedAt: null },
          now,
        );
        await members.replaceRoles(trx, actor.associationId, memberId, roles);
      } else {
        memberId = await members.insertMember(trx, {
          associationId: actor.associationId,
          userId: null,
          kind: input.kind,
          partnerOrganisationId: isPartner ? input.partnerOrganisationId : null,
          name: input.name,
          email: input.email,
          phone: null,
          language: input.language,
          status: 'invited',
          roles,
          now,
        });
      }
      const { id, expiresAt } = await issueInvitation(
        ctx,
        trx,
        actor,
        { id: memberId, name: input.name, email: input.email, language: input.language },
        association.name,
        inviter.name,
        now,
      );
      await recordAudit(trx, {
        associationId: actor.associationId,
        actorMemberId: actor.memberId,
        action: 'invitation.create',
        entityType: 'member',
        entityId: memberId,
        after: { name: input.name, email: input.email, kind: input.kind, roles },
      });
      return { id, memberId, name: input.name, email: input.email, expiresAt, createdAt: now };
    })
    .catch((err: unknown) => {
      // The same address invited twice at the same moment: the second finds it taken.
      throw isUniqueViolation(err) ? new AppError('email_taken', [{ field: 'email', message: 'error.email_taken' }]) : err;
    });
  ctx.mail.kick();
  return summary;
}

/** Makes a new one-time link for an invited member and queues its e-mail, inside the caller's transaction. */
async function issueInvitation(
  ctx: AppContext,
  trx: Transaction<Database>,
  actor: Actor,
  member: { id: string; name: string; email: string; language: Language },
  associationName: string,
  inviterName: string,
  now: string,
): Promise<{ id: string; expiresAt: string }> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(Date.parse(now) + INVITATION_DAYS * 86_400_000).toISOString();
  const id = await repo.insertInvitation(trx, {
    associationId: actor.associationId,
    memberId: member.id,
    tokenHash: hashToken(token),
    expiresAt,
    createdBy: actor.memberId,
    now,
  });
  const link = `${ctx.config.publicUrl}/invite?token=${token}`;
  // What the association does with the invitee's data, readable before they say yes.
  const privacy = `${ctx.config.publicUrl}/privacy/${actor.associationId}`;
  const mail = renderMail(member.language, 'invite', { name: member.name, association: associationName, inviter: inviterName, link, privacy });
  await enqueueMail(trx, { ...mail, to: member.email, language: member.language, associationId: actor.associationId, secretLinks: [link] }, ctx.mail);
  return { id, expiresAt };
}

/** Sends an open invitation again with a new link; the old link stops working. */
export async function resendInvitation(ctx: AppContext, actor: Actor, invitationId: string): Promise<InvitationSummary> {
  const inv = await repo.findInvitation(ctx.db, actor.associationId, invitationId);
  if (!inv) throw notFound();
  authorize(actor, 'member.invite');
  const member = (await members.findMember(ctx.db, actor.associationId, inv.memberId))!;
  if (inv.acceptedAt || member.userId !== null) throw new AppError('conflict');
  const association = (await getAssociation(ctx, actor.associationId))!;
  const inviter = (await members.findMember(ctx.db, actor.associationId, actor.memberId))!;
  const summary = await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    await repo.revokeOpenInvitations(trx, actor.associationId, member.id, now);
    await members.updateMember(trx, actor.associationId, member.id, { status: 'invited', deactivatedAt: null }, now);
    const { id, expiresAt } = await issueInvitation(ctx, trx, actor, member, association.name, inviter.name, now);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'invitation.resend',
      entityType: 'member',
      entityId: member.id,
    });
    return { id, memberId: member.id, name: member.name, email: member.email, expiresAt, createdAt: now };
  });
  ctx.mail.kick();
  return summary;
}

export async function listInvitations(ctx: AppContext, actor: Actor): Promise<InvitationSummary[]> {
  authorize(actor, 'invitation.list');
  const rows = await repo.listOpenInvitations(ctx.db, actor.associationId, nowIso());
  return rows.map((r) => ({ id: r.id, memberId: r.member_id, name: r.name, email: r.email, expiresAt: r.expires_at, createdAt: r.created_at }));
}

export async function revokeInvitation(ctx: AppContext, actor: Actor, invitationId: string): Promise<void> {
  const inv = await repo.findInvitation(ctx.db, actor.associationId, invitationId);
  if (!inv) throw notFound();
  authorize(actor, 'invitation.revoke');
  if (inv.acceptedAt) throw new AppError('conflict');
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    await repo.revokeOpenInvitations(trx, actor.associationId, inv.memberId, now);
    await members.updateMember(trx, actor.associationId, inv.memberId, { status: 'inactive', deactivatedAt: now }, now);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'invitation.revoke',
      entityType: 'member',
      entityId: inv.memberId,
    });
  });
}

/** Finds the invitation a token opens, if it is still usable. */
async function usableInvitation(ctx: AppContext, token: string) {
  const inv = await repo.findByTokenHash(ctx.db, hashToken(token));
  if (!inv || inv.acceptedAt || inv.revokedAt || inv.expiresAt <= nowIso()) throw new AppError('invitation_invalid');
  const member = (await members.findMember(ctx.db, inv.associationId, inv.memberId))!;
  return { inv, member };
}

export async function previewInvitation(ctx: AppContext, token: string): Promise<InvitationPreview> {
  const { inv, member } = await usableInvitation(ctx, token);
  const association = (await getAssociation(ctx, inv.associationId))!;
  return { association: association.name, name: member.name, email: member.email, language: member.language };
}

/** Accepts: claims the link (once), makes the account with a verified e-mail, activates the member. */
export async function acceptInvitation(ctx: AppContext, token: string, password: string): Promise<void> {
  const { inv, member } = await usableInvitation(ctx, token);
  if (!(await repo.claimInvitation(ctx.db, inv.id, nowIso()))) throw new AppError('invitation_invalid');
  let userId: string;
  try {
    // The link reached this inbox, which proves the address.
    userId = await createCredentialUser(ctx.auth, { email: member.email, name: member.name, password, emailVerified: true });
  } catch {
    await repo.unclaimInvitation(ctx.db, inv.id);
    throw new AppError('email_taken', [{ field: 'email', message: 'error.email_taken' }]);
  }
  try {
    await ctx.db.transaction().execute(async (trx) => {
      const now = nowIso();
      await members.updateMember(trx, inv.associationId, member.id, { userId, status: 'active' }, now);
      await recordAudit(trx, {
        associationId: inv.associationId,
        actorMemberId: member.id,
        action: 'invitation.accept',
        entityType: 'member',
        entityId: member.id,
        after: { status: 'active' },
      });
    });
  } catch (err) {
    await deleteUser(ctx.auth, userId);
    await repo.unclaimInvitation(ctx.db, inv.id);
    throw err;
  }
}
