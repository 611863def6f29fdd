/** HTTP for observation categories and observations. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { authorize } from '../../platform/policies.js';
import { idParams } from '../../../shared/api/common.js';
import * as api from '../../../shared/api/observations.js';
import { auditEntry } from '../../../shared/api/audit.js';
import * as categories from './categories.service.js';
import * as observations from './observations.service.js';
import * as places from './places.service.js';

export function registerObservationRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['observations'];
  app.get('/api/observation-categories', { schema: { tags, summary: 'The association’s categories', response: { 200: z.array(api.category) } } }, async (req) =>
    categories.listCategories(ctx, await ctx.actorOf(req)),
  );
  app.post(
    '/api/observation-categories',
    { schema: { tags, summary: 'Add a category or subcategory (coordinators)', body: api.categoryCreate, response: { 201: api.category } } },
    async (req, reply) => reply.status(201).send(await categories.createCategory(ctx, await ctx.actorOf(req), req.body)),
  );
  app.patch(
    '/api/observation-categories/:id',
    {
      schema: {
        tags,
        summary: 'Rename, disable or reorder a category (coordinators)',
        params: idParams,
        body: api.categoryUpdate,
        response: { 200: api.category },
      },
    },
    async (req) => categories.updateCategory(ctx, await ctx.actorOf(req), req.params.id, req.body),
  );

  app.put(
    '/api/observations/:id',
    {
      schema: {
        tags,
        summary:
          'Store an observation under the id the phone made (idempotent: a retry answers 200 with what is stored; other content under the same id is 409)',
        params: idParams,
        body: api.observationPut,
        response: { 200: api.observation, 201: api.observation },
      },
      // The upload path every phone takes (1,000 a second is the target): the answer is built
      // by typed code from what was just written, so it is sent as JSON without zod checking
      // it again. The schema above still documents it.
      serializerCompiler: () => (data) => JSON.stringify(data),
    },
    async (req, reply) => {
      const { created, observation } = await observations.putObservation(ctx, await ctx.actorOf(req), req.params.id, req.body);
      return reply.status(created ? 201 : 200).send(observation);
    },
  );
  app.get(
    '/api/observations',
    {
      schema: { tags, summary: 'Observations, newest first, a page at a time', querystring: api.observationListQuery, response: { 200: api.observationPage } },
    },
    async (req) => observations.listObservations(ctx, await ctx.actorOf(req), req.query),
  );
  app.get(
    '/api/geocode/reverse',
    {
      schema: {
        tags,
        summary: 'The street address of a position, when a geocoder is configured',
        querystring: api.reverseQuery,
        response: { 200: api.reverseResult },
      },
    },
    async (req) => {
      authorize(await ctx.actorOf(req), 'observation.create');
      return { address: await ctx.geocoder.reverse(req.query.lat, req.query.lng) };
    },
  );
  app.get(
    '/api/places',
    {
      schema: {
        tags,
        summary: 'Places matching a name, for a capture without a position: the geocoder, the association’s areas, addresses seen before',
        querystring: api.placeSearchQuery,
        response: { 200: z.array(api.placeHit) },
      },
    },
    async (req) => places.searchPlaces(ctx, await ctx.actorOf(req), req.query.q),
  );
  app.get(
    '/api/map-settings',
    { schema: { tags, summary: 'Where map tiles come from (null: maps without tiles)', response: { 200: api.mapSettings } } },
    async (req) => {
      authorize(await ctx.actorOf(req), 'area.list');
      return { tileUrl: ctx.config.mapTileUrl, attribution: ctx.config.mapTileAttribution };
    },
  );
  app.get(
    '/api/observations/map',
    {
      schema: {
        tags,
        summary: 'Observations in a map viewport: each one when few, else clustered on the server (at most a few hundred markers)',
        querystring: api.mapQuery,
        response: { 200: api.mapResult },
      },
    },
    async (req) => observations.mapObservations(ctx, await ctx.actorOf(req), req.query),
  );
  app.get(
    '/api/observations/:id/history',
    { schema: { tags, summary: 'What happened to an observation, newest first', params: idParams, response: { 200: z.array(auditEntry) } } },
    async (req) => observations.observationHistory(ctx, await ctx.actorOf(req), req.params.id),
  );
  app.get('/api/observations/:id', { schema: { tags, summary: 'One observation', params: idParams, response: { 200: api.observation } } }, async (req) =>
    observations.getObservation(ctx, await ctx.actorOf(req), req.params.id),
  );
  // Photos arrive as the raw image body; the type is checked by content, not by this header.
  app.addContentTypeParser(['image/jpeg', 'image/png', 'image/webp'], { parseAs: 'buffer', bodyLimit: observations.MAX_PHOTO_BYTES }, (_req, body, done) =>
    done(null, body),
  );
  app.post(
    '/api/observations/:id/photos',
    {
      bodyLimit: observations.MAX_PHOTO_BYTES,
      schema: {
        tags,
        summary: 'Add a photo (JPEG, PNG or WebP as the request body); all metadata is removed',
        params: idParams,
        response: { 200: api.observation },
      },
    },
    async (req) => observations.addPhoto(ctx, await ctx.actorOf(req), req.params.id, req.body),
  );
  app.get(
    '/api/observations/:id/photos/:sha256',
    { schema: { tags, summary: 'A photo of an observation', params: api.photoParams }, config: { produces: ['image/jpeg'] } },
    async (req, reply) => {
      const bytes = await observations.getPhoto(ctx, await ctx.actorOf(req), req.params.id, req.params.sha256);
      // A photo from a patrol is personal data at worst: never kept by a cache, though it never changes.
      return reply.type('image/jpeg').header('cache-control', 'no-store').send(bytes);
    },
  );
  app.patch(
    '/api/observations/:id',
    {
      schema: {
        tags,
        summary: 'Change an observation (the author for 24 hours, coordinators later)',
        params: idParams,
        body: api.observationPatch,
        response: { 200: api.observation },
      },
    },
    async (req) => observations.patchObservation(ctx, await ctx.actorOf(req), req.params.id, req.body),
  );
}
