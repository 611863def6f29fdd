/** The real process: starts, reports ready, and on SIGTERM finishes the request in flight before exiting. */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { listeningAddress, logLines } from '../../test/child-log.js';

describe('process', () => {
  it('finishes requests in flight on SIGTERM, then exits 0', async () => {
    const database = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'grannstod-main-'));
    const url = database.url === 'sqlite::memory:' ? `sqlite:${join(dir, 'main.db')}` : database.url;
    // Port 0: the system picks a free port and the process says which in its log.
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
      env: { ...process.env, DATABASE_URL: url, DATA_DIR: dir, PORT: '0', PUBLIC_URL: 'http://127.0.0.1', HOST: '127.0.0.1', LOG_LEVEL: 'info' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const log = logLines(child.stdout!);
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    try {
      const base = await listeningAddress(log);
      for (let i = 0; ; i++) {
        const ok = await fetch(`${base}/readyz`).then(
          (r) => r.ok,
          () => false,
        );
        if (ok) break;
        // A minute: under tsx on two busy cores (a full CI run) starting can take far longer than alone.
        if (i > 1200) throw new Error('never became ready');
        await new Promise((r) => setTimeout(r, 50));
      }
      // Setup hashes a password with argon2id: slow enough to be in flight at the signal.
      const inFlight = fetch(`${base}/api/setup`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          associationName: 'Stängs snart',
          municipality: 'Huddinge',
          adminName: 'Sista Person',
          email: 'sista@example.se',
          password: 'a-long-password-here',
        }),
      });
      // The signal goes once the server has the request (its own log says so), not after a guessed sleep.
      await log.waitFor((l) => l.msg === 'incoming request' && (l.req as { url?: string } | undefined)?.url === '/api/setup', 60_000);
      child.kill('SIGTERM');
      const res = await inFlight;
      expect(res.status).toBe(201);
      expect(await exited).toBe(0);
      await expect(fetch(`${base}/healthz`)).rejects.toThrow();
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      rmSync(dir, { recursive: true, force: true });
      await database.drop();
    }
  });
});
