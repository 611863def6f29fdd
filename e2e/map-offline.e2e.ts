/**
 * The map of the area last seen works offline: tiles from the configured tile
 * server (a stand-in on loopback, serving one recorded 256 px PNG) are kept by
 * the service worker, and a reload without a connection draws them again
 * without asking the tile server.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, startServer, type Browser, type E2EServer } from './support.js';
import { seedAssociation, seedMember } from '../src/server/demo/seed.js';
import { insertArea } from '../src/server/features/associations/associations.repository.js';
import { districtPolygon } from '../src/server/demo/huddinge.js';

let tiles: Server;
let tileRequests = 0;
let server: E2EServer;
let phone: Browser;

beforeAll(async () => {
  const tile = await sharp({ create: { width: 256, height: 256, channels: 3, background: '#cfe3c8' } })
    .png()
    .toBuffer();
  tiles = createServer((req, res) => {
    tileRequests += 1;
    if (!/^\/\d+\/\d+\/\d+\.png$/.test(req.url ?? '')) return void res.writeHead(404).end();
    res.writeHead(200, { 'content-type': 'image/png', 'access-control-allow-origin': '*' }).end(tile);
  });
  await new Promise<void>((resolve) => tiles.listen(0, '127.0.0.1', resolve));
  const tilePort = (tiles.address() as AddressInfo).port;
  server = await startServer({ MAP_TILE_URL: `http://127.0.0.1:${tilePort}/{z}/{x}/{y}.png`, MAP_TILE_ATTRIBUTION: 'Testkartan' });
  const associationId = await seedAssociation(server.ctx, { name: 'Grannstöd Huddinge', municipality: 'Huddinge' });
  await insertArea(server.ctx.db, associationId, { name: 'Flemingsberg', geometry: districtPolygon(59.219, 17.947), now: new Date().toISOString() });
  await seedMember(server.ctx, associationId, { name: 'Karta Karlsson', email: 'karta@example.se', password: 'a-long-e2e-password', roles: ['volunteer'] });
  phone = await openBrowser({ serviceWorkers: true });
});
afterAll(async () => {
  await phone?.close();
  await server?.close();
  await new Promise<void>((resolve) => tiles.close(() => resolve()));
});

const loadedTiles = (b: Browser) => b.page.locator('img.leaflet-tile-loaded').count();

describe('the map offline', () => {
  it('draws the tiles of the area last seen without a connection', async () => {
    const { page, context } = phone;
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('E-postadress').fill('karta@example.se');
    await page.getByLabel('Lösenord').fill('a-long-e2e-password');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hej Karta!');
    await page.goto(`${server.url}/observations/map`);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first visit installs the worker; from the next it sees (and keeps) the tiles.
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await expect.poll(() => loadedTiles(phone)).toBeGreaterThan(0);
    expect(await page.getByText('Testkartan').count()).toBe(1);
    await page.waitForTimeout(500);
    const asked = tileRequests;

    await context.setOffline(true);
    try {
      await page.reload();
      await expect.poll(() => page.locator('.map').count()).toBe(1);
      await expect.poll(() => loadedTiles(phone)).toBeGreaterThan(0);
      expect(tileRequests).toBe(asked);
    } finally {
      await context.setOffline(false);
    }
  });
});
