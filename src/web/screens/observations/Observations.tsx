/**
 * Observations: the member's own and their shifts' (coordinators: all),
 * newest first, each with what became of it; when the list holds others'
 * too, the member's own latest come first. The filters are folded away until
 * wanted: the list is what people come for.
 */
import { useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { Shell } from '../../components/Shell.js';
import { ExportLinks } from '../../components/ExportLinks.js';
import { can, me } from '../../session.js';
import { Alert } from '../../components/Form.js';
import { useLoad } from '../../components/useLoad.js';
import { t } from '../../i18n.js';
import { get } from '../../api.js';
import type { Observation } from '../../../shared/api/observations.js';
import { Filters, filterQuery, filtersFrom, type ObservationFilters } from './Filters.js';
import { ObservationCard } from './ObservationCard.js';

interface Page {
  items: Observation[];
  nextCursor: string | null;
}

export function Observations() {
  // A link (from the dashboard) may bring filters along.
  const { query: linked } = useLocation();
  const [filters, setFilters] = useState<ObservationFilters>(filtersFrom(linked));
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
  const staff = can('observation.listAll');
  const filtered = query !== '';
  const myId = me.value!.member.id;
  const own = useLoad<Page>(!filtered ? `/api/observations?limit=3&memberId=${myId}` : null);
  // Only when others' are in the list too: a list of one's own needs no second copy of its top.
  const othersToo = (first.data?.items ?? []).some((o) => o.authorMemberId !== myId);
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
      {othersToo && own.data && own.data.items.length > 0 && (
        <section aria-labelledby="own-latest">
          <h2 id="own-latest">{t('observations.ownLatest')}</h2>
          <ul class="cards">
            {own.data.items.map((o) => (
              <ObservationCard key={o.id} o={o} />
            ))}
          </ul>
          <h2>{t('observations.all')}</h2>
        </section>
      )}
      <details class="filters-fold" open={filtered}>
        <summary>{filtered ? t('observations.filtersOn') : t('observations.filters')}</summary>
        <Filters
          value={filters}
          onChange={(f) => {
            setFilters(f);
            setMore([]);
            setCursor(undefined);
          }}
        />
        {staff && <ExportLinks what="observations" />}
      </details>
      <Alert message={first.error} />
      {first.data && items.length === 0 && <p>{t('observations.none')}</p>}
      <ul class="cards">
        {items.map((o) => (
          <ObservationCard key={o.id} o={o} />
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
