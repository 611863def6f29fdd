/**
 * The recipient's answer page under /svar/<token>: HTML, no account, no
 * script. Hidden from the API description: it is a page, not an API.
 */
import { publicRouteLimits } from '../../platform/http/public-limits.js';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { AppContext } from '../../context.js';
import { recipientAnswer } from '../../../shared/api/reports.js';
import { toLanguage, translate, type MessageKey } from '../../../shared/i18n/translate.js';
import { ANSWER_CSS, renderAnswerForm, renderAnswerThanks, renderLinkRefused } from './answer-page.js';
import { answerThroughLink, openAnswerLink, photoForLink, photoForMediaLink } from './answer.service.js';

const html = (reply: FastifyReply, status: number, body: string) =>
  reply.status(status).type('text/html; charset=utf-8').header('cache-control', 'no-store').header('referrer-policy', 'no-referrer').send(body);

export function registerAnswerRoutes(root: FastifyInstance, ctx: AppContext): void {
  void root.register(async (app) => {
    // The form posts as a browser does, url-encoded.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 16 * 1024 }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    const refusedStatus = { invalid: 404, expired: 410, used: 410 } as const;
    const limits = publicRouteLimits(app, ctx.config.publicRateLimitPerMinute, 'svar', (req) => (req.params as { token?: string }).token);
    const fallbackLang = (accept: string | undefined) => toLanguage(accept?.toLowerCase().startsWith('en') ? 'en' : 'sv');

    app.get('/svar/answer.css', { schema: { hide: true } }, async (_req, reply) =>
      reply.type('text/css; charset=utf-8').header('cache-control', 'public, max-age=3600').send(ANSWER_CSS),
    );

    app.get<{ Params: { token: string } }>(
      '/svar/:token',
      { schema: { hide: true }, config: { secrets: { params: ['token'] }, rateLimit: limits.rateLimit }, preHandler: limits.preHandler },
      async (req, reply) => {
        const opened = await openAnswerLink(ctx, req.params.token, fallbackLang(req.headers['accept-language']));
        if (!opened.ok) return html(reply, refusedStatus[opened.reason], renderLinkRefused(opened.lang, opened.reason));
        return html(reply, 200, renderAnswerForm(opened.view));
      },
    );

    app.get<{ Params: { token: string; sha256: string } }>(
      '/svar/:token/photos/:sha256',
      { schema: { hide: true }, config: { secrets: { params: ['token'] }, rateLimit: limits.rateLimit }, preHandler: limits.preHandler },
      async (req, reply) => {
        const photo = await photoForLink(ctx, req.params.token, req.params.sha256);
        if (!photo) return reply.status(404).type('text/plain').send('Not found');
        return reply.type(photo.mime).header('cache-control', 'private, no-store').send(photo.bytes);
      },
    );

    // A photo for a recipient's system, by a signed, expiring address (Open311 media_url). Gone from retention: 404.
    app.get<{ Params: { payload: string; signature: string } }>(
      '/media/:payload/:signature',
      { schema: { hide: true }, config: { secrets: { params: ['payload', 'signature'] }, rateLimit: limits.rateLimit }, preHandler: limits.preHandler },
      async (req, reply) => {
        const photo = await photoForMediaLink(ctx, req.params.payload, req.params.signature);
        if (!photo) return reply.status(404).type('text/plain').send('Not found');
        return reply.type(photo.mime).header('cache-control', 'private, no-store').header('referrer-policy', 'no-referrer').send(photo.bytes);
      },
    );

    app.post<{ Params: { token: string } }>(
      '/svar/:token',
      { schema: { hide: true }, config: { secrets: { params: ['token'] }, rateLimit: limits.rateLimit }, preHandler: limits.preHandler },
      async (req, reply) => {
        const opened = await openAnswerLink(ctx, req.params.token, fallbackLang(req.headers['accept-language']));
        if (!opened.ok) return html(reply, refusedStatus[opened.reason], renderLinkRefused(opened.lang, opened.reason));
        const raw = (req.body ?? {}) as Record<string, string>;
        const parsed = recipientAnswer.safeParse({
          state: raw.state,
          externalReference: raw.externalReference?.trim() ? raw.externalReference : null,
          note: raw.note?.trim() ? raw.note : null,
        });
        if (!parsed.success) {
          const lang = opened.view.lang;
          const errors = [...new Set(parsed.error.issues.map((i) => String(i.path[0] ?? 'state')))].map((f) =>
            translate(lang, `answer.error.${f}` as MessageKey),
          );
          return html(reply, 400, renderAnswerForm({ ...opened.view, errors }));
        }
        const result = await answerThroughLink(ctx, req.params.token, parsed.data);
        if (!result.ok) return html(reply, refusedStatus[result.reason], renderLinkRefused(opened.view.lang, result.reason));
        return html(reply, 200, renderAnswerThanks(opened.view.lang, opened.view.association, result.state, result.nextLink));
      },
    );
  });
}
