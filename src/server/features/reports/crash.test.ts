/**
 * A crash between writing an action item and sending it: the server is killed
 * (SIGKILL, no shutdown) while its mail to the recipient is in flight, because
 * the SMTP server took the connection and never answered. Started again with a
 * working SMTP server, it sends that mail: once, and the item is sent. The item
 * and its mail were written in one transaction, so there is nothing to lose.
 */
import { observationRow } from '../../../../test/rows.js';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/db.js';
import { startSmtpSink, type SmtpSink } from '../../../../test/smtp-sink.js';
import { loadConfig } from '../../config.js';
import { startApp } from '../../start.js';
import type { BuiltApp } from '../../app.js';
import { seedAssociation, seedMember } from '../../demo/seed.js';
import { ensureDefaultCategories, listCategories } from '../observations/categories.repository.js';
import { insertRecipient } from './recipients.repository.js';
import { insertRule } from './routing.repository.js';
import { recipientCreate, ruleCreate } from '../../../shared/api/reports.js';
import { uuidv7 } from '../../../shared/domain/ids.js';

let database: TestDatabase;
let dir: string;
let url: string;
let observer: BuiltApp;
let sink: SmtpSink;
let silent: Server;
const sockets: Socket[] = [];
const observationId = uuidv7();
const RECIPIENT = 'felanmalan@huddinge.example';

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'grannstod-crash-'));
  url = database.url === 'sqlite::memory:' ? `sqlite:${join(dir, 'crash.db')}` : database.url;
  // This process only seeds and reads the database: no SMTP, no sweeps of its own.
  observer = await startApp(
    loadConfig({ DATABASE_URL: url, DATA_DIR: dir, LOG_LEVEL: 'silent', REMINDER_INTERVAL_SECONDS: '0', AUTH_SECRET: 'crash-secret-long-enough-0123456789' }),
    {
      logger: false,
    },
  );
  const ctx = observer.ctx;
  const now = new Date().toISOString();
  const associationId = await seedAssociation(ctx, { name: 'Grannstöd Huddinge', municipality: 'Huddinge' });
  const memberId = await seedMember(ctx, associationId, {
    name: 'Vera Volontär',
    email: 'vera@crash.example',
    password: 'a-long-test-password',
    roles: ['volunteer'],
  });
  await ensureDefaultCategories(ctx.db, associationId, now);
  const graffiti = (await listCategories(ctx.db, associationId)).find((c) => c.code === 'graffiti')!.id;
  const recipientId = await insertRecipient(
    ctx.db,
    associationId,
    recipientCreate.parse({ name: 'Huddinge kommun', kind: 'municipality', channel: 'email', email: RECIPIENT }),
    now,
  );
  await insertRule(ctx.db, associationId, ruleCreate.parse({ categoryId: graffiti, recipientId }), now);
  // A new observation, not routed yet: the server's job worker will make its item and mail.
  await ctx.db
    .insertInto('observations')
    .values(
      observationRow({
        id: observationId,
        association_id: associationId,
        author_member_id: memberId,
        category_id: graffiti,
        text: 'Klotter på elskåpet',
        lat: 59.2366,
        lng: 17.9818,
        observed_at: now,
      }),
    )
    .execute();
  // An SMTP server that takes the connection and never says a word.
  silent = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  sink = await startSmtpSink();
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await sink.stop();
  await observer.app.close();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

function server(smtpUrl: string): ChildProcess {
  const port = 45000 + Math.floor(Math.random() * 2000);
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      DATA_DIR: dir,
      PORT: String(port),
      LOG_LEVEL: 'error',
      PUBLIC_URL: `http://127.0.0.1:${port}`,
      AUTH_SECRET: 'crash-secret-long-enough-0123456789',
      SMTP_URL: smtpUrl,
      // The sweeps run (routing every 5 s); a claimed mail whose worker is gone is taken back after a second.
      REMINDER_INTERVAL_SECONDS: '60',
      MAIL_CLAIM_SECONDS: '1',
      POLICE_EVENTS_URL: 'none',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
}

async function until<T>(what: string, read: () => Promise<T | undefined>, timeoutMs = 40_000): Promise<T> {
  const start = Date.now();
  for (;;) {
    const value = await read();
    if (value !== undefined) return value;
    if (Date.now() - start > timeoutMs) throw new Error(`waited ${timeoutMs} ms for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

const db = () => observer.ctx.db;
const itemsOfObservation = () =>
  db()
    .selectFrom('action_items as ai')
    .innerJoin('action_item_observations as aio', 'aio.item_id', 'ai.id')
    .select(['ai.id', 'ai.state'])
    .where('aio.observation_id', '=', observationId)
    .execute();
const mailsOf = (itemId: string) =>
  db()
    .selectFrom('mail_outbox as m')
    .innerJoin('mail_action_items as mi', 'mi.mail_id', 'm.id')
    .select(['m.id', 'm.status'])
    .where('mi.item_id', '=', itemId)
    .execute();

describe('a crash between writing an item and sending it', () => {
  it('neither drops the mail nor sends it twice', async () => {
    const first = server(`smtp://127.0.0.1:${(silent.address() as AddressInfo).port}`);
    let itemId: string;
    try {
      // The item and its mail are written; the mail is claimed and stuck in the silent SMTP server.
      itemId = await until('the mail to be in flight', async () => {
        const [item] = await itemsOfObservation();
        if (!item) return undefined;
        const mails = await mailsOf(item.id);
        return mails[0]?.status === 'sending' ? item.id : undefined;
      });
    } finally {
      first.kill('SIGKILL');
      await new Promise((resolve) => (first.exitCode !== null ? resolve(null) : first.once('exit', resolve)));
    }
    expect(await itemsOfObservation()).toEqual([{ id: itemId, state: 'queued' }]);
    expect(await mailsOf(itemId)).toHaveLength(1);
    expect(sink.received).toHaveLength(0);

    const second = server(sink.url);
    try {
      await until('the item to be sent', async () => ((await itemsOfObservation())[0]?.state === 'sent' ? true : undefined));
      // Give the workers a few more rounds to do anything twice.
      await new Promise((r) => setTimeout(r, 3000));
      expect(sink.received.filter((m) => m.to.includes(RECIPIENT))).toHaveLength(1);
      expect(await mailsOf(itemId)).toEqual([{ id: expect.any(String), status: 'sent' }]);
      expect(await itemsOfObservation()).toEqual([{ id: itemId, state: 'sent' }]);
      const sentEvents = await db().selectFrom('action_item_events').select('id').where('item_id', '=', itemId).where('kind', '=', 'sent').execute();
      expect(sentEvents).toHaveLength(1);
    } finally {
      second.kill('SIGTERM');
      await new Promise((resolve) => (second.exitCode !== null ? resolve(null) : second.once('exit', resolve)));
    }
  }, 120_000);
});
