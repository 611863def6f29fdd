/**
 * The map's two grids over a viewport: the heat of observations (how many in
 * each cell) and the coverage of the routes driven (how many shifts passed
 * through each cell), so "where we were" stands against "where things were
 * seen". Cells are never smaller than about 250 m: a single route is personal
 * data, a coarse count over many is not.
 */
import type { AppContext } from '../../context.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { decodePolyline } from '../../../shared/domain/polyline.js';
import { addDays, zonedInstant } from '../../../shared/domain/time.js';
import type { MapQuery } from '../../../shared/api/observations.js';
import type { Grid } from '../../../shared/api/insights.js';
import { observationCells, type Viewport } from '../observations/reads.service.js';
import { mapFilter } from '../observations/observations.service.js';
import { tracksIn } from './insights.repository.js';

const MAX_COLUMNS = 40;
const MAX_ROWS = 30;
/** About 250 m at Stockholm's latitude. */
const MIN_CELL_LAT = 0.00225;
const MIN_CELL_LNG = 0.0045;

function gridOver(v: Viewport) {
  const columns = Math.max(1, Math.min(MAX_COLUMNS, Math.floor((v.east - v.west) / MIN_CELL_LNG)));
  const rows = Math.max(1, Math.min(MAX_ROWS, Math.floor((v.north - v.south) / MIN_CELL_LAT)));
  return { columns, rows, bbox: [v.west, v.south, v.east, v.north] };
}

/** A point on the east or north edge falls in the cell past the grid; it belongs to the last one. */
export function edgeCellsMerged(cells: { x: number; y: number; count: number }[], columns: number, rows: number) {
  const merged = new Map<string, { x: number; y: number; count: number }>();
  for (const c of cells) {
    const x = Math.min(c.x, columns - 1);
    const y = Math.min(c.y, rows - 1);
    const cell = merged.get(`${x},${y}`) ?? { x, y, count: 0 };
    cell.count += c.count;
    merged.set(`${x},${y}`, cell);
  }
  return [...merged.values()];
}

export async function heatGrid(ctx: AppContext, actor: Actor, q: MapQuery): Promise<Grid> {
  const { viewport, filter } = await mapFilter(ctx, actor, q);
  const g = gridOver(viewport);
  const cells = await observationCells(ctx.db, ctx.dialect, actor.associationId, filter, viewport, g.columns, g.rows);
  return { ...g, cells: edgeCellsMerged(cells, g.columns, g.rows) };
}

export async function coverageGrid(ctx: AppContext, actor: Actor, q: Pick<MapQuery, 'bbox' | 'from' | 'to'>): Promise<Grid> {
  authorize(actor, 'coverage.read');
  const [west, south, east, north] = q.bbox;
  const g = gridOver({ west, south, east, north });
  const segments = await tracksIn(ctx.db, actor.associationId, {
    fromIso: q.from ? zonedInstant(q.from, '00:00').toISOString() : new Date(0).toISOString(),
    toIso: q.to ? zonedInstant(addDays(q.to, 1), '00:00').toISOString() : '9999',
  });
  const width = (east - west) / g.columns;
  const height = (north - south) / g.rows;
  const shifts = new Map<string, Set<string>>();
  for (const s of segments) {
    for (const [lat, lng] of decodePolyline(s.polyline)) {
      if (lat < south || lat > north || lng < west || lng > east) continue;
      const key = `${Math.min(g.columns - 1, Math.floor((lng - west) / width))},${Math.min(g.rows - 1, Math.floor((lat - south) / height))}`;
      const passed = shifts.get(key) ?? new Set<string>();
      passed.add(s.shift_id);
      shifts.set(key, passed);
    }
  }
  const cells = [...shifts.entries()].map(([key, ids]) => {
    const [x, y] = key.split(',').map(Number) as [number, number];
    return { x, y, count: ids.size };
  });
  return { ...g, cells };
}
