/** Benchmark plumbing: a database per run, child processes, the result file of the bench contract. */
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

export type Dialect = 'sqlite' | 'postgres';

export function parseArgs(argv: string[]): { name: string; dialect: Dialect } {
  const name = argv.find((a) => !a.startsWith('--')) ?? '';
  const i = argv.indexOf('--dialect');
  const dialect = (i >= 0 ? argv[i + 1] : 'sqlite') as Dialect;
  if (dialect !== 'sqlite' && dialect !== 'postgres') throw new Error('--dialect must be sqlite or postgres');
  return { name, dialect };
}

// Benchmarks pick their own database server, as the tests do.
const adminUrl = process.env.PG_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** A fresh, empty database for one run; drop() removes it. */
export async function freshDatabase(dialect: Dialect): Promise<{ url: string; dataDir: string; drop(): Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'grannstod-bench-'));
  if (dialect === 'sqlite') return { url: `sqlite:${join(dataDir, 'bench.db')}`, dataDir, drop: async () => rmSync(dataDir, { recursive: true, force: true }) };
  const name = `grannstod_bench_${randomBytes(4).toString('hex')}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    dataDir,
    drop: async () => {
      const c = new pg.Client({ connectionString: adminUrl });
      await c.connect();
      await c.query(`drop database if exists ${name} with (force)`);
      await c.end();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** Starts a TypeScript entry point under tsx as a child process with this environment. */
export function startProcess(entry: string, env: Record<string, string>): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', entry], { env: { ...process.env, ...env }, stdio: ['ignore', 'inherit', 'inherit'] });
}

/** Polls url until it answers 200; resolves with the milliseconds since `since`. */
export async function waitForOk(url: string, since: number, timeoutMs = 60_000): Promise<number> {
  for (;;) {
    try {
      const res = await fetch(url);
      if (res.ok) return performance.now() - since;
    } catch {
      // not listening yet
    }
    if (performance.now() - since > timeoutMs) throw new Error(`${url} not ready after ${timeoutMs} ms`);
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

let nextPort = 47000 + Math.floor(Math.random() * 1000);
export const freePort = () => nextPort++;

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
