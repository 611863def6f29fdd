/**
 * The shift journey at phone size: a coordinator makes a template and generates a
 * month; a volunteer signs up as driver; the shift leader checks in and out; the
 * driving log shows the trip; the volunteer's calendar address parses with ical.js
 * and holds the shift. Every screen passes the accessibility audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import ICAL from 'ical.js';
import type { Page } from 'playwright-core';
import { audit, openBrowser, SCREENS, startServer, type Browser, type E2EServer } from './support.js';
import { seedAssociation, seedMember } from '../src/server/demo/seed.js';
import { insertVehicle } from '../src/server/features/vehicles/vehicles.repository.js';
import { addDays, daysBetween, localToday, mondayOf, weekdayOf, zonedInstant } from '../src/shared/domain/time.js';

let server: E2EServer;
const browsers: Browser[] = [];
const PASSWORD = 'a-long-e2e-password';
const people = {
  coordinator: { name: 'Cecilia Samordnare', email: 'cecilia@example.se', roles: ['volunteer', 'coordinator', 'admin'] as const },
  driver: { name: 'Ville Förare', email: 'ville@example.se', roles: ['volunteer', 'driver'] as const },
  leader: { name: 'Lena Passledare', email: 'lena@example.se', roles: ['volunteer', 'shift_leader'] as const },
};

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  server = await startServer();
  const associationId = await seedAssociation(server.ctx, { name: 'Grannstöd Huddinge', municipality: 'Huddinge' });
  for (const p of Object.values(people)) {
    await seedMember(server.ctx, associationId, {
      ...p,
      roles: [...p.roles],
      password: PASSWORD,
      qualifications: p.roles.includes('driver' as never) ? [{ kind: 'driving_licence_checked', achievedOn: '2020-01-01' }] : [],
    });
  }
  await insertVehicle(
    server.ctx.db,
    associationId,
    { name: 'Bil 1', registration: 'GRN 101', odometerKm: 48_210, insuranceDueOn: null, serviceDueOn: null },
    new Date().toISOString(),
  );
});
afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.close();
});

async function signedIn(who: keyof typeof people): Promise<Page> {
  const b = await openBrowser({ geolocation: { latitude: 59.2366, longitude: 17.9818, accuracy: 10 } });
  browsers.push(b);
  await b.page.goto(`${server.url}/signin`);
  await b.page.getByLabel('E-postadress').fill(people[who].email);
  await b.page.getByLabel('Lösenord').fill(PASSWORD);
  await b.page.getByRole('button', { name: 'Logga in' }).click();
  await expect.poll(() => b.page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hej /);
  return b.page;
}

const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();
/** The first weekday at least two days ahead: its 09–13 shift is the one this journey runs. */
function targetDay(): string {
  let day = addDays(localToday(), 2);
  while (weekdayOf(day) > 5) day = addDays(day, 1);
  return day;
}

/** Moves a week view (shifts, board) on to the week of a day, one tap per week: on a Saturday that is next week. */
async function moveToWeekOf(page: Page, day: string): Promise<void> {
  const weeks = Math.round(daysBetween(mondayOf(localToday()), mondayOf(day)) / 7);
  for (let i = 0; i < weeks; i++) {
    const before = await page.locator('.period').textContent();
    await page.getByRole('button', { name: 'Nästa →' }).click();
    await expect.poll(() => page.locator('.period').textContent()).not.toBe(before);
  }
}

describe('shift journey', () => {
  let shiftId = '';
  const day = targetDay();
  const start = zonedInstant(day, '09:00');
  const end = zonedInstant(day, '13:00');

  it('a coordinator makes a weekday template and generates a month of shifts', async () => {
    const page = await signedIn('coordinator');
    await page.goto(`${server.url}/plan`);
    await expect.poll(() => h1(page)).toBe('Planera pass');
    const template = page.getByRole('form', { name: 'Lägg till passmall' });
    await template.getByRole('textbox', { name: 'Namn' }).fill('Förmiddag');
    await template.getByLabel('Starttid').fill('09:00');
    await template.getByLabel('Sluttid').fill('13:00');
    await page.getByRole('button', { name: 'Lägg till passmall' }).click();
    await expect.poll(() => page.locator('.card').first().textContent()).toContain('Bil 1: Förmiddag');
    expect(await page.locator('.card').first().textContent()).toContain('mån tis ons tor fre 09:00–13:00');
    // A clashing template for the same car is refused with the reason in words.
    await template.getByRole('textbox', { name: 'Namn' }).fill('Lunch');
    await template.getByLabel('Starttid').fill('12:00');
    await template.getByLabel('Sluttid').fill('14:00');
    await page.getByRole('button', { name: 'Lägg till passmall' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('krockar');
    // Changing a template: the crew of future generated shifts.
    await page.getByRole('button', { name: 'Ändra: Bil 1 Förmiddag' }).click();
    await page.getByRole('form', { name: 'Ändra: Förmiddag' }).getByLabel('Största besättning').fill('4');
    await audit(page, 'shifts-19-template-change');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.locator('.card').first().textContent()).toContain('2–4 personer');
    await page.getByLabel('Till och med').fill(addDays(localToday(), 30));
    await page.getByRole('button', { name: 'Skapa pass från mallarna' }).click();
    await expect.poll(() => page.getByText(/^\d+ nya pass\. 0 fanns redan\. 0 dagar/).count()).toBe(1);
    await audit(page, 'shifts-20-plan-shifts');

    await page.goto(`${server.url}/board`);
    await expect.poll(() => h1(page)).toBe('Bemanning');
    // The week shown first is this one, which from Saturday on has no weekday shift left.
    await moveToWeekOf(page, day);
    await expect.poll(() => page.locator('.totals').textContent()).toMatch(/Ingen anmäld: [1-9]/);
    await audit(page, 'shifts-21-staffing-board');
    const shifts = await page.evaluate(async (d) => (await fetch(`/api/shifts?from=${d}&to=${d}`)).json(), day);
    shiftId = shifts[0].id;
    expect(shifts[0].startsAt).toBe(start.toISOString());

    // The coordinator's tools on one shift, and the association's shift rules.
    const later = await page.evaluate(async (d) => (await fetch(`/api/shifts?from=${d.from}&to=${d.to}`)).json(), {
      from: addDays(day, 1),
      to: addDays(day, 7),
    });
    await page.goto(`${server.url}/shifts/${later[0].id}`);
    await expect.poll(() => page.getByRole('heading', { name: 'För samordnare' }).count()).toBe(1);
    await page.getByLabel('Startdag').fill(addDays(day, 1));
    await page.getByLabel('Slutdag').fill(day);
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.locator('#field-edit-endTime-error').count()).toBe(1);
    await audit(page, 'shifts-29-shift-coordinator');
    await page.goto(`${server.url}/association`);
    // The form fills in the saved rules when they arrive; typing before that would be overwritten (and the other rules sent empty).
    const grace = page.getByLabel('Tid att checka in (minuter efter start)');
    await expect.poll(() => grace.inputValue(), { timeout: 10_000 }).not.toBe('');
    await grace.fill('45');
    await page.getByRole('button', { name: 'Spara' }).nth(1).click();
    await expect.poll(() => page.getByText('Sparat.', { exact: true }).count(), { timeout: 10_000 }).toBe(1);
    await audit(page, 'shifts-30-association-shift-rules');

    // The taxonomy: a category turned off, a subcategory added.
    await page.goto(`${server.url}/categories`);
    await expect.poll(() => page.locator('.card').count()).toBe(18);
    const wildlife = page.locator('.card', { hasText: 'Viltolycka eller skadat djur' });
    await wildlife.getByRole('button', { name: 'Stäng av' }).click();
    await expect.poll(() => wildlife.textContent()).toContain('avstängd');
    await page.getByLabel('Under').selectOption({ label: 'Klotter' });
    await page.getByLabel('Namn på svenska').last().fill('Klotter på elskåp');
    await page.getByLabel('Namn på engelska').last().fill('Graffiti on electrical cabinets');
    await page.getByRole('button', { name: 'Lägg till kategori' }).click();
    await expect.poll(() => page.locator('.cards.sub .card').count()).toBe(1);
    await audit(page, 'shifts-34-categories');
  });

  it('a volunteer signs up as driver from the shift list', async () => {
    const page = await signedIn('driver');
    await page.goto(`${server.url}/shifts`);
    await expect.poll(() => h1(page)).toBe('Körpass');
    // The list starts today and shows seven days: the shift two to four days ahead is on it, whatever the weekday.
    await expect.poll(() => page.locator(`a[href="/shifts/${shiftId}"]`).count()).toBe(1);
    const card = page.locator('.card', { has: page.locator(`a[href="/shifts/${shiftId}"]`) });
    await card.getByRole('button', { name: /^Anmäl mig som förare/ }).click();
    await expect.poll(() => card.textContent()).toContain('Du är med.');
    await audit(page, 'shifts-22-shifts-signed-up');

    const leader = await signedIn('leader');
    await leader.goto(`${server.url}/shifts/${shiftId}`);
    await leader.getByRole('button', { name: /^Anmäl mig som passledare/ }).click();
    await expect.poll(() => leader.locator('.badge').first().textContent()).toBe('Bemannat');
    await page.goto(server.url);
    await expect.poll(() => page.locator('#upcoming + ul .card').count()).toBe(1);
    expect(await page.locator('#upcoming + ul .card').textContent()).toContain('Bil 1 · Bemannat');
    await audit(page, 'shifts-31-home-upcoming');
  });

  it('the shift leader checks in and out, and the driving log shows the trip', async () => {
    const leader = browsers.at(-1)!.page;
    server.ctx.clock.now = () => new Date(start.getTime() - 10 * 60_000);
    await leader.clock.setFixedTime(new Date(start.getTime() - 10 * 60_000));
    await leader.goto(`${server.url}/shifts/${shiftId}`);
    await expect.poll(() => leader.getByRole('heading', { name: 'Checka in' }).count()).toBe(1);
    expect(await leader.getByLabel('Mätarställning vid start (km)').inputValue()).toBe('48210');
    expect(await leader.getByLabel('Förare', { exact: true }).inputValue()).not.toBe('');
    await leader.getByLabel('Startplats').fill('Huddinge centrum');
    await leader.getByLabel('Från polisens genomgång').fill('Håll koll på förråden i Stuvsta.');
    await audit(leader, 'shifts-23-check-in');
    await leader.getByRole('button', { name: 'Checka in' }).click();
    await expect.poll(() => leader.getByRole('heading', { name: 'Checka ut' }).count()).toBe(1);

    // With the crew's consent the phone keeps the route: three moves of about 200 m north.
    await leader.getByRole('checkbox', { name: 'Spara vägen vi kör (alla i bilen har sagt ja)' }).check();
    for (let i = 1; i <= 3; i++) {
      await leader.context().setGeolocation({ latitude: 59.2366 + i * 0.0018, longitude: 17.9818, accuracy: 10 });
      await leader.waitForTimeout(300);
    }

    server.ctx.clock.now = () => new Date(end.getTime() - 5 * 60_000);
    await leader.clock.setFixedTime(new Date(end.getTime() - 5 * 60_000));
    await leader.getByLabel('Mätarställning vid slut (km)').fill('48200');
    await leader.getByRole('checkbox', { name: 'Inget att rapportera' }).check();
    await leader.getByRole('button', { name: 'Checka ut' }).click();
    await expect.poll(() => leader.locator('#field-odometerEndKm-error').textContent()).toBe('Mätarställningen vid slut kan inte vara lägre än vid start.');
    await leader.getByLabel('Mätarställning vid slut (km)').fill('48252');
    await audit(leader, 'shifts-24-check-out');
    await leader.getByRole('button', { name: 'Checka ut' }).click();
    await expect.poll(() => leader.locator('.facts').textContent()).toContain('48210 → 48252 (42 km)');
    // Checking out ended the sampling and sent the stretch; the shift's map draws it.
    await expect
      .poll(async () =>
        (await server.ctx.db.selectFrom('track_segments').select('point_count').where('shift_id', '=', shiftId).execute()).reduce(
          (n, r) => n + r.point_count,
          0,
        ),
      )
      .toBeGreaterThanOrEqual(3);
    await leader.reload();
    await expect.poll(() => leader.getByText(/0 observationer och [3-9] punkter av vägen som körts\./).count()).toBe(1);
    await audit(leader, 'shifts-25-shift-closed');

    await leader.getByRole('link', { name: 'Körjournal' }).click();
    await expect.poll(() => h1(leader)).toBe('Körjournal: Bil 1');
    await expect.poll(() => leader.locator('.card').count()).toBe(1);
    expect(await leader.locator('.card').textContent()).toMatch(/48\s210 → 48\s252 km \(42 km\)/);
    expect(await leader.locator('.card').textContent()).toContain('Ville Förare');
    await audit(leader, 'shifts-26-driving-log');
    server.ctx.clock.now = () => new Date();

    // The coordinator corrects a mistyped odometer afterwards, with a reason.
    const coordinator = browsers[0]!.page;
    await coordinator.goto(`${server.url}/shifts/${shiftId}`);
    await coordinator.getByText('Rätta passet i efterhand').click();
    await coordinator.getByLabel('Mätarställning vid slut (km)').fill('48254');
    await coordinator.getByRole('button', { name: 'Spara rättelsen' }).click();
    await expect.poll(() => coordinator.locator('#field-fix-reason-error').textContent()).toBe('Värdet är för kort.');
    await coordinator.getByLabel('Skäl').fill('Avläst fel vid utcheckningen');
    await audit(coordinator, 'shifts-32-correction');
    await coordinator.getByRole('button', { name: 'Spara rättelsen' }).click();
    await expect.poll(() => coordinator.locator('.facts').textContent()).toContain('48210 → 48254 (44 km)');

    await coordinator.goto(`${server.url}/board`);
    await coordinator.getByRole('button', { name: 'Månad' }).click();
    await expect.poll(() => coordinator.locator('.period').textContent()).toMatch(/^\S+ 1 \S+ – /);
    await expect.poll(() => coordinator.locator('.totals').textContent()).toMatch(/^Bemannade: \d+/);
    await audit(coordinator, 'shifts-33-board-month');
  });

  it('the volunteer’s calendar address parses with ical.js and holds the shift; hours show the time', async () => {
    const page = browsers[1]!.page;
    await page.goto(`${server.url}/profile`);
    await page.getByRole('button', { name: 'Skapa kalenderadress' }).click();
    const input = page.getByLabel('Adress att prenumerera på');
    await expect.poll(() => input.count()).toBe(1);
    const url = await input.inputValue();
    await audit(page, 'shifts-27-calendar');
    const res = await fetch(url);
    expect(res.headers.get('content-type')).toBe('text/calendar; charset=utf-8');
    const cal = new ICAL.Component(ICAL.parse(await res.text()));
    ICAL.TimezoneService.register(new ICAL.Timezone(cal.getFirstSubcomponent('vtimezone')!));
    const event = cal
      .getAllSubcomponents('vevent')
      .map((v) => new ICAL.Event(v))
      .find((e) => e.uid.startsWith(shiftId));
    expect(event?.startDate.zone?.tzid).toBe('Europe/Stockholm');
    expect(event?.startDate.toJSDate().toISOString()).toBe(start.toISOString());
    expect(event?.summary).toBe('Körpass: Bil 1');

    await page.goto(`${server.url}/hours?`);
    await page.getByLabel('Till och med').fill(addDays(day, 1));
    await expect.poll(() => page.locator('tbody tr').first().textContent()).toBe('Ville Förare14 h 5 min');
    await audit(page, 'shifts-28-hours');
  });
});
