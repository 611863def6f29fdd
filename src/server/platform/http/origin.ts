/**
 * Cross-site request forgery guard for our own API: a browser request that changes
 * something must come from a trusted origin. SameSite=Lax cookies and JSON-only
 * bodies already stop most forgeries; this closes the rest. Requests without an
 * Origin header (not from a browser page) pass. It covers /api/auth too, where
 * better-auth checks the origin only when a cookie is sent (so a forged sign-in
 * into someone else's account would pass there).
 */
import type { FastifyInstance } from 'fastify';
import { AppError } from '../errors.js';

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

export function registerOriginGuard(app: FastifyInstance, trustedOrigins: readonly string[]): void {
  app.addHook('onRequest', async (request) => {
    if (SAFE_METHODS.has(request.method) || !request.url.startsWith('/api/')) return;
    const origin = request.headers.origin;
    if (origin !== undefined && !trustedOrigins.includes(origin)) throw new AppError('forbidden');
  });
}
