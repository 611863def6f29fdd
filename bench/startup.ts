/**
 * startup: time from starting the compiled server (what `npm start` runs) to /readyz
 * answering 200 (ready_ms) on a migrated database and on an empty one (migrations
 * run); baseline: a bare Fastify process from
 * start to its route answering (bare_ready_ms).
 */
import { buildServer, SERVER_ENTRY, freePort, freshDatabase, median, report, startProcess, stopProcess, waitForOk, type Dialect } from './support.js';

const RUNS = 5;

async function timeStart(entry: string, env: Record<string, string>, path: string): Promise<number> {
  const port = freePort();
  const started = performance.now();
  const child = startProcess(entry, { ...env, PORT: String(port) });
  try {
    return await waitForOk(`http://127.0.0.1:${port}${path}`, started, child);
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
