/**
 * Data protection in the browser, at 390 px with the largest text: the admin
 * sets how long routes are kept and sees what the next run takes; anonymises a
 * departed member, after a wrong name is refused; downloads a member's data.
 * A member finds their own data and the privacy notice on the profile; an
 * invitee reads the notice before signing in. Every screen passes the audit.
 */
import { mkdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { audit, openBrowser, SCREENS, startServer, type Browser, type E2EServer } from './support.js';
import { seedAssociation, seedMember } from '../src/server/demo/seed.js';
import { seedAgedData } from '../test/retention-fixture.js';

const PASSWORD = 'a-long-e2e-password';
let server: E2EServer;
let associationId: string;
let departedId: string;
const browsers: Browser[] = [];

beforeAll(async () => {
  mkdirSync(SCREENS, { recursive: true });
  server = await startServer();
  associationId = await seedAssociation(server.ctx, { name: 'Grannstöd Huddinge', municipality: 'Huddinge' });
  await seedMember(server.ctx, associationId, {
    name: 'Anna Admin',
    email: 'anna@example.se',
    password: PASSWORD,
    roles: ['volunteer', 'coordinator', 'admin'],
  });
  const vera = await seedMember(server.ctx, associationId, { name: 'Vera Volontär', email: 'vera@example.se', password: PASSWORD, roles: ['volunteer'] });
  departedId = await seedMember(server.ctx, associationId, { name: 'Greta Grannsdotter', email: 'greta@example.se', password: PASSWORD, roles: ['volunteer'] });
  await seedAgedData(server.ctx, associationId, vera, new Date(), 'v');
  await seedAgedData(server.ctx, associationId, departedId, new Date(), 'g');
});
afterAll(async () => {
  for (const b of browsers) await b.close();
  await server?.close();
});

/** A phone at 390 px, signed in, with the largest text size. */
async function signedIn(email: string): Promise<Page> {
  const b = await openBrowser({ width: 390, height: 844 });
  browsers.push(b);
  await b.page.goto(`${server.url}/signin`);
  await b.page.getByLabel('E-postadress').fill(email);
  await b.page.getByLabel('Lösenord').fill(PASSWORD);
  await b.page.getByRole('button', { name: 'Logga in' }).click();
  await expect.poll(() => b.page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hej /);
  await b.page.evaluate(() =>
    fetch('/api/me', { method: 'PATCH', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ textSize: 'larger' }) }),
  );
  return b.page;
}
const h1 = (page: Page) => page.getByRole('heading', { level: 1 }).textContent();

describe('data protection', () => {
  it('an admin sets how long routes are kept and sees what the next run removes', async () => {
    const page = await signedIn('anna@example.se');
    await page.goto(`${server.url}/retention`);
    await expect.poll(() => h1(page)).toBe('Lagring och gallring');
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('larger');
    const routes = page.getByLabel('Körda rutter (månader)');
    await expect.poll(() => routes.inputValue()).toBe('12');
    // Two members' three-year-old routes are due; their recent ones are not.
    expect(await page.locator('.card', { has: routes }).locator('.retention-due').textContent()).toMatch(/^Vid nästa gallring tas 2 st bort/);
    await routes.fill('0');
    await page.getByRole('button', { name: 'Spara tiderna' }).click();
    await expect.poll(() => page.locator('#field-months\\.routes-error, [id$="routes-error"]').count()).toBeGreaterThan(0);
    await routes.fill('6');
    await page.getByRole('button', { name: 'Spara tiderna' }).click();
    await expect.poll(() => page.getByText('Sparat. Nästa gallring följer de nya tiderna.').count()).toBe(1);
    await audit(page, 'privacy-retention');
  });

  it('an admin anonymises a departed member, after a wrong name is refused, and downloads a member’s data', async () => {
    const page = await signedIn('anna@example.se');
    await page.goto(`${server.url}/members/${departedId}`);
    await expect.poll(() => h1(page)).toBe('Greta Grannsdotter');
    await page.getByRole('button', { name: 'Inaktivera' }).click();
    await page.getByRole('button', { name: 'Inaktivera' }).click();
    await expect.poll(() => page.getByRole('heading', { name: 'Anonymisera' }).count()).toBe(1);
    await page.getByLabel('Skriv medlemmens namn för att bekräfta').fill('Greta');
    await page.getByRole('button', { name: 'Anonymisera för gott' }).click();
    await expect.poll(() => page.getByText('Skriv medlemmens namn precis som det står, för att bekräfta.').count()).toBeGreaterThan(0);
    await audit(page, 'privacy-anonymise');
    await page.getByLabel('Skriv medlemmens namn för att bekräfta').fill('Greta Grannsdotter');
    await page.getByRole('button', { name: 'Anonymisera för gott' }).click();
    await expect.poll(() => page.getByText('Medlemmen är anonymiserad.').count()).toBe(1);
    await expect.poll(() => h1(page)).toMatch(/^Anonymiserad [0-9A-F]{4}$/);
    expect(await page.locator('main').textContent()).not.toContain('greta@example.se');

    // Vera's data, as the board makes it on her request: a real ZIP.
    const members = await page.evaluate(async () => (await fetch('/api/members')).json());
    const vera = (members as { id: string; name: string }[]).find((m) => m.name === 'Vera Volontär')!;
    await page.goto(`${server.url}/members/${vera.id}`);
    const link = page.getByRole('link', { name: 'Hämta registerutdrag (ZIP)' });
    expect(await link.getAttribute('href')).toBe(`/api/members/${vera.id}/export`);
    const zip = await page.evaluate(async (href) => {
      const res = await fetch(href);
      const bytes = new Uint8Array(await res.arrayBuffer());
      return { type: res.headers.get('content-type'), magic: String.fromCharCode(bytes[0]!, bytes[1]!), size: bytes.length };
    }, `/api/members/${vera.id}/export`);
    expect(zip).toMatchObject({ type: 'application/zip', magic: 'PK' });
    await audit(page, 'privacy-member-export');
  });

  it('a member finds their data and the privacy notice on the profile; an invitee reads it before signing in', async () => {
    const page = await signedIn('vera@example.se');
    await page.goto(`${server.url}/profile`);
    await expect.poll(() => page.getByRole('heading', { name: 'Hämta mina uppgifter' }).count()).toBe(1);
    expect(await page.getByRole('link', { name: 'Hämta registerutdrag (ZIP)' }).getAttribute('href')).toBe('/api/me/export');
    await page.getByRole('link', { name: 'Läs hur föreningen hanterar dina personuppgifter' }).click();
    await expect.poll(() => h1(page)).toBe('Så hanterar föreningen personuppgifter');
    await expect.poll(() => page.getByRole('heading', { name: 'Körda rutter' }).count()).toBe(1);
    expect(await page.locator('.card', { hasText: 'Körda rutter' }).textContent()).toContain('Sparas i 6 månader');
    await audit(page, 'privacy-notice');

    const stranger = await openBrowser({ width: 390, height: 844 });
    browsers.push(stranger);
    await stranger.page.goto(`${server.url}/privacy/${associationId}`);
    await expect.poll(() => h1(stranger.page)).toBe('Så hanterar föreningen personuppgifter');
    await expect.poll(() => stranger.page.getByText('Personuppgiftsansvarig är Grannstöd Huddinge (Huddinge).').count()).toBe(1);
    await audit(stranger.page, 'privacy-notice-public');
  });
});
