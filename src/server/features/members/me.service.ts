/** The signed-in member's own view: profile, association, two-factor state and permissions. */
import type { AppContext } from '../../context.js';
import { actions, type Actor } from '../../platform/policies.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.repository.js';
import { nowIso } from '../../platform/db/ids.js';
import type { Me, MeUpdate } from '../../../shared/api/members.js';
import { getAssociation, partnerOrganisationOf } from '../associations/associations.service.js';
import * as repo from './members.repository.js';
import { permissionsOf, toDetail } from './members.service.js';
import { twoFactorRequired } from './two-factor.js';

export async function getMe(ctx: AppContext, actor: Actor): Promise<Me> {
  // Independent reads: on PostgreSQL they run side by side on the pool.
  const [member, qualifications, association, partnerOrganisation] = await Promise.all([
    repo.findMember(ctx.db, actor.associationId, actor.memberId),
    repo.qualificationsOf(ctx.db, actor.associationId, actor.memberId),
    getAssociation(ctx, actor.associationId),
    partnerOrganisationOf(ctx, actor),
  ]);
  const required = twoFactorRequired(actor, association);
  return {
    member: toDetail(member!, qualifications),
    association: { id: association!.id, name: association!.name, municipality: association!.municipality, requireTwoFactor: association!.requireTwoFactor },
    partnerOrganisation,
    twoFactorEnabled: actor.twoFactorEnabled,
    twoFactorRequired: required,
    permissions: required && !actor.twoFactorEnabled ? [] : permissionsOf(actor, actions),
  };
}

export async function updateMe(ctx: AppContext, actor: Actor, input: MeUpdate): Promise<Me> {
  await ctx.db.transaction().execute(async (trx) => {
    const before = (await repo.findMember(trx, actor.associationId, actor.memberId))!;
    await repo.updateMember(trx, actor.associationId, actor.memberId, input, nowIso());
    const after = (await repo.findMember(trx, actor.associationId, actor.memberId))!;
    const pick = (m: repo.MemberRecord) => ({ name: m.name, phone: m.phone, language: m.language, textSize: m.textSize, maxShiftsPerWeek: m.maxShiftsPerWeek });
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'profile.update',
      entityType: 'member',
      entityId: actor.memberId,
      ...changedFields(pick(before), pick(after)),
    });
  });
  return getMe(ctx, { ...actor, language: input.language ?? actor.language });
}
