/** HTTP of the follow-up: the dashboard, the map's grids and the IOP report. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import {
  dashboard as dashboardSchema,
  grid,
  insightsQuery,
  iopFiguresQuery,
  iopQuery,
  iopTexts,
  iopTextsPut,
  publicCounts as publicCountsSchema,
} from '../../../shared/api/insights.js';
import { idParams } from '../../../shared/api/common.js';
import { languageFromHeader } from '../../../shared/i18n/translate.js';
import { publicCounts } from './public-page.js';
import { getIopTexts, iopFigures, iopReport, saveIopTexts } from './iop.service.js';
import { download } from '../../platform/http/download.js';
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
  app.get(
    '/api/iop-report',
    {
      schema: {
        tags,
        summary: 'The board’s texts of the IOP report for a period (coordinators, admins, partners)',
        querystring: iopQuery.pick({ from: true, to: true }),
        response: { 200: iopTexts },
      },
    },
    async (req) => getIopTexts(ctx, await ctx.actorOf(req), req.query),
  );
  app.put(
    '/api/iop-report',
    { schema: { tags, summary: 'Save the board’s texts of the IOP report for a period (admin)', body: iopTextsPut, response: { 200: iopTexts } } },
    async (req) => saveIopTexts(ctx, await ctx.actorOf(req), req.body),
  );
  app.get(
    '/api/iop-report/report.pdf',
    {
      schema: { tags, summary: 'The IOP report as a PDF/A: key figures, charts, a map of counts, the board’s texts', querystring: iopQuery },
      config: { produces: ['application/pdf'] },
    },
    async (req, reply) => download(reply, await iopReport(ctx, await ctx.actorOf(req), req.query)),
  );
  app.get(
    '/api/iop-report/figures',
    {
      schema: { tags, summary: 'The IOP report’s figures as CSV or XLSX, the same as in its PDF', querystring: iopFiguresQuery },
      config: { produces: ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'] },
    },
    async (req, reply) => download(reply, await iopFigures(ctx, await ctx.actorOf(req), req.query)),
  );
  app.get(
    '/api/public/:id',
    {
      schema: {
        tags,
        summary:
          'The association’s public page, when it shows one: counts per square kilometre and category for the past year, no points or words (no sign-in)',
        params: idParams,
        response: { 200: publicCountsSchema },
      },
      config: { public: true },
    },
    async (req) => publicCounts(ctx, req.params.id, languageFromHeader(req.headers['accept-language'])),
  );
}
