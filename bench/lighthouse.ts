/**
 * lighthouse: Lighthouse (mobile preset: a mid-range phone, 4× CPU slowdown,
 * slow 4G) on the pages a volunteer and a coordinator open most: home,
 * capture, shifts and the dashboard, with the demo association's six months
 * of data, signed in as its admin, served by the compiled server with the
 * built, precompressed web app. Reports performance and accessibility scores
 * (0–100), Largest Contentful Paint and Total Blocking Time (ms) per page; the
 * median of three runs each. Chromium from Debian.
 */
import { launch } from 'chrome-launcher';
import lighthouse from 'lighthouse';
import { DEMO_PASSWORD } from '../src/server/demo/demo.js';
import { buildServer, demoDatabase, median, report, SERVER_ENTRY, signInCookie, startProcess, stopProcess, serverReady, type Dialect } from './support.js';

const PAGES = { home: '/', capture: '/observe', shifts: '/shifts', dashboard: '/dashboard' };
const RUNS = 3;

export async function benchLighthouse(dialect: Dialect): Promise<void> {
  const { db, env } = await demoDatabase(dialect);

  buildServer();
  const server = startProcess(SERVER_ENTRY, env);
  const chrome = await launch({ chromePath: '/usr/bin/chromium', chromeFlags: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage'] });
  const metrics: Record<string, number> = {};
  try {
    const base = await serverReady(server);
    const cookie = await signInCookie(base, 'admin@demo.grannstod.se', DEMO_PASSWORD);
    for (const [name, path] of Object.entries(PAGES)) {
      const runs: { performance: number; accessibility: number; lcp: number; tbt: number }[] = [];
      for (let i = 0; i < RUNS; i++) {
        const result = await lighthouse(
          `${base}${path}`,
          { port: chrome.port, output: 'json', logLevel: 'error', onlyCategories: ['performance', 'accessibility'], extraHeaders: { cookie } },
          undefined,
        );
        const lhr = result!.lhr;
        // Signed in through the cookie: a page that fell back to the sign-in screen would measure the wrong thing.
        if (new URL(lhr.finalDisplayedUrl).pathname !== path) throw new Error(`${path} ended at ${lhr.finalDisplayedUrl}`);
        runs.push({
          performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
          accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
          lcp: lhr.audits['largest-contentful-paint']?.numericValue ?? NaN,
          tbt: lhr.audits['total-blocking-time']?.numericValue ?? NaN,
        });
        const failing = Object.values(lhr.audits).filter(
          (a) => lhr.categories.accessibility?.auditRefs.some((r) => r.id === a.id && r.weight > 0) && a.score === 0,
        );
        if (i === 0 && failing.length > 0) console.log(`${name}: accessibility audits failing: ${failing.map((a) => a.id).join(', ')}`);
      }
      for (const key of ['performance', 'accessibility', 'lcp', 'tbt'] as const) metrics[`${name}_${key}`] = median(runs.map((r) => r[key]));
    }
  } finally {
    await chrome.kill();
    await stopProcess(server);
    await db.drop();
  }
  report('lighthouse', dialect, metrics, {});
}
