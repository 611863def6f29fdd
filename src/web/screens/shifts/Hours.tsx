/** Volunteer hours, km per car and month, and shifts run against planned; the own figures, or everyone's for coordinators. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Field } from '../../components/Field.js';
import { Alert } from '../../components/Form.js';
import { Shell } from '../../components/Shell.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import { formatMinutes, formatMonth, formatNumber, today } from '../../shift-format.js';
import type { Hours as HoursData } from '../../../shared/api/driving-log.js';

export function Hours() {
  const year = today().slice(0, 4);
  const { query } = useLocation();
  const [from, setFrom] = useState(query.from ?? `${year}-01-01`);
  const [to, setTo] = useState(query.to ?? today());
  const { data, error } = useLoad<HoursData>(from && to ? `/api/hours?from=${from}&to=${to}` : null);
  return (
    <Shell title={t('hours.title')}>
      <div class="filters">
        <Field name="from" type="date" label={t('templates.from')} value={from} onValue={setFrom} />
        <Field name="to" type="date" label={t('templates.to')} value={to} onValue={setTo} />
      </div>
      <Alert message={error} />
      {data && (
        <>
          <p class="totals">
            {t('hours.totals', {
              hours: formatMinutes(data.totals.minutes),
              km: formatNumber(data.totals.km),
              run: data.totals.run,
              planned: data.totals.planned,
              cancelled: data.totals.cancelled,
            })}
          </p>
          <h2>{t('hours.people')}</h2>
          {data.members.length === 0 ? (
            <p>{t('hours.noHours')}</p>
          ) : (
            <div class="table-wrap" tabIndex={0} role="region" aria-label={t('hours.people')}>
              <table>
                <caption class="visually-hidden">{t('hours.people')}</caption>
                <thead>
                  <tr>
                    <th scope="col">{t('hours.name')}</th>
                    <th scope="col">{t('hours.shifts')}</th>
                    <th scope="col">{t('hours.hours')}</th>
                  </tr>
                </thead>
                <tbody>
                  {data.members.map((m) => (
                    <tr key={m.memberId}>
                      <th scope="row">{m.name}</th>
                      <td data-label={t('hours.shifts')}>{m.shifts}</td>
                      <td data-label={t('hours.hours')}>{formatMinutes(m.minutes)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
          {data.vehicles.map((v) => (
            <section key={v.vehicleId} aria-labelledby={`car-${v.vehicleId}`}>
              <h2 id={`car-${v.vehicleId}`}>{v.name}</h2>
              <div class="table-wrap" tabIndex={0} role="region" aria-labelledby={`car-${v.vehicleId}`}>
                <table>
                  <thead>
                    <tr>
                      <th scope="col">{t('hours.month')}</th>
                      <th scope="col">{t('hours.km')}</th>
                      <th scope="col">{t('hours.runOfPlanned')}</th>
                      <th scope="col">{t('hours.cancelled')}</th>
                    </tr>
                  </thead>
                  <tbody>
                    {v.months.map((m) => (
                      <tr key={m.month}>
                        <th scope="row">{formatMonth(m.month)}</th>
                        <td data-label={t('hours.km')}>{formatNumber(m.km)}</td>
                        <td data-label={t('hours.runOfPlanned')}>
                          {m.run} / {m.planned}
                        </td>
                        <td data-label={t('hours.cancelled')}>{m.cancelled}</td>
                      </tr>
                    ))}
                  </tbody>
                </table>
              </div>
              <p>
                <a href={`/cars/${v.vehicleId}/log?year=${to.slice(0, 4)}`}>{t('log.open')}</a>
              </p>
            </section>
          ))}
        </>
      )}
    </Shell>
  );
}
