/**
 * Exports of observations and action items for a period, as CSV, XLSX or
 * GeoJSON, for coordinators. Under the privacy rules: no volunteer's name or
 * any other person's data leaves this way (texts passed the privacy guard when
 * they were written), and police handovers show only that they happened.
 */
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { addDays, zonedInstant } from '../../../shared/domain/time.js';
import { isOverdue, type ItemState } from '../../../shared/domain/action-items.js';
import { translate, type Language, type MessageKey } from '../../../shared/i18n/translate.js';
import { observationRows, type ObservationRow } from '../observations/reads.service.js';
import { statusOf } from '../observations/observations.service.js';
import { publicIdOf } from '../../platform/db/public-id.js';
import { caseNumber } from '../reports/item-mail.js';
import { contentTypes, toCsv, toGeoJson, toXlsx, type Column, type CsvStyle, type ExportFormat, type Table } from './table-formats.js';
import { itemsMadeIn } from './exports.repository.js';
import type { DownloadFile } from '../../platform/http/download.js';

/** More rows than this: the period is too long for one file. */
export const MAX_ROWS = 100_000;

export interface ExportQuery {
  from: string;
  to: string;
  format: ExportFormat;
  /** Unset: the reader's language. */
  csvStyle?: CsvStyle;
}

function period(q: ExportQuery) {
  if (q.to < q.from) throw new AppError('validation', [{ field: 'to', message: 'error.field.invalid' }]);
  return { fromIso: zonedInstant(q.from, '00:00').toISOString(), toIso: zonedInstant(addDays(q.to, 1), '00:00').toISOString() };
}

export async function render<T>(table: Table<T>, q: ExportQuery, stem: string, lang: Language): Promise<DownloadFile> {
  if (table.rows.length > MAX_ROWS) throw new AppError('validation', [{ field: 'from', message: 'error.export_too_large' }]);
  const body = q.format === 'csv' ? toCsv(table, q.csvStyle ?? lang) : q.format === 'xlsx' ? await toXlsx(table) : toGeoJson(table);
  return { filename: `${stem}-${q.from}-${q.to}.${q.format}`, type: contentTypes[q.format], body };
}

export async function exportObservations(ctx: AppContext, actor: Actor, q: ExportQuery): Promise<DownloadFile> {
  authorize(actor, 'observation.listAll');
  return render(await observationsTable(ctx, actor.associationId, actor.language, period(q)), q, 'observations', actor.language);
}

/** The observations of a period as a table in a language: what, when, where, and the crew's words; no one's name. */
export async function observationsTable(
  ctx: AppContext,
  associationId: string,
  lang: Language,
  p: { fromIso: string; toIso: string },
): Promise<Table<ObservationRow>> {
  const t = (key: string) => translate(lang, key as MessageKey);
  const rows = await observationRows(ctx.db, associationId, { ...p, limit: MAX_ROWS + 1 });
  const columns: Column<ObservationRow>[] = [
    { key: 'id', header: t('export.id'), value: (r) => publicIdOf(r) },
    { key: 'observed', header: t('export.observed'), type: 'datetime', value: (r) => r.observed_at },
    { key: 'category', header: t('export.category'), value: (r) => (lang === 'en' ? r.label_en : r.label_sv) },
    { key: 'category_code', header: t('export.categoryCode'), value: (r) => r.category_code },
    { key: 'urgency', header: t('export.urgency'), value: (r) => t(`observe.urgency.${r.urgency}`) },
    { key: 'status', header: t('export.status'), value: (r) => t(`observations.status.${statusOf(r)}`) },
    { key: 'area', header: t('export.area'), value: (r) => r.area_name },
    { key: 'address', header: t('export.address'), value: (r) => r.address },
    { key: 'lat', header: t('export.lat'), value: (r) => Number(r.lat) },
    { key: 'lng', header: t('export.lng'), value: (r) => Number(r.lng) },
    { key: 'text', header: t('export.text'), value: (r) => r.text },
  ];
  return { name: t('export.observations'), columns, rows, position: (r) => ({ lat: Number(r.lat), lng: Number(r.lng) }) };
}

type ItemRow = Awaited<ReturnType<typeof itemsMadeIn>>[number];

export async function exportItems(ctx: AppContext, actor: Actor, q: ExportQuery): Promise<DownloadFile> {
  authorize(actor, 'item.list');
  const lang = actor.language;
  const t = (key: string) => translate(lang, key as MessageKey);
  const { fromIso, toIso } = period(q);
  const rows = await itemsMadeIn(ctx.db, actor.associationId, fromIso, toIso, MAX_ROWS + 1);
  const now = ctx.clock.now();
  const columns: Column<ItemRow>[] = [
    { key: 'case', header: t('export.case'), value: (r) => caseNumber(r.id) },
    { key: 'created', header: t('export.created'), type: 'datetime', value: (r) => r.created_at },
    { key: 'category', header: t('export.category'), value: (r) => (lang === 'en' ? r.label_en : r.label_sv) },
    { key: 'category_code', header: t('export.categoryCode'), value: (r) => r.category_code },
    { key: 'recipient', header: t('export.recipient'), value: (r) => r.recipient_name },
    { key: 'state', header: t('export.state'), value: (r) => t(`items.state.${r.state as ItemState}`) },
    {
      key: 'overdue',
      header: t('export.overdue'),
      value: (r) =>
        isOverdue({ state: r.state, dueAt: r.due_at, firstDueAt: r.first_due_at, answeredAt: r.answered_at }, now) ? t('export.yes') : t('export.no'),
    },
    { key: 'sent', header: t('export.sent'), type: 'datetime', value: (r) => r.sent_at },
    { key: 'due', header: t('export.due'), type: 'datetime', value: (r) => r.due_at },
    { key: 'closed', header: t('export.closed'), type: 'datetime', value: (r) => r.closed_at },
    { key: 'reference', header: t('export.reference'), value: (r) => r.external_reference },
    { key: 'lat', header: t('export.lat'), value: (r) => Number(r.lat) },
    { key: 'lng', header: t('export.lng'), value: (r) => Number(r.lng) },
  ];
  return render({ name: t('export.items'), columns, rows, position: (r) => ({ lat: Number(r.lat), lng: Number(r.lng) }) }, q, 'action-items', lang);
}
