/** The privacy notice (members; and before signing in, for invitees) and the records of processing (admins). */
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import type { AppContext } from '../../context.js';
import { idParams } from '../../../shared/api/common.js';
import { privacyDocument } from '../../../shared/api/privacy.js';
import { privacyNotice, processingRecords, publicPrivacyNotice } from './privacy.service.js';

export function registerPrivacyRoutes(root: FastifyInstance, ctx: AppContext): void {
  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['privacy'];
  app.get(
    '/api/privacy/notice',
    { schema: { tags, summary: 'How the association handles personal data (everyone signed in)', response: { 200: privacyDocument } } },
    async (req) => privacyNotice(ctx, await ctx.actorOf(req, { allowMissingTwoFactor: true })),
  );
  app.get(
    '/api/privacy/notice/:id',
    {
      schema: {
        tags,
        summary: 'The privacy notice of an association, before signing in (linked from invitations)',
        params: idParams,
        response: { 200: privacyDocument },
      },
      config: { public: true },
    },
    async (req) => publicPrivacyNotice(ctx, req.params.id),
  );
  app.get(
    '/api/privacy/records',
    { schema: { tags, summary: 'Records of processing (GDPR art. 30), with what is held now (admins)', response: { 200: privacyDocument } } },
    async (req) => processingRecords(ctx, await ctx.actorOf(req)),
  );
}
