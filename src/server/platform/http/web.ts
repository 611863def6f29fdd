/** Serves the built PWA and answers unknown non-API paths with its index.html (client-side routes). */
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FastifyInstance } from 'fastify';
import fastifyStatic from '@fastify/static';
import { AppError } from '../errors.js';
import { sendProblem } from './problem.js';

export async function registerWeb(app: FastifyInstance, webRoot: string): Promise<void> {
  const root = resolve(webRoot);
  const hasBuild = existsSync(resolve(root, 'index.html'));
  if (hasBuild) {
    await app.register(fastifyStatic, {
      root,
      wildcard: false,
      index: ['index.html'],
      // The build writes .br and .gz beside each text file (scripts/precompress.mjs): sent as the browser accepts, never compressed per request.
      preCompressed: true,
      setHeaders: (res, path) => {
        // Hashed assets never change; the shell and service worker must be re-checked.
        if (path.includes('/assets/')) res.header('cache-control', 'public, max-age=31536000, immutable');
        else res.header('cache-control', 'no-cache');
      },
    });
  }
  app.setNotFoundHandler((request, reply) => {
    const isPage = request.method === 'GET' && !request.url.startsWith('/api/') && !/\.[a-z0-9]+$/i.test(request.url.split('?')[0]!);
    if (hasBuild && isPage) return reply.header('cache-control', 'no-cache').sendFile('index.html');
    return sendProblem(request, reply, new AppError('not_found'));
  });
}
