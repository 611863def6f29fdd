/** HTTP for setup, the association, partners, areas and cars. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import * as api from '../../../shared/api/associations.js';
import * as service from './associations.service.js';
import { firstDay } from './first-day.service.js';

export function registerAssociationRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['association'];

  app.get(
    '/api/setup',
    { schema: { tags, summary: 'Whether first-run setup is needed', response: { 200: api.setupStatus } }, config: { public: true } },
    async () => ({
      needsSetup: await service.needsSetup(ctx),
    }),
  );

  app.post(
    '/api/setup',
    {
      schema: {
        tags,
        summary: 'First run: create the association and its first admin',
        body: api.setupInput,
        response: { 201: z.object({ associationId: z.uuid() }) },
      },
      config: { public: true },
    },
    async (req, reply) => {
      const { associationId } = await service.setup(ctx, req.body);
      return reply.status(201).send({ associationId });
    },
  );

  app.get('/api/association', { schema: { tags, summary: 'The own association', response: { 200: api.association } } }, async (req) => {
    const { defaultLanguage: _, ...a } = await service.readAssociation(ctx, await ctx.actorOf(req));
    return a;
  });

  app.patch(
    '/api/association',
    { schema: { tags, summary: 'Change association settings (admin)', body: api.associationUpdate, response: { 200: api.association } } },
    async (req) => {
      const { defaultLanguage: _, ...a } = await service.updateAssociation(ctx, await ctx.actorOf(req), req.body);
      return a;
    },
  );

  app.get(
    '/api/partner-organisations',
    { schema: { tags, summary: 'Partner organisations', response: { 200: z.array(api.partnerOrganisation) } } },
    async (req) => service.listPartners(ctx, await ctx.actorOf(req)),
  );

  app.post(
    '/api/partner-organisations',
    { schema: { tags, summary: 'Add a partner organisation (admin)', body: api.partnerOrganisationCreate, response: { 201: api.partnerOrganisation } } },
    async (req, reply) => reply.status(201).send(await service.createPartner(ctx, await ctx.actorOf(req), req.body)),
  );

  app.get(
    '/api/first-day',
    { schema: { tags, summary: 'What is set up so far, and observations no rule has sent (coordinators)', response: { 200: api.firstDay } } },
    async (req) => firstDay(ctx, await ctx.actorOf(req)),
  );
  app.get('/api/areas', { schema: { tags, summary: 'Areas (districts) as GeoJSON geometries', response: { 200: z.array(api.area) } } }, async (req) =>
    service.listAreas(ctx, await ctx.actorOf(req)),
  );
}
