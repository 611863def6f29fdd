/**
 * insights: the follow-up over ten years of fifty associations: 1,000,000
 * observations, 300,000 action items (each made of an observation), 182,500
 * shifts with two crew each. Then, through the HTTP API of the compiled
 * server, as a coordinator of one association:
 * - dashboard_p95_ms: the dashboard (every figure is in this one answer) for
 *   one year, one of the ten at random, for the whole association or one area;
 * - map_p95_ms: the map's clusters for random viewports, from the whole
 *   municipality down to a few blocks, any period; heat_p95_ms the heat grid;
 * - iop_pdf_ms: the IOP report's PDF for one year (the slowest of 10), and
 *   iop_pdf_peak_mb: the server process's peak resident memory (VmHWM, reset
 *   just before them) while it makes them: the whole process, not a difference.
 * 20 warm-up then 300 sequential requests each. Baseline: /healthz.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../src/server/config.js';
import { startApp } from '../src/server/start.js';
import {
  buildServer,
  SERVER_ENTRY,
  freshDatabase,
  median,
  report,
  serverEnv,
  signInCookie,
  startProcess,
  stopProcess,
  serverReady,
  timedRequests,
  p95,
  type Dialect,
  seededRandom,
  randomBbox,
} from './support.js';
import { PASSWORD, seedTenYears, YEARS } from './ten-years.js';

export async function benchInsights(dialect: Dialect): Promise<void> {
  const db = await freshDatabase(dialect);
  const env = serverEnv(db);
  const seeded = await startApp(loadConfig(env), { logger: false });
  const ctx = seeded.ctx;
  const rnd = seededRandom(42);
  const t0 = performance.now();
  const { first } = await seedTenYears(ctx, dialect, rnd);
  const loadSeconds = (performance.now() - t0) / 1000;
  const count = async (table: 'observations' | 'action_items' | 'shifts') =>
    Number(
      (
        await ctx.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
  const rows = { observations: await count('observations'), items: await count('action_items'), shifts: await count('shifts') };
  await seeded.app.close();

  buildServer();
  const server = startProcess(SERVER_ENTRY, env);
  try {
    const base = await serverReady(server);
    const cookie = await signInCookie(base, 'm0-0@bench.se', PASSWORD);
    const thisYear = new Date().getUTCFullYear();
    const year = () => thisYear - 1 - Math.floor(rnd() * (YEARS - 1));
    const dashboard = await timedRequests(
      () => {
        const y = year();
        const area = rnd() < 0.3 ? `&areaId=${first!.areas[Math.floor(rnd() * first!.areas.length)]}` : '';
        return `${base}/api/insights/dashboard?from=${y}-01-01&to=${y}-12-31${area}`;
      },
      { cookie },
      20,
      300,
    );
    const figures = dashboard.bodies as { observations: { total: { value: number } }; items: { sent: { value: number } } }[];
    const viewport = (path: string) => () => {
      const y = year();
      return `${base}${path}?bbox=${randomBbox(rnd)}${rnd() < 0.5 ? `&from=${y}-01-01&to=${y}-12-31` : ''}`;
    };
    const map = await timedRequests(viewport('/api/observations/map'), { cookie }, 20, 300);
    const heat = await timedRequests(viewport('/api/insights/heat'), { cookie }, 20, 300);
    // The peak so far (all the requests above), then reset, so the PDFs' own peak is what is read after them.
    const peakOf = () => Number(/VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${server.pid}/status`, 'utf8'))![1]) / 1024;
    const serverPeakMb = peakOf();
    writeFileSync(`/proc/${server.pid}/clear_refs`, '5');
    const pdfTimes: number[] = [];
    let pdfBytes = 0;
    for (let i = 0; i < 12; i++) {
      const y = year();
      const t = performance.now();
      const res = await fetch(`${base}/api/iop-report/report.pdf?from=${y}-01-01&to=${y}-12-31`, { headers: { cookie } });
      const body = await res.arrayBuffer();
      if (!res.ok) throw new Error(`PDF: HTTP ${res.status}`);
      // The first two warm the server up.
      if (i >= 2) pdfTimes.push(performance.now() - t);
      pdfBytes = body.byteLength;
    }
    const peakMb = peakOf();
    const health = await timedRequests(() => `${base}/healthz`, {}, 20, 300);
    console.log(
      `a year's dashboard: ${median(figures.map((f) => f.observations.total.value))} observations and ${median(figures.map((f) => f.items.sent.value))} items sent (median)`,
    );
    report(
      'insights',
      dialect,
      {
        observations: rows.observations,
        action_items: rows.items,
        shifts: rows.shifts,
        load_seconds: loadSeconds,
        dashboard_p95_ms: p95(dashboard.times),
        dashboard_median_ms: median(dashboard.times),
        map_p95_ms: p95(map.times),
        heat_p95_ms: p95(heat.times),
        iop_pdf_ms: Math.max(...pdfTimes),
        iop_pdf_median_ms: median(pdfTimes),
        iop_pdf_kb: pdfBytes / 1024,
        iop_pdf_peak_mb: peakMb,
        server_peak_before_pdf_mb: serverPeakMb,
      },
      { healthz_p95_ms: p95(health.times) },
    );
  } finally {
    await stopProcess(server);
    // BENCH_KEEP_DB=1 keeps the data to look into (EXPLAIN) afterwards.
    if (process.env.BENCH_KEEP_DB) console.log(`kept: ${db.url}`);
    else await db.drop();
  }
}
