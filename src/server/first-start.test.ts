/**
 * The first start on an empty database: the background workers wait for the
 * migrations, so nothing reads a table before it exists ("no such table:
 * mail_outbox" was logged at every first start), and what waited is sent once
 * they have run.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/db.js';
import { startSmtpSink } from '../../test/smtp-sink.js';
import { loadConfig } from './config.js';
import { startApp } from './start.js';

describe('the first start', () => {
  it('runs the migrations before any worker touches the database', async () => {
    const database = await createTestDatabase();
    const dir = mkdtempSync(join(tmpdir(), 'grannstod-first-'));
    const sink = await startSmtpSink();
    const lines: string[] = [];
    const logStream = new Writable({
      write(chunk: Buffer, _enc, done) {
        lines.push(chunk.toString());
        done();
      },
    });
    const url = database.url === 'sqlite::memory:' ? `sqlite:${join(dir, 'first.db')}` : database.url;
    const built = await startApp(
      loadConfig({
        DATABASE_URL: url,
        DATA_DIR: dir,
        LOG_LEVEL: 'info',
        SMTP_URL: sink.url,
        MAIL_FROM: 'Grannstöd <noreply@grannstod.huddinge.se>',
        REMINDER_INTERVAL_SECONDS: '1',
        AUTH_SECRET: 'first-start-secret-long-enough-0123456789',
        POLICE_EVENTS_URL: 'none',
      }),
      { logStream },
    );
    try {
      // Long enough for the workers' first rounds and the scheduler's first tick.
      await new Promise((r) => setTimeout(r, 1500));
    } finally {
      await built.app.close();
      await sink.stop();
      await database.drop();
      rmSync(dir, { recursive: true, force: true });
    }
    const errors = lines.filter((l) => /"level":(50|40)/.test(l));
    expect(errors.join('\n')).not.toMatch(/no such table|does not exist/);
    expect(errors).toEqual([]);
  });
});
