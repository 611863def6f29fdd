/**
 * The association's first day: what an admin sets up before the crews can
 * patrol and their observations reach anyone (cars, shifts, members, where
 * things go, areas), ticked off by what exists; and, for coordinators, how
 * many observations no rule has sent yet.
 */
import type { AppContext } from '../../context.js';
import { authorize, can, type Actor } from '../../platform/policies.js';
import type { FirstDay } from '../../../shared/api/associations.js';
import { countNotSent } from '../observations/observations.service.js';
import { firstDayCounts } from './first-day.repository.js';

/** The unsent count stops here: past it the list itself is what matters. */
const UNSENT_CAP = 100;

export async function firstDay(ctx: AppContext, actor: Actor): Promise<FirstDay> {
  authorize(actor, 'item.list');
  const [n, unsent] = await Promise.all([firstDayCounts(ctx.db, actor.associationId), countNotSent(ctx, actor, UNSENT_CAP)]);
  return {
    // Only admins set these up; a coordinator sees the unsent count alone.
    steps: can(actor, 'association.update')
      ? [
          { step: 'cars', done: n.vehicles > 0 },
          { step: 'shifts', done: n.shift_templates + n.shifts > 0 },
          { step: 'members', done: n.members > 1 },
          { step: 'recipients', done: n.recipients > 0 && n.routing_rules > 0 },
          { step: 'areas', done: n.areas > 0 },
        ]
      : [],
    unsent,
  };
}
