/**
 * session: authenticated requests per second (authed_rps) to GET /api/me with a
 * session cookie — session lookup, member, two-factor rule, response schema —
 * against a bare Fastify route in the same run (bare_rps). Load from autocannon
 * in this process; the server runs in its own process.
 */
import autocannon from 'autocannon';
import { DEMO_PASSWORD } from '../src/server/demo/demo.js';
import { demoDatabase, report, signInCookie, type Dialect, startServerWithBaseline } from './support.js';

const DURATION_S = 10;
const CONNECTIONS = 20;

async function load(url: string, headers: Record<string, string> = {}) {
  // Warm up, then measure.
  await autocannon({ url, connections: CONNECTIONS, duration: 2, headers });
  const r = await autocannon({ url, connections: CONNECTIONS, duration: DURATION_S, headers });
  return { rps: r.requests.average, p99: r.latency.p99, errors: r.errors + r.non2xx };
}

export async function benchSession(dialect: Dialect): Promise<void> {
  const { db, env } = await demoDatabase(dialect);

  const servers = await startServerWithBaseline(env);
  const base = servers.base;
  try {
    const cookie = await signInCookie(base, 'admin@demo.grannstod.se', DEMO_PASSWORD);
    const authed = await load(`${base}/api/me`, { cookie });
    const health = await load(`${base}/healthz`);
    const baseline = await load(servers.bareUrl);
    report(
      'session',
      dialect,
      { authed_rps: authed.rps, authed_p99_ms: authed.p99, authed_errors: authed.errors, app_unauthed_rps: health.rps },
      { bare_rps: baseline.rps, bare_p99_ms: baseline.p99 },
    );
  } finally {
    await servers.stop();
    await db.drop();
  }
}
