/**
 * The dashboard: a period's shifts, observations and action items against the
 * period before, for the whole association or one area. Every figure a
 * person may look behind links to the list it counts.
 */
import { useState } from 'preact/hooks';
import { Alert } from '../../components/Form.js';
import { Shell } from '../../components/Shell.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import { can } from '../../session.js';
import { formatDate, formatNumber } from '../../shift-format.js';
import type { MessageKey } from '../../../shared/i18n/translate.js';
import type { Dashboard as DashboardData } from '../../../shared/api/insights.js';
import { BarTable, KeyFigure, KeyFigures } from './Figures.js';
import { PeriodAndArea, periodOf, type Period } from './PeriodPicker.js';

const query = (params: Record<string, string | undefined>) =>
  Object.entries(params)
    .filter(([, v]) => v)
    .map(([k, v]) => `${k}=${encodeURIComponent(v!)}`)
    .join('&');

const pad = (h: number) => String(h).padStart(2, '0');

export function Dashboard() {
  const [period, setPeriod] = useState<Period>(periodOf('year'));
  const [areaId, setAreaId] = useState('');
  const { data, error } = useLoad<DashboardData>(`/api/insights/dashboard?${query({ ...period, areaId })}`);
  const base = { from: period.from, to: period.to };
  // Members open the observations list; partners the map (they see places, not what was written).
  const observationsHref = (extra: Record<string, string | undefined> = {}) =>
    can('observation.create')
      ? `/observations?${query({ ...base, areaId, ...extra })}`
      : extra.areaId || areaId
        ? undefined
        : `/observations/map?${query({ ...base, ...extra })}`;
  const itemsHref = (view: string, extra: Record<string, string> = {}) =>
    can('item.list') ? `/items?${query({ view, ...base, areaId, ...extra })}` : undefined;
  const hoursHref = can('shift.list') ? `/hours?${query(base)}` : undefined;
  const percent = (n: string) => t('dashboard.percent', { n });
  return (
    <Shell title={t('dashboard.title')}>
      <p>{t('dashboard.intro')}</p>
      <PeriodAndArea period={period} onPeriod={setPeriod} areaId={areaId} onArea={setAreaId} />
      <Alert message={error} />
      {data && (
        <>
          <p class="period-line">
            {formatDate(data.from)} – {formatDate(data.to)}.{' '}
            {t('dashboard.comparedTo', { from: formatDate(data.previousFrom), to: formatDate(data.previousTo) })}
          </p>
          <h2>{t('dashboard.shifts')}</h2>
          <KeyFigures>
            <KeyFigure label={t('dashboard.planned')} figure={data.shifts.planned} href={hoursHref} />
            <KeyFigure label={t('dashboard.run')} figure={data.shifts.run} href={hoursHref} />
            <KeyFigure label={t('dashboard.staffingRate')} figure={data.shifts.staffingRate} unit={percent} />
            <KeyFigure label={t('dashboard.volunteerHours')} figure={data.shifts.volunteerHours} href={hoursHref} />
            <KeyFigure label={t('dashboard.km')} figure={data.shifts.km} href={hoursHref} />
            <KeyFigure label={t('dashboard.cancelled')} figure={data.shifts.cancelled} />
          </KeyFigures>

          <h2>{t('dashboard.observations')}</h2>
          <KeyFigures>
            <KeyFigure label={t('dashboard.total')} figure={data.observations.total} href={observationsHref()} />
          </KeyFigures>
          <BarTable
            id="by-category"
            title={t('dashboard.byCategory')}
            rows={data.observations.byCategory.map((c) => ({
              key: c.categoryId,
              label: `${c.icon} ${c.label}`,
              value: c.value,
              previous: c.previous,
              href: observationsHref({ categoryId: c.categoryId }),
            }))}
          />
          <BarTable
            id="by-area"
            title={t('dashboard.byArea')}
            rows={data.observations.byArea.map((a) => ({
              key: a.areaId ?? 'none',
              label: a.name ?? t('dashboard.noArea'),
              value: a.value,
              previous: a.previous,
              href: a.areaId ? observationsHref({ areaId: a.areaId }) : undefined,
            }))}
          />
          <BarTable
            id="by-weekday"
            title={t('dashboard.byWeekday')}
            rows={data.observations.byWeekday.map((w) => ({
              key: String(w.weekday),
              label: t(`weekday.${w.weekday}` as MessageKey),
              value: w.value,
              previous: w.previous,
            }))}
          />
          <BarTable
            id="by-hour"
            title={t('dashboard.byHour')}
            rows={data.observations.byHour.map((h) => ({
              key: String(h.hour),
              label: t('dashboard.hour', { from: pad(h.hour), to: pad((h.hour + 1) % 24) }),
              value: h.value,
              previous: h.previous,
            }))}
          />

          <h2>{t('dashboard.items')}</h2>
          <p>{t('dashboard.itemsHelp')}</p>
          <KeyFigures>
            <KeyFigure label={t('dashboard.sent')} figure={data.items.sent} href={itemsHref('all')} />
            <KeyFigure label={t('dashboard.resolved')} figure={data.items.resolved} href={itemsHref('resolved')} />
            <KeyFigure label={t('dashboard.overdue')} figure={data.items.overdue} href={itemsHref('overdue')} />
            <KeyFigure label={t('dashboard.open')} figure={data.items.open} href={itemsHref('open')} />
          </KeyFigures>
          <section aria-labelledby="by-recipient">
            <h3 id="by-recipient">{t('dashboard.byRecipient')}</h3>
            {data.items.byRecipient.length === 0 ? (
              <p>{t('dashboard.none')}</p>
            ) : (
              <div class="table-wrap" tabIndex={0} role="region" aria-labelledby="by-recipient">
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('dashboard.recipient')}</th>
                      <th scope="col" class="num">
                        {t('dashboard.sent')}
                      </th>
                      <th scope="col" class="num">
                        {t('dashboard.resolved')}
                      </th>
                      <th scope="col" class="num">
                        {t('dashboard.overdue')}
                      </th>
                      <th scope="col" class="num">
                        {t('dashboard.median')}
                      </th>
                      <th scope="col" class="num">
                        {t('dashboard.previousMedian')}
                      </th>
                    </tr>
                  </thead>
                  <tbody>
                    {data.items.byRecipient.map((r) => (
                      <tr key={r.recipientId}>
                        <th scope="row">{itemsHref('all') ? <a href={itemsHref('all', { recipientId: r.recipientId })}>{r.name}</a> : r.name}</th>
                        <td class="num" data-label={t('dashboard.sent')}>
                          {r.sent}
                        </td>
                        <td class="num" data-label={t('dashboard.resolved')}>
                          {r.resolved}
                        </td>
                        <td class="num" data-label={t('dashboard.overdue')}>
                          {r.overdue}
                        </td>
                        <td class="num" data-label={t('dashboard.median')}>
                          {duration(r.medianHours)}
                        </td>
                        <td class="num" data-label={t('dashboard.previousMedian')}>
                          {duration(r.previousMedianHours)}
                        </td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
            )}
          </section>
        </>
      )}
    </Shell>
  );
}

/** Hours under two days as hours, longer as days: "36 tim", "4,5 dygn". */
function duration(hours: number | null): string {
  if (hours === null) return '–';
  if (hours < 48) return t('dashboard.hours', { n: formatNumber(Math.round(hours * 10) / 10) });
  return t('dashboard.days', { n: formatNumber(Math.round((hours / 24) * 10) / 10) });
}
