/** Observations on a map: each one when few, clusters (counted on the server) when many; the list is the accessible alternative. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { get } from '../../api.js';
import { remembered } from '../../offline/remembered.js';
import { Shell } from '../../components/Shell.js';
import { Alert } from '../../components/Form.js';
import { t } from '../../i18n.js';
import type { Area } from '../../../shared/api/associations.js';
import type { MapResult, MapSettings } from '../../../shared/api/observations.js';
import type { MapHandle } from '../../map/leaflet-map.js';
import type { PoliceEvents } from '../../../shared/api/police-events.js';
import { Checkbox } from '../../components/Field.js';
import { formatDateTime } from '../../i18n.js';

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

export function MapScreen() {
  const element = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<MapResult | null>(null);
  const [map, setMap] = useState<MapHandle | null>(null);
  useEffect(() => {
    let handle: MapHandle | undefined;
    let latest = 0;
    let cancelled = false;
    void (async () => {
      try {
        const [{ createMap }, settings, areas] = await Promise.all([
          import('../../map/leaflet-map.js'),
          remembered<MapSettings>('/api/map-settings'),
          remembered<Area[]>('/api/areas'),
        ]);
        if (cancelled || !element.current) return;
        handle = createMap(
          element.current,
          settings,
          areas,
          (bbox) => {
            const ask = ++latest;
            get<MapResult>(`/api/observations/map?bbox=${bbox}`)
              .then((r) => {
                // Only the answer to the latest view is drawn.
                if (ask !== latest) return;
                setResult(r);
                handle?.showMarkers(r, t('map.open'));
              })
              .catch(() => setError(navigator.onLine ? t('app.error') : t('map.offline')));
          },
          { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') },
        );
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
  return (
    <Shell title={t('map.title')}>
      <Alert message={error} />
      <p aria-live="polite">{result && t(result.clustered ? 'map.clustered' : 'map.shown', { n: result.total })}</p>
      <div ref={element} class="map" role="region" aria-label={t('map.title')} />
      <p>
        <a href="/observations">{t('map.list')}</a>
      </p>
      <PoliceLayer handle={map} />
    </Shell>
  );
}
