/** Moving the position by hand: the phone's fix is a guess, the crew knows where the thing is. */
import { useEffect, useRef } from 'preact/hooks';
import { remembered } from '../../offline/remembered.js';
import { t } from '../../i18n.js';
import type { Area } from '../../../shared/api/associations.js';
import type { MapSettings } from '../../../shared/api/observations.js';

export function PinMap({ lat, lng, zoom = 17, onMove }: { lat: number; lng: number; zoom?: number; onMove: (lat: number, lng: number) => void }) {
  const element = useRef<HTMLDivElement>(null);
  useEffect(() => {
    let destroy: (() => void) | undefined;
    let cancelled = false;
    void (async () => {
      // Offline the settings and areas may be out of reach: the pin still works on a plain background.
      const [{ createPinMap }, settings, areas] = await Promise.all([
        import('../../map/leaflet-map.js'),
        remembered<MapSettings>('/api/map-settings').catch(() => ({ tileUrl: null, attribution: '' })),
        remembered<Area[]>('/api/areas').catch(() => [] as Area[]),
      ]);
      if (cancelled || !element.current) return;
      destroy = createPinMap(element.current, settings, areas, [lat, lng], zoom, onMove, {
        zoomIn: t('map.zoomIn'),
        zoomOut: t('map.zoomOut'),
        pin: t('observe.pin'),
      }).destroy;
    })();
    return () => {
      cancelled = true;
      destroy?.();
    };
  }, []);
  return (
    <>
      <p class="hint">{t('observe.pinHelp')}</p>
      <div ref={element} class="map pin-map" role="region" aria-label={t('observe.pinMap')} />
    </>
  );
}
