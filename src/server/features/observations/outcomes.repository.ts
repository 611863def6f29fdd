/**
 * What became of observations: the action item each one led to, as the
 * crew asks it ("skickat till kommunen, åtgärdat 3 dec"). Read-only here; the
 * items are written by the reports feature.
 */
import type { ItemState } from '../../../shared/domain/action-items.js';
import type { Executor } from '../../platform/db/database.js';

export interface Outcome {
  state: ItemState;
  recipient: string;
  at: string;
}

/** Per observation row id: its most recently changed item, with the recipient's name. */
export async function outcomesOf(db: Executor, associationId: string, observationIds: string[]): Promise<Map<string, Outcome>> {
  if (observationIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('action_item_observations as l')
    .innerJoin('action_items as i', 'i.id', 'l.item_id')
    .innerJoin('recipients as r', 'r.id', 'i.recipient_id')
    .select(['l.observation_id', 'i.state', 'i.updated_at', 'r.name'])
    .where('l.association_id', '=', associationId)
    .where('l.observation_id', 'in', observationIds)
    .orderBy('i.updated_at')
    .execute();
  // Ordered oldest first, so the last one set for an observation is its latest.
  return new Map(rows.map((r) => [r.observation_id, { state: r.state as ItemState, recipient: r.name, at: r.updated_at }]));
}
