/** Observations on a map: each one when few, clusters (counted on the server) when many; the list is the accessible alternative. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { useLocation } from 'preact-iso';
import { get } from '../../api.js';
import { remembered } from '../../offline/remembered.js';
import { Shell } from '../../components/Shell.js';
import { Alert } from '../../components/Form.js';
import { t } from '../../i18n.js';
import type { Area } from '../../../shared/api/associations.js';
import type { MapResult, MapSettings } from '../../../shared/api/observations.js';
import type { MapHandle } from '../../map/leaflet-map.js';
import type { PoliceEvents } from '../../../shared/api/police-events.js';
import { Checkbox, Field, Select } from '../../components/Field.js';
import { formatDateTime, language } from '../../i18n.js';
import { can } from '../../session.js';
import { useCategories } from './categories.js';
import type { Grid } from '../../../shared/api/insights.js';

/** Polisen's events as their own layer, with the warning that their place is only the municipality's centre, and as a list. */
function PoliceLayer({ handle }: { handle: MapHandle | null }) {
  const [on, setOn] = useState(false);
  const [data, setData] = useState<PoliceEvents | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    if (!on) {
      handle?.showPoliceEvents([]);
      return;
    }
    get<PoliceEvents>('/api/police-events')
      .then((d) => {
        setData(d);
        const first = d.events[0];
        handle?.showPoliceEvents(first ? [{ lat: first.lat, lng: first.lng, count: d.events.length, label: t('police.layer', { n: d.events.length }) }] : []);
      })
      .catch(() => setError(t('app.error')));
  }, [on, handle]);
  return (
    <section aria-labelledby="police-heading">
      <h2 id="police-heading">{t('police.title')}</h2>
      <Checkbox name="police" label={t('police.show')} checked={on} onChecked={setOn} />
      <Alert message={error} />
      {on && data && (
        <>
          <p class="due">{t('police.warning', { municipality: data.municipality })}</p>
          {data.events.length === 0 ? (
            <p>{t('police.none')}</p>
          ) : (
            <ul class="cards">
              {data.events.map((e) => (
                <li key={e.id} class="card">
                  <p>
                    <strong>{e.type}</strong> · {formatDateTime(e.occurredAt)}
                  </p>
                  <p>{e.summary}</p>
                  <a href={e.url} target="_blank" rel="noreferrer">
                    {t('police.read')}
                  </a>
                </li>
              ))}
            </ul>
          )}
        </>
      )}
    </section>
  );
}

interface MapFilters {
  from: string;
  to: string;
  categoryId: string;
  markers: boolean;
  heat: boolean;
  coverage: boolean;
}

export function MapScreen() {
  const element = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<MapResult | null>(null);
  const [map, setMap] = useState<MapHandle | null>(null);
  // A link (from the dashboard) may bring a period and a category.
  const { query } = useLocation();
  const [filters, setFilters] = useState<MapFilters>({
    from: query.from ?? '',
    to: query.to ?? '',
    categoryId: query.categoryId ?? '',
    markers: true,
    heat: false,
    coverage: false,
  });
  const current = useRef(filters);
  current.current = filters;
  const categories = useCategories();
  useEffect(() => map?.refresh(), [filters, map]);
  useEffect(() => {
    let handle: MapHandle | undefined;
    let latest = 0;
    let cancelled = false;
    const fail = () => setError(navigator.onLine ? t('app.error') : t('map.offline'));
    const draw = (bbox: string) => {
      const ask = ++latest;
      const f = current.current;
      const period = `${f.from ? `&from=${f.from}` : ''}${f.to ? `&to=${f.to}` : ''}`;
      const filter = `bbox=${bbox}${period}${f.categoryId ? `&categoryId=${f.categoryId}` : ''}`;
      // Only the answers to the latest view are drawn.
      if (f.markers) {
        get<MapResult>(`/api/observations/map?${filter}`)
          .then((r) => {
            if (ask !== latest) return;
            setResult(r);
            handle?.showMarkers(r, t('map.open'));
          })
          .catch(fail);
      } else {
        setResult(null);
        handle?.showMarkers({ total: 0, clustered: false, markers: [] }, '');
      }
      const grid = (kind: 'heat' | 'coverage', on: boolean, q: string) => {
        if (!on) return handle?.showGrid(kind, null);
        get<Grid>(`/api/insights/${kind}?${q}`)
          .then((g) => ask === latest && handle?.showGrid(kind, g))
          .catch(fail);
      };
      grid('heat', f.heat, filter);
      grid('coverage', f.coverage, `bbox=${bbox}${period}`);
    };
    void (async () => {
      try {
        const [{ createMap }, settings, areas] = await Promise.all([
          import('../../map/leaflet-map.js'),
          remembered<MapSettings>('/api/map-settings'),
          remembered<Area[]>('/api/areas'),
        ]);
        if (cancelled || !element.current) return;
        handle = createMap(element.current, settings, areas, draw, { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') });
        setMap(handle);
      } catch {
        setError(t('map.unavailable'));
      }
    })();
    return () => {
      cancelled = true;
      handle?.destroy();
    };
  }, []);
  const set =
    <K extends keyof MapFilters>(k: K) =>
    (v: MapFilters[K]) =>
      setFilters({ ...current.current, [k]: v });
  return (
    <Shell title={t('map.title')}>
      <Alert message={error} />
      {/* Folded away, so the map comes first on a phone; open when a link brought filters along. */}
      <details class="add map-options" open={Boolean(query.from || query.to || query.categoryId)}>
        <summary>{t('map.options')}</summary>
        <fieldset class="filters">
          <legend>{t('observations.filters')}</legend>
          <Field name="from" type="date" label={t('templates.from')} value={filters.from} onValue={set('from')} />
          <Field name="to" type="date" label={t('templates.to')} value={filters.to} onValue={set('to')} />
          <Select
            name="categoryId"
            label={t('observation.category')}
            value={filters.categoryId}
            onValue={set('categoryId')}
            options={[
              { value: '', label: t('observations.any') },
              ...(categories ?? []).map((c) => ({ value: c.id, label: language.value === 'en' ? c.labelEn : c.labelSv })),
            ]}
          />
        </fieldset>
        <fieldset class="layers">
          <legend>{t('map.layers')}</legend>
          <Checkbox name="markers" label={t('map.layer.markers')} checked={filters.markers} onChecked={set('markers')} />
          <Checkbox name="heat" label={t('map.layer.heat')} checked={filters.heat} onChecked={set('heat')} />
          {can('coverage.read') && <Checkbox name="coverage" label={t('map.layer.coverage')} checked={filters.coverage} onChecked={set('coverage')} />}
        </fieldset>
      </details>
      <p aria-live="polite">{result && t(result.clustered ? 'map.clustered' : 'map.shown', { n: result.total })}</p>
      <div ref={element} class="map" role="region" aria-label={t('map.title')} />
      {filters.heat && <p class="legend heat">{t('map.heatLegend')}</p>}
      {filters.coverage && <p class="legend coverage">{t('map.coverageLegend')}</p>}
      {can('observation.create') && (
        <p>
          <a href="/observations">{t('map.list')}</a>
        </p>
      )}
      <PoliceLayer handle={map} />
    </Shell>
  );
}
