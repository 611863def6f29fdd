/**
 * Names people type (an area) reach the map as text: Leaflet reads a tooltip
 * string as HTML, so an area named like markup must show that markup as
 * letters and run nothing.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openBrowser, startServer, type Browser, type E2EServer } from './support.js';
import { seedAssociation, seedMember } from '../src/server/demo/seed.js';
import { insertArea } from '../src/server/features/associations/associations.repository.js';
import { districtPolygon } from '../src/server/demo/huddinge.js';

const NAME = 'Flemingsberg <img src=x onerror="window.__hacked=1"><b>fet</b>';
let server: E2EServer;
let phone: Browser;

beforeAll(async () => {
  server = await startServer({ MAP_TILE_URL: 'none' });
  const associationId = await seedAssociation(server.ctx, { name: 'Grannstöd Huddinge', municipality: 'Huddinge' });
  await insertArea(server.ctx.db, associationId, { name: NAME, geometry: districtPolygon(59.219, 17.947), now: new Date().toISOString() });
  await seedMember(server.ctx, associationId, { name: 'Karta Karlsson', email: 'karta@example.se', password: 'a-long-e2e-password', roles: ['volunteer'] });
  phone = await openBrowser();
});
afterAll(async () => {
  await phone?.close();
  await server?.close();
});

describe('the map', () => {
  it('shows an area’s name as text, whatever it holds', async () => {
    const { page } = phone;
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('E-postadress').fill('karta@example.se');
    await page.getByLabel('Lösenord').fill('a-long-e2e-password');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hej Karta!');
    await page.goto(`${server.url}/observations/map`);
    await expect.poll(() => page.locator('path.leaflet-interactive').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    // The map fits the area, so its middle lies inside it: hovering there opens the tooltip.
    const box = (await page.locator('.leaflet-container').boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await page.mouse.move(box.x + box.width / 2 + 3, box.y + box.height / 2 + 3);
    await expect.poll(() => page.locator('.leaflet-tooltip').count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator('.leaflet-tooltip').textContent()).toBe(NAME);
    expect(await page.locator('.leaflet-tooltip img, .leaflet-tooltip b').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __hacked?: number }).__hacked)).toBeUndefined();
  });
});
