/**
 * Observations offline, at phone size with a position: the member goes
 * offline, captures five observations (one with a camera photo carrying
 * EXIF and GPS), reloads the page while offline, and goes online again:
 * exactly five arrive on the server, and the stored photo has no metadata.
 * The privacy guard stops a licence plate and a personal identity number
 * before anything is saved.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import sharp from 'sharp';
import { audit, openBrowser, SCREENS, startServer, type Browser, type E2EServer } from './support.js';
import { seedAssociation, seedMember } from '../src/server/demo/seed.js';
import { insertArea } from '../src/server/features/associations/associations.repository.js';
import { districtPolygon } from '../src/server/demo/huddinge.js';

let server: E2EServer;
let phone: Browser;
let associationId = '';
const MEMBER = { email: 'olle@example.se', password: 'a-long-e2e-password' };

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  server = await startServer();
  associationId = await seedAssociation(server.ctx, { name: 'Grannstöd Huddinge', municipality: 'Huddinge' });
  await insertArea(server.ctx.db, associationId, { name: 'Flemingsberg', geometry: districtPolygon(59.219, 17.947), now: new Date().toISOString() });
  await seedMember(server.ctx, associationId, { name: 'Olle Observatör', email: MEMBER.email, password: MEMBER.password, roles: ['volunteer'] });
  phone = await openBrowser({ serviceWorkers: true, geolocation: { latitude: 59.2192, longitude: 17.9471, accuracy: 12 } });
});
afterAll(async () => {
  await phone?.close();
  await server?.close();
});

const stored = () => server.ctx.db.selectFrom('observations').select(['id', 'text', 'area_id']).where('association_id', '=', associationId).execute();

describe('observations offline', () => {
  it('five captured offline, one with a photo, survive a reload and arrive once each when online', async () => {
    const { page, context } = phone;
    await page.goto(`${server.url}/signin`);
    await page.getByLabel('E-postadress').fill(MEMBER.email);
    await page.getByLabel('Lösenord').fill(MEMBER.password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hej Olle!');
    await page.goto(`${server.url}/observe`);
    await expect.poll(() => page.getByRole('button', { name: 'Klotter' }).count()).toBe(1);
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await expect.poll(() => page.locator('.position').textContent()).toBe('Position tagen (±12 m).');
    await audit(page, 'observe-01-tiles');

    await context.setOffline(true);
    // The privacy guard, on the phone: a plate and a personal identity number are stopped before saving.
    await page.getByRole('button', { name: 'Klotter' }).click();
    await page.getByLabel('Några ord (valfritt)').fill('Bil ABC 123, föraren 811228-9874');
    await expect
      .poll(() => page.locator('#field-text-error').textContent())
      .toBe('Texten innehåller ett registreringsnummer, ett personnummer. Ta bort det, eller markera att det är lämnat till polisen (då sparas inte texten).');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('uppgifter om personer');
    await audit(page, 'observe-02-privacy-guard');
    await page.getByLabel('Några ord (valfritt)').fill('Klotter på elskåpet vid busshållplatsen');

    // Noise, so that a blurred spot can be told from the rest.
    const camera = await sharp({ create: { width: 2400, height: 1600, channels: 3, background: '#808080', noise: { type: 'gaussian', mean: 128, sigma: 40 } } })
      .jpeg()
      .withExif({
        IFD0: { Make: 'Telefonbolaget', Model: 'Kamera 9' },
        IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '59/1 13/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '17/1 56/1 0/1' },
      })
      .toBuffer();
    await page.getByLabel('Foto (valfritt)').setInputFiles({ name: 'IMG_0001.jpg', mimeType: 'image/jpeg', buffer: camera });
    // Decoding and scaling a 2400 × 1600 photo on the phone takes a while on two busy cores: allow it ten seconds.
    await expect.poll(() => page.getByText('Fotot är med.').count(), { timeout: 10_000 }).toBe(1);
    // A face in the middle of the picture: one tap there makes it unreadable.
    await expect.poll(() => page.locator('.blur-canvas').evaluate((c: HTMLCanvasElement) => c.width), { timeout: 10_000 }).toBe(1600);
    await page.locator('.blur-canvas').click();
    await expect.poll(() => page.getByRole('img', { name: 'Fotot, 1 ställen gjorda oläsliga' }).count()).toBe(1);
    await audit(page, 'observe-03-form');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.locator('.waiting').textContent()).toContain('1 väntar på att skickas');

    for (const [i, tile] of ['Skadegörelse', 'Sopdumpning eller nedskräpning', 'Inget att anmärka', 'Klotter'].entries()) {
      await page.getByRole('button', { name: tile }).click();
      if (i === 1) await page.getByLabel('Några ord (valfritt)').fill('Soffa och madrasser i skogsbrynet');
      if (i === 0) {
        // The vandalism is across the road: the crew moves the place on the map (no tiles offline, the pin still works).
        await page.getByRole('button', { name: 'Flytta platsen på kartan' }).click();
        const map = page.getByRole('region', { name: 'Karta för att välja platsen' });
        await expect.poll(() => map.locator('.pin').count()).toBe(1);
        await map.scrollIntoViewIfNeeded();
        const box = (await map.boundingBox())!;
        await page.mouse.click(box.x + box.width / 2 + 80, box.y + box.height / 2 - 60);
        await expect.poll(() => page.locator('.position').textContent()).toBe('Platsen vald på kartan.');
        await audit(page, 'observe-03b-pin');
      }
      await page.getByRole('button', { name: 'Spara' }).click();
      await expect.poll(() => page.locator('.waiting').textContent()).toContain(`${i + 2} väntar på att skickas`);
    }
    await audit(page, 'observe-04-five-waiting');
    expect(await stored()).toEqual([]);

    // A reload without a connection: the shell comes from the service worker, the queue from IndexedDB.
    await page.reload();
    await expect.poll(() => page.locator('.waiting').textContent()).toContain('5 väntar på att skickas');
    expect(await stored()).toEqual([]);

    await context.setOffline(false);
    await expect.poll(async () => (await stored()).length, { timeout: 20_000 }).toBe(5);
    await expect.poll(() => page.locator('.waiting').count()).toBe(0);
    const rows = await stored();
    expect(new Set(rows.map((r) => r.id)).size).toBe(5);
    expect(rows.every((r) => r.area_id !== null)).toBe(true);
    const placed = await server.ctx.db
      .selectFrom('observations')
      .select(['lat', 'lng', 'accuracy_m'])
      .where('association_id', '=', associationId)
      .where('accuracy_m', '=', 0)
      .execute();
    expect(placed).toHaveLength(1);
    expect(Number(placed[0]!.lat)).toBeGreaterThan(59.2193);
    expect(Number(placed[0]!.lng)).toBeGreaterThan(17.9472);

    const photos = await server.ctx.db.selectFrom('observation_photos').selectAll().where('association_id', '=', associationId).execute();
    expect(photos).toHaveLength(1);
    const bytes = (await server.ctx.files.get(photos[0]!.sha256))!;
    const meta = await sharp(bytes).metadata();
    expect(meta.exif).toBeUndefined();
    expect(bytes.includes(Buffer.from('Telefonbolaget'))).toBe(false);
    // The tapped middle is blocks of one colour; a corner is still noise.
    const spread = async (left: number, top: number) =>
      (await sharp(await sharp(bytes).extract({ left, top, width: 48, height: 48 }).png().toBuffer()).stats()).channels[0]!.stdev;
    expect(await spread(776, 509)).toBeLessThan(6);
    expect(await spread(10, 10)).toBeGreaterThan(12);

    await page.goto(`${server.url}/observations`);
    await expect.poll(() => page.locator('.card').count()).toBe(5);
    await audit(page, 'observe-05-list');

    // The one with the photo: its detail page, an edit by its author, and the history.
    await page
      .getByRole('link', { name: /Klotter/ })
      .last()
      .click();
    await expect.poll(() => page.locator('img.photo').count()).toBe(1);
    await expect.poll(() => page.locator('img.photo').evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(1600);
    // The page leads with what became of it; the edit form is folded below.
    expect(await page.locator('.outcome').first().textContent()).toBe('Inte skickad än');
    await page.locator('summary', { hasText: 'Ändra observationen' }).click();
    await page.getByLabel('Några ord (valfritt)').fill('Klotter på elskåpet, cirka två meter brett');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByText('Sparat.', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await expect.poll(() => page.locator('.facts').textContent()).toContain('cirka två meter brett');
    await expect.poll(() => page.getByText('Observation ändrad').count()).toBe(1);
    // The history in words: field names and values as people read them, no ids or raw field names.
    const history = (await page.locator('.changes').allTextContents()).join(' ');
    expect(history).toContain('Kategori');
    expect(history).toContain('Brådska');
    expect(history).not.toMatch(/categoryId|category_id|[0-9a-f]{8}-[0-9a-f]{4}-/);
    await audit(page, 'observe-06-detail');

    // The map, without tiles: the district and five markers, each opening its observation.
    await page.goto(`${server.url}/observations/map`);
    await expect.poll(() => page.getByText('5 observationer här.').count()).toBe(1);
    await expect.poll(() => page.locator('.leaflet-interactive').count()).toBeGreaterThanOrEqual(6);
    // Every marker lies inside the map's box (a map that misjudged its size draws them beside it).
    const box = (await page.locator('.map').boundingBox())!;
    const inside = () =>
      page.locator('path.leaflet-interactive[fill="#a1161b"]').evaluateAll(
        (els, b) =>
          els.filter((e) => {
            const d = e.getBoundingClientRect();
            return d.x >= b.x && d.x + d.width <= b.x + b.width && d.y >= b.y && d.y + d.height <= b.y + b.height;
          }).length,
        box,
      );
    await expect.poll(inside).toBe(5);
    await audit(page, 'observe-07-map');
  });
});
