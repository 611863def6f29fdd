/** Whether two-factor is on for a member, and whether their association demands it for their role. */
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/policies.js';
import { getAssociation } from '../associations/associations.service.js';

/** Admins and coordinators are the roles an association can require two-factor for. */
export function roleNeedsTwoFactor(actor: Pick<Actor, 'kind' | 'roles'>): boolean {
  return actor.kind === 'volunteer' && (actor.roles.includes('admin') || actor.roles.includes('coordinator'));
}

/** Whether this actor must use two-factor, given their association's setting. */
export function twoFactorRequired(actor: Actor, association: { requireTwoFactor: boolean } | undefined): boolean {
  return roleNeedsTwoFactor(actor) && Boolean(association?.requireTwoFactor);
}

export async function twoFactorState(ctx: AppContext, actor: Actor): Promise<{ enabled: boolean; required: boolean }> {
  // Only admins and coordinators can be required to: everyone else is spared the lookup.
  const required = roleNeedsTwoFactor(actor) && twoFactorRequired(actor, await getAssociation(ctx, actor.associationId));
  return { enabled: actor.twoFactorEnabled, required };
}
