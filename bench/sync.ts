/**
 * sync: authenticated observation PUTs per second (put_rps), each a new
 * observation under a fresh UUIDv7 as a phone sends it when it comes back
 * online, with zero errors allowed (errors); a bare Fastify route in its own
 * process in the same run is the baseline (bare_rps). Load from autocannon in
 * this process; the server runs compiled, in its own process.
 */
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../src/server/demo/demo.js';
import { openDatabase } from '../src/server/platform/db/database.js';
import { BENCH_PUBLIC_URL, demoDatabase, newObservationPuts, report, signInCookie, type Dialect, startServerWithBaseline } from './support.js';

const DURATION_S = 10;
const CONNECTIONS = 20;

export async function benchSync(dialect: Dialect): Promise<void> {
  const { db, env } = await demoDatabase(dialect);

  const servers = await startServerWithBaseline(env);
  const base = servers.base;
  try {
    const cookie = await signInCookie(base, 'forare@demo.grannstod.se', DEMO_PASSWORD);
    const categories = (await (await fetch(`${base}/api/observation-categories`, { headers: { cookie } })).json()) as { id: string }[];
    const headers = { cookie, 'content-type': 'application/json', origin: BENCH_PUBLIC_URL };
    /** Every request a new observation somewhere in Huddinge, as a day of patrols sends them. */
    const request = newObservationPuts(categories, headers);
    const before = await countObservations(db.url);
    const warm = await autocannon({ url: base, connections: CONNECTIONS, duration: 2, requests: [{ setupRequest: () => request() }] });
    const put = await autocannon({ url: base, connections: CONNECTIONS, duration: DURATION_S, requests: [{ setupRequest: () => request() }] });
    const baseline = await autocannon({ url: servers.bareUrl, connections: CONNECTIONS, duration: DURATION_S });
    // Every answered PUT is a row, once: counted in the database itself, less the demo's own.
    const stored = (await countObservations(db.url)) - before;
    report(
      'sync',
      dialect,
      {
        put_rps: put.requests.average,
        put_p99_ms: put.latency.p99,
        errors: put.errors + put.non2xx,
        requests: put.requests.total,
        stored,
        answered_2xx: warm['2xx'] + put['2xx'],
      },
      { bare_rps: baseline.requests.average },
    );
  } finally {
    await servers.stop();
    await db.drop();
  }
}

async function countObservations(url: string): Promise<number> {
  const check = openDatabase(url);
  try {
    const row = await check.db
      .selectFrom('observations')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(row.n);
  } finally {
    await check.close();
  }
}
