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
import { sql, type Insertable } from 'kysely';
import { crewRow, itemRow, observationRow, shiftRow } from '../test/rows.js';
import { loadConfig } from '../src/server/config.js';
import { startApp } from '../src/server/start.js';
import { seedAssociation, seedMember } from '../src/server/demo/seed.js';
import { insertArea } from '../src/server/features/associations/associations.repository.js';
import { insertVehicle } from '../src/server/features/vehicles/vehicles.repository.js';
import { insertRecipient } from '../src/server/features/reports/recipients.repository.js';
import { ensureDefaultCategories, listCategories } from '../src/server/features/observations/categories.repository.js';
import { districtPolygon, districts } from '../src/server/demo/huddinge.js';
import { urgencies } from '../src/shared/domain/categories.js';
import { recipientCreate } from '../src/shared/api/reports.js';
import type { ActionItemTable, ObservationTable, ShiftCrewTable, ShiftTable } from '../src/server/platform/db/schema.js';
import type { Database } from '../src/server/platform/db/schema.js';
import type { Kysely } from 'kysely';
import {
  buildServer,
  SERVER_ENTRY,
  freePort,
  freshDatabase,
  median,
  report,
  serverEnv,
  signInCookie,
  startProcess,
  stopProcess,
  waitForOk,
  timedRequests,
  p95,
  type Dialect,
  seededRandom,
  randomBbox,
} from './support.js';

const ASSOCIATIONS = 50;
const OBSERVATIONS = 20_000;
const ITEMS = 6_000;
const YEARS = 10;
const PASSWORD = 'bench-password-long-enough';
const DAY = 86_400_000;
const HOUR = 3_600_000;

async function insertAll<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000)
      await trx
        .insertInto(table)
        .values(rows.slice(i, i + 1000) as never)
        .execute();
  });
}

export async function benchInsights(dialect: Dialect): Promise<void> {
  const db = await freshDatabase(dialect);
  const port = freePort();
  const env = serverEnv(db, port);
  const seeded = await startApp(loadConfig(env), { logger: false });
  const ctx = seeded.ctx;
  const rnd = seededRandom(42);
  const now = Date.now();
  const start = now - YEARS * 365 * DAY;
  const t0 = performance.now();
  let first: { areas: string[] } | undefined;
  for (let a = 0; a < ASSOCIATIONS; a++) {
    const associationId = await seedAssociation(ctx, { name: `Förening ${a}`, municipality: 'Huddinge' });
    const stamp = new Date().toISOString();
    const members: string[] = [];
    for (let m = 0; m < 6; m++) {
      members.push(
        await seedMember(ctx, associationId, {
          name: `Medlem ${a}-${m}`,
          email: `m${a}-${m}@bench.se`,
          password: PASSWORD,
          roles: m === 0 ? ['volunteer', 'coordinator'] : ['volunteer'],
        }),
      );
    }
    await ensureDefaultCategories(ctx.db, associationId, stamp);
    const categories = (await listCategories(ctx.db, associationId)).map((c) => c.id);
    const areas: string[] = [];
    for (const [name, lat, lng] of districts) areas.push(await insertArea(ctx.db, associationId, { name, geometry: districtPolygon(lat, lng), now: stamp }));
    if (a === 0) first = { areas };
    const cars = [0, 1].map((c) =>
      insertVehicle(
        ctx.db,
        associationId,
        { name: `Bil ${c}`, registration: `B${String(a).padStart(2, '0')} ${100 + c}`, odometerKm: 1000, insuranceDueOn: null, serviceDueOn: null },
        stamp,
      ),
    );
    const vehicles = await Promise.all(cars);
    const recipients: string[] = [];
    for (let r = 0; r < 6; r++) {
      const recipient = recipientCreate.parse({
        name: `Mottagare ${r}`,
        kind: 'municipality',
        channel: 'manual',
        manualInstructions: 'Ring',
        responseDays: 5 + r * 2,
      });
      recipients.push(await insertRecipient(ctx.db, associationId, recipient, stamp));
    }

    // One evening shift a day for ten years, two crew; a few cancelled, most run.
    const shifts: Insertable<ShiftTable>[] = [];
    const crew: Insertable<ShiftCrewTable>[] = [];
    for (let d = 0; d < YEARS * 365; d++) {
      const startsAt = new Date(start + d * DAY + 17 * HOUR).toISOString();
      const r = rnd();
      const shift = shiftRow({
        association_id: associationId,
        vehicle_id: vehicles[d % 2]!,
        starts_at: startsAt,
        ends_at: new Date(Date.parse(startsAt) + 4 * HOUR).toISOString(),
        km: Math.round(20 + rnd() * 40),
        area_id: areas[d % areas.length]!,
        ...(r < 0.05 && { status: 'cancelled', checked_in_at: null, checked_out_at: null }),
      });
      shifts.push(shift);
      crew.push(crewRow({ association_id: associationId, shift_id: shift.id, member_id: members[d % 6]!, as_driver: 1, as_leader: 1 }));
      crew.push(crewRow({ association_id: associationId, shift_id: shift.id, member_id: members[(d + 1) % 6]!, present: rnd() < 0.1 ? 0 : 1 }));
    }
    await insertAll(ctx.db, 'shifts', shifts);
    await insertAll(ctx.db, 'shift_crew', crew);

    const observations: Insertable<ObservationTable>[] = [];
    for (let i = 0; i < OBSERVATIONS; i++) {
      const d = Math.floor(rnd() * districts.length);
      const [, lat, lng] = districts[d]!;
      observations.push(
        observationRow({
          association_id: associationId,
          author_member_id: members[i % 6]!,
          category_id: categories[Math.floor(rnd() * categories.length)]!,
          urgency: urgencies[Math.floor(rnd() * urgencies.length)]!,
          text: rnd() < 0.6 ? 'Klotter på elskåpet vid gångvägen' : null,
          lat: lat + (rnd() - 0.5) * 0.012,
          lng: lng + (rnd() - 0.5) * 0.024,
          area_id: areas[d]!,
          observed_at: new Date(start + rnd() * YEARS * 365 * DAY).toISOString(),
          routed_at: stamp,
        }),
      );
    }
    await insertAll(ctx.db, 'observations', observations);

    // Items: every third observation went to one recipient; most came back resolved.
    const items: Insertable<ActionItemTable>[] = [];
    const links: { item_id: string; observation_id: string; association_id: string; created_at: string }[] = [];
    for (let i = 0; i < ITEMS; i++) {
      const o = observations[i * 3]!;
      const sent = Date.parse(o.observed_at!) + 2 * HOUR;
      const r = rnd();
      const closes = sent + (6 + rnd() * 20 * 24) * HOUR;
      const outcome = closes > now ? 'sent' : r < 0.75 ? 'resolved' : r < 0.85 ? 'acknowledged' : r < 0.9 ? 'rejected' : 'sent';
      const item = itemRow({
        association_id: associationId,
        recipient_id: recipients[i % recipients.length]!,
        category_id: o.category_id,
        sent_at: new Date(sent).toISOString(),
        lat: o.lat,
        lng: o.lng,
        state: outcome,
        answered_at: outcome === 'sent' ? null : new Date(closes).toISOString(),
        closed_at: outcome === 'resolved' || outcome === 'rejected' ? new Date(closes).toISOString() : null,
      });
      items.push(item);
      links.push({ item_id: item.id!, observation_id: o.id!, association_id: associationId, created_at: o.observed_at! });
    }
    await insertAll(ctx.db, 'action_items', items);
    await insertAll(ctx.db, 'action_item_observations', links);
    if (a % 10 === 9) console.log(`seeded ${a + 1} associations in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  // As autovacuum leaves a live database (it is off on this machine's PostgreSQL): statistics and the visibility map.
  await sql.raw(dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(ctx.db);
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
    await waitForOk(`http://127.0.0.1:${port}/readyz`, performance.now(), server);
    const cookie = await signInCookie(port, 'm0-0@bench.se', PASSWORD);
    const base = `http://127.0.0.1:${port}`;
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
