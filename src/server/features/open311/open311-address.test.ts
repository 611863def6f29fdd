/**
 * Open311 requests placed by address_string alone, as the spec allows: found
 * by the geocoder when one is configured (a loopback server answering in
 * Nominatim's recorded jsonv2 format), else kept, unrouted, for a coordinator
 * to place on the map, and routed once placed.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, addMember, createTestApp, type TestApp, type TestAssociation, type TestMember } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { districtPolygon } from '../../demo/huddinge.js';
import { routePending } from '../reports/routing-sweep.js';

const recorded = readFileSync('test/fixtures/nominatim-search-skogas.json', 'utf8');
let nominatim: Server;
const searched: string[] = [];

async function setUp(env: Record<string, string>) {
  const t = await createTestApp(env);
  const a = await addAssociation(t, 'Grannstöd Skogås');
  const coordinator = await addMember(t, a.associationId, ['volunteer', 'coordinator']);
  await call(t, a.admin.cookie, 'POST', '/api/areas', { name: 'Skogås', geometry: districtPolygon(59.218, 18.155) });
  const recipient = (
    await call(t, a.admin.cookie, 'POST', '/api/recipients', { name: 'Huddinge kommun', kind: 'municipality', channel: 'manual', manualInstructions: 'Ring' })
  ).json();
  await call(t, a.admin.cookie, 'POST', '/api/routing-rules', { recipientId: recipient.id });
  const key = (await call(t, a.admin.cookie, 'POST', '/api/open311-keys', { name: 'Kommunens felanmälan' })).json().key as string;
  return { t, a, coordinator, key };
}
const submit = (t: TestApp, key: string, form: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: '/open311/v2/requests.json',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams({ api_key: key, service_code: 'dumping', description: 'Soffa dumpad', ...form }).toString(),
  });

beforeAll(async () => {
  nominatim = createServer((req, res) => {
    searched.push(decodeURIComponent(new URL(req.url!, 'http://x').searchParams.get('q') ?? ''));
    res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(recorded);
  });
  await new Promise<void>((resolve) => nominatim.listen(0, '127.0.0.1', resolve));
});
afterAll(() => new Promise((resolve) => nominatim.close(resolve)));

describe('a request placed by its address alone', () => {
  let withGeocoder: { t: TestApp; a: TestAssociation; coordinator: TestMember; key: string };
  let without: typeof withGeocoder;
  beforeAll(async () => {
    const port = (nominatim.address() as AddressInfo).port;
    withGeocoder = await setUp({ GEOCODER_SEARCH_URL: `http://127.0.0.1:${port}/search?format=jsonv2&limit=1&q={q}` });
    without = await setUp({});
  });
  afterAll(async () => {
    await withGeocoder.t.close();
    await without.t.close();
  });

  it('is placed by the geocoder, in the association’s municipality, and routed', async () => {
    const { t, coordinator, key } = withGeocoder;
    const res = await submit(t, key, { address_string: 'Skogåsvägen 1' });
    expect(res.statusCode, res.body).toBe(201);
    expect(searched.at(-1)).toBe('Skogåsvägen 1, Huddinge');
    const id = res.json()[0].service_request_id as string;
    const o = (await call(t, coordinator.cookie, 'GET', `/api/observations/${id}`)).json();
    expect(o).toMatchObject({ lat: 59.2181236, lng: 18.1553072, areaName: 'Skogås', needsPlacing: false, address: 'Skogåsvägen 1' });
    await routePending(t.ctx);
    expect((await call(t, coordinator.cookie, 'GET', `/api/action-items?observationId=${id}`)).json()).toHaveLength(1);
  });

  it('without a geocoder waits for a coordinator to place it, and is routed once placed', async () => {
    const { t, coordinator, key } = without;
    const res = await submit(t, key, { address_string: 'Skogåsvägen 1' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()[0].service_notice).toMatch(/by hand/);
    const id = res.json()[0].service_request_id as string;
    expect((await call(t, coordinator.cookie, 'GET', `/api/observations/${id}`)).json()).toMatchObject({ needsPlacing: true, areaId: null });
    await routePending(t.ctx);
    expect((await call(t, coordinator.cookie, 'GET', `/api/action-items?observationId=${id}`)).json()).toEqual([]);
    const placed = await call(t, coordinator.cookie, 'PATCH', `/api/observations/${id}`, { lat: 59.2181, lng: 18.1553 });
    expect(placed.json()).toMatchObject({ needsPlacing: false, areaName: 'Skogås' });
    await routePending(t.ctx);
    expect((await call(t, coordinator.cookie, 'GET', `/api/action-items?observationId=${id}`)).json()).toHaveLength(1);
  });

  it('still needs a position or an address', async () => {
    const res = await submit(without.t, without.key, {});
    expect(res.statusCode).toBe(400);
    expect(res.json()).toEqual([{ code: 400, description: 'lat and long are required, or an address_string to place the request by' }]);
  });
});
