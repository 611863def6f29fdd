/**
 * Finding a place by name, for a capture without a position (no GPS fix under
 * a bridge, in a garage, on a phone that will not share it): the configured
 * geocoder first, then the association's own areas and the addresses its
 * crews have already seen, so it helps even where no geocoder is set up.
 */
import type { AppContext } from '../../context.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { middleOf } from '../../../shared/domain/geo.js';
import type { PlaceHit } from '../../../shared/api/observations.js';
import { getAssociation } from '../associations/associations.service.js';
import { areasOf } from './reference-cache.js';
import { seenAddresses } from './places.repository.js';

const MAX_HITS = 8;

export async function searchPlaces(ctx: AppContext, actor: Actor, query: string): Promise<PlaceHit[]> {
  authorize(actor, 'observation.create');
  const q = query.trim();
  const lower = q.toLowerCase();
  const association = await getAssociation(ctx, actor.associationId);
  // The municipality narrows a street name that exists in many towns ("Storgatan").
  const [found, areas, seen] = await Promise.all([
    ctx.geocoder.search(association ? `${q}, ${association.municipality}` : q),
    areasOf(ctx.db, actor.associationId),
    seenAddresses(ctx.db, actor.associationId, q, MAX_HITS),
  ]);
  const hits: PlaceHit[] = [];
  if (found) hits.push({ label: q, lat: found.lat, lng: found.lng, source: 'geocoder' });
  for (const a of areas.filter((x) => x.name.toLowerCase().includes(lower))) {
    const middle = middleOf(a.geometry);
    if (middle) hits.push({ label: a.name, ...middle, source: 'area' });
  }
  for (const s of seen) hits.push({ label: s.address, lat: s.lat, lng: s.lng, source: 'seen' });
  return hits.slice(0, MAX_HITS);
}
