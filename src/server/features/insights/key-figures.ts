/**
 * The dashboard's figures as rows of one table (group, figure, period, period
 * before): the IOP report's PDF prints these rows, and its CSV and XLSX are
 * these rows, so the three can never tell different numbers.
 */
import { translate, type Language, type MessageKey } from '../../../shared/i18n/translate.js';
import type { Dashboard, Figure } from '../../../shared/api/insights.js';

export interface FigureRow {
  group: string;
  label: string;
  value: number | null;
  previous: number | null;
  /** How the number reads: a count, a percentage, hours. */
  unit: 'count' | 'percent' | 'hours';
}

export function keyFigures(lang: Language, d: Dashboard): FigureRow[] {
  const t = (key: string, params: Record<string, string | number> = {}) => translate(lang, key as MessageKey, params);
  const rows: FigureRow[] = [];
  const add = (group: string, label: string, f: Figure, unit: FigureRow['unit'] = 'count') =>
    rows.push({ group, label, value: f.value, previous: f.previous, unit });
  const shifts = t('dashboard.shifts');
  add(shifts, t('dashboard.planned'), d.shifts.planned);
  add(shifts, t('dashboard.run'), d.shifts.run);
  add(shifts, t('dashboard.cancelled'), d.shifts.cancelled);
  add(shifts, t('dashboard.staffingRate'), d.shifts.staffingRate, 'percent');
  add(shifts, t('dashboard.volunteerHours'), d.shifts.volunteerHours, 'hours');
  add(shifts, t('dashboard.km'), d.shifts.km);
  add(t('dashboard.observations'), t('dashboard.total'), d.observations.total);
  for (const c of d.observations.byCategory) add(t('dashboard.byCategory'), c.label, c);
  for (const a of d.observations.byArea) add(t('dashboard.byArea'), a.name ?? t('dashboard.noArea'), a);
  for (const w of d.observations.byWeekday) add(t('dashboard.byWeekday'), t(`weekday.${w.weekday}`), w);
  for (const h of d.observations.byHour) add(t('dashboard.byHour'), `${String(h.hour).padStart(2, '0')}–${String((h.hour + 1) % 24).padStart(2, '0')}`, h);
  const items = t('dashboard.items');
  add(items, t('dashboard.sent'), d.items.sent);
  add(items, t('dashboard.resolved'), d.items.resolved);
  add(items, t('dashboard.overdue'), d.items.overdue);
  add(items, t('dashboard.open'), d.items.open);
  for (const r of d.items.byRecipient) {
    const group = `${t('dashboard.recipient')}: ${r.name}`;
    rows.push({ group, label: t('dashboard.sent'), value: r.sent, previous: null, unit: 'count' });
    rows.push({ group, label: t('dashboard.resolved'), value: r.resolved, previous: null, unit: 'count' });
    rows.push({ group, label: t('dashboard.overdue'), value: r.overdue, previous: null, unit: 'count' });
    rows.push({ group, label: t('dashboard.median'), value: r.medianHours, previous: r.previousMedianHours, unit: 'hours' });
  }
  return rows;
}

/** A figure as the report prints it: Swedish or English digits, a unit where it has one, a dash for none. */
export function formatFigure(lang: Language, value: number | null, unit: FigureRow['unit']): string {
  if (value === null) return '–';
  const n = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'sv-SE', { maximumFractionDigits: 1 }).format(value);
  return unit === 'percent' ? `${n} %` : unit === 'hours' ? translate(lang, 'dashboard.hours', { n }) : n;
}
