/**
 * A crash between writing an action item and sending it: the server is killed
 * (SIGKILL, no shutdown) while its mail to the recipient is in flight, because
 * the SMTP server took the connection and never answered. Started again with a
 * working SMTP server, it sends that mail: once, and the item is sent. The item
 * and its mail were written in one transaction, so there is nothing to lose.
 *
 * A normal restart (SIGTERM) while a mail is in flight to a slow SMTP server:
 * the send finishes and is recorded before the database closes, so the next
 * server does not send it again.
 *
 * Two servers working one database (one of them a worker process without
 * HTTP, BACKGROUND_WORK=only) deliver each item once; a third with
 * BACKGROUND_WORK=off serves requests only and sends nothing.
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
import { listeningAddress, logLines } from '../../../../test/child-log.js';
import { loadConfig } from '../../config.js';
import { startApp } from '../../start.js';
import type { BuiltApp } from '../../app.js';
import { seedAssociation, seedMember } from '../../demo/seed.js';
import { ensureDefaultCategories, listCategories } from '../observations/categories.repository.js';
import { insertRecipient } from './recipients.repository.js';
import { insertRule } from './routing.repository.js';
import { recipientCreate, ruleCreate } from '../../../shared/api/reports.js';
import { uuidv7 } from '../../../shared/domain/ids.js';
import { WORKERS_DRIVEN_BY_TEST } from '../../../../test/env.js';

let database: TestDatabase;
let dir: string;
let url: string;
let observer: BuiltApp;
let sink: SmtpSink;
let slow: SmtpSink;
let silent: Server;
const sockets: Socket[] = [];
let observationId = '';
/** Writes a new observation of graffiti, not routed yet: a server's job worker will make its item and mail. Each a kilometre apart, so none is held as another's duplicate. */
let newObservation: () => Promise<string>;
let made = 0;
const RECIPIENT = 'felanmalan@huddinge.example';

beforeAll(async () => {
  database = await createTestDatabase();
  dir = mkdtempSync(join(tmpdir(), 'grannstod-crash-'));
  url = database.url === 'sqlite::memory:' ? `sqlite:${join(dir, 'crash.db')}` : database.url;
  // This process only seeds and reads the database: no SMTP, no sweeps of its own.
  observer = await startApp(
    loadConfig({
      DATABASE_URL: url,
      DATA_DIR: dir,
      LOG_LEVEL: 'silent',
      ...WORKERS_DRIVEN_BY_TEST,
      AUTH_SECRET: 'crash-secret-long-enough-0123456789',
    }),
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
  newObservation = async () => {
    const id = uuidv7();
    await ctx.db
      .insertInto('observations')
      .values(
        observationRow({
          id,
          association_id: associationId,
          author_member_id: memberId,
          category_id: graffiti,
          text: 'Klotter på elskåpet',
          lat: 59.2366 + 0.01 * made++,
          lng: 17.9818,
          observed_at: new Date().toISOString(),
        }),
      )
      .execute();
    return id;
  };
  observationId = await newObservation();
  // An SMTP server that takes the connection and never says a word.
  silent = createServer((socket) => void sockets.push(socket));
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  sink = await startSmtpSink();
  // A relay that takes three seconds to say it has the mail.
  slow = await startSmtpSink(0, { answerDelayMs: 3000 });
}, 60_000);

afterAll(async () => {
  for (const s of sockets) s.destroy();
  await new Promise((resolve) => silent.close(resolve));
  await sink.stop();
  await slow.stop();
  await observer.app.close();
  await database.drop();
  rmSync(dir, { recursive: true, force: true });
});

/** A server process on this database (port 0: the system picks one); extra settings say what kind of server. */
function server(smtpUrl: string, extra: Record<string, string> = {}): ChildProcess {
  return spawn(process.execPath, ['--import', 'tsx', 'src/server/main.ts'], {
    env: {
      ...process.env,
      DATABASE_URL: url,
      DATA_DIR: dir,
      PORT: '0',
      LOG_LEVEL: 'error',
      PUBLIC_URL: 'http://127.0.0.1:3000',
      AUTH_SECRET: 'crash-secret-long-enough-0123456789',
      SMTP_URL: smtpUrl,
      // The sweeps run (routing every 5 s); a claimed mail whose worker is gone is taken back after a second.
      REMINDER_INTERVAL_SECONDS: '60',
      MAIL_CLAIM_SECONDS: '1',
      POLICE_EVENTS_URL: 'none',
      ...extra,
    },
    stdio: ['ignore', extra.LOG_LEVEL ? 'pipe' : 'ignore', 'inherit'],
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
const itemsOfObservation = (id = observationId) =>
  db()
    .selectFrom('action_items as ai')
    .innerJoin('action_item_observations as aio', 'aio.item_id', 'ai.id')
    .select(['ai.id', 'ai.state'])
    .where('aio.observation_id', '=', id)
    .execute();
const stopped = (child: ChildProcess) => new Promise((resolve) => (child.exitCode !== null ? resolve(null) : child.once('exit', resolve)));
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
      await stopped(first);
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
      await stopped(second);
    }
  }, 120_000);

  it('a normal restart while a mail is in flight records the send before closing, and the next server does not send it again', async () => {
    const id = await newObservation();
    const before = slow.received.length;
    const first = server(slow.url);
    let itemId: string;
    try {
      itemId = await until('the mail to be in flight', async () => {
        const [item] = await itemsOfObservation(id);
        if (!item) return undefined;
        const mails = await mailsOf(item.id);
        return mails[0]?.status === 'sending' ? item.id : undefined;
      });
      // The relay has the mail; its "OK" is still three seconds away when the restart begins.
      await until('the relay to have the mail', async () => (slow.received.length > before ? true : undefined));
    } finally {
      first.kill('SIGTERM');
      await stopped(first);
    }
    expect(first.exitCode).toBe(0);
    expect(await mailsOf(itemId)).toEqual([{ id: expect.any(String), status: 'sent' }]);
    expect(await itemsOfObservation(id)).toEqual([{ id: itemId, state: 'sent' }]);

    const second = server(slow.url);
    try {
      // Longer than the claim (1 s) and a few worker rounds: a send not recorded would go out again now.
      await new Promise((r) => setTimeout(r, 5000));
    } finally {
      second.kill('SIGTERM');
      await stopped(second);
    }
    expect(slow.received.slice(before).filter((m) => m.to.includes(RECIPIENT))).toHaveLength(1);
  }, 120_000);

  it('a server and a worker process at once deliver each item once, and a web-only server routes and sends nothing', async () => {
    // The web-only server is up first, with an SMTP server of its own: anything it sent would land there.
    const webOnlySink = await startSmtpSink();
    const webOnly = server(webOnlySink.url, { BACKGROUND_WORK: 'off', LOG_LEVEL: 'info' });
    const ids: string[] = [];
    try {
      await listeningAddress(logLines(webOnly.stdout!));
      const before = sink.received.length;
      const allSent = (what: string) =>
        until(what, async () => {
          const all = (await Promise.all(ids.map((id) => itemsOfObservation(id)))).flat();
          return all.length === ids.length && all.every((i) => i.state === 'sent') ? all : undefined;
        });
      // The worker process alone first: it opens no port (it says so instead of where it listens) and does the work.
      const b = server(sink.url, { BACKGROUND_WORK: 'only', LOG_LEVEL: 'info' });
      let a: ChildProcess | undefined;
      try {
        const said = await logLines(b.stdout!).waitFor((l) => /^Grannstöd (is listening|runs the background work only)/.test(String(l.msg)), 60_000);
        expect(String(said.msg)).toMatch(/^Grannstöd runs the background work only, without HTTP/);
        for (let i = 0; i < 3; i++) ids.push(await newObservation());
        await allSent('the worker process to send the first items');
        // Then a full server beside it: both claim from the same queue.
        a = server(sink.url);
        for (let i = 0; i < 3; i++) ids.push(await newObservation());
        const items = await allSent('every item to be sent');
        // Longer than the claim (1 s) and a few rounds of both workers: anything sent twice would show now.
        await new Promise((r) => setTimeout(r, 4000));
        expect(sink.received.slice(before).filter((m) => m.to.includes(RECIPIENT))).toHaveLength(ids.length);
        for (const item of items) expect(await mailsOf(item.id)).toEqual([{ id: expect.any(String), status: 'sent' }]);
      } finally {
        a?.kill('SIGTERM');
        b.kill('SIGTERM');
        await Promise.all([a && stopped(a), stopped(b)]);
      }
      expect(webOnlySink.received).toHaveLength(0);
    } finally {
      webOnly.kill('SIGTERM');
      await stopped(webOnly);
      await webOnlySink.stop();
    }
  }, 120_000);
});
