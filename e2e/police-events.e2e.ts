/**
 * Polisen's events on the map, as their own layer: a member turns it on and
 * reads the events with the warning that their place is only the
 * municipality's centre. The events are the recorded answer of the API.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { audit, openBrowser, SCREENS, startServer, type Browser, type E2EServer } from './support.js';
import { seedAssociation, seedMember } from '../src/server/demo/seed.js';
import { parseEvents } from '../src/server/features/police-events/police-api.js';
import { storeEvents } from '../src/server/features/police-events/police-events.repository.js';

let server: E2EServer;
let browser: Browser;
const PASSWORD = 'a-long-e2e-password';

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  server = await startServer();
  const associationId = await seedAssociation(server.ctx, { name: 'Grannstöd Huddinge', municipality: 'Huddinge' });
  await seedMember(server.ctx, associationId, { name: 'Vera Volontär', email: 'vera@example.se', roles: ['volunteer'], password: PASSWORD });
  // Recorded three days before "now", so the default 30 days cover them.
  const events = parseEvents(JSON.parse(readFileSync('test/fixtures/polisen-events-huddinge.json', 'utf8')), 'https://polisen.se').map((e) => ({
    ...e,
    occurredAt: new Date(Date.now() - 3 * 86_400_000).toISOString(),
  }));
  await storeEvents(server.ctx.db, events, new Date().toISOString());
  browser = await openBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

describe('police events on the map', () => {
  it('shows them as a layer of their own, with the warning about their position, and as a list', async () => {
    const page = browser.page;
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('E-postadress').fill('vera@example.se');
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hej /);
    await page.goto(`${server.url}/observations/map`);
    await page.getByLabel('Visa polisens händelser i kommunen').check();
    await expect.poll(() => page.getByText('alla händelser visas i mitten av Huddinge').count()).toBe(1);
    await expect.poll(() => page.locator('#police-heading + * ~ ul .card').count()).toBe(4);
    await expect.poll(() => page.locator('.police-events').textContent()).toBe('4');
    expect(await page.getByRole('link', { name: 'Läs hos Polisen' }).first().getAttribute('href')).toMatch(/^https:\/\/polisen\.se\/aktuellt\/handelser\//);
    await audit(page, 'map-police-events');
  });
});
