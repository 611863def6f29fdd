/** Builds the real app on a fresh database for one test file, with helpers to sign in through HTTP. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, inject } from 'vitest';
import { loadConfig } from '../src/server/config.js';
import { startApp } from '../src/server/start.js';
import type { AppContext } from '../src/server/context.js';
import type { MailWorker } from '../src/server/platform/mail/mail-worker.js';
import type { JobWorker } from '../src/server/platform/jobs/job-worker.js';
import type { Scheduler } from '../src/server/platform/jobs/scheduler.js';
import { seedAssociation, seedMember, type SeedMember } from '../src/server/demo/seed.js';
import type { Role } from '../src/shared/domain/roles.js';
import { createPostgresDatabase, createTestDatabase } from './db.js';
import { unsealLinks } from '../src/server/platform/mail/sealed-links.js';
import { WORKERS_DRIVEN_BY_TEST } from './env.js';

export const PASSWORD = 'a-long-test-password';
export const PUBLIC_URL = 'http://localhost:3000';

export interface TestApp {
  app: FastifyInstance;
  ctx: AppContext;
  mailWorker: MailWorker;
  jobWorker: JobWorker;
  scheduler: Scheduler;
  close(): Promise<void>;
}

export async function createTestApp(
  env: Record<string, string> = {},
  options: { logStream?: NodeJS.WritableStream; fastRetries?: boolean } = {},
): Promise<TestApp> {
  // On PostgreSQL a copy of the database the global setup migrated once (test/pg-template.ts); migrating then finds nothing to do.
  const template = inject('pgTemplate');
  const database = template ? await createPostgresDatabase('grannstod_test', template) : await createTestDatabase();
  // Photos and the generated secret go to a folder of this test file's own.
  const dataDir = mkdtempSync(join(tmpdir(), 'grannstod-test-'));
  const config = loadConfig({
    DATA_DIR: dataDir,
    NODE_ENV: 'test',
    DATABASE_URL: database.url,
    PUBLIC_URL,
    AUTH_SECRET: 'test-secret-that-is-long-enough-0123456789',
    LOG_LEVEL: 'silent',
    SIGNIN_MAX_ATTEMPTS: '50',
    // Tests run the sweeps themselves, at the times they choose.
    ...WORKERS_DRIVEN_BY_TEST,
    // No calls to Polisen from tests: their tests serve recorded answers on loopback.
    POLICE_EVENTS_URL: 'none',
    ...env,
  });
  // Retries come after milliseconds, not seconds, so a test sees them happen.
  const fast = options.fastRetries ? { mailBackoffBaseMs: 10, jobBackoffBaseMs: 10 } : {};
  const built = await startApp(config, options.logStream ? { logStream: options.logStream, ...fast } : { logger: false, ...fast });
  return {
    app: built.app,
    ctx: built.ctx,
    mailWorker: built.mailWorker,
    jobWorker: built.jobWorker,
    scheduler: built.scheduler,
    close: async () => {
      await built.app.close();
      await database.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let counter = 0;
/** A unique e-mail address for this test run. */
export function uniqueEmail(prefix = 'member'): string {
  counter += 1;
  return `${prefix}.${process.pid}.${counter}.${Date.now().toString(36)}@example.se`;
}

/** Signs in through the real endpoint and returns the Cookie header to send. */
let ipCounter = 0;
/** A fresh client address per helper sign-in, so helpers never trip the sign-in throttle. */
function nextIp(): string {
  ipCounter += 1;
  return `10.200.${Math.floor(ipCounter / 250)}.${(ipCounter % 250) + 1}`;
}

export async function signIn(app: FastifyInstance, email: string, password = PASSWORD, ip = nextIp()): Promise<string> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email, password }, remoteAddress: ip });
  if (res.statusCode !== 200) throw new Error(`sign-in failed: ${res.statusCode} ${res.body}`);
  return cookieHeader(res);
}

export function cookieHeader(res: LightMyRequestResponse): string {
  return res.cookies
    .filter((c) => c.value !== '')
    .map((c) => `${c.name}=${c.value}`)
    .join('; ');
}

export interface TestMember {
  memberId: string;
  email: string;
  cookie: string;
}

/** Makes an active member with these roles (or a partner) and signs them in. */
export async function addMember(t: TestApp, associationId: string, roles: Role[], extra: Partial<SeedMember> = {}): Promise<TestMember> {
  const email = uniqueEmail(roles[0] ?? extra.kind ?? 'member');
  const memberId = await seedMember(t.ctx, associationId, { name: `Test ${roles.join(' ') || 'partner'}`, email, password: PASSWORD, roles, ...extra });
  return { memberId, email, cookie: await signIn(t.app, email) };
}

export interface TestAssociation {
  associationId: string;
  admin: TestMember;
}

/** A fresh association with one signed-in admin; each test makes its own, so tests never share state. */
export async function addAssociation(t: TestApp, name = 'Grannstöd Test', municipality = 'Huddinge'): Promise<TestAssociation> {
  const associationId = await seedAssociation(t.ctx, { name, municipality });
  const admin = await addMember(t, associationId, ['admin', 'coordinator', 'volunteer']);
  return { associationId, admin };
}

/** For one test file: a fresh app and association before the tests, closed after them; onReady receives both. */
export function withTestAssociation(onReady: (t: TestApp, a: TestAssociation) => void, env: Record<string, string> = {}): void {
  let app: TestApp | undefined;
  beforeAll(async () => {
    app = await createTestApp(env);
    onReady(app, await addAssociation(app));
  });
  afterAll(() => app?.close());
}

/** The newest mail to an address as its recipient gets it: the links that grant access unsealed, as the mail worker sends them. */
export async function mailAsDelivered(t: { ctx: AppContext }, to: string): Promise<{ id: string; text: string; html: string }> {
  const row = await t.ctx.db
    .selectFrom('mail_outbox')
    .select(['id', 'text_body', 'html_body', 'sealed_links'])
    .where('to_address', '=', to)
    .orderBy('created_at', 'desc')
    .orderBy('id', 'desc')
    .executeTakeFirstOrThrow();
  return { id: row.id, ...unsealLinks({ text: row.text_body, html: row.html_body }, row.sealed_links, t.ctx.mail.linkKey) };
}

/** After SMTP was down: every waiting mail is due now, and the worker sends what it can. */
export async function sendWaitingMailNow(t: TestApp): Promise<void> {
  await t.ctx.db
    .updateTable('mail_outbox')
    .set({ next_attempt_at: new Date(0).toISOString() })
    .where('status', '=', 'pending')
    .execute();
  await t.mailWorker.drain();
  await t.mailWorker.drain();
}
