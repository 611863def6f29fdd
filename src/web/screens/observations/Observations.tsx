/** Observations: the member's own and their shifts' (coordinators: all), newest first, with what still waits on the phone. */
import { useState } from 'preact/hooks';
import { Shell } from '../../components/Shell.js';
import { Alert } from '../../components/Form.js';
import { useLoad } from '../../components/useLoad.js';
import { formatDateTime, t } from '../../i18n.js';
import { get } from '../../api.js';
import type { Observation } from '../../../shared/api/observations.js';
import { Filters, filterQuery, noFilters, type ObservationFilters } from './Filters.js';

interface Page {
  items: Observation[];
  nextCursor: string | null;
}

export function Observations() {
  const [filters, setFilters] = useState<ObservationFilters>(noFilters);
  const query = filterQuery(filters);
  const first = useLoad<Page>(`/api/observations?limit=50${query}`);
  const [more, setMore] = useState<Observation[]>([]);
  const [cursor, setCursor] = useState<string | null | undefined>(undefined);
  const next = cursor === undefined ? first.data?.nextCursor : cursor;
  const loadMore = async () => {
    const page = await get<Page>(`/api/observations?limit=50${query}&cursor=${encodeURIComponent(next!)}`);
    setMore([...more, ...page.items]);
    setCursor(page.nextCursor);
  };
  const items = [...(first.data?.items ?? []), ...more];
  return (
    <Shell title={t('observations.title')}>
      <p>
        <a class="button primary" href="/observe">
          {t('observe.new')}
        </a>{' '}
        <a class="button secondary" href="/observations/map">
          {t('map.title')}
        </a>
      </p>
      <Filters
        value={filters}
        onChange={(f) => {
          setFilters(f);
          setMore([]);
          setCursor(undefined);
        }}
      />
      <Alert message={first.error} />
      {first.data && items.length === 0 && <p>{t('observations.none')}</p>}
      <ul class="cards">
        {items.map((o) => (
          <li key={o.id} class="card">
            <p class="card-title">
              <a href={`/observations/${o.id}`}>
                <span aria-hidden="true">{o.icon}</span> {o.categoryLabel}
              </a>
            </p>
            <p>
              {formatDateTime(o.observedAt)}
              {o.areaName && ` · ${o.areaName}`} · {t(`observe.urgency.${o.urgency}`)}
            </p>
            {o.text && <p>{o.text}</p>}
            {o.handedToPolice && <p>{t('observations.handed', { reference: o.handedToPolice.reference ?? '–' })}</p>}
            {o.photos.length > 0 && <p>{t('observations.photos', { n: o.photos.length })}</p>}
          </li>
        ))}
      </ul>
      {next && (
        <button type="button" class="secondary" onClick={() => void loadMore()}>
          {t('observations.more')}
        </button>
      )}
    </Shell>
  );
}
