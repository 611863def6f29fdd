/**
 * startup: time from starting the compiled server (what `npm start` runs) to /readyz
 * answering 200 (ready_ms) on a migrated database and on an empty one (migrations
 * run); baseline: a bare Fastify process from
 * start to its route answering (bare_ready_ms).
 */
import { boundPort } from './bound-port.js';
import { BENCH_PUBLIC_URL, buildServer, SERVER_ENTRY, freshDatabase, median, report, startProcess, stopProcess, waitForOk, type Dialect } from './support.js';

const RUNS = 5;

async function timeStart(entry: string, env: Record<string, string>, path: string): Promise<number> {
  const started = performance.now();
  // The kernel picks the port; reading it back is part of the time, as a supervisor's first probe would be.
  const child = startProcess(entry, { ...env, PORT: '0', PUBLIC_URL: BENCH_PUBLIC_URL });
  try {
    return await waitForOk(`http://127.0.0.1:${await boundPort(child)}${path}`, started, child);
  } finally {
    await stopProcess(child);
  }
}

export async function benchStartup(dialect: Dialect): Promise<void> {
  buildServer();
  const cold: number[] = [];
  const warm: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const db = await freshDatabase(dialect);
    const env = { DATABASE_URL: db.url, DATA_DIR: db.dataDir, LOG_LEVEL: 'warn', NODE_ENV: 'development' };
    try {
      cold.push(await timeStart(SERVER_ENTRY, env, '/readyz'));
      warm.push(await timeStart(SERVER_ENTRY, env, '/readyz'));
    } finally {
      await db.drop();
    }
  }
  const bare: number[] = [];
  for (let i = 0; i < RUNS; i++) bare.push(await timeStart('bench/bare-server.ts', {}, '/bare'));
  report('startup', dialect, { ready_ms: median(warm), ready_empty_db_ms: median(cold) }, { bare_ready_ms: median(bare) });
}
