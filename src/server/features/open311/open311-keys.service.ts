/** The keys of partner systems to the association's Open311 endpoint, managed by its admins in the app. */
import { createHash, randomBytes } from 'node:crypto';
import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import { newId, nowIso } from '../../platform/db/ids.js';
import type { Open311Key, Open311KeyCreate, Open311KeyCreated } from '../../../shared/api/open311.js';
import * as repo from './open311.repository.js';

/** Only a key's SHA-256 is kept. */
export const hashKey = (key: string) => createHash('sha256').update(key).digest('hex');

const toKey = (r: repo.KeyRow & { member_name: string; member_status: string }): Open311Key => ({
  id: r.id,
  name: r.name,
  prefix: r.key_prefix,
  maySubmit: r.may_submit === 1,
  issuedBy: r.member_name,
  createdAt: r.created_at,
  lastUsedAt: r.last_used_at,
  revokedAt: r.revoked_at,
  issuerActive: r.member_status === 'active',
});

export async function listKeys(ctx: AppContext, actor: Actor): Promise<Open311Key[]> {
  authorize(actor, 'open311.manage');
  return (await repo.listKeys(ctx.db, actor.associationId)).map(toKey);
}

/** Makes a key and shows it this once: only its hash is kept. */
export async function createKey(ctx: AppContext, actor: Actor, input: Open311KeyCreate): Promise<Open311KeyCreated> {
  authorize(actor, 'open311.manage');
  const key = `g311_${randomBytes(24).toString('base64url')}`;
  const id = newId();
  const now = nowIso();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertKey(trx, {
      id,
      association_id: actor.associationId,
      name: input.name,
      key_hash: hashKey(key),
      key_prefix: key.slice(0, 10),
      member_id: actor.memberId,
      may_submit: input.maySubmit ? 1 : 0,
      created_at: now,
      last_used_at: null,
      revoked_at: null,
    });
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'api_key.create',
      entityType: 'api_key',
      entityId: id,
      after: { name: input.name, maySubmit: input.maySubmit },
    });
  });
  const created = (await repo.listKeys(ctx.db, actor.associationId)).find((k) => k.id === id)!;
  return { ...toKey(created), key };
}

export async function revokeKey(ctx: AppContext, actor: Actor, id: string): Promise<void> {
  const row = await repo.findKey(ctx.db, actor.associationId, id);
  if (!row) throw notFound();
  authorize(actor, 'open311.manage');
  if (row.revoked_at) return;
  await ctx.db.transaction().execute(async (trx) => {
    await repo.revokeKey(trx, actor.associationId, id, nowIso());
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'api_key.revoke',
      entityType: 'api_key',
      entityId: id,
      before: { name: row.name },
    });
  });
}
