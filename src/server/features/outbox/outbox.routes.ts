/** HTTP for reading the mail outbox (admins); without SMTP this is where mail is read. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { notFound } from '../../platform/errors.js';
import { authorize } from '../../platform/policies.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { idParams } from '../../../shared/api/common.js';
import { outboxMail, outboxSummary } from '../../../shared/api/audit.js';
import { findOutboxMail, listOutbox } from './outbox.repository.js';

export function registerOutboxRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['outbox'];
  app.get('/api/outbox', { schema: { tags, summary: 'Mail sent or kept, newest first', response: { 200: z.array(outboxSummary) } } }, async (req) => {
    const actor = await ctx.actorOf(req);
    authorize(actor, 'outbox.read');
    return listOutbox(ctx.db, actor.associationId, 200);
  });
  app.get(
    '/api/outbox/:id',
    { schema: { tags, summary: 'One mail with its text and HTML (audited read)', params: idParams, response: { 200: outboxMail } } },
    async (req) => {
      const actor = await ctx.actorOf(req);
      const mail = await findOutboxMail(ctx.db, actor.associationId, req.params.id);
      if (!mail) throw notFound();
      authorize(actor, 'outbox.read');
      // A mail can hold a one-time link: reading it is a sensitive read.
      await recordAudit(ctx.db, {
        associationId: actor.associationId,
        actorMemberId: actor.memberId,
        action: 'outbox.read',
        entityType: 'mail',
        entityId: mail.id,
      });
      return mail;
    },
  );
}
