/** HTTP for calendar feeds: managing one's addresses, and the public .ics address itself. */
import { publicRouteLimits } from '../../platform/http/public-limits.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { idParams } from '../../../shared/api/common.js';
import * as api from '../../../shared/api/calendar.js';
import { createFeed, listFeeds, renderFeed, revokeFeed } from './calendar.service.js';
import { notFound } from '../../platform/errors.js';

export function registerCalendarRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['calendar'];
  app.get('/api/calendar-feeds', { schema: { tags, summary: 'My calendar addresses', response: { 200: z.array(api.calendarFeed) } } }, async (req) =>
    listFeeds(ctx, await ctx.actorOf(req)),
  );
  app.post(
    '/api/calendar-feeds',
    {
      schema: {
        tags,
        summary: 'A new secret calendar address (replaces the old one for the same calendar)',
        body: api.calendarFeedCreate,
        response: { 201: api.calendarFeed },
      },
    },
    async (req, reply) => reply.status(201).send(await createFeed(ctx, await ctx.actorOf(req), req.body.vehicleId)),
  );
  app.delete(
    '/api/calendar-feeds/:id',
    { schema: { tags, summary: 'Revoke a calendar address', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await revokeFeed(ctx, await ctx.actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  // Read by calendar apps without a session: the secret in the address is the key.
  const feedLimits = publicRouteLimits(app, ctx.config.publicRateLimitPerMinute, 'calendar', (req) => (req.params as { file?: string }).file);
  app.get(
    '/calendar/:file',
    {
      schema: { tags, summary: 'An iCalendar feed (RFC 5545)', params: api.feedFileParams },
      config: { secrets: { params: ['file'] }, rateLimit: feedLimits.rateLimit, public: true, produces: ['text/calendar'] },
      preHandler: feedLimits.preHandler,
    },
    async (req, reply) => {
      const body = await renderFeed(ctx, req.params.file.replace(/\.ics$/, ''));
      if (body === undefined) throw notFound();
      return reply.type('text/calendar; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(body);
    },
  );
}
