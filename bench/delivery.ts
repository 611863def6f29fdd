/**
 * delivery: 2,000 action items routed to five recipients that take each item
 * at once, so 2,000 mails wait in the outbox (each in the recipient's language,
 * with place, map link and a signed answer link; no photos). Timed: the mail
 * worker sending them all to a real SMTP server (smtp-server) on loopback in a
 * process of its own, each marked sent and its item's deadline started when
 * SMTP accepts it. mails_per_s. Baseline: the same number of bare nodemailer
 * sends of one small mail to the same server on one kept connection
 * (bare_mails_per_s), and one connection per mail (bare_unpooled_mails_per_s).
 */
import { observationRow } from '../test/rows.js';
import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import nodemailer from 'nodemailer';
import { sql, type Insertable } from 'kysely';
import { loadConfig } from '../src/server/config.js';
import { startApp } from '../src/server/start.js';
import { seedAssociation, seedMember } from '../src/server/demo/seed.js';
import { ensureDefaultCategories, listCategories } from '../src/server/features/observations/categories.repository.js';
import { insertRecipient } from '../src/server/features/reports/recipients.repository.js';
import { insertRule } from '../src/server/features/reports/routing.repository.js';
import { routePending } from '../src/server/features/reports/routing-sweep.js';
import { recipientCreate, ruleCreate } from '../src/shared/api/reports.js';
import type { ObservationTable } from '../src/server/platform/db/schema.js';
import { freshDatabase, report, serverEnv, type Dialect } from './support.js';

const MAILS = 2_000;

async function startSinkProcess() {
  const child = spawn(process.execPath, ['--import', 'tsx', 'bench/smtp-sink-server.ts'], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const next = () => new Promise<string>((resolve) => lines.once('line', resolve));
  const port = Number((await next()).split(' ')[1]);
  return {
    url: `smtp://127.0.0.1:${port}`,
    stop: async () => {
      const received = next();
      child.kill('SIGTERM');
      return Number((await received).split(' ')[1]);
    },
  };
}

export async function benchDelivery(dialect: Dialect): Promise<void> {
  const db = await freshDatabase(dialect);
  const env = serverEnv(db);
  const sink = await startSinkProcess();
  try {
    // Seeded without SMTP: the mails are written as a server writes them, then let loose at once.
    const seeding = await startApp(loadConfig(env), { logger: false });
    const ctx = seeding.ctx;
    const now = new Date().toISOString();
    const associationId = await seedAssociation(ctx, { name: 'Grannstöd Huddinge', municipality: 'Huddinge' });
    const memberId = await seedMember(ctx, associationId, {
      name: 'Vera Volontär',
      email: 'v@bench.se',
      password: 'bench-password-long-enough',
      roles: ['volunteer'],
    });
    await ensureDefaultCategories(ctx.db, associationId, now);
    const graffiti = (await listCategories(ctx.db, associationId)).find((c) => c.code === 'graffiti')!.id;
    for (let r = 0; r < 5; r++) {
      const recipientId = await insertRecipient(
        ctx.db,
        associationId,
        recipientCreate.parse({ name: `Mottagare ${r}`, kind: 'municipality', channel: 'email', email: `r${r}@bench.example`, language: r % 2 ? 'en' : 'sv' }),
        now,
      );
      await insertRule(ctx.db, associationId, ruleCreate.parse({ categoryId: graffiti, recipientId }), now);
    }
    const rows: Insertable<ObservationTable>[] = [];
    // 400 places 500 m apart, so no item is held as a duplicate of another.
    for (let i = 0; i < MAILS / 5; i++) {
      const at = new Date(Date.now() - 3_600_000).toISOString();
      rows.push(
        observationRow({
          association_id: associationId,
          author_member_id: memberId,
          category_id: graffiti,
          text: 'Klotter på elskåpet vid gångvägen, cirka två meter brett',
          lat: 59.15 + Math.floor(i / 20) * 0.005,
          lng: 17.8 + (i % 20) * 0.009,
          address: 'Storgatan 1',
          observed_at: at,
        }),
      );
    }
    await ctx.db.insertInto('observations').values(rows).execute();
    await routePending(ctx);
    await seeding.app.close();

    const sending = await startApp(loadConfig({ ...env, SMTP_URL: sink.url }), { logger: false });
    const sdb = sending.ctx.db;
    const pending = async () =>
      Number(
        (
          await sdb
            .selectFrom('mail_outbox')
            .where('status', 'in', ['pending', 'sending'])
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    await sql`update mail_outbox set status = 'pending' where status = 'kept'`.execute(sdb);
    const queued = await pending();
    if (queued !== MAILS) throw new Error(`expected ${MAILS} queued mails, found ${queued}`);
    const t0 = performance.now();
    while ((await pending()) > 0) await sending.mailWorker.drain();
    const seconds = (performance.now() - t0) / 1000;
    const sentItems = Number(
      (
        await sdb
          .selectFrom('action_items')
          .where('state', '=', 'sent')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    await sending.app.close();

    // Baseline: nodemailer alone on one pooled connection, as the worker's transport.
    const transport = nodemailer.createTransport({ url: sink.url, pool: true, maxConnections: 1, maxMessages: 500 });
    const b0 = performance.now();
    for (let i = 0; i < MAILS; i++) await transport.sendMail({ from: 'a@bench.example', to: 'b@bench.example', subject: 'x', text: 'x' });
    const bareSeconds = (performance.now() - b0) / 1000;
    transport.close();
    // And a connection per mail, as the worker sent before it kept one open.
    const single = nodemailer.createTransport(sink.url);
    const u0 = performance.now();
    for (let i = 0; i < 200; i++) await single.sendMail({ from: 'a@bench.example', to: 'b@bench.example', subject: 'x', text: 'x' });
    const unpooledPerS = 200 / ((performance.now() - u0) / 1000);
    single.close();

    const received = await sink.stop();
    if (received !== MAILS * 2 + 200) throw new Error(`the SMTP server received ${received} mails, expected ${MAILS * 2 + 200}`);
    report(
      'delivery',
      dialect,
      { mails: MAILS, mails_per_s: MAILS / seconds, total_ms: seconds * 1000, items_marked_sent: sentItems },
      { bare_mails_per_s: MAILS / bareSeconds, bare_unpooled_mails_per_s: unpooledPerS },
    );
  } finally {
    await db.drop();
  }
}
