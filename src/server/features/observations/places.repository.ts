/** SQL for finding a place by name when the phone has no position: addresses the association's crews have already seen. */
import type { Executor } from '../../platform/db/database.js';

/** Wildcards are dropped rather than escaped, as in the member search: the two dialects escape LIKE differently. */
const literal = (s: string) => s.replace(/[%_\\]/g, '');

/** Addresses seen in the association's observations that contain the words, with the average position each was seen at. */
export async function seenAddresses(db: Executor, associationId: string, query: string, limit: number) {
  const words = literal(query.toLowerCase());
  if (words.length < 2) return [];
  const rows = await db
    .selectFrom('observations')
    .select(['address', (eb) => eb.fn.avg<number | string>('lat').as('lat'), (eb) => eb.fn.avg<number | string>('lng').as('lng')])
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('association_id', '=', associationId)
    .where('address', 'is not', null)
    .where((eb) => eb(eb.fn('lower', ['address']), 'like', `%${words}%`))
    .groupBy('address')
    .orderBy('n', 'desc')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ address: r.address!, lat: Number(r.lat), lng: Number(r.lng) }));
}
