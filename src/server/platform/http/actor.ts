/** Resolves the acting member of a request from its session cookie. */
import type { FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import type { ActorOptions, AppContext } from '../../context.js';
import type { SessionUser } from '../auth/session.js';
import { AppError } from '../errors.js';
import type { Actor } from '../policies.js';

export type ActorLookup = (ctx: AppContext, user: SessionUser) => Promise<Actor | null>;
export type TwoFactorCheck = (ctx: AppContext, actor: Actor) => Promise<{ enabled: boolean; required: boolean }>;

/** Builds ctx.actorOf: 401 without a session or an active member, 403 when required two-factor is missing. */
export function actorResolver(
  getCtx: () => AppContext,
  readSession: (headers: Headers) => Promise<SessionUser | null>,
  lookup: ActorLookup,
  twoFactor: TwoFactorCheck,
) {
  return async (request: FastifyRequest, options: ActorOptions = {}): Promise<Actor> => {
    const ctx = getCtx();
    const user = await readSession(fromNodeHeaders(request.headers));
    if (!user) throw new AppError('unauthenticated');
    const actor = await lookup(ctx, user);
    if (!actor) throw new AppError('unauthenticated');
    request.actorLanguage = actor.language;
    if (!options.allowMissingTwoFactor) {
      const state = await twoFactor(ctx, actor);
      if (state.required && !state.enabled) throw new AppError('two_factor_required');
    }
    return actor;
  };
}
