/**
 * The IOP follow-up report: the board's texts per period, and the report
 * itself as a PDF, or its figures as CSV or XLSX. The figures are the
 * dashboard's for the same period (one function makes both), so the report
 * and the screen never disagree. Counts and the board's words only: partners
 * (the municipality that funds the association) may read it too.
 */
import type { AppContext } from '../../context.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import { newId, nowIso } from '../../platform/db/ids.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { iopSectionKeys, type IopTexts, type IopTextsPut } from '../../../shared/api/insights.js';
import { localToday } from '../../../shared/domain/time.js';
import { translate } from '../../../shared/i18n/translate.js';
import { getAssociation } from '../associations/associations.service.js';
import { observationCells } from '../observations/reads.service.js';
import { toCsv, toXlsx, type CsvStyle } from '../exports/table-formats.js';
import type { DownloadFile } from '../../platform/http/download.js';
import { dashboardOf } from './dashboard.service.js';
import { iopPdf, type ReportMap } from './iop-pdf.js';
import { keyFigures } from './key-figures.js';
import { periodOf } from './period.js';
import { edgeCellsMerged } from './map-grids.service.js';
import * as repo from './insights.repository.js';

const emptySections = (): IopTexts['sections'] => ({ summary: '', activities: '', cooperation: '', ahead: '' });

export async function getIopTexts(ctx: AppContext, actor: Actor, q: { from: string; to: string }): Promise<IopTexts> {
  authorize(actor, 'iop.read');
  periodOf(q.from, q.to);
  const row = await repo.findIopReport(ctx.db, actor.associationId, q.from, q.to);
  const saved = row ? (JSON.parse(row.sections) as Partial<IopTexts['sections']>) : {};
  return { from: q.from, to: q.to, sections: { ...emptySections(), ...saved }, updatedAt: row?.updated_at ?? null };
}

export async function saveIopTexts(ctx: AppContext, actor: Actor, input: IopTextsPut): Promise<IopTexts> {
  authorize(actor, 'iop.write');
  periodOf(input.from, input.to);
  const before = await getIopTexts(ctx, actor, input);
  const sections = Object.fromEntries(iopSectionKeys.map((k) => [k, input.sections[k]]));
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveIopReport(trx, {
      id: newId(),
      associationId: actor.associationId,
      from: input.from,
      to: input.to,
      sections: JSON.stringify(sections),
      memberId: actor.memberId,
      now: nowIso(),
    });
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'iop_report.update',
      entityType: 'iop_report',
      entityId: `${input.from}/${input.to}`,
      before: before.sections,
      after: sections,
    });
  });
  return getIopTexts(ctx, actor, input);
}

/** The report's figures as one table: group, figure, period, period before. */
export async function iopFigures(
  ctx: AppContext,
  actor: Actor,
  q: { from: string; to: string; areaId?: string; format: 'csv' | 'xlsx'; csvStyle?: CsvStyle },
): Promise<DownloadFile> {
  authorize(actor, 'iop.read');
  const lang = actor.language;
  const t = (key: 'iop.group' | 'iop.figure' | 'iop.value' | 'iop.previous') => translate(lang, key);
  const rows = keyFigures(lang, await dashboardOf(ctx, actor.associationId, lang, q));
  const sheet = {
    name: translate(lang, 'iop.keyFigures'),
    columns: [
      { key: 'group', header: t('iop.group'), value: (r: (typeof rows)[number]) => r.group },
      { key: 'figure', header: t('iop.figure'), value: (r: (typeof rows)[number]) => r.label },
      { key: 'value', header: `${t('iop.value')} ${q.from}–${q.to}`, value: (r: (typeof rows)[number]) => r.value },
      { key: 'previous', header: t('iop.previous'), value: (r: (typeof rows)[number]) => r.previous },
    ],
    rows,
  };
  const filename = `iop-${q.from}-${q.to}.${q.format}`;
  return q.format === 'csv'
    ? { filename, type: 'text/csv; charset=utf-8', body: toCsv(sheet, q.csvStyle ?? lang) }
    : { filename, type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', body: await toXlsx(sheet) };
}

/** About a kilometre: no square on the report's map is smaller. */
const CELL_LAT = 0.009;
const CELL_LNG = 0.018;

export async function iopReport(ctx: AppContext, actor: Actor, q: { from: string; to: string; areaId?: string }): Promise<DownloadFile> {
  authorize(actor, 'iop.read');
  return { filename: `iop-${q.from}-${q.to}.pdf`, type: 'application/pdf', body: await renderIopReport(ctx, actor.associationId, actor.language, q) };
}

/** The PDF itself, also for the benchmark. */
export async function renderIopReport(
  ctx: AppContext,
  associationId: string,
  lang: 'sv' | 'en',
  q: { from: string; to: string; areaId?: string },
): Promise<Buffer> {
  const [dashboard, association, texts, shapes] = await Promise.all([
    dashboardOf(ctx, associationId, lang, q),
    getAssociation(ctx, associationId),
    repo.findIopReport(ctx.db, associationId, q.from, q.to),
    repo.areaShapes(ctx.db, associationId),
  ]);
  const p = periodOf(q.from, q.to);
  const span = { fromIso: p.fromIso, toIso: p.toIso, areaId: q.areaId };
  const areas = shapes.filter((a) => !q.areaId || a.id === q.areaId).map((a) => ({ name: a.name, rings: ringsOf(a.geojson) }));
  const map = await reportMap(ctx, associationId, span, areas);
  return iopPdf({
    lang,
    association: association?.name ?? '',
    areaName: q.areaId ? (shapes.find((a) => a.id === q.areaId)?.name ?? null) : null,
    dashboard,
    figures: keyFigures(lang, dashboard),
    texts: { ...emptySections(), ...(texts ? (JSON.parse(texts.sections) as Partial<IopTexts['sections']>) : {}) },
    map,
    madeOn: localToday(ctx.clock.now()),
  });
}

async function reportMap(ctx: AppContext, associationId: string, span: repo.Span, areas: ReportMap['areas']): Promise<ReportMap | null> {
  const seen = await repo.extentOf(ctx.db, associationId, span);
  if (!seen) return null;
  const corners = [...areas.flatMap((a) => a.rings.flat()), [seen.west, seen.south] as [number, number], [seen.east, seen.north] as [number, number]];
  const extent = {
    west: Math.min(...corners.map((c) => c[0])),
    east: Math.max(...corners.map((c) => c[0])),
    south: Math.min(...corners.map((c) => c[1])),
    north: Math.max(...corners.map((c) => c[1])),
  };
  // Snap to whole squares, so each square is a kilometre and the edges hold whole ones.
  extent.west = Math.floor(extent.west / CELL_LNG) * CELL_LNG;
  extent.south = Math.floor(extent.south / CELL_LAT) * CELL_LAT;
  const columns = Math.min(60, Math.max(1, Math.ceil((extent.east - extent.west) / CELL_LNG + 1e-9)));
  const rows = Math.min(60, Math.max(1, Math.ceil((extent.north - extent.south) / CELL_LAT + 1e-9)));
  extent.east = extent.west + columns * CELL_LNG;
  extent.north = extent.south + rows * CELL_LAT;
  const cells = await observationCells(
    ctx.db,
    ctx.dialect,
    associationId,
    { fromIso: span.fromIso, toIso: span.toIso, areaId: span.areaId },
    extent,
    columns,
    rows,
  );
  return { extent, columns, rows, cells: edgeCellsMerged(cells, columns, rows), areas };
}

/** The outer rings of a Polygon or MultiPolygon, as [lng, lat] pairs. */
function ringsOf(geojson: string): [number, number][][] {
  try {
    const g = JSON.parse(geojson) as { type: string; coordinates: unknown };
    if (g.type === 'Polygon') return [(g.coordinates as [number, number][][])[0] ?? []];
    if (g.type === 'MultiPolygon') return (g.coordinates as [number, number][][][]).map((p) => p[0] ?? []);
  } catch {
    // A shape that cannot be read is left off the map, not the report.
  }
  return [];
}
