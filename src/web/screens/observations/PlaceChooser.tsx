/**
 * Where it was, when the phone gives no position or a poor one: search an
 * address or an area by name (the geocoder when configured, the association's
 * areas and the addresses crews have reported before), or put the pin on the
 * map. The search is the way for those who cannot drag a pin.
 */
import { useState } from 'preact/hooks';
import { get } from '../../api.js';
import { remembered } from '../../offline/remembered.js';
import { t } from '../../i18n.js';
import { middleOf, type Geometry } from '../../../shared/domain/geo.js';
import type { Area } from '../../../shared/api/associations.js';
import type { PlaceHit } from '../../../shared/api/observations.js';
import { PinMap } from './PinMap.js';

const LAST_FIX = 'grannstod.lastFix';

/** Remembers where the phone last knew it was: the map opens there the next time there is no fix. */
export function rememberFix(lat: number, lng: number): void {
  localStorage.setItem(LAST_FIX, JSON.stringify({ lat, lng }));
}

/** Where the pin starts: the last known position, else the middle of the association's first area, else Sweden. */
async function startPoint(): Promise<{ lat: number; lng: number; zoom: number }> {
  const last = localStorage.getItem(LAST_FIX);
  if (last) return { ...(JSON.parse(last) as { lat: number; lng: number }), zoom: 16 };
  const areas = await remembered<Area[]>('/api/areas').catch(() => [] as Area[]);
  const middle = areas.length > 0 ? middleOf(areas[0]!.geometry as Geometry) : null;
  return middle ? { ...middle, zoom: 14 } : { lat: 59.33, lng: 18.07, zoom: 6 };
}

type Search = { state: 'idle' } | { state: 'searching' } | { state: 'done'; hits: PlaceHit[] } | { state: 'offline' };

interface Props {
  onPlace: (lat: number, lng: number, label: string | null) => void;
  /** Ask the phone for a fix again (out of the garage, location turned on). */
  onRetry: () => void;
}

export function PlaceChooser({ onPlace, onRetry }: Props) {
  const [q, setQ] = useState('');
  const [search, setSearch] = useState<Search>({ state: 'idle' });
  const [map, setMap] = useState<{ lat: number; lng: number; zoom: number } | null>(null);

  const find = async (e: Event) => {
    e.preventDefault();
    if (q.trim().length < 2) return;
    setSearch({ state: 'searching' });
    try {
      setSearch({ state: 'done', hits: await get<PlaceHit[]>(`/api/places?q=${encodeURIComponent(q.trim())}`) });
    } catch {
      setSearch({ state: 'offline' });
    }
  };

  return (
    <div class="place-chooser">
      {/* A form of its own inside the capture form is not allowed; the search is a group with its own button. */}
      <div class="field" role="search">
        <label for="field-place">{t('observe.searchPlace')}</label>
        <div class="search-row">
          <input
            id="field-place"
            type="search"
            autoComplete="street-address"
            value={q}
            onInput={(e) => setQ((e.target as HTMLInputElement).value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter') void find(e);
            }}
          />
          <button type="button" class="secondary" onClick={(e) => void find(e)}>
            {t('observe.search')}
          </button>
        </div>
      </div>
      <div aria-live="polite">
        {search.state === 'searching' && <p>{t('app.loading')}</p>}
        {search.state === 'offline' && <p>{t('observe.searchOffline')}</p>}
        {search.state === 'done' && search.hits.length === 0 && <p>{t('observe.searchNone')}</p>}
        {search.state === 'done' && search.hits.length > 0 && (
          <ul class="place-hits" aria-label={t('observe.placeHits')}>
            {search.hits.map((h) => (
              <li key={`${h.source}:${h.label}`}>
                <button type="button" class="secondary" onClick={() => onPlace(h.lat, h.lng, h.label)}>
                  {h.label}
                </button>
              </li>
            ))}
          </ul>
        )}
      </div>
      <button type="button" class="secondary" onClick={onRetry}>
        {t('observe.locateAgain')}
      </button>
      {!map ? (
        <button type="button" class="secondary" onClick={() => void startPoint().then(setMap)}>
          {t('observe.choosePlace')}
        </button>
      ) : (
        <PinMap lat={map.lat} lng={map.lng} zoom={map.zoom} onMove={(lat, lng) => onPlace(lat, lng, null)} />
      )}
    </div>
  );
}
