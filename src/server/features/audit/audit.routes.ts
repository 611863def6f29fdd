/** HTTP for browsing the audit log (admins). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { auditEntry, auditQuery } from '../../../shared/api/audit.js';
import { browseAudit } from './audit.service.js';

export function registerAuditRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/audit',
    { schema: { tags: ['audit'], summary: 'Audit log, newest first', querystring: auditQuery, response: { 200: z.array(auditEntry) } } },
    async (req) => browseAudit(ctx, await ctx.actorOf(req), req.query),
  );
}
