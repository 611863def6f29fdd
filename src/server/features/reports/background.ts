/**
 * The delivery pipeline's background work (ARCHITECTURE.md, "From observation to answer"):
 * routing of new observations before each job, the Open311 channel's submit and poll jobs,
 * photos that follow an item, and the sweeps for digests, reminders and escalation.
 */
import type { AppContext } from '../../context.js';
import type { Background } from '../../platform/jobs/background.js';
import { routePending } from './routing-sweep.js';
import { open311Failure, open311Handlers } from './open311-client.js';
import { photoFollowHandlers } from './photo-follow.js';
import { actionItemTasks } from './sweeps.js';

export function reportsBackground(ctx: AppContext): Background {
  return {
    jobs: { ...open311Handlers(() => ctx), ...photoFollowHandlers(() => ctx) },
    onFailure: open311Failure(() => ctx),
    // At most 2,000 observations a turn: under a steady stream of uploads routing would otherwise never end,
    // and no job (an Open311 delivery, a retention run) would ever start. The rest is routed on the next turn.
    before: () => routePending(ctx, 200, 10),
    tasks: actionItemTasks(ctx),
  };
}
