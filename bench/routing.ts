/**
 * routing: 100,000 new observations of one association against 200 area
 * polygons (16 vertices each, a 20 × 10 grid over Huddinge), with a rule per
 * area and category to one of ten recipients plus two rules for the whole
 * municipality. Timed: the job worker's routing sweep, as the running server
 * does it, until every observation is routed: each claimed, its action items
 * written with their timeline and the duplicate check (50 m, 30 days), and
 * their delivery queued (daily digests), a chunk of 50 per transaction.
 * per_observation_us and total_ms. Baseline: the pure routing function alone
 * over the same points (pure_per_observation_us).
 */
import { observationRow } from '../test/rows.js';
import { sql, type Insertable } from 'kysely';
import { loadConfig } from '../src/server/config.js';
import { startApp } from '../src/server/start.js';
import { seedAssociation, seedMember } from '../src/server/demo/seed.js';
import { insertArea } from '../src/server/features/associations/associations.repository.js';
import { ensureDefaultCategories, listCategories } from '../src/server/features/observations/categories.repository.js';
import { insertRecipient } from '../src/server/features/reports/recipients.repository.js';
import { insertRule } from '../src/server/features/reports/routing.repository.js';
import { loadRoutingTable, routeWith } from '../src/server/features/reports/routing.service.js';
import { routePending } from '../src/server/features/reports/routing-sweep.js';
import { recipientCreate, ruleCreate } from '../src/shared/api/reports.js';
import type { ObservationTable } from '../src/server/platform/db/schema.js';
import { freshDatabase, report, seededRandom, serverEnv, type Dialect } from './support.js';

const OBSERVATIONS = 100_000;
const COLUMNS = 20;
const ROWS = 10;
const WEST = 17.85;
const SOUTH = 59.19;
const CELL_LNG = 0.0175;
const CELL_LAT = 0.011;
const ROUTED_CODES = ['graffiti', 'dumping', 'vandalism', 'road-damage', 'unsafe-place', 'fire-risk', 'accident-risk', 'vehicle-abandoned'];

export async function benchRouting(dialect: Dialect): Promise<void> {
  const db = await freshDatabase(dialect);
  const env = serverEnv(db);
  const app = await startApp(loadConfig(env), { logger: false });
  const ctx = app.ctx;
  const rnd = seededRandom(7);
  try {
    const now = new Date().toISOString();
    const associationId = await seedAssociation(ctx, { name: 'Grannstöd Huddinge', municipality: 'Huddinge' });
    const memberId = await seedMember(ctx, associationId, {
      name: 'Vera Volontär',
      email: 'v@bench.se',
      password: 'bench-password-long-enough',
      roles: ['volunteer'],
    });
    await ensureDefaultCategories(ctx.db, associationId, now);
    const categories = (await listCategories(ctx.db, associationId)).filter((c) => ROUTED_CODES.includes(c.code)).map((c) => c.id);
    const recipients: string[] = [];
    for (let r = 0; r < 10; r++) {
      recipients.push(
        await insertRecipient(
          ctx.db,
          associationId,
          recipientCreate.parse({ name: `Mottagare ${r}`, kind: 'municipality', channel: 'email', email: `r${r}@bench.example`, delivery: 'daily' }),
          now,
        ),
      );
    }
    // 200 areas, each an irregular 16-gon inside its grid cell, with a rule per area and category.
    for (let row = 0; row < ROWS; row++) {
      for (let col = 0; col < COLUMNS; col++) {
        const cx = WEST + (col + 0.5) * CELL_LNG;
        const cy = SOUTH + (row + 0.5) * CELL_LAT;
        const ring: [number, number][] = [];
        for (let i = 0; i < 16; i++) {
          const angle = (2 * Math.PI * i) / 16;
          const r = 0.42 + rnd() * 0.08;
          ring.push([cx + Math.cos(angle) * CELL_LNG * r, cy + Math.sin(angle) * CELL_LAT * r]);
        }
        ring.push(ring[0]!);
        const areaId = await insertArea(ctx.db, associationId, { name: `Område ${row}-${col}`, geometry: { type: 'Polygon', coordinates: [ring] }, now });
        const categoryId = categories[(row * COLUMNS + col) % categories.length]!;
        await insertRule(ctx.db, associationId, ruleCreate.parse({ categoryId, areaId, recipientId: recipients[(row + col) % 10]! }), now);
      }
    }
    // The municipality takes graffiti and dumping everywhere.
    for (const code of ['graffiti', 'dumping']) {
      const categoryId = (await listCategories(ctx.db, associationId)).find((c) => c.code === code)!.id;
      await insertRule(ctx.db, associationId, ruleCreate.parse({ categoryId, recipientId: recipients[0]!, precedence: 1000 }), now);
    }

    const rows: Insertable<ObservationTable>[] = [];
    for (let i = 0; i < OBSERVATIONS; i++) {
      const at = new Date(Date.now() - rnd() * 30 * 86_400_000).toISOString();
      rows.push(
        observationRow({
          association_id: associationId,
          author_member_id: memberId,
          category_id: categories[Math.floor(rnd() * categories.length)]!,
          urgency: rnd() < 0.9 ? 'needs_action' : 'note',
          text: 'Klotter på elskåpet vid gångvägen',
          lat: SOUTH + rnd() * ROWS * CELL_LAT,
          lng: WEST + rnd() * COLUMNS * CELL_LNG,
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
    await sql`analyze`.execute(ctx.db);

    // Baseline: only the pure function, over the same points.
    const table = await loadRoutingTable(ctx.db, associationId);
    const p0 = performance.now();
    let matched = 0;
    for (const o of rows) matched += routeWith(table, o.category_id, o.lat, o.lng).recipientIds.length;
    const pureMs = performance.now() - p0;

    // The job worker's turns, as the server takes them (reports/background.ts): 2,000 at most each, until none wait.
    // The app's own worker is stopped: kicked by routing, it would route the same rows at the same time.
    await app.jobWorker.stop();
    const t0 = performance.now();
    while ((await routePending(ctx, 200, 10)) > 0);
    const totalMs = performance.now() - t0;

    const n = (r: { n: string | number }) => Number(r.n);
    const count = {
      unrouted: async () =>
        n(
          await ctx.db
            .selectFrom('observations')
            .where('routed_at', 'is', null)
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow(),
        ),
      items: async (held: boolean) =>
        n(
          await ctx.db
            .selectFrom('action_items')
            .where('state', held ? '=' : '!=', 'new')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow(),
        ),
    };
    const unrouted = await count.unrouted();
    if (unrouted > 0) throw new Error(`${unrouted} observations were left unrouted`);
    report(
      'routing',
      dialect,
      {
        observations: OBSERVATIONS,
        areas: ROWS * COLUMNS,
        per_observation_us: (totalMs * 1000) / OBSERVATIONS,
        total_ms: totalMs,
        items_queued: await count.items(false),
        items_held_as_duplicates: await count.items(true),
      },
      { pure_per_observation_us: (pureMs * 1000) / OBSERVATIONS, pure_recipients_matched: matched },
    );
  } finally {
    await app.app.close();
    await db.drop();
  }
}
