/**
 * The public page an association may choose to show: for the past year, how
 * many things its cars saw per square of a fixed grid (0.01° × 0.02°, about
 * 1.1 km each way here) and category. The squares are the grid's, never
 * derived from a point, so no position of an observation can be read back;
 * no words, no people, no police matters (tips, 112 calls) and no "nothing
 * to report". Off unless the association turns it on.
 */
import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import type { PublicCounts } from '../../../shared/api/insights.js';
import { addDays, localToday } from '../../../shared/domain/time.js';
import type { Language } from '../../../shared/i18n/translate.js';
import { getAssociation } from '../associations/associations.service.js';
import { periodOf } from './period.js';
import { categoryLabels, cellCounts } from './public-page.repository.js';

const CELL = { lat: 0.01, lng: 0.02 };
/** Grid lines as the numbers they are (0.01 × 5923 is 59.230000000000004 in floating point). */
const line = (n: number, size: number) => Number((n * size).toFixed(4));

export async function publicCounts(ctx: AppContext, associationId: string, lang: Language): Promise<PublicCounts> {
  const association = await getAssociation(ctx, associationId);
  if (!association?.publicPage) throw notFound();
  const to = localToday(ctx.clock.now());
  const p = periodOf(addDays(to, -364), to);
  const [rows, categories] = await Promise.all([cellCounts(ctx.db, ctx.dialect, associationId, p, CELL), categoryLabels(ctx.db, associationId)]);
  const cells = new Map<string, PublicCounts['cells'][number]>();
  const totals = new Map<string, number>();
  for (const r of rows) {
    const [cy, cx, n] = [Number(r.y), Number(r.x), Number(r.n)];
    const key = `${cy},${cx}`;
    const cell = cells.get(key) ?? {
      south: line(cy, CELL.lat),
      west: line(cx, CELL.lng),
      north: line(cy + 1, CELL.lat),
      east: line(cx + 1, CELL.lng),
      total: 0,
      counts: {},
    };
    cell.total += n;
    cell.counts[r.code] = (cell.counts[r.code] ?? 0) + n;
    cells.set(key, cell);
    totals.set(r.code, (totals.get(r.code) ?? 0) + n);
  }
  return {
    association: association.name,
    municipality: association.municipality,
    from: p.from,
    to: p.to,
    cell: CELL,
    categories: categories
      .filter((c) => totals.has(c.code))
      .map((c) => ({ code: c.code, label: lang === 'en' ? c.label_en : c.label_sv, icon: c.icon, count: totals.get(c.code)! }))
      .sort((a, b) => b.count - a.count || a.label.localeCompare(b.label)),
    cells: [...cells.values()],
    tileUrl: ctx.config.mapTileUrl,
    attribution: ctx.config.mapTileAttribution,
  };
}
