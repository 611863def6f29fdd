/** Benchmark plumbing: a database per run, child processes, the result file of the bench contract. */
import { uuidv7 } from '../src/shared/domain/ids.js';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { createPostgresDatabase } from '../test/db.js';
import { WORKERS_DRIVEN_BY_TEST } from '../test/env.js';
import { boundPort } from './bound-port.js';

export type Dialect = 'sqlite' | 'postgres';

export function parseArgs(argv: string[]): { name: string; dialect: Dialect } {
  const name = argv.find((a) => !a.startsWith('--')) ?? '';
  const i = argv.indexOf('--dialect');
  const dialect = (i >= 0 ? argv[i + 1] : 'sqlite') as Dialect;
  if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error('--dialect must be sqlite or postgres');
  return { name, dialect };
}

/** A fresh, empty database for one run (on PG_URL's server for PostgreSQL, as the tests do); drop() removes it. */
export async function freshDatabase(dialect: Dialect): Promise<{ url: string; dataDir: string; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'grannstod-bench-'));
  const removeDir = async () => rmSync(dataDir, { recursive: true, force: true });
  if (dialect === 'sqlite') return { url: `sqlite:${join(dataDir, 'bench.db')}`, dataDir, drop: removeDir };
  const database = await createPostgresDatabase('grannstod_bench');
  return {
    url: database.url,
    dataDir,
    drop: async () => {
      await database.drop();
      await removeDir();
    },
  };
}

/** Compiles the server as `npm start` does; benchmarks run what production runs. */
export const SERVER_ENTRY = 'dist/server/main.js';
export function buildServer(): void {
  execFileSync('npx', ['tsc', '-p', 'tsconfig.server.json'], { stdio: 'inherit' });
}

/** Starts an entry point as a child process with this environment: compiled JavaScript as is, TypeScript under tsx. */
export function startProcess(entry: string, env: Record<string, string>): ChildProcess {
  const args = entry.endsWith('.ts') ? ['--import', 'tsx', entry] : [entry];
  return spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Polls url until it answers 200; resolves with the milliseconds since `since`. Fails early if the child has exited. */
export async function waitForOk(url: string, since: number, child?: ChildProcess, timeoutMs = 60_000): Promise<number> {
  let last = 'no answer';
  for (;;) {
    if (child && child.exitCode !== null) throw new Error(`the server exited with code ${child.exitCode} before ${url} answered`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      if (res.ok) return performance.now() - since;
      last = `HTTP ${res.status} ${await res.text()}`;
    } catch (err) {
      last = String((err as Error).cause ?? err);
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} not ready after ${timeoutMs} ms (last: ${last})`);
    await new Promise((r) => setTimeout(r, 5));
  }
}

export async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  await new Promise<void>((resolve) => {
    child.once('exit', () => resolve());
    child.kill('SIGTERM');
  });
}

export const median = (xs: number[]) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)]!;
};

/**
 * The address benchmarked servers are told people use (PUBLIC_URL): they listen on PORT=0, so the
 * real port is known only once they listen (boundPort); requests go there and name this origin.
 */
export const BENCH_PUBLIC_URL = 'http://grannstod.bench.test';

/** Waits for a started server to listen and answer /readyz; gives the address to send requests to. */
export async function serverReady(child: ChildProcess, path = '/readyz'): Promise<string> {
  const since = performance.now();
  const base = `http://127.0.0.1:${await boundPort(child)}`;
  await waitForOk(`${base}${path}`, since, child);
  return base;
}

/** Prints a table and writes bench/results/NAME-DIALECT.json as the contract in ARCHITECTURE.md says. */
export function report(name: string, dialect: Dialect, metrics: Record<string, number>, baseline: Record<string, number>): void {
  const result = {
    name,
    dialect,
    date: new Date().toISOString(),
    machine: { cpus: cpus().length, cpuModel: cpus()[0]?.model ?? 'unknown', memory: totalmem(), node: process.version },
    metrics,
    baseline,
  };
  mkdirSync('bench/results', { recursive: true });
  writeFileSync(`bench/results/${name}-${dialect}.json`, `${JSON.stringify(result, null, 2)}\n`);
  console.log(`\n${name} on ${dialect}`);
  console.table({
    ...Object.fromEntries(Object.entries(metrics).map(([k, v]) => [k, { value: Math.round(v * 10) / 10, kind: 'metric' }])),
    ...Object.fromEntries(Object.entries(baseline).map(([k, v]) => [k, { value: Math.round(v * 10) / 10, kind: 'baseline' }])),
  });
  console.log(`written to bench/results/${name}-${dialect}.json`);
}

/** The environment of a benchmarked server: its own database, a port the kernel picks, no throttling, no reminder sweeps. */
export function serverEnv(db: { url: string; dataDir: string }): Record<string, string> {
  return {
    DATABASE_URL: db.url,
    DATA_DIR: db.dataDir,
    LOG_LEVEL: 'warn',
    PORT: '0',
    PUBLIC_URL: BENCH_PUBLIC_URL,
    SIGNIN_MAX_ATTEMPTS: '1000',
    API_RATE_LIMIT_PER_MINUTE: '100000000',
    ...WORKERS_DRIVEN_BY_TEST,
    POLICE_EVENTS_URL: 'none',
    AUTH_SECRET: 'bench-secret-that-is-long-enough-0123456789',
  };
}

/** Signs in over HTTP at the server's address (base) and returns the Cookie header to send. */
export async function signInCookie(base: string, email: string, password: string): Promise<string> {
  const res = await fetch(`${base}/api/auth/sign-in/email`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', origin: BENCH_PUBLIC_URL },
    body: JSON.stringify({ email, password }),
  });
  if (!res.ok) throw new Error(`sign-in failed: ${res.status}`);
  return res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
}

/** Sequential timed GETs (after a warm-up): each request's milliseconds and its JSON body. url may vary per request. */
export async function timedRequests(
  url: string | (() => string),
  headers: Record<string, string>,
  warmup: number,
  n: number,
): Promise<{ times: number[]; bodies: unknown[] }> {
  const next = typeof url === 'string' ? () => url : url;
  for (let i = 0; i < warmup; i++) await (await fetch(next(), { headers })).arrayBuffer();
  const times: number[] = [];
  const bodies: unknown[] = [];
  for (let i = 0; i < n; i++) {
    const target = next();
    const t0 = performance.now();
    const res = await fetch(target, { headers });
    const text = await res.text();
    times.push(performance.now() - t0);
    if (!res.ok) throw new Error(`${target}: HTTP ${res.status} ${text}`);
    bodies.push(text.startsWith('{') || text.startsWith('[') ? JSON.parse(text) : text);
  }
  return { times, bodies };
}

export const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length * 0.95)]!;

/** The compiled server and a bare Fastify process (the baseline), both answering; stop() ends both. */
export async function startServerWithBaseline(env: Record<string, string>) {
  buildServer();
  const server = startProcess(SERVER_ENTRY, env);
  const bare = startProcess('bench/bare-server.ts', { PORT: '0' });
  const base = await serverReady(server);
  const bareBase = await serverReady(bare, '/bare');
  return {
    base,
    bareUrl: `${bareBase}/bare`,
    stop: async () => {
      await stopProcess(server);
      await stopProcess(bare);
    },
  };
}

/** A repeatable pseudo-random sequence in [0, 1) (a linear congruential generator): the same data and requests every run. */
export function seededRandom(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_664_525 + 1_013_904_223) >>> 0;
    return state / 2 ** 32;
  };
}

/** A map viewport anywhere around Huddinge, from the whole municipality (0.4°) down to a few blocks (0.004°), as a bbox parameter. */
export function randomBbox(rnd: () => number): string {
  const size = 0.4 * 10 ** (-2 * rnd());
  const cx = 17.98 + (rnd() - 0.5) * 0.2;
  const cy = 59.24 + (rnd() - 0.5) * 0.1;
  return [cx - size, cy - size / 2, cx + size, cy + size / 2].map((n) => n.toFixed(5)).join(',');
}

/** Request after request, each a new observation somewhere in Huddinge under a fresh UUIDv7, as phones send them (for autocannon). */
export function newObservationPuts(categories: { id: string }[], headers: Record<string, string>) {
  let n = 0;
  return () => {
    n += 1;
    return {
      method: 'PUT' as const,
      path: `/api/observations/${uuidv7()}`,
      headers,
      body: JSON.stringify({
        categoryId: categories[n % categories.length]!.id,
        urgency: 'needs_action',
        text: n % 3 === 0 ? null : 'Klotter på elskåpet vid busshållplatsen',
        lat: 59.2 + (n % 100) / 2000,
        lng: 17.9 + (n % 97) / 1000,
        accuracyM: 10,
        observedAt: new Date().toISOString(),
      }),
    };
  };
}

/** A fresh database filled with the demo association (six months), and the environment of a server on it. */
export async function demoDatabase(dialect: Dialect) {
  const db = await freshDatabase(dialect);
  const env = serverEnv(db);
  const { loadConfig } = await import('../src/server/config.js');
  const { startApp } = await import('../src/server/start.js');
  const { fillDemo } = await import('../src/server/demo/demo.js');
  const seeded = await startApp(loadConfig(env), { logger: false });
  await fillDemo(seeded.ctx);
  await seeded.app.close();
  return { db, env };
}
