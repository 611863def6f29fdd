/** Members: who they are, their roles and qualifications; rules and authorization live here. */
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, can, type Actor } from '../../platform/policies.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.repository.js';
import { nowIso } from '../../platform/db/ids.js';
import { revokeAllSessions } from '../../platform/auth/accounts.js';
import type { SessionUser } from '../../platform/auth/session.js';
import type { Role } from '../../../shared/domain/roles.js';
import type { MemberDetail, MemberSummary, MemberUpdate } from '../../../shared/api/members.js';
import { releaseFutureSeats } from '../shifts/waiting-list.js';
import * as repo from './members.repository.js';

export function toSummary(m: repo.MemberRecord): MemberSummary {
  // An anonymised member's address is a placeholder that reaches no one: it is not shown.
  const email = m.status === 'anonymised' ? '' : m.email;
  return { id: m.id, name: m.name, email, kind: m.kind, roles: m.roles, status: m.status, partnerOrganisationId: m.partnerOrganisationId };
}

export function toDetail(m: repo.MemberRecord, qualifications: repo.QualificationRecord[]): MemberDetail {
  return {
    ...toSummary(m),
    phone: m.phone,
    language: m.language,
    textSize: m.textSize,
    maxShiftsPerWeek: m.maxShiftsPerWeek,
    qualifications,
    createdAt: m.createdAt,
    deactivatedAt: m.deactivatedAt,
  };
}

/** The actor for a signed-in user, or null when the user is no active member. */
export async function actorForUser(ctx: AppContext, user: SessionUser): Promise<Actor | null> {
  // Usually the session reader has brought the member along; otherwise one more query.
  const m = user.member
    ? user.member.row
      ? repo.recordFromRow(user.member.row as never, user.member.roles as Role[])
      : undefined
    : await repo.findMemberByUserId(ctx.db, user.id);
  if (!m || m.status !== 'active') return null;
  return {
    userId: user.id,
    memberId: m.id,
    name: m.name,
    associationId: m.associationId,
    kind: m.kind,
    roles: m.roles,
    partnerOrganisationId: m.partnerOrganisationId,
    language: m.language,
    twoFactorEnabled: user.twoFactorEnabled,
  };
}

export async function listMembers(ctx: AppContext, actor: Actor, filter: { q?: string; role?: Role; includeInactive: boolean }): Promise<MemberSummary[]> {
  authorize(actor, 'member.list');
  return (await repo.listMembers(ctx.db, actor.associationId, filter)).map(toSummary);
}

/** One member's full record; reading someone else's personal data is audited. */
export async function getMember(ctx: AppContext, actor: Actor, memberId: string): Promise<MemberDetail> {
  const m = await repo.findMember(ctx.db, actor.associationId, memberId);
  if (!m) throw notFound();
  authorize(actor, 'member.read', { memberId });
  if (memberId !== actor.memberId) {
    await recordAudit(ctx.db, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'member.read',
      entityType: 'member',
      entityId: memberId,
    });
  }
  return toDetail(m, await repo.qualificationsOf(ctx.db, actor.associationId, memberId));
}

/** Guards the association's last active admin against losing the role or being deactivated. */
async function assertNotLastAdmin(ctx: AppContext, trx: Parameters<typeof repo.findMember>[0], actor: Actor, m: repo.MemberRecord) {
  if (m.roles.includes('admin') && m.status === 'active' && (await repo.countOtherActiveAdmins(trx, actor.associationId, m.id)) === 0) {
    throw new AppError('last_admin');
  }
}

export async function updateMember(ctx: AppContext, actor: Actor, memberId: string, input: MemberUpdate): Promise<MemberDetail> {
  const before = await repo.findMember(ctx.db, actor.associationId, memberId);
  if (!before) throw notFound();
  authorize(actor, 'member.update');
  if (input.roles !== undefined && !sameRoles(input.roles, before.roles)) authorize(actor, 'member.changeRoles');
  return ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    const qualificationsBefore = await repo.qualificationsOf(trx, actor.associationId, memberId);
    if (input.roles !== undefined) {
      if (before.roles.includes('admin') && !input.roles.includes('admin')) await assertNotLastAdmin(ctx, trx, actor, before);
      await repo.replaceRoles(trx, actor.associationId, memberId, before.kind === 'partner' ? [] : input.roles);
    }
    if (input.qualifications !== undefined) await repo.replaceQualifications(trx, actor.associationId, memberId, input.qualifications);
    await repo.updateMember(
      trx,
      actor.associationId,
      memberId,
      { name: input.name, phone: input.phone, language: input.language, maxShiftsPerWeek: input.maxShiftsPerWeek },
      now,
    );
    const after = (await repo.findMember(trx, actor.associationId, memberId))!;
    const qualificationsAfter = await repo.qualificationsOf(trx, actor.associationId, memberId);
    const diff = changedFields(
      {
        name: before.name,
        phone: before.phone,
        language: before.language,
        maxShiftsPerWeek: before.maxShiftsPerWeek,
        roles: before.roles,
        qualifications: qualificationsBefore,
      },
      {
        name: after.name,
        phone: after.phone,
        language: after.language,
        maxShiftsPerWeek: after.maxShiftsPerWeek,
        roles: after.roles,
        qualifications: qualificationsAfter,
      },
    );
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'member.update',
      entityType: 'member',
      entityId: memberId,
      ...diff,
    });
    return toDetail(after, qualificationsAfter);
  });
}

function sameRoles(a: Role[], b: Role[]): boolean {
  return a.length === b.length && a.every((r) => b.includes(r)) && new Set(a).size === new Set(b).size;
}

/** Deactivates (keeps all history, ends all sessions) or reactivates a member. */
export async function setMemberActive(ctx: AppContext, actor: Actor, memberId: string, active: boolean): Promise<MemberDetail> {
  const before = await repo.findMember(ctx.db, actor.associationId, memberId);
  if (!before) throw notFound();
  authorize(actor, 'member.deactivate');
  // Anonymised is for good: there is no one left to bring back.
  if (before.status === 'invited' || before.status === 'anonymised') throw new AppError('conflict');
  const result = await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    if (!active) await assertNotLastAdmin(ctx, trx, actor, before);
    await repo.updateMember(trx, actor.associationId, memberId, { status: active ? 'active' : 'inactive', deactivatedAt: active ? null : now }, now);
    if (!active) await releaseFutureSeats(ctx, trx, actor.associationId, memberId, actor.memberId);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: active ? 'member.reactivate' : 'member.deactivate',
      entityType: 'member',
      entityId: memberId,
      before: { status: before.status },
      after: { status: active ? 'active' : 'inactive' },
    });
    const after = (await repo.findMember(trx, actor.associationId, memberId))!;
    return toDetail(after, await repo.qualificationsOf(trx, actor.associationId, memberId));
  });
  if (!active && before.userId) await revokeAllSessions(ctx.auth, before.userId);
  return result;
}

/** Actions this actor may take, for role-aware navigation in the app. */
export function permissionsOf(actor: Actor, actions: readonly string[]): string[] {
  return actions.filter((a) => can(actor, a as Parameters<typeof can>[1], { memberId: actor.memberId }));
}

/** The association's first admin, written inside setup's transaction (setup owns the transaction, members own the row). */
export function insertFounder(
  trx: Parameters<typeof repo.insertMember>[0],
  f: { associationId: string; userId: string; name: string; email: string; language: 'sv' | 'en'; now: string },
) {
  return repo.insertMember(trx, {
    ...f,
    kind: 'volunteer',
    partnerOrganisationId: null,
    phone: null,
    status: 'active',
    roles: ['admin', 'coordinator', 'volunteer'],
  });
}
