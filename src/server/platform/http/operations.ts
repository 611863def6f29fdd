/** /healthz: the process is up. /readyz: the database answers and migrations are current. */
import type { FastifyInstance } from 'fastify';
import type { Db } from '../db/database.js';
import { databaseAnswers, migrationsCurrent } from '../db/migrate.js';

export function registerOperationsRoutes(app: FastifyInstance, db: Db, isShuttingDown: () => boolean): void {
  app.get('/healthz', { schema: { hide: true } }, async () => ({ status: 'ok' }));
  app.get('/readyz', { schema: { hide: true } }, async (_req, reply) => {
    if (isShuttingDown()) return reply.status(503).send({ status: 'shutting down' });
    try {
      await databaseAnswers(db);
      if (!(await migrationsCurrent(db))) return reply.status(503).send({ status: 'migrations pending' });
      return { status: 'ready' };
    } catch {
      return reply.status(503).send({ status: 'database unreachable' });
    }
  });
}
