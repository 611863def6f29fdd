/**
 * A retention run killed with SIGKILL in the middle, on both databases: what it
 * did is whole (no photo file gone while its row remains, nothing recent
 * touched), and the next run finishes the work, removing each thing once.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { seedAgedData, type AgedData } from '../../../../test/retention-fixture.js';
import { observationRow } from '../../../../test/rows.js';
import { loadConfig } from '../../config.js';
import { startApp } from '../../start.js';
import type { BuiltApp } from '../../app.js';
import { seedAssociation, seedMember } from '../../demo/seed.js';
import { uuidv7 } from '../../../shared/domain/ids.js';
import { runRetention } from './retention.service.js';
import { WORKERS_DRIVEN_BY_TEST } from '../../../../test/env.js';

const OLD = 1500;
let database: TestDatabase;
let dir: string;
let url: string;
let app: BuiltApp;
let associationId: string;
let aged: AgedData;
const now = new Date();
const oldAt = new Date(now.getTime() - 3 * 365 * 86_400_000);

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'grannstod-retention-'));
  url = database.url === 'sqlite::memory:' ? `sqlite:${join(dir, 'retention.db')}` : database.url;
  app = await startApp(
    loadConfig({
      DATABASE_URL: url,
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      ...WORKERS_DRIVEN_BY_TEST,
      AUTH_SECRET: 'retention-crash-secret-0123456789abcdef',
    }),
    { logger: false },
  );
  const ctx = app.ctx;
  associationId = await seedAssociation(ctx, { name: 'Grannstöd Huddinge', municipality: 'Huddinge' });
  const memberId = await seedMember(ctx, associationId, {
    name: 'Vera Volontär',
    email: 'vera@retention.example',
    password: 'a-long-test-password',
    roles: ['volunteer'],
  });
  aged = await seedAgedData(ctx, associationId, memberId, now);
  const category = (await ctx.db.selectFrom('observation_categories').select('id').where('association_id', '=', associationId).executeTakeFirstOrThrow()).id;
  // Many old observations, each with a photo of its own: one row per batch, the run takes long enough to be cut off.
  for (let i = 0; i < OLD; i += 100) {
    const rows = [];
    const photos = [];
    for (let j = i; j < i + 100; j++) {
      const at = new Date(oldAt.getTime() + j * 60_000).toISOString();
      const id = uuidv7(Date.parse(at));
      rows.push(
        observationRow({
          id,
          association_id: associationId,
          author_member_id: memberId,
          category_id: category,
          lat: 59.2,
          lng: 17.9,
          observed_at: at,
          text: `Gammal ${j}`,
        }),
      );
      photos.push({
        observation_id: id,
        sha256: await ctx.files.put(Buffer.from(`photo ${j} ${now.getTime()}`)),
        association_id: associationId,
        mime: 'image/jpeg',
        width: 1,
        height: 1,
        bytes: 10,
        created_at: at,
      });
    }
    await ctx.db.insertInto('observations').values(rows).execute();
    await ctx.db.insertInto('observation_photos').values(photos).execute();
  }
});
afterAll(async () => {
  await app?.app.close();
  await database?.drop();
  rmSync(dir, { recursive: true, force: true });
});

const cleared = async () =>
  Number(
    (
      await app.ctx.db
        .selectFrom('observations')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('association_id', '=', associationId)
        .where('text', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Every photo row still there has its file: a file never goes before its row. */
async function everyRowHasItsFile(): Promise<void> {
  const rows = await app.ctx.db.selectFrom('observation_photos').select('sha256').where('association_id', '=', associationId).execute();
  const missing = [];
  for (const r of rows) if (!(await app.ctx.files.get(r.sha256))) missing.push(r.sha256);
  expect(missing).toEqual([]);
}

describe('retention killed mid-run', () => {
  it('has done only whole batches, and the next run finishes the work once', async () => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'test/retention-child.ts', url, dir, associationId, now.toISOString()], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    // Cut off once the run is well under way, but far from done.
    const deadline = Date.now() + 60_000;
    while (Date.now() < deadline && (await cleared()) < 100) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGKILL');
    await new Promise((r) => child.once('exit', r));
    expect(output).not.toContain('finished');
    const partly = await cleared();
    expect(partly).toBeGreaterThanOrEqual(100);
    expect(partly).toBeLessThan(OLD + 1);

    await everyRowHasItsFile();
    // Nothing recent was touched, and the run was left marked as not finished.
    expect(await app.ctx.db.selectFrom('observations').select('text').where('id', '=', aged.recent.observation).executeTakeFirst()).toEqual({
      text: 'Klotter recent ',
    });
    expect(
      (await app.ctx.db.selectFrom('retention_runs').select('finished_at').where('association_id', '=', associationId).executeTakeFirstOrThrow()).finished_at,
    ).toBeNull();

    const removed = await runRetention(app.ctx, associationId, now);
    expect(await cleared()).toBe(OLD + 1);
    // The photos left and their files go now; each row once (the texts left plus every photo row left).
    const leftPhotos = await app.ctx.db
      .selectFrom('observation_photos as p')
      .innerJoin('observations as o', 'o.id', 'p.observation_id')
      .select('p.sha256')
      .where('o.association_id', '=', associationId)
      .where('o.observed_at', '<', new Date(now.getTime() - 365 * 86_400_000).toISOString())
      .execute();
    expect(leftPhotos).toEqual([]);
    expect(removed.observation_texts).toBeGreaterThan(0);
    await everyRowHasItsFile();
    expect(await app.ctx.files.get(aged.old.photo)).toBeNull();
    expect(await app.ctx.files.get(aged.recent.photo)).not.toBeNull();
    expect(await app.ctx.files.get(aged.sharedPhoto)).not.toBeNull();
    expect(await runRetention(app.ctx, associationId, now)).toMatchObject({ observation_texts: 0, routes: 0, shift_notes: 0 });
  });
});
