/** HTTP of the follow-up: the dashboard and the map's grids. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { dashboard as dashboardSchema, grid, insightsQuery } from '../../../shared/api/insights.js';
import { mapQuery } from '../../../shared/api/observations.js';
import { dashboard } from './dashboard.service.js';
import { coverageGrid, heatGrid } from './map-grids.service.js';

export function registerInsightRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['insights'];
  app.get(
    '/api/insights/dashboard',
    {
      schema: {
        tags,
        summary:
          'Shifts, observations and action items of a period (and area) against the period before: counts only, for everyone in the association and its partners',
        querystring: insightsQuery,
        response: { 200: dashboardSchema },
      },
    },
    async (req) => dashboard(ctx, await ctx.actorOf(req), req.query),
  );
  app.get(
    '/api/insights/heat',
    {
      schema: {
        tags,
        summary: 'Observations in a map viewport counted per cell of a grid (cells of 250 m or more), for a heat map',
        querystring: mapQuery,
        response: { 200: grid },
      },
    },
    async (req) => heatGrid(ctx, await ctx.actorOf(req), req.query),
  );
  app.get(
    '/api/insights/coverage',
    {
      schema: {
        tags,
        summary: 'How many shifts drove through each cell of a grid over a map viewport (cells of 250 m or more): staff and partners',
        querystring: mapQuery.pick({ bbox: true, from: true, to: true }),
        response: { 200: grid },
      },
    },
    async (req) => coverageGrid(ctx, await ctx.actorOf(req), req.query),
  );
}
