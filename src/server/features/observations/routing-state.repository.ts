/**
 * The routing queue: observations waiting to be routed (the observation row is
 * its own outbox: routed_at is null until its items exist), claimed one by one.
 */
import { routedUrgencies } from '../../../shared/domain/action-items.js';
import { hasPublicId } from '../../platform/db/public-id.js';
import type { Executor } from '../../platform/db/database.js';

/**
 * Observations to route, oldest first. One whose phone said photos would follow
 * waits until they have arrived or it is older than photosSince, whichever comes first.
 */
export function unroutedObservations(db: Executor, limit: number, photosSince: string) {
  return (
    db
      .selectFrom('observations')
      .select(['id', 'association_id', 'category_id', 'urgency', 'lat', 'lng', 'handed_to_police_at', 'created_at'])
      .where('routed_at', 'is', null)
      // Placed by an address alone: a coordinator puts it on the map first.
      .where('needs_placing', '=', 0)
      .where((eb) =>
        eb.or([
          eb('observations.photos_expected', '=', 0),
          eb('observations.created_at', '<', photosSince),
          eb(
            eb
              .selectFrom('observation_photos')
              .select((s) => s.fn.countAll<number>().as('n'))
              .whereRef('observation_photos.observation_id', '=', 'observations.id'),
            '>=',
            eb.ref('observations.photos_expected'),
          ),
        ]),
      )
      .orderBy('created_at')
      .limit(limit)
      .execute()
  );
}

/**
 * Observations of the last days that needed action but found no recipient (no
 * rule matched when they were routed): routed again, now that a rule changed.
 */
export async function rerouteUnsent(db: Executor, associationId: string, since: string): Promise<number> {
  const r = await db
    .updateTable('observations')
    .set({ routed_at: null })
    .where('association_id', '=', associationId)
    .where('routed_at', 'is not', null)
    .where('needs_placing', '=', 0)
    .where('handed_to_police_at', 'is', null)
    .where('urgency', 'in', [...routedUrgencies])
    .where('created_at', '>=', since)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('action_item_observations as aio').select('aio.item_id').whereRef('aio.observation_id', '=', 'observations.id'))),
    )
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Claims observations for routing in one statement; gives those claimed here (not routed by another worker first). */
export async function claimRouting(db: Executor, observationIds: string[], now: string): Promise<Set<string>> {
  if (observationIds.length === 0) return new Set();
  const rows = await db
    .updateTable('observations')
    .set({ routed_at: now })
    .where('id', 'in', observationIds)
    .where('routed_at', 'is', null)
    .returning('id')
    .execute();
  return new Set(rows.map((r) => r.id));
}

/** An observation by the id its association knows, with what routing and items need. */
export function findObservationForRouting(db: Executor, associationId: string, observationId: string) {
  return db
    .selectFrom('observations')
    .select(['id', 'association_id', 'category_id', 'urgency', 'lat', 'lng', 'handed_to_police_at', 'author_member_id'])
    .where((eb) => hasPublicId(eb, associationId, observationId))
    .executeTakeFirst();
}
