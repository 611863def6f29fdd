/** Small geometry for naming a position by the association's areas (GeoJSON, [lng, lat] order). */
export type Position = [number, number];
export interface Geometry {
  type: string;
  coordinates: unknown;
}

/** Ray casting over one ring. */
function inRing(lng: number, lat: number, ring: Position[]): boolean {
  let inside = false;
  for (let i = 0, j = ring.length - 1; i < ring.length; j = i++) {
    const [xi, yi] = ring[i]!;
    const [xj, yj] = ring[j]!;
    if (yi > lat !== yj > lat && lng < ((xj - xi) * (lat - yi)) / (yj - yi) + xi) inside = !inside;
  }
  return inside;
}

function polygons(g: Geometry): Position[][][] {
  if (g.type === 'Polygon') return [g.coordinates as Position[][]];
  if (g.type === 'MultiPolygon') return g.coordinates as Position[][][];
  return [];
}

/** Inside the outer ring and outside every hole, of any of the geometry's polygons. */
export function contains(g: Geometry, lat: number, lng: number): boolean {
  return polygons(g).some(([outer, ...holes]) => outer !== undefined && inRing(lng, lat, outer) && !holes.some((h) => inRing(lng, lat, h)));
}

/** Great-circle distance in km. */
export function distanceKm(aLat: number, aLng: number, bLat: number, bLng: number): number {
  const rad = Math.PI / 180;
  const dLat = (bLat - aLat) * rad;
  const dLng = (bLng - aLng) * rad;
  const h = Math.sin(dLat / 2) ** 2 + Math.cos(aLat * rad) * Math.cos(bLat * rad) * Math.sin(dLng / 2) ** 2;
  return 2 * 6371 * Math.asin(Math.sqrt(h));
}

/** Distance in km from a point to the nearest vertex of a geometry (enough to tell "in the municipality" from "another country"). */
export function distanceToGeometryKm(g: Geometry, lat: number, lng: number): number {
  let best = Infinity;
  for (const polygon of polygons(g)) for (const ring of polygon) for (const [x, y] of ring) best = Math.min(best, distanceKm(lat, lng, y, x));
  return best;
}

/** A point to put a pin at for an area: the middle of its largest polygon's outer ring (vertex average; areas are districts, not crescents). */
export function middleOf(g: Geometry): { lat: number; lng: number } | null {
  const outers = polygons(g)
    .map(([outer]) => outer ?? [])
    .filter((r) => r.length > 0)
    .sort((a, b) => b.length - a.length);
  const ring = outers[0];
  if (!ring) return null;
  const points = ring.length > 1 && ring[0]![0] === ring.at(-1)![0] && ring[0]![1] === ring.at(-1)![1] ? ring.slice(0, -1) : ring;
  return { lng: points.reduce((s, p) => s + p[0], 0) / points.length, lat: points.reduce((s, p) => s + p[1], 0) / points.length };
}
