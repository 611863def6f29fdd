/** The installable PWA: manifest with icons, a service worker that caches the shell, and the shell working offline. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { CHROMIUM, CHROMIUM_FLAGS, startServer, type E2EServer } from './support.js';

let server: E2EServer;
let context: BrowserContext;
let profile: string;

beforeAll(async () => {
  server = await startServer();
  profile = mkdtempSync(join(tmpdir(), 'grannstod-pwa-'));
  // Service workers allowed here (the journeys block them to keep each page load fresh).
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width: 360, height: 780 },
    locale: 'sv-SE',
  });
});
afterAll(async () => {
  await context?.close();
  rmSync(profile, { recursive: true, force: true });
  await server?.close();
});

describe('PWA', () => {
  it('serves a manifest with installable icons', async () => {
    const res = await fetch(`${server.url}/manifest.webmanifest`);
    const manifest = (await res.json()) as { name: string; display: string; start_url: string; icons: { sizes: string; purpose?: string }[] };
    expect(manifest).toMatchObject({ name: 'Grannstöd', display: 'standalone', start_url: '/' });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(['192x192', '512x512']));
    expect(manifest.icons.some((i) => i.purpose === 'maskable')).toBe(true);
    for (const icon of ['/icon-192.png', '/icon-512.png']) expect((await fetch(`${server.url}${icon}`)).headers.get('content-type')).toBe('image/png');
  });

  it('registers a service worker that keeps the app shell working offline', async () => {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto(server.url);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Kom igång');
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    // The first load installs the worker; the next is controlled by it.
    await page.reload();
    await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);

    await context.setOffline(true);
    try {
      await page.reload();
      await expect.poll(() => page.getByRole('heading', { level: 1 }).count()).toBe(1);
      await expect.poll(() => page.getByText('Du är offline').count()).toBe(1);
      await page.screenshot({ path: 'test-results/screens/pwa-offline.png' });
    } finally {
      await context.setOffline(false);
    }
  });
});

describe('API explorer', () => {
  it('renders the OpenAPI explorer at /api/docs under its CSP', async () => {
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (msg) => {
      if (/Content Security Policy/i.test(msg.text())) violations.push(msg.text());
    });
    await page.goto(`${server.url}/api/docs`);
    await expect.poll(() => page.locator('.opblock-summary-path').count(), { timeout: 20_000 }).toBeGreaterThan(10);
    expect(await page.locator('.opblock-summary-path').allTextContents()).toContain('/api/members/{id}');
    expect(violations).toEqual([]);
    await page.close();
  });
});
