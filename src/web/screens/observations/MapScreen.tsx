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

export function MapScreen() {
  const element = useRef<HTMLDivElement>(null);
  const [error, setError] = useState<string | null>(null);
  const [result, setResult] = useState<MapResult | null>(null);
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
    </Shell>
  );
}
