/** Whether two-factor is on for a member, and whether their association demands it for their role. */
import type { AppContext } from '../../context.js';
import type { Actor } from '../../platform/policies.js';
import { getAssociation } from '../associations/associations.service.js';

/** Admins and coordinators are the roles an association can require two-factor for. */
export function roleNeedsTwoFactor(actor: Pick<Actor, 'kind' | 'roles'>): boolean {
  return actor.kind === 'volunteer' && (actor.roles.includes('admin') || actor.roles.includes('coordinator'));
}

export async function twoFactorState(ctx: AppContext, actor: Actor): Promise<{ enabled: boolean; required: boolean }> {
  const enabled = actor.twoFactorEnabled;
  if (!roleNeedsTwoFactor(actor)) return { enabled, required: false };
  const association = await getAssociation(ctx, actor.associationId);
  return { enabled, required: Boolean(association?.requireTwoFactor) };
}
