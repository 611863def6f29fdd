/** HTTP for cars. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { idParams } from '../../../shared/api/common.js';
import * as api from '../../../shared/api/vehicles.js';
import * as service from './vehicles.service.js';

export function registerVehicleRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['vehicles'];
  app.get('/api/vehicles', { schema: { tags, summary: 'Cars', response: { 200: z.array(api.vehicle) } } }, async (req) =>
    service.listVehicles(ctx, await ctx.actorOf(req)),
  );
  app.get('/api/vehicles/:id', { schema: { tags, summary: 'One car', params: idParams, response: { 200: api.vehicle } } }, async (req) =>
    service.getVehicle(ctx, await ctx.actorOf(req), req.params.id),
  );
  app.post(
    '/api/vehicles',
    { schema: { tags, summary: 'Add a car (coordinators)', body: api.vehicleCreate, response: { 201: api.vehicle } } },
    async (req, reply) => reply.status(201).send(await service.createVehicle(ctx, await ctx.actorOf(req), req.body)),
  );
  app.patch(
    '/api/vehicles/:id',
    { schema: { tags, summary: 'Change a car (coordinators)', params: idParams, body: api.vehicleUpdate, response: { 200: api.vehicle } } },
    async (req) => service.updateVehicle(ctx, await ctx.actorOf(req), req.params.id, req.body),
  );
}
