/** HTTP for recipients, routing rules, areas and action items. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { idParams } from '../../../shared/api/common.js';
import * as api from '../../../shared/api/reports.js';
import * as recipients from './recipients.service.js';
import * as routing from './routing.service.js';
import * as items from './action-items.service.js';
import { previewCapture } from './capture-preview.js';
import * as rechecks from './rechecks.js';
import { authorize } from '../../platform/policies.js';
import { readAreaFile } from '../../platform/geo/area-file.js';

/** A district file of a large municipality, with detailed boundaries. */
const AREA_FILE_BYTES = 10 * 1024 * 1024;

export function registerReportRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['action items'];

  app.get(
    '/api/recipients',
    { schema: { tags, summary: 'Recipients of action items (coordinators)', response: { 200: z.array(api.recipient) } } },
    async (req) => recipients.listRecipients(ctx, await ctx.actorOf(req)),
  );
  app.post(
    '/api/recipients',
    { schema: { tags, summary: 'Add a recipient (admin)', body: api.recipientCreate, response: { 201: api.recipient } } },
    async (req, reply) => reply.status(201).send(await recipients.createRecipient(ctx, await ctx.actorOf(req), req.body)),
  );
  app.patch(
    '/api/recipients/:id',
    { schema: { tags, summary: 'Change a recipient (admin)', params: idParams, body: api.recipientUpdate, response: { 200: api.recipient } } },
    async (req) => recipients.updateRecipient(ctx, await ctx.actorOf(req), req.params.id, req.body),
  );

  app.get(
    '/api/routing-rules',
    { schema: { tags, summary: 'Routing rules, in order of precedence (coordinators)', response: { 200: z.array(api.rule) } } },
    async (req) => routing.listRules(ctx, await ctx.actorOf(req)),
  );
  app.post(
    '/api/routing-rules',
    { schema: { tags, summary: 'Add a routing rule (admin)', body: api.ruleCreate, response: { 201: api.rule } } },
    async (req, reply) => reply.status(201).send(await routing.createRule(ctx, await ctx.actorOf(req), req.body)),
  );
  app.patch(
    '/api/routing-rules/:id',
    { schema: { tags, summary: 'Change a routing rule (admin)', params: idParams, body: api.ruleUpdate, response: { 200: api.rule } } },
    async (req) => routing.updateRule(ctx, await ctx.actorOf(req), req.params.id, req.body),
  );
  app.delete(
    '/api/routing-rules/:id',
    { schema: { tags, summary: 'Remove a routing rule (admin)', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await routing.deleteRule(ctx, await ctx.actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/routing/try',
    {
      schema: {
        tags,
        summary: 'Where an observation of this category at this point would go',
        querystring: api.routingTry,
        response: { 200: api.routingProposal },
      },
    },
    async (req) => routing.tryRouting(ctx, await ctx.actorOf(req), req.query),
  );

  app.get(
    '/api/capture-preview',
    {
      schema: {
        tags,
        summary: 'Before saving a capture: who it will go to, and open items of the same category nearby (members)',
        querystring: api.capturePreviewQuery,
        response: { 200: api.capturePreview },
      },
    },
    async (req) => previewCapture(ctx, await ctx.actorOf(req), req.query),
  );

  app.post(
    '/api/areas',
    { schema: { tags, summary: 'Add an area drawn on the map (admin)', body: api.areaCreate, response: { 201: api.area } } },
    async (req, reply) => reply.status(201).send((await routing.addAreas(ctx, await ctx.actorOf(req), [req.body]))[0]!),
  );
  // District files are sent as they were saved: GeoJSON's own media type too.
  app.addContentTypeParser('application/geo+json', { parseAs: 'string', bodyLimit: AREA_FILE_BYTES }, app.getDefaultJsonParser('error', 'error'));
  app.post(
    '/api/areas/import',
    {
      bodyLimit: AREA_FILE_BYTES,
      schema: {
        tags,
        summary:
          'Add areas from a GeoJSON file as QGIS, GDAL or an open-data portal writes it (WGS 84, SWEREF 99 TM and local zones, RT90), named by a chosen property; all or nothing (admin)',
        body: api.areaImport,
        querystring: api.areaImportQuery,
        response: { 201: z.array(api.area) },
      },
    },
    async (req, reply) => {
      const actor = await ctx.actorOf(req);
      authorize(actor, 'area.manage');
      return reply.status(201).send(await routing.addAreas(ctx, actor, readAreaFile(req.body, req.query.nameProperty)));
    },
  );

  app.get(
    '/api/action-items',
    {
      schema: {
        tags,
        summary: 'Action items, newest first (coordinators all; volunteers those of their own observations)',
        querystring: api.itemListQuery,
        response: { 200: z.array(api.itemSummary) },
      },
    },
    async (req) => items.listItems(ctx, await ctx.actorOf(req), req.query),
  );
  app.post(
    '/api/action-items',
    { schema: { tags, summary: 'Send an observation to one more recipient (coordinators)', body: api.itemCreate, response: { 201: api.itemDetail } } },
    async (req, reply) => reply.status(201).send(await items.createItem(ctx, await ctx.actorOf(req), req.body)),
  );
  app.get(
    '/api/action-items/:id',
    { schema: { tags, summary: 'One action item with its timeline', params: idParams, response: { 200: api.itemDetail } } },
    async (req) => items.getItem(ctx, await ctx.actorOf(req), req.params.id),
  );
  app.patch(
    '/api/action-items/:id',
    {
      schema: {
        tags,
        summary: 'Record a manual delivery or the recipient’s answer (coordinators)',
        params: idParams,
        body: api.itemUpdate,
        response: { 200: api.itemDetail },
      },
    },
    async (req) => items.updateItem(ctx, await ctx.actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/action-items/:id/send',
    { schema: { tags, summary: 'Send an item held as a possible duplicate (coordinators)', params: idParams, response: { 200: api.itemDetail } } },
    async (req) => items.sendHeld(ctx, await ctx.actorOf(req), req.params.id),
  );
  app.post(
    '/api/action-items/:id/withdraw',
    {
      schema: {
        tags,
        summary: 'Take back an item before it reaches the recipient (coordinators)',
        params: idParams,
        body: api.itemWithdraw,
        response: { 200: api.itemDetail },
      },
    },
    async (req) => items.withdrawItem(ctx, await ctx.actorOf(req), req.params.id, req.body.note),
  );
  app.post(
    '/api/action-items/:id/retry',
    { schema: { tags, summary: 'Try a failed delivery again (coordinators)', params: idParams, response: { 200: api.itemDetail } } },
    async (req) => items.retryDelivery(ctx, await ctx.actorOf(req), req.params.id),
  );
  app.post(
    '/api/action-items/:id/answer',
    {
      schema: {
        tags,
        summary: 'Answer an item addressed to the own organisation, as through the mailed link (partners)',
        params: idParams,
        body: api.recipientAnswer,
        response: { 200: api.itemDetail },
      },
    },
    async (req) => items.answerAsPartner(ctx, await ctx.actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/action-items/:id/observations',
    { schema: { tags, summary: 'Join an observation to this item (coordinators)', params: idParams, body: api.itemJoin, response: { 200: api.itemDetail } } },
    async (req) => items.joinItem(ctx, await ctx.actorOf(req), req.params.id, req.body.observationId),
  );
  app.post(
    '/api/action-items/:id/recheck',
    {
      schema: { tags, summary: 'Record what a patrol found when it looked again (crew)', params: idParams, body: api.recheckDone, response: { 204: z.null() } },
    },
    async (req, reply) => {
      await rechecks.markRechecked(ctx, await ctx.actorOf(req), req.params.id, req.body);
      return reply.status(204).send(null);
    },
  );
  app.get(
    '/api/shifts/:id/rechecks',
    {
      schema: {
        tags,
        summary: 'Resolved items to look at again on this shift, where its area covers the place (crew)',
        params: idParams,
        response: { 200: z.array(api.recheckTask) },
      },
    },
    async (req) => rechecks.rechecksForShift(ctx, await ctx.actorOf(req), req.params.id),
  );
  app.get(
    '/api/observations/:id/duplicates',
    {
      schema: {
        tags,
        summary: 'Open items of the same category nearby, offered for joining (coordinators)',
        params: idParams,
        response: { 200: api.duplicateCandidates },
      },
    },
    async (req) => items.duplicatesOf(ctx, await ctx.actorOf(req), req.params.id),
  );
}
