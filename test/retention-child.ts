/**
 * A retention run in a process of its own, one row per batch, for the crash
 * test to kill (SIGKILL) in the middle: node --import tsx test/retention-child.ts
 * DATABASE_URL DATA_DIR ASSOCIATION_ID NOW.
 */
import { loadConfig } from '../src/server/config.js';
import { startApp } from '../src/server/start.js';
import { runRetention } from '../src/server/features/retention/retention.service.js';
import { WORKERS_DRIVEN_BY_TEST } from './env.js';

const [url, dir, associationId, now] = process.argv.slice(2) as [string, string, string, string];
const built = await startApp(
  loadConfig({
    DATABASE_URL: url,
    DATA_DIR: dir,
    LOG_LEVEL: 'silent',
    ...WORKERS_DRIVEN_BY_TEST,
    AUTH_SECRET: 'retention-crash-secret-0123456789abcdef',
  }),
  { logger: false },
);
process.stdout.write('started\n');
await runRetention(built.ctx, associationId, new Date(now), 1);
process.stdout.write('finished\n');
await built.app.close();
