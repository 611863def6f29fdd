/**
 * The follow-up in the browser, on the demo association's six months: the
 * municipality's partner reads the dashboard, the map with its heat and
 * coverage layers and the items sent to them, and cannot open a volunteer's
 * observation; the admin follows a figure to the list behind it, writes the
 * IOP report's summary and downloads the PDF; the public page, once turned
 * on, shows squares and counts to anyone. Every screen passes the audit.
 */
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { audit, openBrowser, withDemoServer, type Browser } from './support.js';
import { DEMO_PASSWORD } from '../src/server/demo/demo.js';

const demo = withDemoServer();
const browsers = demo.browsers;

async function signedIn(email: string) {
  const b = await openBrowser({ width: 390, height: 844 });
  browsers.push(b);
  await b.page.goto(`${demo.server().url}/signin`);
  await b.page.getByLabel('E-postadress').fill(email);
  await b.page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await b.page.getByRole('button', { name: 'Logga in' }).click();
  await expect.poll(() => b.page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hej /);
  return b.page;
}
const figure = (page: Browser['page'], label: string) => page.locator('.figure', { hasText: label }).locator('.figure-value').first();

describe('the follow-up', () => {
  it('a partner reads the dashboard, the map with heat and coverage, and the items sent to them, and nothing personal', async () => {
    const page = await signedIn('kommunen@demo.grannstod.se');
    await page.getByRole('link', { name: 'Uppföljning' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Uppföljning');
    await expect.poll(async () => Number((await figure(page, 'Observationer').textContent())?.replace(/\D/g, '')), { timeout: 10_000 }).toBeGreaterThan(100);
    expect(await page.getByRole('heading', { name: 'Observationer per kategori' }).count()).toBe(1);
    await audit(page, 'dashboard-partner');

    await page.goto(`${demo.server().url}/observations/map`);
    await page.locator('summary', { hasText: 'Filter och lager' }).click();
    await page.getByLabel('Värmekarta: var saker sågs').check();
    await page.getByLabel('Där vi körde').check();
    // The heat squares are red, the coverage squares blue: both are drawn.
    await expect.poll(() => page.locator('path[fill="#b3001b"]').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    await expect.poll(() => page.locator('path[fill="#0b4f8a"]').count(), { timeout: 10_000 }).toBeGreaterThan(3);
    await audit(page, 'map-heat-coverage-partner');

    await page.goto(`${demo.server().url}/items`);
    await expect.poll(() => page.locator('.item-card').count(), { timeout: 10_000 }).toBeGreaterThan(0);
    const cards = await page.locator('.item-card').allTextContents();
    expect(cards.every((c) => c.includes('Huddinge kommun'))).toBe(true);
    await page.locator('.item-card a').first().click();
    await expect.poll(() => page.getByRole('heading', { name: 'Det här skickades' }).count()).toBe(1);
    // What was sent, but no way into the volunteer's observation.
    expect(await page.getByRole('link', { name: /Observation/ }).count()).toBe(0);
    await audit(page, 'item-partner');
    // The municipality answers in the app, as it would through the mailed link: on the timeline as its own.
    await page.getByLabel('Nytt läge').selectOption({ label: 'Åtgärdat' });
    await page.getByLabel('Mottagarens ärendenummer').fill('KS-2026-0042');
    await page.getByLabel('Anteckning').fill('Städat av parkförvaltningen.');
    await page.getByRole('button', { name: 'Skicka svaret' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toBe('Sparat.');
    expect(await page.locator('.timeline li').last().textContent()).toContain('Åtgärdat');
    expect(await page.locator('.timeline li').last().textContent()).toContain('Huddinge kommun');
    // Closed now: no form to answer again.
    expect(await page.getByRole('button', { name: 'Skicka svaret' }).count()).toBe(0);
    await audit(page, 'item-partner-answered');
  });

  it('an admin follows a figure to its list, writes the IOP summary and downloads the report', async () => {
    const page = await signedIn('admin@demo.grannstod.se');
    await page.goto(`${demo.server().url}/dashboard`);
    await page.getByLabel('Period').selectOption('lastMonth');
    await expect.poll(async () => Number((await figure(page, 'Skickade').textContent())?.replace(/\D/g, '')), { timeout: 10_000 }).toBeGreaterThan(0);
    await page.locator('.figure a', { hasText: 'Åtgärdade' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Ärenden');
    expect(await page.getByLabel('Visa').inputValue()).toBe('resolved');
    await expect.poll(() => page.getByText(/Visar ärenden skickade/).count()).toBe(1);

    await page.goto(`${demo.server().url}/iop`);
    await page.getByLabel('Sammanfattning').fill('Ett halvår med två bilar och fler åtgärdade ärenden.');
    await page.getByRole('button', { name: 'Spara texterna' }).click();
    await expect.poll(() => page.getByText('Texterna är sparade.').count(), { timeout: 10_000 }).toBe(1);
    await audit(page, 'iop-admin');
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: 'Rapporten som PDF' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^iop-\d{4}-\d{2}-\d{2}-\d{4}-\d{2}-\d{2}\.pdf$/);
    expect(
      readFileSync((await download.path())!)
        .subarray(0, 5)
        .toString(),
    ).toBe('%PDF-');
  });

  it('the public page, once turned on, shows squares and counts to anyone', async () => {
    const page = await signedIn('admin@demo.grannstod.se');
    await page.goto(`${demo.server().url}/association`);
    await page.getByLabel(/Visa en offentlig sida/).check();
    await page.getByRole('button', { name: 'Spara' }).first().click();
    const link = page.getByRole('link', { name: /\/p\// });
    await expect.poll(() => link.count(), { timeout: 10_000 }).toBe(1);
    const address = (await link.getAttribute('href'))!;

    const visitor = await openBrowser({ width: 390, height: 844 });
    browsers.push(visitor);
    await visitor.page.goto(`${demo.server().url}${address}`);
    await expect.poll(() => visitor.page.getByRole('heading', { level: 1 }).textContent(), { timeout: 10_000 }).toBe('Grannstöd Huddinge: vad vi har sett');
    await expect.poll(() => visitor.page.locator('path[fill="#b3001b"]').count()).toBeGreaterThan(3);
    expect(await visitor.page.getByRole('row', { name: /Totalt/ }).count()).toBe(1);
    await audit(visitor.page, 'public-page');
  });
});
