/** A shift's map: the route driven (when the crew allowed it) and the observations made on it. */
import { useEffect, useRef, useState } from 'preact/hooks';
import { get } from '../../api.js';
import { remembered } from '../../offline/remembered.js';
import { t } from '../../i18n.js';
import { ObservationCard } from '../observations/ObservationCard.js';
import type { Area } from '../../../shared/api/associations.js';
import type { MapSettings, Observation } from '../../../shared/api/observations.js';
import type { Track } from '../../../shared/api/shifts.js';

export function ShiftMap({ shiftId }: { shiftId: string }) {
  const element = useRef<HTMLDivElement>(null);
  const [summary, setSummary] = useState<string | null>(null);
  const [items, setItems] = useState<Observation[]>([]);
  useEffect(() => {
    let destroy: (() => void) | undefined;
    let cancelled = false;
    void (async () => {
      try {
        const [{ createMap }, settings, areas, track, observations] = await Promise.all([
          import('../../map/leaflet-map.js'),
          remembered<MapSettings>('/api/map-settings'),
          remembered<Area[]>('/api/areas'),
          get<Track>(`/api/shifts/${shiftId}/track`),
          get<{ items: Observation[] }>(`/api/observations?shiftId=${shiftId}&limit=200`),
        ]);
        if (cancelled || !element.current) return;
        const map = createMap(element.current, settings, areas, () => undefined, { zoomIn: t('map.zoomIn'), zoomOut: t('map.zoomOut') });
        destroy = map.destroy;
        map.showMarkers(
          { total: observations.items.length, clustered: false, markers: observations.items.map((o) => ({ lat: o.lat, lng: o.lng, count: 1, id: o.id })) },
          t('map.open'),
        );
        map.showRoute(track.segments.map((s) => s.points.map((p) => [p.lat, p.lng] as [number, number])));
        const points = track.segments.reduce((n, s) => n + s.points.length, 0);
        setSummary(t('shiftMap.summary', { observations: observations.items.length, points }));
        setItems(observations.items);
      } catch {
        setSummary(t('map.unavailable'));
      }
    })();
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, [shiftId]);
  return (
    <section aria-labelledby="shift-map">
      <h2 id="shift-map">{t('shiftMap.title')}</h2>
      <p aria-live="polite">{summary}</p>
      <div ref={element} class="map" role="region" aria-label={t('shiftMap.title')} />
      {items.length > 0 && (
        <ul class="cards">
          {items.map((o) => (
            <ObservationCard key={o.id} o={o} />
          ))}
        </ul>
      )}
    </section>
  );
}
