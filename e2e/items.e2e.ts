/**
 * From the car to the recipient and back, in the browser and over real SMTP on
 * loopback: a volunteer captures graffiti in Flemingsberg; the routing rules send
 * it to the municipality and to Vattenfall; both mails arrive; the municipality's
 * case handler opens the link, marks it resolved with a case number; the volunteer
 * sees it resolved on the observation. Screens pass the accessibility audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync, readFileSync } from 'node:fs';
import { audit, openBrowser, SCREENS, startServer, type Browser, type E2EServer } from './support.js';
import { startSmtpSink, type SmtpSink } from '../test/smtp-sink.js';
import { seedAssociation, seedMember } from '../src/server/demo/seed.js';
import { insertArea } from '../src/server/features/associations/associations.repository.js';
import { districtPolygon } from '../src/server/demo/huddinge.js';
import { insertRecipient } from '../src/server/features/reports/recipients.repository.js';
import { insertRule } from '../src/server/features/reports/routing.repository.js';
import { routePending } from '../src/server/features/reports/routing-sweep.js';
import { ensureDefaultCategories } from '../src/server/features/observations/categories.repository.js';

let server: E2EServer;
let sink: SmtpSink;
const browsers: Browser[] = [];
const PASSWORD = 'a-long-e2e-password';
const VOLUNTEER = { name: 'Olle Observatör', email: 'olle@example.se' };
const COORDINATOR = { name: 'Cecilia Samordnare', email: 'cecilia@example.se' };
const FLEMINGSBERG = { latitude: 59.219, longitude: 17.947, accuracy: 8 };

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  sink = await startSmtpSink();
  server = await startServer({ SMTP_URL: sink.url });
  const associationId = await seedAssociation(server.ctx, { name: 'Grannstöd Huddinge', municipality: 'Huddinge' });
  const now = new Date().toISOString();
  await seedMember(server.ctx, associationId, { ...VOLUNTEER, roles: ['volunteer'], password: PASSWORD });
  await seedMember(server.ctx, associationId, { ...COORDINATOR, roles: ['volunteer', 'coordinator'], password: PASSWORD });
  const area = await insertArea(server.ctx.db, associationId, {
    name: 'Flemingsberg',
    geometry: districtPolygon(FLEMINGSBERG.latitude, FLEMINGSBERG.longitude),
    now,
  });
  const base = {
    responseDays: 5,
    channel: 'email' as const,
    delivery: 'each' as const,
    open311Url: null,
    open311ApiKey: null,
    open311Jurisdiction: null,
    open311ServiceCodes: {},
    manualInstructions: null,
    contacts: [],
    partnerOrganisationId: null,
  };
  const kommunen = await insertRecipient(
    server.ctx.db,
    associationId,
    { ...base, name: 'Huddinge kommun', kind: 'municipality', language: 'sv', email: 'felanmalan@huddinge.example' },
    now,
  );
  const vattenfall = await insertRecipient(
    server.ctx.db,
    associationId,
    { ...base, name: 'Vattenfall', kind: 'utility', language: 'en', email: 'klotter@vattenfall.example' },
    now,
  );
  await ensureDefaultCategories(server.ctx.db, associationId, now);
  const graffiti = (
    await server.ctx.db
      .selectFrom('observation_categories')
      .select('id')
      .where('association_id', '=', associationId)
      .where('code', '=', 'graffiti')
      .executeTakeFirstOrThrow()
  ).id;
  for (const recipientId of [kommunen, vattenfall])
    await insertRule(server.ctx.db, associationId, { categoryId: graffiti, areaId: area, recipientId, precedence: 100, final: false }, now);
});
afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.close();
  await sink?.stop();
});

async function signedIn(who: { email: string }) {
  const b = await openBrowser({ geolocation: FLEMINGSBERG });
  browsers.push(b);
  await b.page.goto(`${server.url}/signin`);
  await b.page.getByLabel('E-postadress').fill(who.email);
  await b.page.getByLabel('Lösenord').fill(PASSWORD);
  await b.page.getByRole('button', { name: 'Logga in' }).click();
  await expect.poll(() => b.page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hej /);
  return b.page;
}
const linkIn = (raw: string) => /http:\/\/127\.0\.0\.1:\d+\/svar\/[0-9a-f-]{36}\.[A-Za-z0-9_-]{43}/.exec(raw.replace(/=\r?\n/g, ''))?.[0];

describe('an observation goes to the right recipients and comes back resolved', () => {
  it('routes by place to two recipients over SMTP; one answers through its link; the volunteer sees it resolved', async () => {
    const page = await signedIn(VOLUNTEER);
    await page.goto(`${server.url}/observe`);
    await page.getByRole('button', { name: 'Klotter' }).click();
    await page.getByLabel('Några ord (valfritt)').fill('Klotter på elskåpet vid busshållplatsen');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(async () => (await server.ctx.db.selectFrom('observations').select('id').execute()).length, { timeout: 15_000 }).toBe(1);
    const observationId = (await server.ctx.db.selectFrom('observations').select('id').executeTakeFirstOrThrow()).id;

    await routePending(server.ctx);
    await server.drainMail();
    await expect.poll(() => sink.received.filter((m) => m.to.includes('felanmalan@huddinge.example')).length).toBe(1);
    expect(sink.received.filter((m) => m.to.includes('klotter@vattenfall.example'))).toHaveLength(1);

    // The case handler, without an account, in another browser.
    const handler = await openBrowser();
    browsers.push(handler);
    const link = linkIn(sink.received.find((m) => m.to.includes('felanmalan@huddinge.example'))!.raw)!;
    await handler.page.goto(link);
    await expect.poll(() => handler.page.getByRole('heading', { level: 1 }).textContent()).toContain('Klotter');
    await audit(handler.page, 'items-answer-page');
    await handler.page.getByRole('radio', { name: 'Åtgärdat' }).check();
    await handler.page.getByLabel('Ert diarie- eller ärendenummer (frivilligt)').fill('KS 2026/1234');
    await handler.page.getByLabel('Kommentar (frivillig)').fill('Sanerat i dag.');
    await handler.page.getByRole('button', { name: 'Skicka' }).click();
    await expect.poll(() => handler.page.getByRole('heading', { level: 1 }).textContent()).toBe('Tack för ert svar');
    await audit(handler.page, 'items-answer-thanks');
    // The same link again: refused, with a page that says why.
    await handler.page.goto(link);
    await expect.poll(() => handler.page.getByRole('heading', { level: 1 }).textContent()).toBe('Länken är redan använd');

    await page.goto(`${server.url}/observations/${observationId}`);
    const card = page.locator('.item-card', { hasText: 'Huddinge kommun' });
    await expect.poll(() => card.textContent()).toContain('Åtgärdat');
    expect(await card.textContent()).toContain('KS 2026/1234');
    expect(await page.locator('.item-card', { hasText: 'Vattenfall' }).textContent()).toContain('Skickat');
    await audit(page, 'items-observation');
  });

  it('shows the coordinator the items with their timeline', async () => {
    const page = await signedIn(COORDINATOR);
    await page.goto(`${server.url}/items`);
    await page.getByLabel('Visa').selectOption('all');
    await expect.poll(() => page.locator('.item-card').count()).toBe(2);
    // The items of the last 30 days as a spreadsheet, downloaded as any file is.
    await page.locator('summary', { hasText: 'Exportera' }).click();
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Ladda ner CSV' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^action-items-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = readFileSync((await download.path())!, 'utf8');
    expect(csv).toContain('Huddinge kommun');
    expect(csv).toContain('Vattenfall');
    await audit(page, 'items-list');
    await page.getByRole('link', { name: /Huddinge kommun/ }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Händelser' }).count()).toBe(1);
    expect(await page.locator('.timeline').textContent()).toContain('Sanerat i dag.');
    await audit(page, 'items-detail');
  });

  it('puts the resolved graffiti on a later shift to look at again, and takes what the crew found', async () => {
    const page = await signedIn(COORDINATOR);
    await page.goto(`${server.url}/items`);
    // Three days on, with the car out on a shift that patrols everywhere.
    const day = new Date(Date.now() + 3 * 86_400_000).toISOString().slice(0, 10);
    const shiftId = await page.evaluate(async (date) => {
      const json = (r: Response) => r.json() as Promise<{ id: string }>;
      const send = (url: string, body: object) =>
        fetch(url, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }).then(json);
      const car = await send('/api/vehicles', { name: 'Bil 1', registration: 'ABC 123', odometerKm: 1000 });
      const shift = await send('/api/shifts', { vehicleId: car.id, startDate: date, startTime: '18:00', endDate: date, endTime: '22:00' });
      return shift.id;
    }, day);
    await page.goto(`${server.url}/shifts/${shiftId}`);
    const card = page.locator('.recheck', { hasText: 'Klotter' });
    await expect.poll(() => card.count(), { timeout: 10_000 }).toBe(1);
    expect(await card.textContent()).toContain('Huddinge kommun');
    await audit(page, 'shift-rechecks');
    await card.getByLabel('Anteckning (frivillig)').fill('Rent och fint.');
    await card.getByRole('button', { name: 'Borta – åtgärdat' }).click();
    await expect.poll(() => page.getByText('Tack! Noterat att det är borta.').count()).toBe(1);
    await expect.poll(() => page.locator('.recheck').count()).toBe(0);
    const item = await server.ctx.db
      .selectFrom('action_items')
      .select(['recheck_result', 'rechecked_at'])
      .where('recheck_due_at', 'is not', null)
      .executeTakeFirstOrThrow();
    expect(item.recheck_result).toBe('gone');
  });
});
