/**
 * A volunteer's day on a phone (390 px) with the app's largest text, chosen on
 * the sign-in page: she signs up for a shift, checks in, notes three things
 * (one with GPS from the home screen's capture, one without a position found
 * by searching the area and seen twenty minutes earlier, one offline) and
 * checks out. No screen scrolls sideways or cuts a word, focus lands on the
 * result of each action, every screen passes the audit, and all three
 * observations belong to the shift.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { audit, clippedText, openBrowser, SCREENS, startServer, type Browser, type E2EServer } from './support.js';
import { seedAssociation, seedMember } from '../src/server/demo/seed.js';
import { districtPolygon } from '../src/server/demo/huddinge.js';
import { insertVehicle } from '../src/server/features/vehicles/vehicles.repository.js';
import { insertArea } from '../src/server/features/associations/associations.repository.js';
import { addDays, localToday } from '../src/shared/domain/time.js';
import { uuidv7 } from '../src/shared/domain/ids.js';

let server: E2EServer;
let phone: Browser;
const PASSWORD = 'a-long-e2e-password';
const HOME = { latitude: 59.2366, longitude: 17.9818, accuracy: 12 };
let shiftId = '';
let startsAt = 0;
let endsAt = 0;

/** The API as the coordinator, over HTTP like any client. */
async function asCoordinator(): Promise<(method: string, path: string, body?: object) => Promise<{ id: string; startsAt?: string; endsAt?: string }>> {
  const res = await fetch(`${server.url}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: server.url },
    body: JSON.stringify({ email: 'cecilia@example.se', password: PASSWORD }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  return async (method, path, body) => {
    const r = await fetch(`${server.url}${path}`, {
      method,
      headers: { cookie, origin: server.url, ...(body && { 'content-type': 'application/json' }) },
      ...(body && { body: JSON.stringify(body) }),
    });
    if (!r.ok) throw new Error(`${method} ${path}: ${r.status} ${await r.text()}`);
    return r.json() as Promise<{ id: string }>;
  };
}

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  server = await startServer();
  const associationId = await seedAssociation(server.ctx, { name: 'Grannstöd Huddinge', municipality: 'Huddinge' });
  await seedMember(server.ctx, associationId, {
    name: 'Cecilia Samordnare',
    email: 'cecilia@example.se',
    roles: ['volunteer', 'coordinator', 'admin'],
    password: PASSWORD,
  });
  await seedMember(server.ctx, associationId, {
    name: 'Lena Lindqvist',
    email: 'lena@example.se',
    roles: ['volunteer', 'driver', 'shift_leader'],
    password: PASSWORD,
    qualifications: [{ kind: 'driving_licence_checked', achievedOn: '2020-01-01' }],
  });
  const now = new Date().toISOString();
  const carId = await insertVehicle(
    server.ctx.db,
    associationId,
    { name: 'Bil 1', registration: 'GRN 101', odometerKm: 48_210, insuranceDueOn: null, serviceDueOn: null },
    now,
  );
  await insertArea(server.ctx.db, associationId, { name: 'Stuvsta', geometry: districtPolygon(59.253, 17.994), now });
  const api = await asCoordinator();
  const categories = (await api('GET', '/api/observation-categories')) as unknown as { id: string; code: string }[];
  const recipient = await api('POST', '/api/recipients', { name: 'Huddinge kommun', kind: 'municipality', channel: 'manual', manualInstructions: 'Ring' });
  await api('POST', '/api/routing-rules', { categoryId: categories.find((c) => c.code === 'graffiti')!.id, recipientId: recipient.id });
  const day = addDays(localToday(), 2);
  const shift = await api('POST', '/api/shifts', { vehicleId: carId, startDate: day, startTime: '10:00', endDate: day, endTime: '14:00' });
  shiftId = shift.id;
  startsAt = Date.parse(shift.startsAt!);
  endsAt = Date.parse(shift.endsAt!);
  phone = await openBrowser({ width: 390, height: 844, geolocation: HOME });
}, 120_000);
afterAll(async () => {
  await phone?.close();
  await server?.close();
});

/** Both clocks at one moment: the server's, and the phone's. */
async function at(page: Page, ms: number) {
  server.ctx.clock.now = () => new Date(ms);
  await page.clock.setFixedTime(new Date(ms));
}

/** What has the focus: its text, or the page body when focus was lost. */
const focused = (page: Page) =>
  page.evaluate(() => (document.activeElement === document.body ? 'BODY' : (document.activeElement?.textContent ?? '').trim().replace(/\s+/g, ' ')));

async function check(page: Page, name: string) {
  await audit(page, `day-${name}`);
  expect(await clippedText(page), `cut words on ${name}`).toEqual([]);
}

describe("a volunteer's day at 200 % text", () => {
  it('signs up, checks in, notes three things (one without GPS, one offline) and checks out', async () => {
    const { page, context } = phone;
    await page.goto(`${server.url}/signin`);
    await page.getByRole('button', { name: 'Större text' }).click();
    await page.getByRole('button', { name: 'Större text' }).click();
    await page.getByLabel('E-postadress').fill('lena@example.se');
    await page.getByLabel('Lösenord').fill(PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hej Lena!');
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('larger');
    await check(page, '01-home');

    // Sign-up: the tapped button goes away, and focus goes to what happened.
    await page.goto(`${server.url}/shifts`);
    const card = page.locator('.card', { has: page.locator(`a[href="/shifts/${shiftId}"]`) });
    await card.getByRole('button', { name: /^Anmäl mig som förare/ }).click();
    await expect.poll(() => focused(page)).toBe('Du är anmäld till passet.');
    await check(page, '02-signed-up');

    // Check-in ten minutes before the start.
    await at(page, startsAt - 10 * 60_000);
    await page.goto(`${server.url}/shifts/${shiftId}`);
    await page.getByLabel('Startplats').fill('Huddinge centrum');
    await check(page, '03-check-in');
    await page.getByRole('button', { name: 'Checka in' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Checka ut' }).count()).toBe(1);
    await expect.poll(() => focused(page)).toBe('Incheckat. Passet pågår: kör försiktigt.');

    // 1: with GPS, from the home screen's "Ny observation", not from the shift: the shift owns it all the same.
    await at(page, startsAt + 40 * 60_000);
    await page.goto(server.url);
    await page.getByRole('link', { name: 'Ny observation' }).first().click();
    await expect.poll(() => page.locator('.position').textContent()).toBe('Position tagen (±12 m).');
    await check(page, '04-capture-tiles');
    await page.getByRole('button', { name: 'Klotter' }).click();
    await expect.poll(() => focused(page)).toContain('Klotter');
    await expect.poll(() => page.locator('.where-it-goes').textContent()).toBe('Skickas till Huddinge kommun.');
    await check(page, '05-capture-form');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => focused(page)).toBe('Sparad. Den skickas så fort telefonen har kontakt.');

    // 2: no position from the phone. The area is found by name, and it was seen twenty minutes ago.
    await context.clearPermissions();
    await page.getByRole('button', { name: 'Skadegörelse' }).click();
    await expect.poll(() => page.locator('.position').textContent()).toBe('Ingen position från telefonen.');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => focused(page)).toBe('Välj platsen först: sök en adress eller tryck på kartan.');
    await page.getByLabel('Sök adress eller område').fill('Stuvsta');
    await page.getByRole('button', { name: 'Sök', exact: true }).click();
    await expect.poll(() => page.locator('.place-hits button').allTextContents()).toEqual(['Stuvsta']);
    await check(page, '06a-capture-place-search');
    await page.getByRole('button', { name: 'Stuvsta' }).click();
    await expect.poll(() => page.locator('.position').textContent()).toBe('Platsen vald på kartan. Nära Stuvsta.');
    await page.getByLabel('När såg du det?').selectOption({ label: 'För 20 min sedan' });
    await expect.poll(() => page.locator('.where-it-goes').textContent()).toContain('Ingen mottagare är vald');
    await check(page, '06-capture-no-gps');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => focused(page)).toBe('Sparad. Den skickas så fort telefonen har kontakt.');
    await context.grantPermissions(['geolocation']);

    // 3: offline. Saved on the phone, sent when the connection is back.
    await context.setOffline(true);
    await page.getByRole('button', { name: 'Sopdumpning eller nedskräpning' }).click();
    await expect.poll(() => page.locator('.where-it-goes').textContent()).toBe('Vem den skickas till avgörs när telefonen har kontakt.');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.locator('.waiting').textContent()).toContain('1 väntar på att skickas');
    await check(page, '07-capture-offline');
    await context.setOffline(false);
    await expect.poll(() => page.locator('.waiting').count(), { timeout: 20_000 }).toBe(0);
    // Said in the live region that was there all along, so a screen reader reads it.
    await expect.poll(() => page.locator('.sync-done').textContent()).toBe('Allt är skickat.');

    // Check-out: the shift shows its three observations and that it was run.
    await at(page, endsAt - 5 * 60_000);
    await page.goto(`${server.url}/shifts/${shiftId}`);
    await page.getByLabel('Mätarställning vid slut (km)').fill('48252');
    await page.getByRole('button', { name: 'Checka ut' }).click();
    // A refusal takes the focus too, so she hears what to fix.
    await expect.poll(() => focused(page)).toBe('Uppgifterna är inte giltiga. Rätta fälten som är markerade.');
    await page.getByLabel('Sammanfattning').fill('Klotter och skadegörelse i Stuvsta, sopor vid återvinningen.');
    await check(page, '08-check-out');
    await page.getByRole('button', { name: 'Checka ut' }).click();
    await expect.poll(() => focused(page)).toBe('Utcheckat. Tack för i dag!');
    await expect.poll(() => page.locator('.badge').first().textContent()).toBe('Genomfört');
    await expect.poll(() => page.getByText(/^3 observationer/).count()).toBe(1);
    await check(page, '09-shift-done');

    const rows = await server.ctx.db.selectFrom('observations').select(['shift_id', 'observed_at', 'accuracy_m']).orderBy('observed_at').execute();
    expect(rows.map((r) => r.shift_id)).toEqual([shiftId, shiftId, shiftId]);
    // The one without GPS: placed by hand (no accuracy) and twenty minutes before the first.
    const noGps = rows.find((r) => r.accuracy_m === 0)!;
    expect(Date.parse(noGps.observed_at)).toBe(startsAt + 20 * 60_000);
  });

  it("the coordinator's list: her own latest first, then everyone's, each with what became of it", async () => {
    const api = await asCoordinator();
    const categories = (await api('GET', '/api/observation-categories')) as unknown as { id: string; code: string }[];
    await api('PUT', `/api/observations/${uuidv7()}`, {
      categoryId: categories.find((c) => c.code === 'graffiti')!.id,
      urgency: 'note',
      lat: 59.2366,
      lng: 17.9818,
      observedAt: new Date(server.ctx.clock.now().getTime() - 60_000).toISOString(),
    });
    const desk = await openBrowser({ width: 390, height: 844 });
    try {
      const { page } = desk;
      await page.goto(`${server.url}/signin`);
      await page.getByLabel('E-postadress').fill('cecilia@example.se');
      await page.getByLabel('Lösenord').fill(PASSWORD);
      await page.getByRole('button', { name: 'Logga in' }).click();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hej Cecilia!');
      await page.goto(`${server.url}/observations`);
      await expect.poll(() => page.locator('#own-latest + ul .card').count()).toBe(1);
      expect(await page.locator('#own-latest + ul .outcome').textContent()).toBe('Stannar hos föreningen');
      await expect.poll(() => page.locator('main > ul.cards .card').count()).toBe(4);
      // The filters are folded until opened.
      expect(await page.locator('details.filters-fold').getAttribute('open')).toBeNull();
      await audit(page, 'day-10-coordinator-list');
    } finally {
      await desk.close();
    }
  });
});
