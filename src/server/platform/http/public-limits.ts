/**
 * Rate limits for the routes that need no session and take a key or token
 * instead: the answer links (/svar/), the calendar feeds (/calendar/) and
 * Open311 (/open311/v2). A guessing attack or a runaway client is stopped
 * twice: per token or key (however many addresses it comes from) and per
 * client IP (however many tokens it tries). Limits are kept per server, in
 * memory: with N servers a client gets at most N times the figure.
 */
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { RateLimitOptions } from '@fastify/rate-limit';
import { AppError } from '../errors.js';

export interface PublicLimits {
  /** For the route's config: the limit per client IP. */
  rateLimit: RateLimitOptions;
  /** The route's preHandler (after the body is read, so a key in a form body counts): the limit per token or key. */
  preHandler: preHandlerAsyncHookHandler;
}

/** Limits for one public route, by its token (or key) and by the client's IP. */
export function publicRouteLimits(app: FastifyInstance, perMinute: number, name: string, tokenOf: (req: FastifyRequest) => string | undefined): PublicLimits {
  // A second limiter on the same request: the plugin's own hook runs once per request, so this one is asked directly.
  const byToken = app.createRateLimit({
    max: perMinute,
    timeWindow: '1 minute',
    allowList: (req) => !tokenOf(req),
    keyGenerator: (req) => `${name}:token:${tokenOf(req)}`,
  });
  const preHandler: preHandlerAsyncHookHandler = async (req, reply) => {
    const limit = await byToken(req);
    if (limit.isAllowed || !limit.isExceeded) return;
    reply.header('retry-after', String(limit.ttlInSeconds));
    throw new AppError('too_many_requests');
  };
  return {
    // Per IP, four times as many: an office behind one address may hold several people's links.
    rateLimit: { max: perMinute * 4, timeWindow: '1 minute', allowList: () => false, groupId: `${name}:ip` },
    preHandler,
  };
}
