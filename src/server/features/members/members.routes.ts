/** HTTP for members, invitations and the own profile. */
import { exportMember, exportMine } from './access-export.service.js';
import { download } from '../../platform/http/download.js';
import { anonymiseMember } from './erasure.service.js';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { idParams, ok } from '../../../shared/api/common.js';
import * as api from '../../../shared/api/members.js';
import * as members from './members.service.js';
import * as invitations from './invitations.service.js';
import * as me from './me.service.js';

export function registerMemberRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['members'];

  app.get('/api/me', { schema: { tags, summary: 'The signed-in member, association and permissions', response: { 200: api.me } } }, async (req) =>
    me.getMe(ctx, await ctx.actorOf(req, { allowMissingTwoFactor: true })),
  );

  app.patch(
    '/api/me',
    { schema: { tags, summary: 'Change own name, phone, language, text size', body: api.meUpdate, response: { 200: api.me } } },
    async (req) => me.updateMe(ctx, await ctx.actorOf(req, { allowMissingTwoFactor: true }), req.body),
  );

  app.get(
    '/api/members',
    { schema: { tags, summary: 'Members of the association', querystring: api.memberListQuery, response: { 200: z.array(api.memberSummary) } } },
    async (req) =>
      members.listMembers(ctx, await ctx.actorOf(req), { q: req.query.q, role: req.query.role, includeInactive: req.query.includeInactive === 'true' }),
  );

  app.get('/api/members/:id', { schema: { tags, summary: 'One member (audited read)', params: idParams, response: { 200: api.memberDetail } } }, async (req) =>
    members.getMember(ctx, await ctx.actorOf(req), req.params.id),
  );

  app.patch(
    '/api/members/:id',
    { schema: { tags, summary: 'Change a member', params: idParams, body: api.memberUpdate, response: { 200: api.memberDetail } } },
    async (req) => members.updateMember(ctx, await ctx.actorOf(req), req.params.id, req.body),
  );

  app.post(
    '/api/members/:id/deactivate',
    { schema: { tags, summary: 'Deactivate, keeping history', params: idParams, response: { 200: api.memberDetail } } },
    async (req) => members.setMemberActive(ctx, await ctx.actorOf(req), req.params.id, false),
  );

  app.get(
    '/api/me/export',
    { schema: { tags, summary: 'Everything the association holds about me, as a ZIP (GDPR art. 15)' }, config: { produces: ['application/zip'] } },
    async (req, reply) => download(reply, await exportMine(ctx, await ctx.actorOf(req, { allowMissingTwoFactor: true }))),
  );
  app.get(
    '/api/members/:id/export',
    {
      schema: { tags, summary: 'Everything the association holds about a member, as a ZIP (admins; audited)', params: idParams },
      config: { produces: ['application/zip'] },
    },
    async (req, reply) => download(reply, await exportMember(ctx, await ctx.actorOf(req), req.params.id)),
  );

  app.post(
    '/api/members/:id/anonymise',
    {
      schema: {
        tags,
        summary: 'Anonymise a deactivated member for good (admins; confirmed by the name)',
        params: idParams,
        body: api.memberAnonymise,
        response: { 200: api.memberDetail },
      },
    },
    async (req) => anonymiseMember(ctx, await ctx.actorOf(req), req.params.id, req.body.confirmName),
  );

  app.post('/api/members/:id/reactivate', { schema: { tags, summary: 'Reactivate', params: idParams, response: { 200: api.memberDetail } } }, async (req) =>
    members.setMemberActive(ctx, await ctx.actorOf(req), req.params.id, true),
  );

  app.get('/api/invitations', { schema: { tags, summary: 'Open invitations', response: { 200: z.array(api.invitationSummary) } } }, async (req) =>
    invitations.listInvitations(ctx, await ctx.actorOf(req)),
  );

  app.post(
    '/api/invitations',
    { schema: { tags, summary: 'Invite a member or partner by e-mail', body: api.invitationCreate, response: { 201: api.invitationSummary } } },
    async (req, reply) => reply.status(201).send(await invitations.createInvitation(ctx, await ctx.actorOf(req), req.body)),
  );

  app.post(
    '/api/invitations/:id/resend',
    { schema: { tags, summary: 'Send an open invitation again with a new link', params: idParams, response: { 200: api.invitationSummary } } },
    async (req) => invitations.resendInvitation(ctx, await ctx.actorOf(req), req.params.id),
  );

  app.delete('/api/invitations/:id', { schema: { tags, summary: 'Revoke an open invitation', params: idParams, response: { 200: ok } } }, async (req) => {
    await invitations.revokeInvitation(ctx, await ctx.actorOf(req), req.params.id);
    return { ok: true as const };
  });

  app.get(
    '/api/invitation-links/:token',
    {
      schema: { tags, summary: 'What an invitation link opens (no account needed)', params: api.tokenParams, response: { 200: api.invitationPreview } },
      config: { secrets: { params: ['token'] }, public: true },
    },
    async (req) => invitations.previewInvitation(ctx, req.params.token),
  );

  app.post(
    '/api/invitation-links/:token/accept',
    {
      schema: { tags, summary: 'Accept an invitation by choosing a password', params: api.tokenParams, body: api.invitationAccept, response: { 200: ok } },
      config: { secrets: { params: ['token'] }, public: true },
    },
    async (req) => {
      await invitations.acceptInvitation(ctx, req.params.token, req.body.password);
      return { ok: true as const };
    },
  );
}
