/** HTTP for volunteer hours and kilometres. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import * as api from '../../../shared/api/driving-log.js';
import { hoursAndKm } from './hours.service.js';

export function registerHoursRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/api/hours',
    {
      schema: {
        tags: ['hours'],
        summary: 'Volunteer hours (own, or everyone’s for coordinators), km per car and month, shifts run against planned',
        querystring: api.hoursQuery,
        response: { 200: api.hours },
      },
    },
    async (req) => hoursAndKm(ctx, await ctx.actorOf(req), req.query),
  );
}
