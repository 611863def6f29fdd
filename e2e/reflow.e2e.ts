/**
 * Reflow (WCAG 1.4.10) on the demo association: every screen, for every role,
 * at 320 px wide with the app's largest text (200 %) neither scrolls sideways
 * nor cuts a word. The text size is chosen on the sign-in page, before signing
 * in, as a person who cannot read the normal size would; it must stay theirs.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { audit, clippedText, openBrowser, overflowsHorizontally, SCREENS, seriousA11yViolations, withDemoServer } from './support.js';
import { DEMO_PASSWORD } from '../src/server/demo/demo.js';

const demo = withDemoServer();
const browsers = demo.browsers;

/** A 320 px phone on the sign-in page, its largest text chosen there. */
async function phoneAtLargestText(): Promise<Page> {
  const b = await openBrowser({ width: 320, height: 720 });
  browsers.push(b);
  const { page } = b;
  await page.goto(`${demo.server().url}/signin`);
  await page.getByRole('button', { name: 'Större text' }).click();
  await page.getByRole('button', { name: 'Större text' }).click();
  expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('larger');
  return page;
}

/** Signs in at 320 px, choosing the largest text on the sign-in page first: it stays theirs. */
async function signedInAtLargestText(email: string): Promise<Page> {
  const page = await phoneAtLargestText();
  await page.getByLabel('E-postadress').fill(email);
  await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Logga in' }).click();
  await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hej /);
  expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('larger');
  return page;
}

/** The first link on a list screen whose address matches, to reach a detail screen with real data. */
async function firstLink(page: Page, list: string, pattern: RegExp): Promise<string | null> {
  await page.goto(`${demo.server().url}${list}`);
  await page.waitForLoadState('networkidle');
  const hrefs = await page.locator('main a[href]').evaluateAll((as) => as.map((a) => a.getAttribute('href') ?? ''));
  return hrefs.find((h) => pattern.test(h)) ?? null;
}

async function checkReflow(page: Page, path: string, name: string): Promise<string[]> {
  await page.goto(`${demo.server().url}${path}`);
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  await page.screenshot({ path: `${SCREENS}/reflow-${name}.png`, fullPage: true });
  const faults: string[] = [];
  if (await overflowsHorizontally(page)) {
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    faults.push(`${path}: page is ${width} px wide`);
  }
  for (const c of await clippedText(page)) faults.push(`${path}: clipped ${c}`);
  return faults;
}

const memberScreens = ['/', '/observe', '/observations', '/observations/map', '/shifts', '/hours', '/profile', '/privacy', '/items'];
const adminScreens = [
  ...memberScreens,
  '/members',
  '/invite-member',
  '/association',
  '/audit',
  '/outbox',
  '/retention',
  '/cars',
  '/board',
  '/plan',
  '/categories',
  '/routing',
  '/dashboard',
  '/iop',
];

describe('reflow at 320 px and 200 % text', () => {
  it('every admin screen, with its detail screens, fits without sideways scrolling or cut words', async () => {
    const page = await signedInAtLargestText('admin@demo.grannstod.se');
    const details = [
      await firstLink(page, '/observations', /^\/observations\/(?!map$)[^/]+$/),
      await firstLink(page, '/items?view=all', /^\/items\/[^/]+$/),
      await firstLink(page, '/shifts', /^\/shifts\/[^/]+$/),
      await firstLink(page, '/members', /^\/members\/[^/]+$/),
      await firstLink(page, '/cars', /^\/cars\/[^/]+\/log$/),
    ].filter((x): x is string => x !== null);
    expect(details, JSON.stringify(details)).toHaveLength(5);
    const faults: string[] = [];
    for (const path of [...adminScreens, ...details]) faults.push(...(await checkReflow(page, path, `admin${path.replace(/\//g, '-')}`)));
    expect(faults).toEqual([]);
  });

  it('a volunteer, a shift leader and a partner: their screens fit too', async () => {
    const faults: string[] = [];
    for (const [email, screens] of [
      ['volontar@demo.grannstod.se', memberScreens],
      ['passansvarig@demo.grannstod.se', [...memberScreens, '/board']],
      ['kommunen@demo.grannstod.se', ['/', '/items', '/dashboard', '/observations/map', '/profile']],
    ] as const) {
      const page = await signedInAtLargestText(email);
      const role = email.split('@')[0]!;
      for (const path of screens) faults.push(...(await checkReflow(page, path, `${role}${path.replace(/\//g, '-')}`)));
      if (role === 'volontar') expect(await seriousA11yViolations(page)).toEqual([]);
    }
    expect(faults).toEqual([]);
  });

  it('the pages before sign-in fit', async () => {
    const page = await phoneAtLargestText();
    const faults: string[] = [];
    for (const path of ['/signin', '/forgot-password', '/invite?token=x', '/reset-password?token=x'])
      faults.push(...(await checkReflow(page, path, `public${path.replace(/[/?=]/g, '-')}`)));
    expect(faults).toEqual([]);
  });
});

describe('on a desktop', () => {
  it('the menu is a side menu grouped by task, beside the screen, with no button to open it', async () => {
    const b = await openBrowser({ width: 1280, height: 900 });
    browsers.push(b);
    const { page } = b;
    await page.goto(`${demo.server().url}/signin`);
    await page.getByLabel('E-postadress').fill('admin@demo.grannstod.se');
    await page.getByLabel('Lösenord').fill(DEMO_PASSWORD);
    await page.getByRole('button', { name: 'Logga in' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^Hej /);
    expect(await page.getByRole('button', { name: 'Meny' }).isVisible()).toBe(false);
    expect(await page.locator('.nav-heading').allTextContents()).toEqual(['I bilen', 'Ärenden', 'Körpass och bilar', 'Uppföljning', 'Föreningen', 'Du']);
    const nav = (await page.locator('#main-nav').boundingBox())!;
    const main = (await page.locator('main').boundingBox())!;
    expect(nav.x + nav.width).toBeLessThanOrEqual(main.x + 1);
    expect(nav.y).toBeLessThan(main.y + main.height);
    // The last entry, "Logga ut", is in the side menu too.
    expect(await page.getByRole('button', { name: 'Logga ut' }).isVisible()).toBe(true);
    await audit(page, 'desktop-home-admin');
  });
});
