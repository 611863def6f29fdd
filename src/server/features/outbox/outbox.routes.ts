/** HTTP for reading the mail outbox (admins); without SMTP this is where mail is read. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { idParams } from '../../../shared/api/common.js';
import { outboxMail, outboxSummary } from '../../../shared/api/audit.js';
import { listMail, readMail } from './outbox.service.js';

export function registerOutboxRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['outbox'];
  app.get('/api/outbox', { schema: { tags, summary: 'Mail sent or kept, newest first', response: { 200: z.array(outboxSummary) } } }, async (req) =>
    listMail(ctx, await ctx.actorOf(req)),
  );
  app.get(
    '/api/outbox/:id',
    { schema: { tags, summary: 'One mail with its text and HTML (audited read)', params: idParams, response: { 200: outboxMail } } },
    async (req) => readMail(ctx, await ctx.actorOf(req), req.params.id),
  );
}
