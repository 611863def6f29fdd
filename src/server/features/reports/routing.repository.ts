/** All SQL about routing rules and the areas they name. Every query is scoped by association. */
import type { Selectable } from 'kysely';
import type { RoutingRuleTable } from '../../platform/db/schema.js';
import { newId } from '../../platform/db/ids.js';
import type { Rule, RuleCreate, RuleUpdate } from '../../../shared/api/reports.js';
import type { Executor } from '../../platform/db/database.js';

export function toRule(r: Selectable<RoutingRuleTable>): Rule {
  return {
    id: r.id,
    categoryId: r.category_id,
    areaId: r.area_id,
    recipientId: r.recipient_id,
    precedence: r.precedence,
    final: r.final === 1,
    enabled: r.enabled === 1,
  };
}

export async function listRules(db: Executor, associationId: string): Promise<Rule[]> {
  const rows = await db.selectFrom('routing_rules').selectAll().where('association_id', '=', associationId).orderBy('precedence').orderBy('id').execute();
  return rows.map(toRule);
}

export async function findRule(db: Executor, associationId: string, id: string): Promise<Rule | undefined> {
  const row = await db.selectFrom('routing_rules').selectAll().where('association_id', '=', associationId).where('id', '=', id).executeTakeFirst();
  return row && toRule(row);
}

export async function insertRule(db: Executor, associationId: string, r: RuleCreate, now: string): Promise<string> {
  const id = newId();
  await db
    .insertInto('routing_rules')
    .values({
      id,
      association_id: associationId,
      category_id: r.categoryId,
      area_id: r.areaId,
      recipient_id: r.recipientId,
      precedence: r.precedence,
      final: r.final ? 1 : 0,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

export async function updateRule(db: Executor, associationId: string, id: string, r: RuleUpdate, now: string): Promise<void> {
  await db
    .updateTable('routing_rules')
    .set({
      ...(r.categoryId !== undefined && { category_id: r.categoryId }),
      ...(r.areaId !== undefined && { area_id: r.areaId }),
      ...(r.recipientId !== undefined && { recipient_id: r.recipientId }),
      ...(r.precedence !== undefined && { precedence: r.precedence }),
      ...(r.final !== undefined && { final: r.final ? 1 : 0 }),
      ...(r.enabled !== undefined && { enabled: r.enabled ? 1 : 0 }),
      updated_at: now,
    })
    .where('association_id', '=', associationId)
    .where('id', '=', id)
    .execute();
}

export async function deleteRule(db: Executor, associationId: string, id: string): Promise<void> {
  await db.deleteFrom('routing_rules').where('association_id', '=', associationId).where('id', '=', id).execute();
}

/** Whether each id names a row of the association: a rule may only point at the association's own things. */
export async function ownsAll(db: Executor, associationId: string, refs: { category?: string | null; area?: string | null; recipient?: string | null }) {
  const one = async (table: 'observation_categories' | 'areas' | 'recipients', id: string | null | undefined) =>
    !id || (await db.selectFrom(table).select('id').where('association_id', '=', associationId).where('id', '=', id).executeTakeFirst()) !== undefined;
  return {
    category: await one('observation_categories', refs.category),
    area: await one('areas', refs.area),
    recipient: await one('recipients', refs.recipient),
  };
}
