/** HTTP of police events: the association's municipality, as Polisen publishes them. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { policeEvents, policeEventsQuery } from '../../../shared/api/police-events.js';
import { listPoliceEvents } from './police-events.service.js';

export function registerPoliceEventRoutes(root: FastifyInstance, ctx: AppContext): void {
  root.withTypeProvider<ZodTypeProvider>().get(
    '/api/police-events',
    {
      schema: {
        tags: ['police events'],
        summary: "Polisen's events in the association's municipality, newest first (default: the last 30 days); positions are the municipality's centre",
        querystring: policeEventsQuery,
        response: { 200: policeEvents },
      },
    },
    async (req) => listPoliceEvents(ctx, await ctx.actorOf(req), req.query),
  );
}
