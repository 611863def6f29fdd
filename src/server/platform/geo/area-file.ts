/**
 * District files as GIS tools and open-data portals write them: a GeoJSON
 * FeatureCollection from QGIS or GDAL (`ogr2ogr`), with `name`, `crs` and
 * `bbox` members and any properties; polygons and multipolygons with holes,
 * in WGS 84 or in the Swedish grids municipalities publish in (SWEREF 99 TM,
 * the local SWEREF 99 zones, RT90), reprojected to WGS 84 here. Rings are
 * returned by RFC 7946's right-hand rule: outer rings counter-clockwise,
 * holes clockwise. A file with any fault is refused whole, each fault named
 * by its feature.
 */
import proj4 from 'proj4';
import { AppError, type FieldError } from '../errors.js';

type Position = [number, number];
type Ring = Position[];
export interface AreaGeometry {
  type: 'Polygon' | 'MultiPolygon';
  coordinates: Ring[] | Ring[][];
}
export interface AreaFromFile {
  name: string;
  geometry: AreaGeometry;
}

const WGS84 = 'EPSG:4326';
/** SWEREF 99's local zones (EPSG:3007–3018): transverse Mercator on these central meridians, 150 km false easting. */
const swerefZones: Record<number, number> = {
  3007: 12,
  3008: 13.5,
  3009: 15,
  3010: 16.5,
  3011: 18,
  3012: 14.25,
  3013: 15.75,
  3014: 17.25,
  3015: 18.75,
  3016: 20.25,
  3017: 21.75,
  3018: 23.25,
};
const projections: Record<number, string> = {
  3006: '+proj=utm +zone=33 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs',
  // RT90 2.5 gon V, the national grid before SWEREF 99, with Lantmäteriet's transformation to WGS 84.
  3021: '+proj=tmerc +lat_0=0 +lon_0=15.80827777777778 +k=1 +x_0=1500000 +y_0=0 +ellps=bessel +towgs84=414.1,41.3,603.1,-0.855,2.141,-7.023,0 +units=m +no_defs',
  3857: '+proj=merc +a=6378137 +b=6378137 +lat_ts=0 +lon_0=0 +x_0=0 +y_0=0 +k=1 +units=m +nadgrids=@null +no_defs',
  ...Object.fromEntries(
    Object.entries(swerefZones).map(([code, meridian]) => [
      Number(code),
      `+proj=tmerc +lat_0=0 +lon_0=${meridian} +k=1 +x_0=150000 +y_0=0 +ellps=GRS80 +towgs84=0,0,0,0,0,0,0 +units=m +no_defs`,
    ]),
  ),
};
/** Geographic systems whose coordinates are WGS 84 longitude and latitude within a metre (ETRS89, SWEREF 99 geographic). */
const geographic = new Set([4326, 4258, 4619]);

/**
 * The EPSG code of a GeoJSON 2008 `crs` member: `{ type: 'name', properties: { name } }` with
 * `urn:ogc:def:crs:OGC:1.3:CRS84`, `urn:ogc:def:crs:EPSG::3006` or `EPSG:3006`, or the older
 * `{ type: 'EPSG', properties: { code } }`. No member: RFC 7946's WGS 84.
 */
function crsOf(crs: unknown): number | null {
  if (crs === undefined || crs === null) return 4326;
  const c = crs as { type?: unknown; properties?: { name?: unknown; code?: unknown } };
  if (c.type === 'EPSG' && c.properties?.code !== undefined) return Number(c.properties.code);
  const name = typeof c.properties?.name === 'string' ? c.properties.name.trim() : '';
  if (/CRS84$/i.test(name)) return 4326;
  const epsg = /EPSG:(?::|[\d.]*:)?(\d{4,5})$/i.exec(name);
  return epsg ? Number(epsg[1]) : null;
}

/** The property that names the areas: the one asked for, else the usual ones in either language. */
const NAME_PROPERTIES = ['name', 'namn', 'omrade', 'område', 'distrikt', 'district', 'label', 'benamning', 'benämning'];

function nameOf(properties: Record<string, unknown>, wanted: string | undefined): { key: string; value: string | null } {
  const keys = Object.keys(properties);
  const pick = (k: string) => keys.find((key) => key === k) ?? keys.find((key) => key.toLowerCase() === k.toLowerCase());
  const key = wanted !== undefined ? pick(wanted) : NAME_PROPERTIES.map(pick).find((k) => k !== undefined);
  const raw = key === undefined ? undefined : properties[key];
  const value = typeof raw === 'string' || typeof raw === 'number' ? String(raw).trim() : '';
  return { key: key ?? wanted ?? 'name', value: value.length >= 1 && value.length <= 120 ? value : null };
}

/** Twice the signed area of a ring in the plane of its coordinates: positive when counter-clockwise. */
function signedArea(ring: Ring): number {
  let sum = 0;
  for (let i = 0; i < ring.length - 1; i++) sum += ring[i]![0] * ring[i + 1]![1] - ring[i + 1]![0] * ring[i]![1];
  return sum;
}

/** RFC 7946, 3.1.6: the outer ring counter-clockwise, holes clockwise. */
function rewind(polygon: Ring[]): Ring[] {
  return polygon.map((ring, i) => {
    const ccw = signedArea(ring) > 0;
    return (i === 0) === ccw ? ring : [...ring].reverse();
  });
}

const MAX_FEATURES = 500;
const MAX_POSITIONS = 250_000;
const MAX_ERRORS = 20;

/** Reads a district file; throws a validation error naming every fault (up to 20) and takes nothing if there is one. */
export function readAreaFile(doc: unknown, nameProperty?: string): AreaFromFile[] {
  const d = doc as { type?: unknown; features?: unknown; crs?: unknown } | null;
  const features: unknown[] | null = d?.type === 'FeatureCollection' && Array.isArray(d.features) ? d.features : d?.type === 'Feature' ? [d] : null;
  if (!features) throw new AppError('validation', [{ field: 'type', message: 'error.area.not_collection' }]);
  if (features.length === 0) throw new AppError('validation', [{ field: 'features', message: 'error.area.no_features' }]);
  if (features.length > MAX_FEATURES) throw new AppError('validation', [{ field: 'features', message: 'error.area.too_many' }]);
  const code = crsOf(d?.crs);
  if (code === null || (!geographic.has(code) && !projections[code])) throw new AppError('validation', [{ field: 'crs', message: 'error.area.crs' }]);
  const toWgs84 = geographic.has(code) ? null : proj4(projections[code]!, WGS84);

  const errors: FieldError[] = [];
  const fail = (field: string, message: FieldError['message']) => {
    if (errors.length < MAX_ERRORS) errors.push({ field, message });
  };
  let positions = 0;
  const out: AreaFromFile[] = [];
  features.forEach((raw, i) => {
    const f = raw as { type?: unknown; properties?: unknown; geometry?: { type?: unknown; coordinates?: unknown } | null } | null;
    const at = `features.${i}`;
    if (f?.type !== 'Feature') return fail(at, 'error.area.not_feature');
    const properties = f.properties && typeof f.properties === 'object' ? (f.properties as Record<string, unknown>) : {};
    const name = nameOf(properties, nameProperty);
    if (name.value === null) fail(`${at}.properties.${name.key}`, 'error.area.name');
    const g = f.geometry;
    if (!g || (g.type !== 'Polygon' && g.type !== 'MultiPolygon') || !Array.isArray(g.coordinates) || g.coordinates.length === 0)
      return fail(`${at}.geometry`, 'error.area.geometry');
    const polygons = (g.type === 'Polygon' ? [g.coordinates] : g.coordinates) as unknown[];
    const read: Ring[][] = [];
    for (const polygon of polygons) {
      if (!Array.isArray(polygon) || polygon.length === 0) return fail(`${at}.geometry`, 'error.area.geometry');
      const rings: Ring[] = [];
      for (const ring of polygon as unknown[]) {
        if (!Array.isArray(ring) || ring.length < 4) return fail(`${at}.geometry`, 'error.area.ring');
        positions += ring.length;
        if (positions > MAX_POSITIONS) return fail(`${at}.geometry`, 'error.area.too_detailed');
        const points: Ring = [];
        for (const p of ring as unknown[]) {
          if (!Array.isArray(p) || p.length < 2 || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) return fail(`${at}.geometry`, 'error.area.position');
          const [x, y] = toWgs84 ? toWgs84.forward([p[0] as number, p[1] as number]) : [p[0] as number, p[1] as number];
          // Metres in a file that says nothing of its system: the coordinates are not longitude and latitude.
          if (!Number.isFinite(x) || !Number.isFinite(y) || Math.abs(x!) > 180 || Math.abs(y!) > 90)
            return fail(toWgs84 ? `${at}.geometry` : 'crs', toWgs84 ? 'error.area.position' : 'error.area.projected');
          // Six decimals: about 10 cm, finer than any district boundary.
          points.push([Math.round(x! * 1e6) / 1e6, Math.round(y! * 1e6) / 1e6]);
        }
        const [first, last] = [points[0]!, points.at(-1)!];
        if (first[0] !== last[0] || first[1] !== last[1]) return fail(`${at}.geometry`, 'error.area.ring');
        rings.push(points);
      }
      read.push(rewind(rings));
    }
    if (name.value !== null)
      out.push({
        name: name.value,
        geometry: g.type === 'Polygon' ? { type: 'Polygon', coordinates: read[0]! } : { type: 'MultiPolygon', coordinates: read },
      });
  });
  if (errors.length) throw new AppError('validation', errors);
  return out;
}
