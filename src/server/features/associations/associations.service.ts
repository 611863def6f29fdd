/** The association itself: first-run setup, settings, partner organisations, areas and cars. */
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.repository.js';
import { nowIso } from '../../platform/db/ids.js';
import { isUniqueViolation } from '../../platform/db/errors.js';
import { createCredentialUser, deleteUser } from '../../platform/auth/accounts.js';
import type { PartnerKind } from '../../../shared/domain/roles.js';
import type { SetupInput } from '../../../shared/api/associations.js';
import { insertFounder } from '../members/members.service.js';
import * as repo from './associations.repository.js';
import type { Executor } from '../../platform/db/database.js';

export type { AssociationRecord, PartnerOrganisationRecord } from './associations.repository.js';

export const getAssociation = (ctx: AppContext, id: string) => repo.findAssociation(ctx.db, id);
export const getPartnerOrganisation = (ctx: AppContext, associationId: string, id: string) => repo.findPartnerOrganisation(ctx.db, associationId, id);

/** True until the first association exists: the web app then shows the setup page. */
export async function needsSetup(ctx: AppContext): Promise<boolean> {
  return (await repo.countAssociations(ctx.db)) === 0;
}

/** First run: creates the association and its first admin (verified: the operator set it up). */
export async function setup(ctx: AppContext, input: SetupInput): Promise<{ associationId: string; memberId: string }> {
  if (!(await needsSetup(ctx))) throw new AppError('setup_done');
  const userId = await createCredentialUser(ctx.auth, { email: input.email, name: input.adminName, password: input.password, emailVerified: true }).catch(
    () => {
      throw new AppError('email_taken', [{ field: 'email', message: 'error.email_taken' }]);
    },
  );
  try {
    return await ctx.db.transaction().execute(async (trx) => {
      if ((await repo.countAssociations(trx)) > 0) throw new AppError('setup_done');
      const now = nowIso();
      await repo.claimInstallation(trx, now).catch((err: unknown) => {
        throw isUniqueViolation(err) ? new AppError('setup_done') : err;
      });
      const associationId = await repo.insertAssociation(trx, {
        name: input.associationName,
        municipality: input.municipality,
        defaultLanguage: input.language,
        now,
      });
      const memberId = await insertFounder(trx, { associationId, userId, name: input.adminName, email: input.email, language: input.language, now });
      await recordAudit(trx, {
        associationId,
        actorMemberId: memberId,
        action: 'association.setup',
        entityType: 'association',
        entityId: associationId,
        after: { name: input.associationName },
      });
      return { associationId, memberId };
    });
  } catch (err) {
    await deleteUser(ctx.auth, userId);
    throw err;
  }
}

export async function readAssociation(ctx: AppContext, actor: Actor) {
  authorize(actor, 'association.read');
  return (await repo.findAssociation(ctx.db, actor.associationId))!;
}

export async function updateAssociation(ctx: AppContext, actor: Actor, changes: repo.AssociationChanges) {
  authorize(actor, 'association.update');
  return ctx.db.transaction().execute(async (trx) => {
    const before = (await repo.findAssociation(trx, actor.associationId))!;
    await repo.updateAssociation(trx, actor.associationId, changes, nowIso());
    const after = (await repo.findAssociation(trx, actor.associationId))!;
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'association.update',
      entityType: 'association',
      entityId: actor.associationId,
      ...changedFields(before as never, after as never),
    });
    return after;
  });
}

export async function listPartners(ctx: AppContext, actor: Actor) {
  authorize(actor, 'partner.list');
  return repo.listPartnerOrganisations(ctx.db, actor.associationId);
}

export async function createPartner(ctx: AppContext, actor: Actor, input: { name: string; kind: PartnerKind }) {
  authorize(actor, 'partner.manage');
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertPartnerOrganisation(trx, actor.associationId, { ...input, now: nowIso() });
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'partner.create',
      entityType: 'partner_organisation',
      entityId: id,
      after: input,
    });
    return { id, ...input };
  });
}

export async function listAreas(ctx: AppContext, actor: Actor) {
  authorize(actor, 'area.list');
  return repo.listAreas(ctx.db, actor.associationId);
}

export async function partnerOrganisationOf(ctx: AppContext, actor: Actor) {
  if (!actor.partnerOrganisationId) return null;
  const org = await repo.findPartnerOrganisation(ctx.db, actor.associationId, actor.partnerOrganisationId);
  if (!org) throw notFound();
  return org;
}

/** Adds an area inside the caller's transaction (the routing screen draws or imports them); gives its id. */
export const createArea = (db: Executor, associationId: string, a: { name: string; geometry: unknown }) =>
  repo.insertArea(db, associationId, { ...a, now: nowIso() });
