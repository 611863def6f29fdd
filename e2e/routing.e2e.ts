/**
 * An admin sets up where action items go, in the browser: adds a recipient and
 * a rule, tries the rules on the map, draws an area and imports another from a
 * GeoJSON file, and issues a key for a partner system that then works at the
 * Open311 endpoint. Every screen passes the accessibility audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { audit, openBrowser, SCREENS, startServer, type Browser, type E2EServer } from './support.js';
import { seedAssociation, seedMember } from '../src/server/demo/seed.js';

let server: E2EServer;
let browser: Browser;
let associationId: string;
const PASSWORD = 'a-long-e2e-password';
const ADMIN = { name: 'Anna Admin', email: 'anna@example.se' };

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  server = await startServer();
  associationId = await seedAssociation(server.ctx, { name: 'Grannstöd Huddinge', municipality: 'Huddinge' });
  await seedMember(server.ctx, associationId, { ...ADMIN, roles: ['volunteer', 'coordinator', 'admin'], password: PASSWORD });
  browser = await openBrowser();
});

let signedIn = false;
/** The admin's page, signed in on first use (expect.poll works only inside a test). */
async function adminPage() {
  const page = browser.page;
  if (!signedIn) {
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('E-postadress').fill(ADMIN.email);
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hej /);
    signedIn = true;
  }
  return page;
}
afterAll(async () => {
  await browser?.close();
  await server?.close();
});

/** Opens a folded form by its summary, unless it is open already. */
async function unfold(page: Awaited<ReturnType<typeof adminPage>>, summary: string) {
  const details = page.locator('details.add', { has: page.locator('summary', { hasText: summary }) });
  if ((await details.getAttribute('open')) === null) await details.locator('summary').click();
}
const areaNames = async () => (await server.ctx.db.selectFrom('areas').select('name').where('association_id', '=', associationId).execute()).map((a) => a.name);

describe('recipients and rules in the app', () => {
  it('adds a recipient and a rule, and the rules answer where an observation would go', async () => {
    const page = await adminPage();
    await page.goto(`${server.url}/routing`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Mottagare och regler');

    await unfold(page, 'Lägg till mottagare');
    await page.locator('#recipient-name').fill('Trafikverket');
    await page.getByLabel('Slag').selectOption('road');
    await page.getByLabel('E-postadress').fill('trafikverket@trafikverket.example');
    await page.getByLabel('Svarstid i dagar').fill('5');
    await page.getByRole('button', { name: 'Lägg till mottagare' }).click();
    await expect.poll(() => page.getByText('Trafikverket är sparad.').count()).toBe(1);
    expect(await page.locator('.card', { hasText: 'Trafikverket' }).textContent()).toContain('svar inom 5 dagar');

    // A manual recipient without its instructions: refused, the field named.
    await unfold(page, 'Lägg till mottagare');
    await page.locator('#recipient-name').fill('Polisen');
    await page.getByLabel('Hur ärenden skickas').selectOption('manual');
    await page.getByRole('button', { name: 'Lägg till mottagare' }).click();
    await expect.poll(() => page.locator('#field-manualInstructions-error').count()).toBe(1);

    await unfold(page, 'Lägg till regel');
    await page.getByLabel('Kategori', { exact: true }).first().selectOption({ label: 'Trafikfarlig plats, hastighet, buskörning' });
    await page.getByRole('button', { name: 'Lägg till regel' }).click();
    await expect.poll(() => page.locator('.rules .card').count()).toBe(1);
    expect(await page.locator('.rules .card').textContent()).toContain('Trafikverket');

    await page.locator('#field-tryCategory').selectOption({ label: 'Trafikfarlig plats, hastighet, buskörning' });
    await expect.poll(() => page.getByText('Skickas till: Trafikverket').count()).toBe(1);
    await page.locator('#field-tryCategory').selectOption({ label: 'Klotter' });
    await expect.poll(() => page.getByText('Ingen regel gäller här').count()).toBe(1);
    await audit(page, 'routing');
  });

  it('draws an area on the map and imports areas from a GeoJSON file', async () => {
    const page = await adminPage();
    await page.goto(`${server.url}/routing`);
    await unfold(page, 'Rita ett område på kartan');
    const map = page.locator('.draw-map');
    await expect.poll(() => map.locator('.leaflet-pane').count()).toBeGreaterThan(0);
    const box = (await map.boundingBox())!;
    const corners: [number, number][] = [
      [0.3, 0.3],
      [0.7, 0.3],
      [0.5, 0.7],
    ];
    for (const [x, y] of corners) await page.mouse.click(box.x + box.width * x, box.y + box.height * y);
    await expect.poll(() => page.getByText('3 hörn').count()).toBe(1);
    await page.getByLabel('Områdets namn').fill('Ritat område');
    await page.getByRole('button', { name: 'Spara området' }).click();
    await expect.poll(areaNames).toContain('Ritat område');

    await unfold(page, 'Läs in områden från en fil');
    // A district file as QGIS exports it from the municipality's Shapefile: SWEREF 99 TM, names in NAMN.
    const sweref = readFileSync(join(import.meta.dirname, '../test/fixtures/gis/stadsdelar-sweref99tm.geojson'));
    await page.getByLabel('GeoJSON-fil').setInputFiles({ name: 'stadsdelar.geojson', mimeType: 'application/geo+json', buffer: sweref });
    await expect.poll(() => page.getByText('3 områden i filen.').count()).toBe(1);
    expect(await page.getByLabel('Namnet finns i egenskapen').inputValue()).toBe('NAMN');
    // The wrong property first: refused whole, each feature named.
    await page.getByLabel('Namnet finns i egenskapen').selectOption('KOD');
    await page.getByLabel('Namnet finns i egenskapen').selectOption('NAMN');
    const broken = JSON.parse(sweref.toString()) as { features: { properties: Record<string, unknown> }[] };
    broken.features[2]!.properties.NAMN = '';
    await page
      .getByLabel('GeoJSON-fil')
      .setInputFiles({ name: 'trasig.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(broken)) });
    await page.getByRole('button', { name: 'Läs in områdena' }).click();
    await expect.poll(() => page.getByText('Objekt 3: Objektet har inget namn i den valda egenskapen').count()).toBe(1);
    expect(await areaNames()).toEqual(['Ritat område']);
    await page.getByLabel('GeoJSON-fil').setInputFiles({ name: 'stadsdelar.geojson', mimeType: 'application/geo+json', buffer: sweref });
    await page.getByRole('button', { name: 'Läs in områdena' }).click();
    await expect.poll(() => page.getByText('Sparat: Flemingsberg, Trångsund, Sjödalen-Fullersta').count()).toBe(1);
    expect(await areaNames()).toEqual(expect.arrayContaining(['Ritat område', 'Flemingsberg', 'Trångsund', 'Sjödalen-Fullersta']));
    mkdirSync(SCREENS, { recursive: true });
    await page.screenshot({ path: join(SCREENS, 'areas-imported.png'), fullPage: true });
    // A file that is not GeoJSON: told so, nothing added.
    await page.getByLabel('GeoJSON-fil').setInputFiles({ name: 'fel.geojson', mimeType: 'application/geo+json', buffer: Buffer.from('inte json') });
    await expect.poll(() => page.getByText('Filen är inte GeoJSON.').count()).toBe(1);
    expect(await areaNames()).toHaveLength(4);
    await audit(page, 'routing-areas');
  });

  it('issues a key for a partner system, shown once, that works at the Open311 endpoint', async () => {
    const page = await adminPage();
    await page.goto(`${server.url}/routing`);
    await unfold(page, 'Skapa nyckel');
    await page.getByLabel('Systemets namn').fill('Huddinge kommun, felanmälan');
    await page.getByRole('button', { name: 'Skapa nyckel' }).click();
    const key = (await page.locator('code.secret').textContent({ timeout: 10_000 }))!;
    expect(key).toMatch(/^g311_/);
    const res = await fetch(`${server.url}/open311/v2/requests.json?api_key=${encodeURIComponent(key)}`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual([]);
    await audit(page, 'routing-keys');

    // A request with an address alone (no geocoder here): the coordinator places it on the map.
    const made = await fetch(`${server.url}/open311/v2/requests.json`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ api_key: key, service_code: 'dumping', address_string: 'Storgatan 1', description: 'Soffa' }).toString(),
    });
    expect(made.status).toBe(201);
    const requestId = ((await made.json()) as { service_request_id: string }[])[0]!.service_request_id;
    await page.goto(`${server.url}/observations/${requestId}`);
    await expect.poll(() => page.getByRole('heading', { name: 'Placera på kartan' }).count()).toBe(1);
    const pin = page.locator('.pin-map');
    await expect.poll(() => pin.locator('.leaflet-pane').count()).toBeGreaterThan(0);
    const box = (await pin.boundingBox())!;
    await page.mouse.click(box.x + box.width * 0.4, box.y + box.height * 0.6);
    await audit(page, 'observation-place');
    await page.screenshot({ path: join(SCREENS, 'observation-place.png'), fullPage: true });
    await page.getByRole('button', { name: 'Spara platsen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Placera på kartan' }).count()).toBe(0);
    const row = await server.ctx.db.selectFrom('observations').select('needs_placing').where('id', '=', requestId).executeTakeFirstOrThrow();
    expect(row.needs_placing).toBe(0);
    await page.goto(`${server.url}/routing`);
    await page.getByRole('button', { name: 'Återkalla' }).click();
    await expect.poll(() => page.getByText(/återkallad/).count()).toBe(1);
    expect((await fetch(`${server.url}/open311/v2/requests.json?api_key=${encodeURIComponent(key)}`)).status).toBe(403);
  });
});
