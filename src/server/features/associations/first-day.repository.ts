/** Counts for the association's first-day checklist: what has been set up so far. Read-only, across the features' tables. */
import type { Executor } from '../../platform/db/database.js';

type Counted = 'vehicles' | 'shift_templates' | 'shifts' | 'members' | 'recipients' | 'routing_rules' | 'areas';

async function countOf(db: Executor, table: Counted, associationId: string): Promise<number> {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('association_id', '=', associationId)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export async function firstDayCounts(db: Executor, associationId: string) {
  const tables: Counted[] = ['vehicles', 'shift_templates', 'shifts', 'members', 'recipients', 'routing_rules', 'areas'];
  const counts = await Promise.all(tables.map((t) => countOf(db, t, associationId)));
  return Object.fromEntries(tables.map((t, i) => [t, counts[i]!])) as Record<Counted, number>;
}
