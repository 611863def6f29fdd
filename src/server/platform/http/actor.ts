/** Resolves the acting member of a request from its session cookie. */
import type { FastifyRequest } from 'fastify';
import { fromNodeHeaders } from 'better-auth/node';
import type { ActorOptions, AppContext } from '../../context.js';
import { sessionUser } from '../auth/accounts.js';
import { AppError } from '../errors.js';
import type { Actor } from '../policies.js';

export type ActorLookup = (ctx: AppContext, userId: string) => Promise<Actor | null>;
export type TwoFactorCheck = (ctx: AppContext, actor: Actor, enabled: boolean) => Promise<{ enabled: boolean; required: boolean }>;

/** Builds ctx.actorOf: 401 without a session or an active member, 403 when required two-factor is missing. */
export function actorResolver(getCtx: () => AppContext, lookup: ActorLookup, twoFactor: TwoFactorCheck) {
  return async (request: FastifyRequest, options: ActorOptions = {}): Promise<Actor> => {
    const ctx = getCtx();
    const user = await sessionUser(ctx.auth, fromNodeHeaders(request.headers));
    if (!user) throw new AppError('unauthenticated');
    const actor = await lookup(ctx, user.id);
    if (!actor) throw new AppError('unauthenticated');
    request.actorLanguage = actor.language;
    if (!options.allowMissingTwoFactor) {
      const state = await twoFactor(ctx, actor, user.twoFactorEnabled);
      if (state.required && !state.enabled) throw new AppError('two_factor_required');
    }
    return actor;
  };
}
