/** HTTP for shift templates, shifts, crews and running a shift. */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { idParams } from '../../../shared/api/common.js';
import * as api from '../../../shared/api/shifts.js';
import * as templates from './templates.service.js';
import * as shifts from './shifts.service.js';
import * as crew from './crew.service.js';
import * as run from './run.service.js';
import { generateShifts } from './generate.service.js';
import { staffingBoard } from './board.service.js';
import * as track from './track.service.js';

export function registerShiftRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['shifts'];
  const actor = (req: Parameters<AppContext['actorOf']>[0]) => ctx.actorOf(req);

  app.get('/api/shift-templates', { schema: { tags, summary: 'Shift templates', response: { 200: z.array(api.template) } } }, async (req) =>
    templates.listTemplates(ctx, await actor(req)),
  );
  app.post(
    '/api/shift-templates',
    { schema: { tags, summary: 'Add a template (coordinators)', body: api.templateCreate, response: { 201: api.template } } },
    async (req, reply) => reply.status(201).send(await templates.createTemplate(ctx, await actor(req), req.body)),
  );
  app.put(
    '/api/shift-templates/:id',
    { schema: { tags, summary: 'Change a template (coordinators)', params: idParams, body: api.templateUpdate, response: { 200: api.template } } },
    async (req) => templates.updateTemplate(ctx, await actor(req), req.params.id, req.body),
  );
  app.delete(
    '/api/shift-templates/:id',
    { schema: { tags, summary: 'Archive a template (coordinators)', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await templates.archiveTemplate(ctx, await actor(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
  app.post(
    '/api/shifts/generate',
    { schema: { tags, summary: 'Make shifts from templates for a period (coordinators)', body: api.generateInput, response: { 200: api.generateResult } } },
    async (req) => generateShifts(ctx, await actor(req), req.body),
  );

  app.get(
    '/api/staffing-board',
    { schema: { tags, summary: 'Staffed, short and empty shifts per day (at most six weeks)', querystring: api.boardQuery, response: { 200: api.board } } },
    async (req) => staffingBoard(ctx, await actor(req), req.query),
  );
  app.get(
    '/api/shifts',
    { schema: { tags, summary: 'Shifts starting on the days from..to', querystring: api.shiftListQuery, response: { 200: z.array(api.shift) } } },
    async (req) => shifts.listShifts(ctx, await actor(req), req.query),
  );
  app.post(
    '/api/shifts',
    { schema: { tags, summary: 'A one-off shift (coordinators)', body: api.shiftCreate, response: { 201: api.shift } } },
    async (req, reply) => reply.status(201).send(await shifts.createShift(ctx, await actor(req), req.body)),
  );
  app.get('/api/shifts/:id', { schema: { tags, summary: 'One shift', params: idParams, response: { 200: api.shift } } }, async (req) =>
    shifts.getShift(ctx, await actor(req), req.params.id),
  );
  app.put(
    '/api/shifts/:id',
    { schema: { tags, summary: 'Change a planned shift (coordinators)', params: idParams, body: api.shiftUpdate, response: { 200: api.shift } } },
    async (req) => shifts.updateShift(ctx, await actor(req), req.params.id, req.body),
  );
  app.post(
    '/api/shifts/:id/cancel',
    { schema: { tags, summary: 'Cancel a shift (coordinators)', params: idParams, body: api.cancelInput, response: { 200: api.shift } } },
    async (req) => shifts.cancelShift(ctx, await actor(req), req.params.id, req.body.reason),
  );

  app.post(
    '/api/shifts/:id/signup',
    { schema: { tags, summary: 'Sign up, or join the waiting list', params: idParams, body: api.signupInput, response: { 200: api.signupResult } } },
    async (req) => crew.signUp(ctx, await actor(req), req.params.id, req.body),
  );
  app.post(
    '/api/shifts/:id/withdraw',
    { schema: { tags, summary: 'Leave a shift or its waiting list', params: idParams, response: { 200: api.shift } } },
    async (req) => crew.withdraw(ctx, await actor(req), req.params.id),
  );
  app.post(
    '/api/shifts/:id/crew',
    { schema: { tags, summary: 'Assign a member (coordinators)', params: idParams, body: api.assignInput, response: { 200: api.shift } } },
    async (req) => crew.assign(ctx, await actor(req), req.params.id, req.body),
  );
  app.post(
    '/api/shifts/:id/crew/:memberId/remove',
    { schema: { tags, summary: 'Take a member off a shift (coordinators)', params: api.crewParams, body: api.removeInput, response: { 200: api.shift } } },
    async (req) => crew.removeFromShift(ctx, await actor(req), req.params.id, req.params.memberId, req.body.reason),
  );
  app.post(
    '/api/shifts/:id/swap',
    { schema: { tags, summary: 'Swap one crew member for another (coordinators)', params: idParams, body: api.swapInput, response: { 200: api.shift } } },
    async (req) => crew.swap(ctx, await actor(req), req.params.id, req.body),
  );

  app.post(
    '/api/shifts/:id/check-in',
    { schema: { tags, summary: 'Check the shift in (shift leader)', params: idParams, body: api.checkInInput, response: { 200: api.shift } } },
    async (req) => run.checkIn(ctx, await actor(req), req.params.id, req.body),
  );
  app.post(
    '/api/shifts/:id/check-out',
    { schema: { tags, summary: 'Check the shift out (shift leader)', params: idParams, body: api.checkOutInput, response: { 200: api.shift } } },
    async (req) => run.checkOut(ctx, await actor(req), req.params.id, req.body),
  );
  app.patch(
    '/api/shifts/:id/run',
    { schema: { tags, summary: 'Correct a run afterwards (coordinators)', params: idParams, body: api.runCorrection, response: { 200: api.shift } } },
    async (req) => run.correctRun(ctx, await actor(req), req.params.id, req.body),
  );

  app.put(
    '/api/shifts/:id/track/:segmentId',
    {
      schema: {
        tags,
        summary: 'A stretch of the route driven (crew, with consent); idempotent by the id the phone made',
        params: api.trackParams,
        body: api.trackSegmentPut,
        response: { 200: z.object({ created: z.boolean() }), 201: z.object({ created: z.boolean() }) },
      },
    },
    async (req, reply) => {
      const result = await track.putSegment(ctx, await actor(req), req.params.id, req.params.segmentId, req.body);
      return reply.status(result.created ? 201 : 200).send(result);
    },
  );
  app.get(
    '/api/shifts/:id/track',
    { schema: { tags, summary: 'The route driven on a shift (its crew and coordinators)', params: idParams, response: { 200: api.track } } },
    async (req) => track.getTrack(ctx, await actor(req), req.params.id),
  );
}
