/**
 * observations: 1,000,000 observations in 50 associations (rows), then through
 * the HTTP API of the compiled server, as a coordinator of one association:
 * a filtered list page of 50 (list_p95_ms: no filter, a category, an urgency,
 * the last 30 days, an area, the next page by cursor), and the map for random
 * viewports from the whole municipality down to a few blocks (map_p95_ms),
 * clustered on the server (map_max_markers). 20 warm-up then 300 sequential
 * requests each. Baseline: the app's /healthz in the same run.
 */
import { observationRow } from '../test/rows.js';
import { sql, type Insertable } from 'kysely';
import { loadConfig } from '../src/server/config.js';
import { startApp } from '../src/server/start.js';
import { seedAssociation, seedMember } from '../src/server/demo/seed.js';
import { insertArea } from '../src/server/features/associations/associations.repository.js';
import { ensureDefaultCategories, listCategories } from '../src/server/features/observations/categories.repository.js';
import { districtPolygon, districts } from '../src/server/demo/huddinge.js';
import { urgencies } from '../src/shared/domain/categories.js';
import type { ObservationTable } from '../src/server/platform/db/schema.js';
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

const ASSOCIATIONS = 50;
const PER_ASSOCIATION = 20_000;
const PASSWORD = 'bench-password-long-enough';
const DAY = 86_400_000;

export async function benchObservations(dialect: Dialect): Promise<void> {
  const db = await freshDatabase(dialect);
  const env = serverEnv(db);
  const seeded = await startApp(loadConfig(env), { logger: false });
  const ctx = seeded.ctx;
  const rnd = seededRandom(42);
  const now = Date.now();
  const t0 = performance.now();
  let first: { associationId: string; categories: string[]; areas: string[] } | undefined;
  for (let a = 0; a < ASSOCIATIONS; a++) {
    const associationId = await seedAssociation(ctx, { name: `Förening ${a}`, municipality: 'Huddinge' });
    const memberId = await seedMember(ctx, associationId, {
      name: `Samordnare ${a}`,
      email: `c${a}@bench.se`,
      password: PASSWORD,
      roles: ['volunteer', 'coordinator'],
    });
    const stamp = new Date().toISOString();
    await ensureDefaultCategories(ctx.db, associationId, stamp);
    const categories = (await listCategories(ctx.db, associationId)).map((c) => c.id);
    const areas: string[] = [];
    for (const [name, lat, lng] of districts) areas.push(await insertArea(ctx.db, associationId, { name, geometry: districtPolygon(lat, lng), now: stamp }));
    if (a === 0) first = { associationId, categories, areas };
    const rows: Insertable<ObservationTable>[] = [];
    for (let i = 0; i < PER_ASSOCIATION; i++) {
      const d = Math.floor(rnd() * districts.length);
      const [, lat, lng] = districts[d]!;
      const at = new Date(now - rnd() * 365 * DAY).toISOString();
      rows.push(
        observationRow({
          association_id: associationId,
          author_member_id: memberId,
          category_id: categories[Math.floor(rnd() * categories.length)]!,
          urgency: urgencies[Math.floor(rnd() * urgencies.length)]!,
          text: rnd() < 0.6 ? 'Klotter på elskåpet vid gångvägen' : null,
          lat: lat + (rnd() - 0.5) * 0.012,
          lng: lng + (rnd() - 0.5) * 0.024,
          area_id: areas[d]!,
          observed_at: at,
        }),
      );
    }
    await ctx.db.transaction().execute(async (trx) => {
      for (let i = 0; i < rows.length; i += 1000)
        await trx
          .insertInto('observations')
          .values(rows.slice(i, i + 1000))
          .execute();
    });
  }
  await sql`analyze`.execute(ctx.db);
  const loadSeconds = (performance.now() - t0) / 1000;
  const rowCount = Number(
    (
      await ctx.db
        .selectFrom('observations')
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
  await seeded.app.close();

  buildServer();
  const server = startProcess(SERVER_ENTRY, env);
  try {
    const base = await serverReady(server);
    const cookie = await signInCookie(base, 'c0@bench.se', PASSWORD);
    const f = first!;
    const firstPage = (await (await fetch(`${base}/api/observations?limit=50`, { headers: { cookie } })).json()) as { nextCursor: string };
    const since = new Date(now - 30 * DAY).toISOString().slice(0, 10);
    const lists = [
      () => '/api/observations?limit=50',
      () => `/api/observations?limit=50&categoryId=${f.categories[Math.floor(rnd() * f.categories.length)]}`,
      () => `/api/observations?limit=50&urgency=${urgencies[Math.floor(rnd() * urgencies.length)]}`,
      () => `/api/observations?limit=50&from=${since}`,
      () => `/api/observations?limit=50&areaId=${f.areas[Math.floor(rnd() * f.areas.length)]}`,
      () => `/api/observations?limit=50&cursor=${encodeURIComponent(firstPage.nextCursor)}`,
      () => `/api/observations?limit=50&from=${since}&categoryId=${f.categories[0]}&urgency=needs_action`,
    ];
    let li = 0;
    const list = await timedRequests(() => `${base}${lists[li++ % lists.length]!()}`, { cookie }, 20, 300);
    const viewport = () => `${base}/api/observations/map?bbox=${randomBbox(rnd)}${rnd() < 0.3 ? `&categoryId=${f.categories[0]}` : ''}`;
    // The slowest filter is the one to look at: each one's p95 (the same requests, grouped).
    const byFilter = lists.map((_, k) => p95(list.times.filter((__, i) => (i + 20) % lists.length === k)));
    console.log('list p95 by filter (none, category, urgency, 30 days, area, next page, combined):', byFilter.map((x) => x.toFixed(1)).join(' '));
    const map = await timedRequests(viewport, { cookie }, 20, 300);
    const health = await timedRequests(() => `${base}/healthz`, {}, 20, 300);
    const markers = (map.bodies as { markers: unknown[] }[]).map((b) => b.markers.length);
    report(
      'observations',
      dialect,
      {
        rows: rowCount,
        load_seconds: loadSeconds,
        list_p95_ms: p95(list.times),
        list_median_ms: median(list.times),
        map_p95_ms: p95(map.times),
        map_median_ms: median(map.times),
        map_max_markers: Math.max(...markers),
      },
      { healthz_p95_ms: p95(health.times) },
    );
  } finally {
    await stopProcess(server);
    await db.drop();
  }
}
