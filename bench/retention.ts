/**
 * retention: one full retention run over ten years of fifty associations
 * (1,000,000 observations with words, a photo for one in a hundred, 182,500
 * shifts with notes, 50,000 audit entries; bench/ten-years.ts), with the
 * default periods, run as the nightly jobs run it: one durable job per
 * association, taken by the compiled server's job worker.
 * - run_ms: from the first run's start to the last one's end (retention_runs);
 * - put_p99_ms: observation PUTs (autocannon, 10 connections, 100 a second in
 *   all, each a new observation) to the same server while the run goes on;
 * - baseline_put_p99_ms: the same load for 10 s just before the run (after 10 s
 *   of warm-up).
 * Also counted: the rows and files each run removed (removed_*).
 */
import autocannon from 'autocannon';
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { loadConfig } from '../src/server/config.js';
import { startApp } from '../src/server/start.js';
import { openDatabase } from '../src/server/platform/db/database.js';
import { enqueueJob } from '../src/server/platform/jobs/jobs.repository.js';
import { RETENTION_RUN } from '../src/server/features/retention/retention-schedule.js';
import {
  buildServer,
  SERVER_ENTRY,
  freshDatabase,
  newObservationPuts,
  report,
  serverEnv,
  signInCookie,
  startProcess,
  stopProcess,
  serverReady,
  BENCH_PUBLIC_URL,
  type Dialect,
  seededRandom,
} from './support.js';
import { ASSOCIATIONS, PASSWORD, seedTenYears } from './ten-years.js';

const CONNECTIONS = 10;
/**
 * PUTs a second, from all connections: far above what fifty associations send (a busy evening is a few a
 * minute), yet below what one server answers flat out, which would measure an overloaded server instead.
 */
const RATE = 100;

export async function benchRetention(dialect: Dialect): Promise<void> {
  const db = await freshDatabase(dialect);
  // The job worker runs (every 5 s) as on a live server; the scheduler's own runs are a day apart.
  const env = { ...serverEnv(db), REMINDER_INTERVAL_SECONDS: '86400' };
  const seeded = await startApp(loadConfig({ ...env, REMINDER_INTERVAL_SECONDS: '0' }), { logger: false });
  const t0 = performance.now();
  await seedTenYears(seeded.ctx, dialect, seededRandom(7), { photosEvery: 100 });
  console.log(`seeded in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  const associations = (await seeded.ctx.db.selectFrom('associations').select('id').execute()).map((r) => r.id);
  const filesBefore = countFiles(db.dataDir);
  await seeded.app.close();

  buildServer();
  const server = startProcess(SERVER_ENTRY, env);
  const check = openDatabase(db.url);
  try {
    const base = await serverReady(server);
    const cookie = await signInCookie(base, 'm1-1@bench.se', PASSWORD);
    const categories = (await (await fetch(`${base}/api/observation-categories`, { headers: { cookie } })).json()) as { id: string }[];
    const headers = { cookie, 'content-type': 'application/json', origin: BENCH_PUBLIC_URL };
    const request = newObservationPuts(categories, headers);
    // A longer warm-up than the other benchmarks: the first seconds on a freshly written database of this size are slow.
    await autocannon({ url: base, connections: CONNECTIONS, overallRate: RATE, duration: 10, requests: [{ setupRequest: () => request() }] });
    const baseline = await autocannon({ url: base, connections: CONNECTIONS, overallRate: RATE, duration: 10, requests: [{ setupRequest: () => request() }] });

    // The night's jobs, queued as the scheduler queues them; the server's worker takes them one after another.
    const queuedAt = new Date().toISOString();
    for (const id of associations) await enqueueJob(check.db, { kind: RETENTION_RUN, associationId: id, payload: { bench: true } });
    // Load for as long as the run takes: stopped when the last run has finished.
    let during: autocannon.Instance | undefined;
    const loadDone = new Promise<autocannon.Result>((resolve, reject) => {
      during = autocannon(
        { url: base, connections: CONNECTIONS, overallRate: RATE, duration: 3600, requests: [{ setupRequest: () => request() }] },
        (err, result) => (err ? reject(err as Error) : resolve(result)),
      );
    });
    const finished = async () =>
      Number(
        (
          await check.db
            .selectFrom('retention_runs')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('started_at', '>=', queuedAt)
            .where('finished_at', 'is not', null)
            .executeTakeFirstOrThrow()
        ).n,
      );
    while ((await finished()) < ASSOCIATIONS) await new Promise((r) => setTimeout(r, 500));
    during!.stop();
    const load = await loadDone;
    const runs = await check.db.selectFrom('retention_runs').selectAll().execute();
    const runMs = Math.max(...runs.map((r) => Date.parse(r.finished_at!))) - Math.min(...runs.map((r) => Date.parse(r.started_at)));
    const removed: Record<string, number> = {};
    for (const r of runs)
      for (const [kind, v] of Object.entries(JSON.parse(r.counts) as Record<string, { removed: number }>)) removed[kind] = (removed[kind] ?? 0) + v.removed;
    report(
      'retention',
      dialect,
      {
        run_ms: runMs,
        put_p99_ms: load.latency.p99,
        put_rps_during: load.requests.average,
        put_errors_during: load.errors + load.non2xx,
        removed_observation_texts_and_photos: removed.observation_texts ?? 0,
        removed_shift_notes: removed.shift_notes ?? 0,
        removed_audit: removed.audit ?? 0,
        photo_files_before: filesBefore,
        photo_files_after: countFiles(db.dataDir),
      },
      { baseline_put_p99_ms: baseline.latency.p99, baseline_put_rps: baseline.requests.average },
    );
  } finally {
    await check.close();
    await stopProcess(server);
    await db.drop();
  }
}

/** Files in the store (DATA_DIR/files/xx/hash). */
function countFiles(dataDir: string): number {
  const root = join(dataDir, 'files');
  try {
    return readdirSync(root).reduce((sum, dir) => sum + readdirSync(join(root, dir)).length, 0);
  } catch {
    return 0;
  }
}
