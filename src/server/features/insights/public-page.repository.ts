/** The public page's counts: observations per square of a fixed grid and category, and the category labels. */
import { sql } from 'kysely';
import type { Dialect, Executor } from '../../platform/db/database.js';
import { floorOf } from '../../platform/db/sql.js';

/**
 * Counts per grid square (y, x: the square's index north and east) and category code in the period, leaving
 * out police matters (tips, 112 calls) and "nothing to report".
 */
export async function cellCounts(
  db: Executor,
  dialect: Dialect,
  associationId: string,
  p: { fromIso: string; toIso: string },
  cell: { lat: number; lng: number },
) {
  const y = floorOf(dialect, sql<number>`observations.lat / ${cell.lat}`);
  const x = floorOf(dialect, sql<number>`observations.lng / ${cell.lng}`);
  return db
    .selectFrom('observations')
    .innerJoin('observation_categories', 'observation_categories.id', 'observations.category_id')
    .select((eb) => [y.as('y'), x.as('x'), 'observation_categories.code', eb.fn.countAll<string | number>().as('n')])
    .where('observations.association_id', '=', associationId)
    .where('observations.observed_at', '>=', p.fromIso)
    .where('observations.observed_at', '<', p.toIso)
    .where('observations.urgency', 'not in', ['emergency_112', 'police_tip'])
    .where('observation_categories.code', '!=', 'nothing-to-report')
    .groupBy([sql.ref('y'), sql.ref('x'), 'observation_categories.code'])
    .execute();
}

export async function categoryLabels(db: Executor, associationId: string) {
  return db
    .selectFrom('observation_categories')
    .select(['code', 'label_sv', 'label_en', 'icon', 'sort_order'])
    .where('association_id', '=', associationId)
    .orderBy('sort_order')
    .execute();
}
