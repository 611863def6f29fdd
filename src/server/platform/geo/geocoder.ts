/**
 * Street addresses for positions, from a configurable reverse geocoder that
 * speaks Nominatim's jsonv2 (OpenStreetMap's own, or one run locally). Asked
 * only while online, never on the upload path; a slow or failing geocoder
 * means no address, never a failed request. Answers are kept in memory by
 * position rounded to about ten metres, so a patrol does not ask twice.
 */
export interface Geocoder {
  reverse(lat: number, lng: number): Promise<string | null>;
  /** The position of an address, when a search URL is configured and it finds one. */
  search(address: string): Promise<{ lat: number; lng: number } | null>;
}

/** One hit of Nominatim's /search in jsonv2 (coordinates as strings). */
interface NominatimHit {
  lat?: string;
  lon?: string;
}

interface NominatimReverse {
  address?: {
    road?: string;
    pedestrian?: string;
    footway?: string;
    house_number?: string;
    suburb?: string;
    village?: string;
    city_district?: string;
    town?: string;
    city?: string;
    municipality?: string;
  };
}

/** "Storängsvägen 12, Stuvsta": the street and number, then the nearest named place. */
export function formatAddress(answer: NominatimReverse): string | null {
  const a = answer.address;
  if (!a) return null;
  const street = a.road ?? a.pedestrian ?? a.footway;
  const place = a.suburb ?? a.village ?? a.city_district ?? a.town ?? a.city ?? a.municipality;
  const first = street ? [street, a.house_number].filter(Boolean).join(' ') : null;
  return [first, place].filter(Boolean).join(', ') || null;
}

const CACHE_SIZE = 5000;

export function nominatimGeocoder(urlTemplate: string | null, userAgent: string, timeoutMs = 3000, searchTemplate: string | null = null): Geocoder {
  const cache = new Map<string, string | null>();
  return {
    async search(address) {
      if (!searchTemplate) return null;
      try {
        const url = searchTemplate.replace('{q}', encodeURIComponent(address));
        const res = await fetch(url, { headers: { 'user-agent': userAgent, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
        if (!res.ok) return null;
        const [hit] = (await res.json()) as NominatimHit[];
        const lat = Number(hit?.lat);
        const lng = Number(hit?.lon);
        return hit && Number.isFinite(lat) && Number.isFinite(lng) && Math.abs(lat) <= 90 && Math.abs(lng) <= 180 ? { lat, lng } : null;
      } catch {
        return null;
      }
    },
    async reverse(lat, lng) {
      if (!urlTemplate) return null;
      const key = `${lat.toFixed(4)},${lng.toFixed(4)}`;
      if (cache.has(key)) return cache.get(key)!;
      const url = urlTemplate.replace('{lat}', lat.toFixed(6)).replace('{lng}', lng.toFixed(6));
      let address: string | null = null;
      try {
        const res = await fetch(url, { headers: { 'user-agent': userAgent, accept: 'application/json' }, signal: AbortSignal.timeout(timeoutMs) });
        if (res.ok) address = formatAddress((await res.json()) as NominatimReverse);
        // A refusal or an error is not remembered: the next patrol may ask again.
        else return null;
      } catch {
        return null;
      }
      if (cache.size >= CACHE_SIZE) cache.delete(cache.keys().next().value!);
      cache.set(key, address);
      return address;
    },
  };
}
