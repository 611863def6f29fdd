/** All SQL about observation categories. */
import type { Selectable } from 'kysely';
import type { ObservationCategoryTable } from '../../platform/db/schema.js';
import { newId } from '../../platform/db/ids.js';
import { defaultCategories } from '../../../shared/domain/categories.js';
import type { Category } from '../../../shared/api/observations.js';
import type { Executor } from '../../platform/db/database.js';

export type CategoryRow = Selectable<ObservationCategoryTable>;

export const toCategory = (r: CategoryRow): Category => ({
  id: r.id,
  code: r.code,
  parentId: r.parent_id,
  labelSv: r.label_sv,
  labelEn: r.label_en,
  icon: r.icon,
  sortOrder: r.sort_order,
  enabled: r.enabled === 1,
});

export async function listCategories(db: Executor, associationId: string): Promise<CategoryRow[]> {
  return db.selectFrom('observation_categories').selectAll().where('association_id', '=', associationId).orderBy('sort_order').orderBy('label_sv').execute();
}

/** Observations per category since a moment: what the association's crews report most. */
export async function countRecentUses(db: Executor, associationId: string, since: string): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('observations')
    .select(['category_id', (eb) => eb.fn.countAll<number | string>().as('n')])
    .where('association_id', '=', associationId)
    .where('observed_at', '>=', since)
    .groupBy('category_id')
    .execute();
  return new Map(rows.map((r) => [r.category_id, Number(r.n)]));
}

export async function findCategory(db: Executor, associationId: string, id: string): Promise<CategoryRow | undefined> {
  return db.selectFrom('observation_categories').selectAll().where('association_id', '=', associationId).where('id', '=', id).executeTakeFirst();
}

/**
 * Gives an association the default taxonomy the first time it is needed. Two
 * first requests at once are fine: the unique code per association makes the
 * second insert of each category do nothing.
 */
export async function ensureDefaultCategories(db: Executor, associationId: string, now: string): Promise<void> {
  const any = await db.selectFrom('observation_categories').select('id').where('association_id', '=', associationId).limit(1).executeTakeFirst();
  if (any) return;
  await db
    .insertInto('observation_categories')
    .values(
      defaultCategories.map((c, i) => ({
        id: newId(),
        association_id: associationId,
        code: c.code,
        parent_id: null,
        label_sv: c.sv,
        label_en: c.en,
        icon: c.icon,
        sort_order: (i + 1) * 10,
        recheck_hours: c.recheckHours ?? null,
        enabled: 1,
        created_at: now,
        updated_at: now,
      })),
    )
    .onConflict((oc) => oc.columns(['association_id', 'code']).doNothing())
    .execute();
}

export async function insertCategory(
  db: Executor,
  associationId: string,
  c: { code: string; parentId: string | null; labelSv: string; labelEn: string; icon: string; sortOrder: number },
  now: string,
): Promise<string> {
  const id = newId();
  await db
    .insertInto('observation_categories')
    .values({
      id,
      association_id: associationId,
      code: c.code,
      parent_id: c.parentId,
      label_sv: c.labelSv,
      label_en: c.labelEn,
      icon: c.icon,
      sort_order: c.sortOrder,
      enabled: 1,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function updateCategory(
  db: Executor,
  associationId: string,
  id: string,
  c: { labelSv?: string; labelEn?: string; icon?: string; enabled?: boolean; sortOrder?: number },
  now: string,
): Promise<void> {
  await db
    .updateTable('observation_categories')
    .set({
      ...(c.labelSv !== undefined && { label_sv: c.labelSv }),
      ...(c.labelEn !== undefined && { label_en: c.labelEn }),
      ...(c.icon !== undefined && { icon: c.icon }),
      ...(c.enabled !== undefined && { enabled: c.enabled ? 1 : 0 }),
      ...(c.sortOrder !== undefined && { sort_order: c.sortOrder }),
      updated_at: now,
    })
    .where('association_id', '=', associationId)
    .where('id', '=', id)
    .execute();
}
