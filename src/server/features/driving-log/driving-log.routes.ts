/** HTTP for the driving log and its yearly CSV and PDF export. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { idParams } from '../../../shared/api/common.js';
import * as api from '../../../shared/api/driving-log.js';
import { drivingLog } from './driving-log.service.js';
import { getAssociation } from '../associations/associations.service.js';
import { drivingLogCsv, drivingLogPdf } from './driving-log.export.js';

export function registerDrivingLogRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['driving log'];
  const schema = (summary: string) => ({ tags, summary, params: idParams, querystring: api.drivingLogQuery });
  const fileName = (log: api.DrivingLog, ext: string) => `korjournal-${log.registration.replace(/\s/g, '')}-${log.year}.${ext}`;

  app.get('/api/vehicles/:id/driving-log', { schema: { ...schema('A car’s driving log for a year'), response: { 200: api.drivingLog } } }, async (req) =>
    drivingLog(ctx, await ctx.actorOf(req), req.params.id, req.query.year),
  );
  app.get('/api/vehicles/:id/driving-log.csv', { schema: schema('The driving log as CSV'), config: { produces: ['text/csv'] } }, async (req, reply) => {
    const actor = await ctx.actorOf(req);
    const log = await drivingLog(ctx, actor, req.params.id, req.query.year);
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="${fileName(log, 'csv')}"`)
      .send(drivingLogCsv(actor.language, log));
  });
  app.get('/api/vehicles/:id/driving-log.pdf', { schema: schema('The driving log as PDF'), config: { produces: ['application/pdf'] } }, async (req, reply) => {
    const actor = await ctx.actorOf(req);
    const log = await drivingLog(ctx, actor, req.params.id, req.query.year);
    const association = (await getAssociation(ctx, actor.associationId))!;
    return reply
      .type('application/pdf')
      .header('content-disposition', `attachment; filename="${fileName(log, 'pdf')}"`)
      .send(await drivingLogPdf(actor.language, log, association.name));
  });
}
