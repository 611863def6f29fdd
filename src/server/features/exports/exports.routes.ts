/** HTTP of exports: a file to download, named after what it holds and its period. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { exportQuery } from '../../../shared/api/exports.js';
import { exportItems, exportObservations } from './exports.service.js';
import { download } from '../../platform/http/download.js';

/** What an export comes as, by its format parameter. */
const TABLE_FILES = ['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'application/geo+json'];

export function registerExportRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['exports'];
  app.get(
    '/api/exports/observations',
    {
      schema: { tags, summary: 'Observations of a period as CSV, XLSX or GeoJSON, without anyone’s personal data (coordinators)', querystring: exportQuery },
      config: { produces: TABLE_FILES },
    },
    async (req, reply) => download(reply, await exportObservations(ctx, await ctx.actorOf(req), req.query)),
  );
  app.get(
    '/api/exports/action-items',
    {
      schema: { tags, summary: 'Action items made in a period as CSV, XLSX or GeoJSON (coordinators)', querystring: exportQuery },
      config: { produces: TABLE_FILES },
    },
    async (req, reply) => download(reply, await exportItems(ctx, await ctx.actorOf(req), req.query)),
  );
}
