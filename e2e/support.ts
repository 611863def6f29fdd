/** Browser-test support: the real server on a fresh SQLite file, and the system's Chromium driven by Playwright. */
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, beforeAll, expect } from 'vitest';
import type { AddressInfo } from 'node:net';
import { createServer } from 'node:http';
import { loadConfig } from '../src/server/config.js';
import { startApp } from '../src/server/start.js';
import type { AppContext } from '../src/server/context.js';
import { WORKERS_DRIVEN_BY_TEST } from '../test/env.js';

export const CHROMIUM = '/usr/bin/chromium';
export const CHROMIUM_FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

export interface E2EServer {
  url: string;
  /** The running app's context: tests seed members and move the server's clock through it. */
  ctx: AppContext;
  /** Run the background work now instead of waiting for its timer. */
  drainMail(): Promise<void>;
  close(): Promise<void>;
}

export async function startServer(env: Record<string, string> = {}): Promise<E2EServer> {
  const dir = mkdtempSync(join(tmpdir(), 'grannstod-e2e-'));
  // PUBLIC_URL must name the port for links and origin checks, and the config is read before the app is built:
  // the HTTP server listens first, on a port the kernel picks, and the app then answers its requests.
  const http = createServer();
  await new Promise<void>((resolve, reject) => http.once('error', reject).listen(0, '127.0.0.1', resolve));
  const port = (http.address() as AddressInfo).port;
  const config = loadConfig({
    NODE_ENV: 'test',
    DATABASE_URL: `sqlite:${join(dir, 'e2e.db')}`,
    DATA_DIR: dir,
    PORT: String(port),
    PUBLIC_URL: `http://127.0.0.1:${port}`,
    AUTH_SECRET: 'e2e-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'silent',
    SIGNIN_MAX_ATTEMPTS: '100',
    ...WORKERS_DRIVEN_BY_TEST,
    POLICE_EVENTS_URL: 'none',
    // No internet here: maps draw without tiles, as they must be able to.
    MAP_TILE_URL: 'none',
    ...env,
  });
  const { app, ctx, mailWorker } = await startApp(config, {
    webRoot: join(process.cwd(), 'dist/web'),
    logger: false,
    serverFactory: (handler) => http.on('request', handler),
  });
  await app.ready();
  return {
    url: config.publicUrl,
    ctx,
    drainMail: () => mailWorker.drain(),
    close: async () => {
      await app.close();
      // The app never listened, so it leaves its server to us: the browser's keep-alive sockets go too.
      http.closeAllConnections();
      await new Promise((resolve) => http.close(resolve));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface Browser {
  context: BrowserContext;
  page: Page;
  /** Content-Security-Policy violations seen in the console: there must be none. */
  cspViolations: string[];
  close(): Promise<void>;
}

export interface BrowserOptions {
  width?: number;
  height?: number;
  /** Allow the app's service worker (the journeys block it to keep each page load fresh). */
  serviceWorkers?: boolean;
  /** A position the phone reports, with permission granted. */
  geolocation?: { latitude: number; longitude: number; accuracy: number };
}

/** A fresh Chromium profile at phone size (360 px wide). */
export async function openBrowser(options: BrowserOptions = {}): Promise<Browser> {
  const { width = 360, height = 780 } = options;
  const profile = mkdtempSync(join(tmpdir(), 'grannstod-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: CHROMIUM_FLAGS,
    viewport: { width, height },
    locale: 'sv-SE',
    timezoneId: 'Europe/Stockholm',
    serviceWorkers: options.serviceWorkers ? 'allow' : 'block',
    ...(options.geolocation && { geolocation: options.geolocation, permissions: ['geolocation'] }),
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const cspViolations: string[] = [];
  page.on('console', (msg) => {
    if (/Content Security Policy/i.test(msg.text())) cspViolations.push(msg.text());
  });
  return {
    context,
    page,
    cspViolations,
    close: async () => {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core (WCAG 2.x A and AA rules) on the page; returns serious and critical violations. */
export async function seriousA11yViolations(page: Page): Promise<AxeViolation[]> {
  // Evaluated through DevTools, so the page's strict CSP still holds for the app itself.
  await page.evaluate(axeSource);
  const result = await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: Document, opts: unknown) => Promise<{ violations: AxeViolation[] }> } }).axe;
    return axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'] } });
  });
  return result.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => ({ id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map((n) => ({ target: n.target })) }));
}

/** Touch targets smaller than 44×44 CSS px among visible buttons, links styled as controls, inputs and selects. */
export async function smallTouchTargets(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const small: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('button, input:not([type=hidden]), select, nav a, .tile, .card-title'))) {
      const r = el.getBoundingClientRect();
      if (r.width === 0 && r.height === 0) continue;
      const isCheck = el instanceof HTMLInputElement && (el.type === 'checkbox' || el.type === 'radio');
      // A checkbox's label makes its target large; check the row it sits in.
      const box = isCheck ? el.parentElement!.getBoundingClientRect() : r;
      if (box.height < 44 || box.width < 44)
        small.push(`${el.tagName.toLowerCase()}#${el.id || el.textContent?.trim().slice(0, 20)} ${Math.round(box.width)}×${Math.round(box.height)}`);
    }
    return small;
  });
}

/** True when the page is wider than the viewport (content would scroll sideways). */
export async function overflowsHorizontally(page: Page): Promise<boolean> {
  return page.evaluate(() => document.documentElement.scrollWidth > window.innerWidth + 1);
}

/** Ids used more than once on the page: a label pointing at a duplicated id labels the wrong field. */
export async function duplicateIds(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const seen = new Map<string, number>();
    for (const el of Array.from(document.querySelectorAll('[id]'))) seen.set(el.id, (seen.get(el.id) ?? 0) + 1);
    return [...seen].filter(([, n]) => n > 1).map(([id]) => id);
  });
}

export const SCREENS = 'test-results/screens';

/** Screenshots the page as it is now, then audits it: no serious or critical axe violation, touch targets ≥ 44 px, no sideways scrolling, no duplicate ids. */
export async function audit(page: Page, name: string): Promise<void> {
  await page.screenshot({ path: `${SCREENS}/${name}.png`, fullPage: true });
  expect(await seriousA11yViolations(page), `axe on ${name}`).toEqual([]);
  expect(await smallTouchTargets(page), `touch targets on ${name}`).toEqual([]);
  expect(await overflowsHorizontally(page), `horizontal overflow on ${name}`).toBe(false);
  expect(await duplicateIds(page), `duplicate ids on ${name}`).toEqual([]);
}

/**
 * Text that does not fit its box and is cut: an element whose content is wider
 * than itself while it hides or scrolls the rest. Maps and their controls are
 * left out: a map pans by design.
 */
export async function clippedText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const cut: string[] = [];
    for (const el of Array.from(document.querySelectorAll<HTMLElement>('body *'))) {
      // A form field's value scrolls inside it by design, as it does on every platform.
      if (el.closest('.leaflet-container, svg, script, style, .visually-hidden, input, textarea, select')) continue;
      // A box of 1 px or less is hidden on purpose (a table's header read only by screen readers).
      if (el.clientWidth <= 1 || el.scrollWidth <= el.clientWidth + 1) continue;
      const ownText = Array.from(el.childNodes).some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '');
      const style = getComputedStyle(el);
      if (!ownText && style.overflowX === 'visible') continue;
      cut.push(
        `${el.tagName.toLowerCase()}${el.id ? '#' + el.id : ''}${el.className ? '.' + String(el.className).split(' ')[0] : ''} "${(el.textContent ?? '').trim().slice(0, 30)}" ${el.scrollWidth}>${el.clientWidth}`,
      );
    }
    return cut;
  });
}

/**
 * For a test file on the demo association's six months: a server filled with
 * the demo before the tests, and it and the browsers the tests open closed after.
 */
export function withDemoServer(): { server: () => E2EServer; browsers: Browser[] } {
  let server: E2EServer | undefined;
  const browsers: Browser[] = [];
  beforeAll(async () => {
    mkdirSync(SCREENS, { recursive: true });
    server = await startServer();
    const { fillDemo } = await import('../src/server/demo/demo.js');
    await fillDemo(server.ctx);
  }, 180_000);
  afterAll(async () => {
    for (const b of browsers) await b.close();
    await server?.close();
  });
  return { server: () => server!, browsers };
}
