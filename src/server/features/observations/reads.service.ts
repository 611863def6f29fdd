/**
 * What other features read of observations (exports, maps, the IOP report, the
 * Open311 service list): through here, never the repository, so the
 * observations feature alone decides how its rows are stored and filtered.
 * Callers have authorized the actor already; each takes the association's id.
 */
import type { Executor } from '../../platform/db/database.js';
import { nowIso } from '../../platform/db/ids.js';
import * as repo from './observations.repository.js';
import * as categories from './categories.repository.js';

export type { ObservationRow, Viewport } from './observations.repository.js';

/** Observations with their names (category, area, author), filtered and paged as the list is. */
export const observationRows = (db: Executor, associationId: string, f: repo.ObservationFilter) => repo.listObservations(db, associationId, f);

/** The observations in a viewport counted per cell of a columns × rows grid (see the repository). */
export const observationCells = (...args: Parameters<typeof repo.cellsInView>) => repo.cellsInView(...args);

/** The association's categories, the default set made first if it has none yet. */
export async function categoriesWithDefaults(db: Executor, associationId: string) {
  await categories.ensureDefaultCategories(db, associationId, nowIso());
  return categories.listCategories(db, associationId);
}
