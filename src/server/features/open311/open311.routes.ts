/**
 * HTTP of the Open311 GeoReport v2 endpoint under /open311/v2 (the spec's
 * paths, formats and error documents, hidden from the app's own API
 * description), and the admin's API for its keys.
 */
import { publicRouteLimits } from '../../platform/http/public-limits.js';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { AppContext } from '../../context.js';
import { idParams } from '../../../shared/api/common.js';
import { open311Key, open311KeyCreate, open311KeyCreated } from '../../../shared/api/open311.js';
import { errorDocument, render, splitFormat, type Format } from './open311-format.js';
import * as open311 from './open311.service.js';
import * as keys from './open311-keys.service.js';
import { AppError } from '../../platform/errors.js';

/** The XML root of each answer; JSON answers are the value itself. */
type Answer = { root: string; value: unknown };

async function route(ctx: AppContext, method: 'GET' | 'POST', path: string, q: open311.Query): Promise<Answer> {
  const [head, rest, ...more] = path.split('/');
  if (more.length) throw new open311.Open311Error(404, 'no such resource');
  if (method === 'POST') {
    if (head === 'requests' && rest === undefined) return { root: 'service_requests', value: await open311.submitRequest(ctx, q) };
    throw new open311.Open311Error(404, 'no such resource');
  }
  if (head === 'discovery' && rest === undefined) return { root: 'discovery', value: open311.discovery(ctx) };
  if (head === 'services' && rest === undefined) return { root: 'services', value: await open311.services(ctx, q) };
  if (head === 'services' && rest) return { root: 'service_definition', value: await open311.serviceDefinition(ctx, q, rest) };
  if (head === 'requests' && rest === undefined) return { root: 'service_requests', value: await open311.listRequests(ctx, q) };
  if (head === 'requests' && rest) return { root: 'service_requests', value: await open311.getRequest(ctx, q, rest) };
  if (head === 'tokens' && rest) return { root: 'service_requests', value: await open311.tokenOf(ctx, q, rest) };
  throw new open311.Open311Error(404, 'no such resource');
}

function send(reply: FastifyReply, format: Format, status: number, root: string, value: unknown) {
  const doc = render(format, root, value);
  return reply.status(status).type(doc.type).header('cache-control', 'no-store').send(doc.body);
}

export function registerOpen311Routes(root: FastifyInstance, ctx: AppContext): void {
  void root.register(async (app) => {
    // The spec's POST is url-encoded, as a form; clients that send a file with it use multipart. Values are plain strings;
    // a file part (a photo) is not taken: media_url is the spec's way to a picture.
    app.addContentTypeParser('application/x-www-form-urlencoded', { parseAs: 'string', bodyLimit: 64 * 1024 }, (_req, body, done) =>
      done(null, Object.fromEntries(new URLSearchParams(body as string))),
    );
    app.addContentTypeParser('multipart/form-data', { parseAs: 'buffer', bodyLimit: 12 * 1024 * 1024 }, (req, body, done) => {
      new Request('http://open311.invalid/', {
        method: 'POST',
        headers: { 'content-type': req.headers['content-type']! },
        body: new Uint8Array(body as Buffer),
      })
        .formData()
        .then((form) => done(null, Object.fromEntries([...form.entries()].filter(([, v]) => typeof v === 'string'))))
        .catch(() => done(new open311.Open311Error(400, 'the multipart body could not be read')));
    });
    // Any other body (JSON and plain text too, which Fastify would otherwise take): answered in the spec's error format.
    app.removeContentTypeParser(['application/json', 'text/plain']);
    app.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: 64 * 1024 }, (_req, _body, done) =>
      done(new open311.Open311Error(400, 'send the request as application/x-www-form-urlencoded or multipart/form-data')),
    );
    // Errors before the handler (a body too large or unreadable, a rate limit) still get the spec's format, in the format asked for.
    app.setErrorHandler((err: Error & { statusCode?: number; status?: number }, req, reply) => {
      const file = decodeURIComponent((req.params as { '*'?: string } | undefined)?.['*'] ?? '');
      const format = splitFormat(file.slice(file.lastIndexOf('/') + 1))?.format ?? 'json';
      if (err instanceof open311.Open311Error) return send(reply, format, err.status, 'errors', errorDocument(err.status, err.description));
      const code = err.statusCode ?? (err instanceof AppError ? err.status : undefined);
      const status = code && code >= 400 && code < 500 ? code : 500;
      if (status === 500) req.log.error({ err }, 'open311 request failed');
      const description =
        status === 413
          ? 'the request body is too large'
          : status === 429
            ? 'too many requests; try again later'
            : status === 500
              ? 'the server could not answer; try again later'
              : err.message;
      if (status === 429 && reply.getHeader('retry-after') === undefined) reply.header('retry-after', '60');
      return send(reply, format, status, 'errors', errorDocument(status, description));
    });
    const handle =
      (method: 'GET' | 'POST') => async (req: { params: unknown; query: unknown; body?: unknown; log: FastifyInstance['log'] }, reply: FastifyReply) => {
        const file = decodeURIComponent((req.params as { '*': string })['*'] ?? '');
        const dot = file.lastIndexOf('/');
        const split = splitFormat(file.slice(dot + 1));
        if (!split) return send(reply, 'json', 400, 'errors', errorDocument(400, 'the format must be json or xml'));
        const path = `${file.slice(0, dot + 1)}${split.name}`;
        const body = req.body && typeof req.body === 'object' && !Array.isArray(req.body) ? (req.body as Record<string, unknown>) : {};
        const q: open311.Query = {};
        for (const [k, v] of Object.entries({ ...(req.query as object), ...body })) if (typeof v === 'string') q[k] = v;
        try {
          const answer = await route(ctx, method, path, q);
          return send(reply, split.format, method === 'POST' ? 201 : 200, answer.root, answer.value);
        } catch (err) {
          if (err instanceof open311.Open311Error) return send(reply, split.format, err.status, 'errors', errorDocument(err.status, err.description));
          req.log.error({ err }, 'open311 request failed');
          return send(reply, split.format, 500, 'errors', errorDocument(500, 'the server could not answer; try again later'));
        }
      };
    // api_key is always hidden in logs; a request's token is the requester's key to it until it has an id.
    const secrets = { after: ['tokens'] };
    const keyOf = (req: FastifyRequest) => {
      const key = (req.body as { api_key?: unknown } | undefined)?.api_key ?? (req.query as { api_key?: unknown }).api_key;
      return typeof key === 'string' && key ? key : undefined;
    };
    const limits = publicRouteLimits(app, ctx.config.publicRateLimitPerMinute, 'open311', keyOf);
    const options = { schema: { hide: true }, config: { secrets, rateLimit: limits.rateLimit }, preHandler: limits.preHandler };
    app.get('/open311/v2/*', options, handle('GET'));
    app.post('/open311/v2/*', options, handle('POST'));
  });

  const app = root.withTypeProvider<ZodTypeProvider>();
  const tags = ['open311'];
  app.get(
    '/api/open311-keys',
    { schema: { tags, summary: "Keys of partner systems to the association's Open311 endpoint (admin)", response: { 200: z.array(open311Key) } } },
    async (req) => keys.listKeys(ctx, await ctx.actorOf(req)),
  );
  app.post(
    '/api/open311-keys',
    { schema: { tags, summary: 'Issue a key; the answer is the only time it is shown (admin)', body: open311KeyCreate, response: { 201: open311KeyCreated } } },
    async (req, reply) => reply.status(201).send(await keys.createKey(ctx, await ctx.actorOf(req), req.body)),
  );
  app.delete(
    '/api/open311-keys/:id',
    { schema: { tags, summary: 'Revoke a key at once (admin)', params: idParams, response: { 204: z.null() } } },
    async (req, reply) => {
      await keys.revokeKey(ctx, await ctx.actorOf(req), req.params.id);
      return reply.status(204).send(null);
    },
  );
}
