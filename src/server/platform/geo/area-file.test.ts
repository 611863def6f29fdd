/**
 * District files made by GDAL (the library QGIS exports through) from a
 * municipal Shapefile in SWEREF 99 TM: see test/fixtures/gis/make.sh. Each
 * system reads to the same places in WGS 84, rings by RFC 7946's rule.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readAreaFile, type AreaFromFile } from './area-file.js';
import { AppError } from '../errors.js';

const fixture = (name: string) => JSON.parse(readFileSync(join(import.meta.dirname, '../../../../test/fixtures/gis', name), 'utf8')) as unknown;

/** Twice the signed area: positive when counter-clockwise. */
const signed = (ring: number[][]) => ring.slice(0, -1).reduce((s, p, i) => s + p[0]! * ring[i + 1]![1]! - ring[i + 1]![0]! * p[1]!, 0);
const polygonsOf = (a: AreaFromFile) => (a.geometry.type === 'Polygon' ? [a.geometry.coordinates] : a.geometry.coordinates) as number[][][][];
const faults = (doc: unknown, nameProperty?: string) => {
  try {
    readAreaFile(doc, nameProperty);
  } catch (err) {
    if (err instanceof AppError) return err.fields;
    throw err;
  }
  throw new Error('read without a fault');
};

describe('district files from GIS tools', () => {
  const files = [
    'stadsdelar-sweref99tm.geojson',
    'stadsdelar-sweref99-1800.geojson',
    'stadsdelar-rt90.geojson',
    'stadsdelar-qgis-crs84.geojson',
    'stadsdelar-rfc7946.geojson',
  ];
  it.each(files)('%s: three areas named from NAMN, where the source put them, outer rings counter-clockwise and holes clockwise', (file) => {
    const areas = readAreaFile(fixture(file), 'NAMN');
    expect(areas.map((a) => [a.name, a.geometry.type])).toEqual([
      ['Flemingsberg', 'Polygon'],
      ['Trångsund', 'MultiPolygon'],
      ['Sjödalen-Fullersta', 'Polygon'],
    ]);
    // The source's corners (source.csv, WGS 84) within a metre or so, whatever system the file was in.
    const corners = polygonsOf(areas[0]!)[0]![0]!.flat();
    const source = [17.93, 59.21, 17.93, 59.23, 17.965, 59.23, 17.965, 59.21].sort();
    expect(
      corners
        .slice(0, 8)
        .sort()
        .map((c, i) => Math.abs(c - source[i]!) < 2e-5),
    ).toEqual(Array(8).fill(true));
    for (const area of areas) {
      for (const [outer, ...holes] of polygonsOf(area)) {
        expect(signed(outer!), `${file} ${area.name} outer`).toBeGreaterThan(0);
        for (const hole of holes) expect(signed(hole), `${file} ${area.name} hole`).toBeLessThan(0);
      }
    }
    expect(polygonsOf(areas[0]!)[0]).toHaveLength(2);
    expect(polygonsOf(areas[1]!)).toHaveLength(2);
  });

  it('finds the name in name or namn by itself, in any case', () => {
    const doc = fixture('stadsdelar-qgis-crs84.geojson') as { features: { properties: Record<string, unknown> }[] };
    for (const f of doc.features) f.properties = { Namn: f.properties.NAMN, objectid: 7 };
    expect(readAreaFile(doc).map((a) => a.name)).toEqual(['Flemingsberg', 'Trångsund', 'Sjödalen-Fullersta']);
  });

  it('refuses the whole file, naming each feature and its fault', () => {
    const doc = fixture('stadsdelar-qgis-crs84.geojson') as { features: { properties: Record<string, unknown>; geometry: unknown }[] };
    doc.features[0]!.properties.NAMN = '';
    doc.features[1]!.geometry = { type: 'Point', coordinates: [17.9, 59.2] };
    const ring = [
      [17.9, 59.2],
      [17.95, 59.2],
      [17.95, 59.25],
    ];
    doc.features[2]!.geometry = { type: 'Polygon', coordinates: [[...ring, [17.9, 59.21]]] };
    expect(faults(doc, 'NAMN')).toEqual([
      { field: 'features.0.properties.NAMN', message: 'error.area.name' },
      { field: 'features.1.geometry', message: 'error.area.geometry' },
      { field: 'features.2.geometry', message: 'error.area.ring' },
    ]);
    expect(faults(doc, 'KOMMUNDEL')[0]).toEqual({ field: 'features.0.properties.KOMMUNDEL', message: 'error.area.name' });
  });

  it('refuses an unknown coordinate system, and metres in a file that names none', () => {
    const doc = fixture('stadsdelar-sweref99tm.geojson') as { crs?: unknown };
    expect(faults({ ...doc, crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::2400' } } })).toEqual([
      { field: 'crs', message: 'error.area.crs' },
    ]);
    delete doc.crs;
    expect(faults(doc, 'NAMN')[0]).toEqual({ field: 'crs', message: 'error.area.projected' });
    expect(faults({ type: 'Topology' })).toEqual([{ field: 'type', message: 'error.area.not_collection' }]);
    expect(faults({ type: 'FeatureCollection', features: [] })).toEqual([{ field: 'features', message: 'error.area.no_features' }]);
  });
});
