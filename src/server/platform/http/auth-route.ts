/**
 * Mounts better-auth under /api/auth/*. The client IP header is set from
 * request.ip (which honours TRUST_PROXY) so throttling cannot be dodged by a
 * forged header, and better-auth's errors are re-shaped as problem+json.
 */
import type { FastifyInstance } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import { CLIENT_IP_HEADER, type Auth } from '../auth/auth.js';
import { AppError, type ErrorCode } from '../errors.js';
import { sendProblem } from './problem.js';
import { sessionsChanged } from '../auth/recent-sessions.js';

const authCodeToError: Record<string, ErrorCode> = {
  INVALID_EMAIL_OR_PASSWORD: 'signin_failed',
  INVALID_PASSWORD: 'signin_failed',
  EMAIL_NOT_VERIFIED: 'email_not_verified',
  INVALID_CODE: 'code_invalid',
  INVALID_TWO_FACTOR_CODE: 'code_invalid',
  INVALID_BACKUP_CODE: 'code_invalid',
  OTP_HAS_EXPIRED: 'code_invalid',
  INVALID_TOKEN: 'token_invalid',
  TOKEN_EXPIRED: 'token_invalid',
  INVALID_TWO_FACTOR_COOKIE: 'unauthenticated',
  PASSWORD_TOO_SHORT: 'validation',
  PASSWORD_TOO_LONG: 'validation',
};

function errorFor(status: number, code: string | undefined): AppError {
  const mapped = code ? authCodeToError[code] : undefined;
  if (mapped === 'validation') return new AppError('validation', [{ field: 'password', message: 'error.field.invalid' }]);
  if (mapped) return new AppError(mapped);
  if (status === 429) return new AppError('too_many_requests');
  if (status === 401) return new AppError('unauthenticated');
  if (status === 403) return new AppError('forbidden');
  if (status === 404) return new AppError('not_found');
  return new AppError(status >= 500 ? 'internal' : 'validation');
}

export function registerAuthRoute(app: FastifyInstance, auth: Auth, publicUrl: string): void {
  app.route({
    method: ['GET', 'POST'],
    url: '/api/auth/*',
    schema: { hide: true },
    // better-auth's reset link is /api/auth/reset-password/{token}; ?token= (e-mail confirmation) is always hidden.
    config: { secrets: { after: ['reset-password'] } },
    async handler(request, reply) {
      const headers = fromNodeHeaders(request.headers);
      headers.set(CLIENT_IP_HEADER, request.ip);
      // better-auth checks Origin against trustedOrigins; inject() and same-origin fetches without one are ours.
      if (!headers.has('origin') && request.method === 'POST') headers.set('origin', publicUrl);
      const body = request.method === 'POST' ? JSON.stringify(request.body ?? {}) : undefined;
      const response = await auth.handler(new Request(new URL(request.url, publicUrl), { method: request.method, headers, body }));
      // Sign-out, revoked sessions, a new password or two-factor: the sessions read a moment ago may no longer hold.
      if (request.method === 'POST') sessionsChanged();

      for (const cookie of response.headers.getSetCookie()) reply.header('set-cookie', cookie);
      response.headers.forEach((value, key) => {
        if (key !== 'set-cookie' && key !== 'content-length' && key !== 'content-encoding') reply.header(key, value);
      });
      const text = await response.text();
      if (response.status >= 400) {
        let code: string | undefined;
        try {
          code = (JSON.parse(text) as { code?: string }).code;
        } catch {
          code = undefined;
        }
        return sendProblem(request, reply, errorFor(response.status, code));
      }
      reply.status(response.status);
      return reply.send(text || null);
    },
  });
}
