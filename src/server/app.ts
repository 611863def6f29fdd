/** buildApp: platform plugins first, then each feature's routes. main.ts and tests both call it. */
import { createHmac } from 'node:crypto';
import { join } from 'node:path';
import Fastify, { type FastifyInstance, type FastifyServerFactory } from 'fastify';
import rateLimit from '@fastify/rate-limit';
import { serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { userAgent, type Config } from './config.js';
import type { AppContext } from './context.js';
import type { DatabaseHandle } from './platform/db/database.js';
import { createAuth, type Auth } from './platform/auth/auth.js';
import { startMailWorker, type MailWorker } from './platform/mail/mail-worker.js';
import { undeliverableSender } from './platform/mail/headers.js';
import { mailLinkKey } from './platform/mail/sealed-links.js';
import { collectSecretRoutes } from './platform/http/secret-params.js';
import { registerInputHygiene } from './platform/http/input-hygiene.js';
import { startJobWorker, type JobWorker } from './platform/jobs/job-worker.js';
import { registerReportRoutes } from './features/reports/reports.routes.js';
import { registerAnswerRoutes } from './features/reports/answer.routes.js';
import { registerOpen311Routes } from './features/open311/open311.routes.js';
import { registerPoliceEventRoutes } from './features/police-events/police-events.routes.js';
import { registerExportRoutes } from './features/exports/exports.routes.js';
import { registerInsightRoutes } from './features/insights/insights.routes.js';
import { registerRetentionRoutes } from './features/retention/retention.routes.js';
import { registerPrivacyRoutes } from './features/privacy/privacy.routes.js';
import { itemMailHooks } from './features/reports/channels/email.js';
import { registerProblemHandlers } from './platform/http/problem.js';
import { registerSecurityHeaders } from './platform/http/security.js';
import { registerOpenApi } from './platform/http/openapi.js';
import { registerOriginGuard } from './platform/http/origin.js';
import { registerAuthRoute } from './platform/http/auth-route.js';
import { registerOperationsRoutes } from './platform/http/operations.js';
import { registerWeb } from './platform/http/web.js';
import { actorResolver } from './platform/http/actor.js';
import { createSessionReader } from './platform/auth/session.js';
import { loggerOptions } from './platform/logging.js';
import { clock } from './platform/clock.js';
import { actorForUser } from './features/members/members.service.js';
import { twoFactorState } from './features/members/two-factor.js';
import { memberAccountHooks } from './features/members/account-hooks.js';
import { registerAssociationRoutes } from './features/associations/associations.routes.js';
import { registerMemberRoutes } from './features/members/members.routes.js';
import { registerDrivingLogRoutes } from './features/driving-log/driving-log.routes.js';
import { registerHoursRoutes } from './features/hours/hours.routes.js';
import { registerCalendarRoutes } from './features/calendar/calendar.routes.js';
import { startScheduler, type Scheduler } from './platform/jobs/scheduler.js';
import { combineBackgrounds } from './platform/jobs/background.js';
import { reportsBackground } from './features/reports/background.js';
import { retentionBackground } from './features/retention/background.js';
import { staffingBackground } from './features/staffing/background.js';
import { policeEventsBackground } from './features/police-events/background.js';
import { exportsBackground } from './features/exports/background.js';
import { registerObservationRoutes } from './features/observations/observations.routes.js';
import { localFileStore } from './platform/files/file-store.js';
import { nominatimGeocoder } from './platform/geo/geocoder.js';
import { registerShiftRoutes } from './features/shifts/shifts.routes.js';
import { registerVehicleRoutes } from './features/vehicles/vehicles.routes.js';
import { registerAuditRoutes } from './features/audit/audit.routes.js';
import { registerOutboxRoutes } from './features/outbox/outbox.routes.js';

export interface AppDeps {
  config: Config;
  database: DatabaseHandle;
  authSecret: string;
  /** Folder of the built web app; omitted in API tests. */
  webRoot?: string;
  /** Pino logger on; tests turn it off. */
  logger?: boolean;
  /** Where log lines go (stdout by default); tests read them here. */
  logStream?: NodeJS.WritableStream;
  /** Resolves once the database is migrated (start.ts): the background workers wait for it. */
  ready?: Promise<unknown>;
  /** First retry delays of failed mail and jobs; tests shorten them to see a retry happen. */
  mailBackoffBaseMs?: number;
  jobBackoffBaseMs?: number;
  /**
   * An HTTP server that already listens (browser tests: on port 0, so that PUBLIC_URL can name the port
   * the kernel chose before the app is built); the app then answers its requests and never listens itself.
   */
  serverFactory?: FastifyServerFactory;
}

export interface BuiltApp {
  app: FastifyInstance;
  ctx: AppContext;
  auth: Auth;
  mailWorker: MailWorker;
  jobWorker: JobWorker;
  scheduler: Scheduler;
  /** Marks the app as stopping (readyz turns 503) before close(). */
  beginShutdown(): void;
}

export const BODY_LIMIT_BYTES = 256 * 1024;

export async function buildApp(deps: AppDeps): Promise<BuiltApp> {
  const { config, database } = deps;
  const app = Fastify({
    logger: deps.logger === false ? false : loggerOptions(config, deps.logStream),
    trustProxy: config.trustProxy,
    bodyLimit: BODY_LIMIT_BYTES,
    // Closes idle keep-alive sockets at shutdown while letting requests in flight finish.
    forceCloseConnections: 'idle',
    return503OnClosing: true,
    ...(deps.serverFactory && { serverFactory: deps.serverFactory }),
  });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  registerProblemHandlers(app);
  // Before any route: routes that declare secret parameters are collected for the request log.
  collectSecretRoutes(app);
  registerInputHygiene(app);

  const files = localFileStore(join(config.dataDir, 'files'));
  const linkKey = mailLinkKey(deps.authSecret);
  const badSender = config.smtpUrl ? undeliverableSender(config.mailFrom) : null;
  if (badSender)
    app.log.warn(`MAIL_FROM ${config.mailFrom}: ${badSender}; receiving servers will refuse or bin this mail. Set MAIL_FROM to an address on your domain.`);
  const auth = createAuth({
    config,
    db: database.db,
    dialect: database.dialect,
    secret: deps.authSecret,
    accounts: memberAccountHooks(database.db),
    onMailQueued: () => ctx.mail.kick(),
  });

  let shuttingDown = false;
  const ctx: AppContext = {
    config,
    db: database.db,
    dialect: database.dialect,
    auth,
    mail: { smtpConfigured: Boolean(config.smtpUrl), linkKey, kick: () => config.backgroundWork && worker.kick() },
    // The process's one clock: row timestamps (nowIso) and the workers read the same object tests move.
    clock,
    files,
    linkSecret: createHmac('sha256', deps.authSecret).update('recipient-links').digest('hex'),
    jobs: { kick: () => config.backgroundWork && jobs.kick() },
    // Nominatim's usage policy asks for an identifying User-Agent.
    geocoder: nominatimGeocoder(config.geocoderUrl, userAgent(config), 3000, config.geocoderSearchUrl),
    actorOf: actorResolver(() => ctx, createSessionReader(auth, database.db, deps.authSecret), actorForUser, twoFactorState),
  };

  // Each feature declares its background work in its own background.ts. A server with BACKGROUND_WORK=off
  // serves the web and the API only: what it queues (mails, jobs, observations to route) waits in the
  // database for a server with it on. Tests drive the workers themselves (JOB_POLL_SECONDS=0).
  const work = combineBackgrounds([
    reportsBackground(ctx),
    retentionBackground(ctx),
    staffingBackground(ctx),
    policeEventsBackground(ctx),
    exportsBackground(ctx),
  ]);
  const background = config.backgroundWork;
  const worker = startMailWorker(database.db, config.smtpUrl, config.mailFrom, app.log, {
    linkKey,
    hooks: { ...itemMailHooks(() => ctx), readAttachment: (sha) => files.get(sha) },
    backoffBaseMs: deps.mailBackoffBaseMs,
    claimTimeoutMs: config.mailClaimSeconds * 1000,
    intervalMs: background ? undefined : 0,
    ready: deps.ready,
  });
  const jobs = startJobWorker(database.db, app.log, {
    handlers: work.jobs,
    onFailure: work.onFailure,
    before: work.before,
    intervalMs: background ? config.jobPollSeconds * 1000 : 0,
    backoffBaseMs: deps.jobBackoffBaseMs,
    ready: deps.ready,
  });

  await registerSecurityHeaders(app, config.publicUrl, config.mapTileUrl);
  // A coarse per-IP ceiling for the whole API; sign-in has its own, tighter throttle in better-auth.
  await app.register(rateLimit, { max: config.apiRateLimitPerMinute, timeWindow: '1 minute', allowList: (req) => !req.url.startsWith('/api/') });
  await registerOpenApi(app);
  registerOriginGuard(app, config.trustedOrigins);

  registerOperationsRoutes(app, database.db, () => shuttingDown);
  registerAuthRoute(app, auth, config.publicUrl);
  registerAssociationRoutes(app, ctx);
  registerMemberRoutes(app, ctx);
  registerVehicleRoutes(app, ctx);
  registerShiftRoutes(app, ctx);
  registerDrivingLogRoutes(app, ctx);
  registerHoursRoutes(app, ctx);
  registerCalendarRoutes(app, ctx);
  registerObservationRoutes(app, ctx);
  registerAuditRoutes(app, ctx);
  registerOutboxRoutes(app, ctx);
  registerReportRoutes(app, ctx);
  registerAnswerRoutes(app, ctx);
  registerOpen311Routes(app, ctx);
  registerPoliceEventRoutes(app, ctx);
  registerInsightRoutes(app, ctx);
  registerExportRoutes(app, ctx);
  registerRetentionRoutes(app, ctx);
  registerPrivacyRoutes(app, ctx);
  await registerWeb(app, deps.webRoot ?? '');

  // While stopping, answers tell keep-alive clients to hang up, so their idle sockets do not hold the close open.
  app.addHook('onSend', async (_request, reply) => {
    if (shuttingDown) reply.header('connection', 'close');
  });
  const scheduler = startScheduler(work.tasks, background ? config.reminderIntervalSeconds * 1000 : 0, app.log, () => ctx.clock.now(), deps.ready);
  // Before anything closes: stop claiming, and let a send in flight finish and record itself. onClose hooks run
  // last-registered first, so the database (closed by start.ts in onClose) would otherwise go before the workers,
  // and a mail or Open311 request sent during the shutdown would go out again once its claim expired.
  app.addHook('preClose', async () => {
    await scheduler.stop();
    await jobs.stop();
    await worker.stop();
  });
  return {
    app,
    ctx,
    auth,
    mailWorker: worker,
    jobWorker: jobs,
    scheduler,
    beginShutdown: () => {
      shuttingDown = true;
    },
  };
}
