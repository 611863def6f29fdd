/** Retention periods: admins read and set them; the runs themselves are scheduled (retention-schedule.ts). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { retentionSettings, retentionUpdate } from '../../../shared/api/retention.js';
import { getRetention, setRetention } from './retention.service.js';

export function registerRetentionRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['retention'];
  app.get(
    '/api/retention',
    {
      schema: {
        tags,
        summary: 'How long each kind of data is kept, what the next run removes, and the last run (admins)',
        response: { 200: retentionSettings },
      },
    },
    async (req) => getRetention(ctx, await ctx.actorOf(req)),
  );
  app.put(
    '/api/retention',
    { schema: { tags, summary: 'Set retention periods in months (admins; audited)', body: retentionUpdate, response: { 200: retentionSettings } } },
    async (req) => setRetention(ctx, await ctx.actorOf(req), req.body),
  );
}
