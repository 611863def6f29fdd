/** The reverse geocoder against a stand-in on loopback that answers with a recorded Nominatim jsonv2 reply. */
import { createServer, type Server } from 'node:http';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { formatAddress, nominatimGeocoder } from './geocoder.js';
import { createTestApp, addAssociation, type TestApp } from '../../../../test/app.js';

const recorded = readFileSync('test/fixtures/nominatim-reverse-stuvsta.json', 'utf8');
let server: Server;
let base = '';
const seen: { url: string; userAgent: string | undefined }[] = [];
let mode: 'ok' | 'error' | 'slow' = 'ok';

beforeAll(async () => {
  server = createServer((req, res) => {
    seen.push({ url: req.url!, userAgent: req.headers['user-agent'] });
    if (mode === 'error') return void res.writeHead(500).end('oops');
    if (mode === 'slow') return void setTimeout(() => res.writeHead(200, { 'content-type': 'application/json' }).end(recorded), 500);
    res.writeHead(200, { 'content-type': 'application/json' }).end(recorded);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('reverse geocoding', () => {
  it('names the street, number and district, asks with a User-Agent, and asks once per place', async () => {
    const geocoder = nominatimGeocoder(`${base}/reverse?format=jsonv2&lat={lat}&lon={lng}`, 'Grannstod/1 (+test)');
    mode = 'ok';
    seen.length = 0;
    expect(await geocoder.reverse(59.25361, 17.9912)).toBe('Storängsvägen 12, Stuvsta');
    expect(await geocoder.reverse(59.25362, 17.99121)).toBe('Storängsvägen 12, Stuvsta');
    expect(seen).toEqual([{ url: '/reverse?format=jsonv2&lat=59.253610&lon=17.991200', userAgent: 'Grannstod/1 (+test)' }]);
  });

  it('gives no address, rather than an error, when the geocoder fails or is slow', async () => {
    const geocoder = nominatimGeocoder(`${base}/reverse?lat={lat}&lon={lng}`, 'test', 200);
    mode = 'error';
    expect(await geocoder.reverse(59.1, 17.1)).toBeNull();
    mode = 'slow';
    expect(await geocoder.reverse(59.2, 17.2)).toBeNull();
    expect(await nominatimGeocoder(null, 'test').reverse(59.2, 17.2)).toBeNull();
  });

  it('formats what Nominatim gives', () => {
    expect(formatAddress({ address: { pedestrian: 'Gångvägen', suburb: 'Flemingsberg' } })).toBe('Gångvägen, Flemingsberg');
    expect(formatAddress({ address: { municipality: 'Huddinge kommun' } })).toBe('Huddinge kommun');
    expect(formatAddress({})).toBeNull();
  });
});

describe('GET /api/geocode/reverse', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ GEOCODER_URL: `${base}/reverse?format=jsonv2&lat={lat}&lon={lng}` });
  });
  afterAll(() => t.close());

  it('answers a signed-in member with the address', async () => {
    mode = 'ok';
    const a = await addAssociation(t);
    const res = await t.app.inject({ method: 'GET', url: '/api/geocode/reverse?lat=59.2536&lng=17.9912', headers: { cookie: a.admin.cookie } });
    expect(res.json()).toEqual({ address: 'Storängsvägen 12, Stuvsta' });
    expect((await t.app.inject({ method: 'GET', url: '/api/geocode/reverse?lat=99&lng=17.9912', headers: { cookie: a.admin.cookie } })).statusCode).toBe(400);
  });
});
