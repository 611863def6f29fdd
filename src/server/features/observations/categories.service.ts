/** The observation taxonomy: every member reads it; coordinators rename, disable, reorder and add subcategories (audited). */
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { changedFields, recordAudit } from '../../platform/audit/audit.repository.js';
import { newId, nowIso } from '../../platform/db/ids.js';
import type { Category, CategoryCreate, CategoryUpdate } from '../../../shared/api/observations.js';
import * as repo from './categories.repository.js';
import { forgetCategories } from './reference-cache.js';

/** How far back "most used" looks: a season, so winter's categories lead in winter. */
const RECENT_DAYS = 90;

export async function listCategories(ctx: AppContext, actor: Actor): Promise<Category[]> {
  authorize(actor, 'category.list');
  await repo.ensureDefaultCategories(ctx.db, actor.associationId, nowIso());
  const since = new Date(ctx.clock.now().getTime() - RECENT_DAYS * 86_400_000).toISOString();
  const [rows, uses] = await Promise.all([repo.listCategories(ctx.db, actor.associationId), repo.countRecentUses(ctx.db, actor.associationId, since)]);
  return rows.map((r) => ({ ...repo.toCategory(r), recentUses: uses.get(r.id) ?? 0 }));
}

/** A subcategory (or a new top-level category) of the association's own; its code is made from the id. */
export async function createCategory(ctx: AppContext, actor: Actor, input: CategoryCreate): Promise<Category> {
  authorize(actor, 'category.manage');
  await repo.ensureDefaultCategories(ctx.db, actor.associationId, nowIso());
  const created = await ctx.db.transaction().execute(async (trx) => {
    if (input.parentId) {
      const parent = await repo.findCategory(trx, actor.associationId, input.parentId);
      // One level of subcategories keeps the capture screen at three taps.
      if (!parent || parent.parent_id !== null) throw new AppError('validation', [{ field: 'parentId', message: 'error.field.invalid' }]);
    }
    const siblings = (await repo.listCategories(trx, actor.associationId)).filter((c) => c.parent_id === input.parentId);
    const sortOrder = Math.max(0, ...siblings.map((c) => c.sort_order)) + 10;
    const id = await repo.insertCategory(trx, actor.associationId, { ...input, code: `custom-${newId().slice(-12)}`, sortOrder }, nowIso());
    const category = repo.toCategory((await repo.findCategory(trx, actor.associationId, id))!);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'category.create',
      entityType: 'category',
      entityId: id,
      after: { ...category },
    });
    return category;
  });
  // After the commit: a reader in between must not cache the old list.
  forgetCategories(actor.associationId);
  return created;
}

export async function updateCategory(ctx: AppContext, actor: Actor, id: string, input: CategoryUpdate): Promise<Category> {
  const before = await repo.findCategory(ctx.db, actor.associationId, id);
  if (!before) throw notFound();
  authorize(actor, 'category.manage');
  const updated = await ctx.db.transaction().execute(async (trx) => {
    await repo.updateCategory(trx, actor.associationId, id, input, nowIso());
    const after = repo.toCategory((await repo.findCategory(trx, actor.associationId, id))!);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'category.update',
      entityType: 'category',
      entityId: id,
      ...changedFields({ ...repo.toCategory(before) }, { ...after }),
    });
    return after;
  });
  forgetCategories(actor.associationId);
  return updated;
}
