/** Recipients: the organisations action items go to, and how (e-mail, Open311, by hand). Admins manage them; coordinators read them. */
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.repository.js';
import { nowIso } from '../../platform/db/ids.js';
import type { Recipient, RecipientCreate, RecipientUpdate } from '../../../shared/api/reports.js';
import { checkOutgoingUrl, OutgoingError } from '../../platform/http/outgoing.js';
import * as repo from './recipients.repository.js';

export async function listRecipients(ctx: AppContext, actor: Actor): Promise<Recipient[]> {
  authorize(actor, 'recipient.list');
  return (await repo.listRecipientRows(ctx.db, actor.associationId)).map(repo.toRecipient);
}

/** A channel needs what it sends by: an address for e-mail, an endpoint for Open311, instructions for the manual one. */
function assertChannelComplete(ctx: AppContext, r: Pick<Recipient, 'channel' | 'email' | 'open311Url' | 'manualInstructions'>, hasApiKey: boolean): void {
  if (r.channel === 'email' && !r.email) throw new AppError('validation', [{ field: 'email', message: 'error.field.required' }]);
  if (r.channel === 'open311' && !r.open311Url) throw new AppError('validation', [{ field: 'open311Url', message: 'error.field.required' }]);
  if (r.channel === 'open311' && !hasApiKey) throw new AppError('validation', [{ field: 'open311ApiKey', message: 'error.field.required' }]);
  if (r.open311Url) assertOutgoingUrl(ctx, r.open311Url);
  if (r.channel === 'manual' && !r.manualInstructions) throw new AppError('validation', [{ field: 'manualInstructions', message: 'error.field.required' }]);
}

/** Refused at once what every call would refuse later: a private or local literal address, user-info, a fragment. */
function assertOutgoingUrl(ctx: AppContext, url: string): void {
  try {
    checkOutgoingUrl(url, { allowHosts: ctx.config.outgoingAllowHosts });
  } catch (err) {
    if (err instanceof OutgoingError) throw new AppError('validation', [{ field: 'open311Url', message: 'error.url.refused' }]);
    throw err;
  }
}

async function assertPartner(ctx: AppContext, actor: Actor, partnerId: string | null | undefined): Promise<void> {
  if (partnerId && !(await repo.partnerOrganisationExists(ctx.db, actor.associationId, partnerId))) {
    throw new AppError('validation', [{ field: 'partnerOrganisationId', message: 'error.field.invalid' }]);
  }
}

export async function createRecipient(ctx: AppContext, actor: Actor, input: RecipientCreate): Promise<Recipient> {
  authorize(actor, 'recipient.manage');
  assertChannelComplete(ctx, input, input.open311ApiKey !== null);
  await assertPartner(ctx, actor, input.partnerOrganisationId);
  return ctx.db.transaction().execute(async (trx) => {
    const id = await repo.insertRecipient(trx, actor.associationId, input, nowIso());
    const created = repo.toRecipient((await repo.findRecipientRow(trx, actor.associationId, id))!);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'recipient.create',
      entityType: 'recipient',
      entityId: id,
      after: { ...created },
    });
    return created;
  });
}

export async function updateRecipient(ctx: AppContext, actor: Actor, id: string, input: RecipientUpdate): Promise<Recipient> {
  const row = await repo.findRecipientRow(ctx.db, actor.associationId, id);
  if (!row) throw notFound();
  authorize(actor, 'recipient.manage');
  const before = repo.toRecipient(row);
  const merged = { ...before, ...input } as Recipient & RecipientUpdate;
  assertChannelComplete(ctx, merged, input.open311ApiKey !== undefined ? input.open311ApiKey !== null : row.open311_api_key !== null);
  await assertPartner(ctx, actor, input.partnerOrganisationId);
  return ctx.db.transaction().execute(async (trx) => {
    await repo.updateRecipient(trx, actor.associationId, id, input, nowIso());
    const after = repo.toRecipient((await repo.findRecipientRow(trx, actor.associationId, id))!);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'recipient.update',
      entityType: 'recipient',
      entityId: id,
      ...changedFields({ ...before }, { ...after }),
    });
    return after;
  });
}
