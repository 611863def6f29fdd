/**
 * The main journeys in headless Chromium at phone size: setup, sign-in, inviting a
 * member who accepts and signs in, two-factor sign-in, role-aware navigation,
 * English and large text; each page passes an automated accessibility audit.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdirSync } from 'node:fs';
import { TOTP } from 'otpauth';
import type { Page } from 'playwright-core';
import { audit, openBrowser, SCREENS, startServer, type Browser, type E2EServer } from './support.js';
import { mailAsDelivered } from '../test/app.js';

let server: E2EServer;
let admin: Browser;
const ADMIN = { email: 'anna.admin@example.se', password: 'annas-long-password' };

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  server = await startServer();
  admin = await openBrowser();
});
afterAll(async () => {
  await admin?.close();
  await server?.close();
});

async function openNav(page: Page) {
  const menu = page.getByRole('button', { name: /Meny|Menu/ });
  if ((await menu.getAttribute('aria-expanded')) !== 'true') await menu.click();
}

async function navLabels(page: Page): Promise<string[]> {
  await openNav(page);
  const labels = await page.locator('#main-nav a').allTextContents();
  await page.getByRole('button', { name: /Meny|Menu/ }).click();
  return labels;
}

describe('journeys', () => {
  it('first run: the setup page creates the association and its admin', async () => {
    const { page } = admin;
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kom igång');
    await audit(page, '01-setup');
    await page.getByLabel('Föreningens namn').fill('Grannstöd Huddinge');
    await page.getByLabel('Kommun').fill('Huddinge');
    await page.getByLabel('Ditt namn').fill('Anna Admin');
    await page.getByLabel('E-postadress').fill(ADMIN.email);
    await page.getByLabel(/Nytt lösenord/).fill('short');
    await page.getByRole('button', { name: 'Skapa föreningen' }).click();
    await expect.poll(() => page.locator('#field-password-error').textContent()).toBe('Värdet är för kort.');
    await page.getByLabel(/Nytt lösenord/).fill(ADMIN.password);
    // A larger text chosen on the setup page is kept: it becomes the admin's own.
    await page.getByRole('button', { name: 'Större text' }).click();
    await page.getByRole('button', { name: 'Skapa föreningen' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hej Anna!');
    await expect
      .poll(() => page.evaluate(async () => ((await (await fetch('/api/me')).json()) as { member: { textSize: string } }).member.textSize))
      .toBe('large');
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('large');
    // Back to normal for the rest of the journey, as from the profile.
    await page.evaluate(() =>
      fetch('/api/me', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ textSize: 'normal' }) }),
    );
    await page.reload();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.textSize)).toBe('normal');
    // The association's first day: nothing is set up yet, and the start page says what to do first.
    await expect.poll(() => page.locator('.first-day').textContent()).toContain('5 av 5 steg kvar');
    expect(await page.locator('.checklist a').allTextContents()).toEqual([
      'Lägg till föreningens bilar',
      'Planera körpass',
      'Bjud in medlemmar',
      'Välj mottagare och regler: vart observationerna skickas',
      'Rita eller läs in områden',
    ]);
    await audit(page, '02-home-admin');
    expect(await page.title()).toBe('Hej Anna! – Grannstöd');
    expect(await navLabels(page)).toEqual([
      'Start',
      'Ny observation',
      'Observationer',
      'Karta',
      'Ärenden',
      'Mottagare och regler',
      'Körpass',
      'Bemanning',
      'Planera pass',
      'Timmar och km',
      'Uppföljning',
      'IOP-rapport',
      'Kategorier',
      'Medlemmar',
      'Bjud in',
      'Bilar',
      'Föreningen',
      'Händelselogg',
      'Utkorg',
      'Lagring och gallring',
      'Min profil',
    ]);
    // Escape closes the menu and puts focus back on its button.
    await openNav(page);
    const menu = page.getByRole('button', { name: /Meny|Menu/ });
    expect(await menu.getAttribute('aria-expanded')).toBe('true');
    await page.keyboard.press('Escape');
    await expect.poll(() => menu.getAttribute('aria-expanded')).toBe('false');
    expect(await page.evaluate(() => document.activeElement?.className)).toBe('menu-button');
  });

  it('an admin invites a member, who opens the link, chooses a password and signs in with a volunteer menu', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/invite-member`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Bjud in en medlem');
    await audit(page, '03-invite');
    await page.getByRole('textbox', { name: 'Namn', exact: true }).fill('Ville Volontär');
    await page.getByLabel('E-postadress').fill('ville@example.se');
    await page.getByLabel('Förare').check();
    await page.getByRole('button', { name: 'Skicka inbjudan' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('ville@example.se');
    // Sent again: a new link replaces the first.
    await page.getByRole('button', { name: 'Skicka igen: Ville Volontär' }).click();
    await expect.poll(() => page.getByText('En ny länk är skickad till ville@example.se').count()).toBe(1);

    // A long outbox comes a page at a time, the newest first.
    const { id: associationId } = await server.ctx.db.selectFrom('associations').select('id').executeTakeFirstOrThrow();
    await server.ctx.db
      .insertInto('mail_outbox')
      .values(
        Array.from({ length: 25 }, (_, i) => ({
          id: `00000000-0000-7000-8000-${String(i).padStart(12, '0')}`,
          association_id: associationId,
          to_address: `gammal${i}@example.se`,
          language: 'sv',
          subject: `Gammalt meddelande ${i}`,
          text_body: 'Hej!',
          html_body: '<p>Hej!</p>',
          status: 'sent',
          attempts: 1,
          last_error: null,
          next_attempt_at: '2026-01-01T08:00:00.000Z',
          created_at: `2026-01-01T08:${String(i).padStart(2, '0')}:00.000Z`,
          sent_at: '2026-01-01T08:00:00.000Z',
        })),
      )
      .execute();
    await page.goto(`${server.url}/outbox`);
    await expect.poll(() => page.locator('.cards .card').count()).toBe(20);
    expect(await page.locator('.show-more').textContent()).toMatch(/Visar 20 av 2\d\./);
    await page.getByRole('button', { name: /^Visa \d+ till$/ }).click();
    await expect.poll(() => page.locator('.cards .card').count()).toBeGreaterThan(20);
    // The newest mail is first.
    await page
      .getByRole('button', { name: /Inbjudan till Grannstöd Huddinge/ })
      .first()
      .click();
    const text = await page.locator('.mail-text').textContent();
    await audit(page, '04-outbox');
    // The admin reads the mail but not its link, which would give them Ville's account; Ville gets it in the mail.
    expect(text).toContain('[länken visas inte: bara mottagaren kan använda den]');
    expect(text).not.toContain('token=');
    const delivered = await mailAsDelivered(server, 'ville@example.se');
    const link = /(http:\/\/\S+\/invite\?token=[\w-]+)/.exec(delivered.text)![1]!;

    const ville = await openBrowser();
    try {
      await ville.page.goto(link);
      await expect.poll(() => ville.page.getByRole('heading', { level: 1 }).textContent()).toBe('Välkommen till Grannstöd Huddinge');
      await audit(ville.page, '05-accept-invite');
      // Before signing in, a person can switch language and enlarge the text, and the invitation keeps the choice.
      await ville.page.getByRole('button', { name: 'In English' }).click();
      await expect.poll(() => ville.page.getByRole('heading', { level: 1 }).textContent()).toBe('Welcome to Grannstöd Huddinge');
      await ville.page.getByRole('button', { name: 'Larger text' }).click();
      await expect.poll(() => ville.page.evaluate(() => document.documentElement.dataset.textSize)).toBe('large');
      await audit(ville.page, '05b-accept-invite-english-large');
      await ville.page.getByRole('button', { name: 'På svenska' }).click();
      await ville.page.reload();
      await expect.poll(() => ville.page.getByRole('heading', { level: 1 }).textContent()).toBe('Välkommen till Grannstöd Huddinge');
      expect(await ville.page.evaluate(() => document.documentElement.dataset.textSize)).toBe('large');
      await ville.page.getByLabel(/Nytt lösenord/).fill('villes-long-password');
      await ville.page.getByRole('button', { name: 'Skapa kontot' }).click();
      // The password he just chose signs him in: no sign-in page to get through.
      await expect.poll(() => ville.page.getByRole('heading', { level: 1 }).textContent()).toBe('Hej Ville!');
      // The larger text he chose before signing in is now his profile's.
      expect(await ville.page.evaluate(() => document.documentElement.dataset.textSize)).toBe('large');
      expect(await navLabels(ville.page)).toEqual([
        'Start',
        'Ny observation',
        'Observationer',
        'Karta',
        'Körpass',
        'Timmar och km',
        'Uppföljning',
        'Bilar',
        'Min profil',
      ]);
      // The link works once.
      await ville.page.goto(link);
      await expect.poll(() => ville.page.getByRole('alert').textContent()).toContain('redan använts');
      expect(ville.cspViolations).toEqual([]);
    } finally {
      await ville.close();
    }
  });

  it('member administration pages pass the audit', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/members`);
    await expect.poll(() => page.locator('.card').count()).toBe(2);
    await audit(page, '07-members');
    await page.getByLabel('Roller').selectOption('driver');
    await expect.poll(() => page.locator('.card').count()).toBe(1);
    await page.getByLabel('Roller').selectOption('');
    await expect.poll(() => page.locator('.card').count()).toBe(2);
    await page.getByRole('link', { name: 'Ville Volontär' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ville Volontär');
    const licence = page.getByRole('group', { name: 'Körkort kontrollerat' });
    await licence.getByLabel('Gäller till').fill('2020-01-01');
    await licence.getByLabel('Datum').fill('2026-05-01');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.locator('#field-qualification-driving_licence_checked-expires-error').textContent()).toBe('Värdet är inte giltigt.');
    await licence.getByLabel('Gäller till').fill('2031-05-01');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Sparat.');
    await audit(page, '08-member');
    await page.getByRole('button', { name: 'Inaktivera' }).click();
    await expect.poll(() => page.getByText(/Inaktivera Ville Volontär\?/).count()).toBe(1);
    await audit(page, '08b-member-confirm-deactivate');
    await page.getByRole('button', { name: 'Avbryt' }).click();
    await page.getByRole('button', { name: 'Inaktivera' }).click();
    await page.getByRole('button', { name: 'Inaktivera' }).click();
    await expect.poll(() => page.getByText('Medlemmen är inaktiverad. Historiken finns kvar.').count()).toBe(1);
    await page.getByRole('button', { name: 'Aktivera igen' }).click();
    await expect.poll(() => page.getByRole('button', { name: 'Inaktivera' }).count()).toBe(1);
    // Admins see the member's history on the same page.
    await expect.poll(() => page.getByText('Medlem inaktiverad').count()).toBe(1);
    expect(await page.getByText('Medlem ändrad').count()).toBeGreaterThanOrEqual(1);
    for (const [path, name] of [
      ['/association', '09-association'],
      ['/audit', '10-audit'],
      ['/forgot-password', '11-forgot'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
      await audit(page, name);
    }
  });

  it('a coordinator adds a car and puts it in the workshop', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/cars`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Bilar');
    await page.getByRole('textbox', { name: 'Namn på bilen' }).fill('Bil 1');
    await page.getByRole('textbox', { name: 'Registreringsnummer' }).fill('grn 1');
    await page.getByRole('button', { name: 'Lägg till bil' }).click();
    await expect.poll(() => page.locator('#field-registration-error').textContent()).toBe('Värdet är inte giltigt.');
    await page.getByRole('textbox', { name: 'Registreringsnummer' }).fill('grn101');
    await page.getByLabel('Mätarställning (km)').fill('48210');
    await page.getByLabel('Nästa service').fill(new Date(Date.now() + 10 * 86_400_000).toISOString().slice(0, 10));
    await page.getByRole('button', { name: 'Lägg till bil' }).click();
    await expect.poll(() => page.locator('.card').count()).toBe(1);
    expect(await page.locator('.card').textContent()).toMatch(/GRN 101 · I trafik · 48\s210 km/);
    expect(await page.locator('.due').textContent()).toMatch(/Nästa service om (9|10) dagar/);
    await audit(page, '09a-cars');
    await page.getByRole('button', { name: 'Ändra: Bil 1' }).click();
    await page.getByLabel('Status').selectOption('at_workshop');
    await page.getByRole('button', { name: 'Spara' }).click();
    await expect.poll(() => page.locator('.card').first().textContent()).toContain('På verkstad');
    await audit(page, '09b-cars-changed');
    // The start page's checklist has ticked the car and the invited member by itself.
    await page.goto(server.url);
    await expect.poll(() => page.locator('.first-day').textContent()).toContain('3 av 5 steg kvar');
    expect(await page.locator('.checklist li.done a').allTextContents()).toEqual(['Lägg till föreningens bilar', 'Bjud in medlemmar']);
  });

  it('two-factor: turned on in the profile, then sign-in asks for the code', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/profile`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Min profil');
    await audit(page, '12-profile');
    await page.getByLabel('Nuvarande lösenord').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Slå på tvåstegsverifiering' }).click();
    const secret = (await page.getByTestId('totp-secret').textContent())!.trim();
    expect(await page.getByTestId('backup-codes').locator('li').count()).toBe(10);
    await audit(page, '13-two-factor-setup');
    const totp = new TOTP({ secret, digits: 6, period: 30 });
    await page.getByLabel('Skriv koden från appen för att slå på').fill(totp.generate());
    await page.getByRole('button', { name: 'Bekräfta' }).click();
    await expect.poll(() => page.getByText('Tvåstegsverifiering är på.').count()).toBe(1);

    await openNav(page);
    await page.getByRole('button', { name: 'Logga ut', exact: true }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Logga in');
    await audit(page, '06-signin');
    await page.getByLabel('E-postadress').fill(ADMIN.email);
    await page.getByLabel('Lösenord').fill('wrong-password-1');
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Fel e-postadress eller lösenord.');
    await page.getByLabel('Lösenord').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Tvåstegsverifiering');
    await audit(page, '14-two-factor-signin');
    await page.getByLabel('Kod').fill('000000');
    await page.getByRole('button', { name: 'Bekräfta' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toBe('Koden stämmer inte. Försök igen.');
    // The code that turned two-factor on is spent (a code works once); the next step's code is accepted early.
    await page.getByLabel('Kod').fill(totp.generate({ timestamp: Date.now() + 30_000 }));
    await page.getByRole('button', { name: 'Bekräfta' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hej Anna!');
  });

  it('changes the own e-mail address through a link sent to the new one', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/profile`);
    await page.getByLabel('Ny e-postadress').fill('anna.ny@example.se');
    await page.getByRole('button', { name: 'Byt e-postadress' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('anna.ny@example.se');
    await page.goto(`${server.url}/outbox`);
    await page.getByRole('button', { name: 'Bekräfta din e-postadress' }).click();
    expect(await page.locator('.mail-text').textContent()).not.toContain('verify-email');
    const link = /(http:\/\/\S+verify-email\S+)/.exec((await mailAsDelivered(server, 'anna.ny@example.se')).text)![1]!;
    await page.goto(link);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Min profil');
    await expect.poll(() => page.getByText('anna.ny@example.se').count()).toBe(1);
  });

  it('switches to English and to larger text, still usable on a 360 px screen', async () => {
    const { page } = admin;
    await page.goto(`${server.url}/profile`);
    await page.getByLabel('Språk').selectOption('en');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('My profile');
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('en');
    await page.getByLabel('Larger').check();
    await expect.poll(() => page.evaluate(() => document.documentElement.dataset.textSize)).toBe('larger');
    const size = await page.evaluate(() => parseFloat(getComputedStyle(document.documentElement).fontSize));
    // 200 % of the browser's 16 px: WCAG's resize-text level, on a 360 px wide phone.
    expect(size).toBe(32);
    await audit(page, '15-profile-english-larger');
    await page.goto(`${server.url}/members`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Members');
    await audit(page, '16-members-english-larger');
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Hello Anna!');
    await audit(page, '17-home-english-larger');
    await openNav(page);
    await audit(page, '18-menu-english-larger');
    for (const [path, name] of [
      ['/invite-member', '19-invite-english-larger'],
      ['/association', '20-association-english-larger'],
      ['/audit', '21-audit-english-larger'],
      ['/outbox', '22-outbox-english-larger'],
    ] as const) {
      await page.goto(`${server.url}${path}`);
      await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
      await audit(page, name);
    }
    expect(admin.cspViolations).toEqual([]);
  });
});
