/** Areas read from a district file over HTTP, as an admin uploads one exported from QGIS in SWEREF 99 TM. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { type TestApp, type TestAssociation, withTestAssociation } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { newId } from '../../platform/db/ids.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});
const file = (name: string) => readFileSync(join(import.meta.dirname, '../../../../test/fixtures/gis', name), 'utf8');
const upload = (body: string, query = '', type = 'application/geo+json') =>
  t.app.inject({ method: 'POST', url: `/api/areas/import${query}`, headers: { cookie: a.admin.cookie, 'content-type': type }, payload: body });

describe('importing a district file', () => {
  it('takes a SWEREF 99 TM file as QGIS writes it, names the areas by the chosen property, and places observations in them', async () => {
    const res = await upload(file('stadsdelar-sweref99tm.geojson'), '?nameProperty=NAMN');
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json().map((x: { name: string }) => x.name)).toEqual(['Flemingsberg', 'Trångsund', 'Sjödalen-Fullersta']);
    const served = (await call(t, a.admin.cookie, 'GET', '/api/areas')).json() as { name: string; geometry: { coordinates: number[][][] } }[];
    const flemingsberg = served.find((x) => x.name === 'Flemingsberg')!;
    expect(flemingsberg.geometry.coordinates[0]![0]![0]).toBeCloseTo(17.93, 4);
    // An observation in Flemingsberg (outside its hole) gets the area; one in the hole does not.
    const categoryId = (await call(t, a.admin.cookie, 'GET', '/api/observation-categories')).json()[0].id as string;
    const put = async (lat: number, lng: number) =>
      (
        await call(t, a.admin.cookie, 'PUT', `/api/observations/${newId()}`, { categoryId, urgency: 'note', lat, lng, observedAt: new Date().toISOString() })
      ).json().areaName as string | null;
    expect(await put(59.212, 17.933)).toBe('Flemingsberg');
    expect(await put(59.218, 17.948)).not.toBe('Flemingsberg');
  });

  it('refuses a file with a fault whole, naming the feature and the problem in the reader’s language', async () => {
    const before = (await call(t, a.admin.cookie, 'GET', '/api/areas')).json().length as number;
    const doc = JSON.parse(file('stadsdelar-rfc7946.geojson')) as { features: { properties: Record<string, unknown> }[] };
    doc.features[1]!.properties.NAMN = '';
    const res = await upload(JSON.stringify(doc), '?nameProperty=NAMN', 'application/json');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toEqual([{ field: 'features.1.properties.NAMN', message: 'Objektet har inget namn i den valda egenskapen (1–120 tecken).' }]);
    expect((await call(t, a.admin.cookie, 'GET', '/api/areas')).json()).toHaveLength(before);
    const broken = await upload('{"type": "FeatureCollection", "features": [');
    expect(broken.statusCode).toBe(400);
  });
});
