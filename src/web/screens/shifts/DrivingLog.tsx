/** A car's driving log (körjournal) for a year, with odometer gaps flagged and CSV and PDF downloads. */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Select } from '../../components/Field.js';
import { Alert } from '../../components/Form.js';
import { Shell } from '../../components/Shell.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import { formatDate, formatNumber, timeSpan, today } from '../../shift-format.js';
import { ShowMore, usePaged } from '../../components/ShowMore.js';
import type { DrivingLog as Log } from '../../../shared/api/driving-log.js';
import type { MessageKey } from '../../../shared/i18n/translate.js';

export function DrivingLog({ id }: { id: string }) {
  const { query } = useLocation();
  const thisYear = Number(today().slice(0, 4));
  const [year, setYear] = useState(Number(query.year) || thisYear);
  const { data: log, error } = useLoad<Log>(`/api/vehicles/${id}/driving-log?year=${year}`);
  const years = Array.from({ length: 6 }, (_, i) => String(thisYear + 1 - i));
  // The newest trip first, as the log is read; the PDF and CSV keep the ledger's order, oldest first.
  const paged = usePaged(log ? [...log.trips].reverse() : null);
  return (
    <Shell title={log ? `${t('log.title')}: ${log.vehicleName}` : t('log.title')}>
      <Select name="year" label={t('log.year')} value={String(year)} onValue={(y) => setYear(Number(y))} options={years.map((y) => ({ value: y, label: y }))} />
      <Alert message={error} />
      {log && (
        <>
          <dl class="facts">
            <div>
              <dt>{t('log.odometerAtStart')}</dt>
              <dd>{log.odometerAtStartKm === null ? '–' : `${formatNumber(log.odometerAtStartKm)} km`}</dd>
            </div>
            <div>
              <dt>{t('log.odometerAtEnd')}</dt>
              <dd>{log.odometerAtEndKm === null ? '–' : `${formatNumber(log.odometerAtEndKm)} km`}</dd>
            </div>
            <div>
              <dt>{t('log.totalKm')}</dt>
              <dd>{formatNumber(log.totalKm)} km</dd>
            </div>
          </dl>
          <p class="button-row">
            <a class="button secondary" href={`/api/vehicles/${id}/driving-log.csv?year=${year}`} download>
              {t('log.csv')}
            </a>
            <a class="button secondary" href={`/api/vehicles/${id}/driving-log.pdf?year=${year}`} download>
              {t('log.pdf')}
            </a>
          </p>
          {log.trips.length === 0 && <p>{t('log.none')}</p>}
          <ul class="cards">
            {paged.page.map((trip) => (
              <li key={trip.shiftId} class={trip.flags.length ? 'card flagged' : 'card'}>
                <p class="card-title">
                  <a href={`/shifts/${trip.shiftId}`}>
                    {formatDate(trip.date)} {timeSpan(trip.startedAt, trip.endedAt ?? trip.startedAt)}
                  </a>
                </p>
                <p>
                  {formatNumber(trip.odometerStartKm)} → {trip.odometerEndKm === null ? '…' : formatNumber(trip.odometerEndKm)} km
                  {trip.km !== null && ` (${trip.km} km)`}
                </p>
                <p>
                  {trip.purpose}
                  {trip.driverName && ` · ${t('log.driver')}: ${trip.driverName}`}
                </p>
                {(trip.startPlace || trip.endPlace) && (
                  <p>
                    {trip.startPlace ?? '–'} → {trip.endPlace ?? '–'}
                  </p>
                )}
                {trip.flags.map((f) => (
                  <p key={f} class="due">
                    {t(`log.flag.${f}` as MessageKey, { km: trip.gapKm })}
                  </p>
                ))}
              </li>
            ))}
          </ul>
          <ShowMore more={paged.more} total={paged.total} shown={paged.page.length} onMore={paged.showMore} />
        </>
      )}
    </Shell>
  );
}
