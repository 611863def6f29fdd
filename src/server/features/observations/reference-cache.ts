/**
 * Categories and areas, parsed, per association, for a short while. Every
 * observation a phone sends needs both, and they change seldom; a change made
 * on this server is seen at once, one made on another server within the TTL.
 */
import type { Geometry } from '../../../shared/domain/geo.js';
import { listCategories, type CategoryRow } from './categories.repository.js';
import type { Executor } from '../../platform/db/database.js';
import { areaRows } from './neighbours.repository.js';

const TTL_MS = 30_000;

export interface AreaShape {
  id: string;
  name: string;
  geometry: Geometry;
}

interface Entry<T> {
  at: number;
  value: T;
}
const categories = new Map<string, Entry<Map<string, CategoryRow>>>();
const areas = new Map<string, Entry<AreaShape[]>>();

async function cached<T extends { size: number } | { length: number }>(store: Map<string, Entry<T>>, key: string, load: () => Promise<T>): Promise<T> {
  const hit = store.get(key);
  if (hit && performance.now() - hit.at < TTL_MS) return hit.value;
  const value = await load();
  // Nothing yet (a new association before its taxonomy is made) is not worth keeping.
  if (('size' in value ? value.size : value.length) > 0) store.set(key, { at: performance.now(), value });
  return value;
}

export function categoriesOf(db: Executor, associationId: string): Promise<Map<string, CategoryRow>> {
  return cached(categories, associationId, async () => new Map((await listCategories(db, associationId)).map((c) => [c.id, c])));
}

export function areasOf(db: Executor, associationId: string): Promise<AreaShape[]> {
  return cached(areas, associationId, async () =>
    (await areaRows(db, associationId)).map((a) => ({
      id: a.id,
      name: a.name,
      geometry: JSON.parse(a.geojson) as Geometry,
    })),
  );
}

/** After a change on this server, the next request reads anew. */
export function forgetCategories(associationId: string): void {
  categories.delete(associationId);
}
export function forgetAreas(associationId: string): void {
  areas.delete(associationId);
}
