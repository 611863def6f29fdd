/** Retention's background work: the nightly runs queued per association, and the jobs that clear what is due. */
import type { AppContext } from '../../context.js';
import type { Background } from '../../platform/jobs/background.js';
import { retentionHandlers, retentionTasks } from './retention-schedule.js';

export const retentionBackground = (ctx: AppContext): Background => ({ jobs: retentionHandlers(() => ctx), tasks: retentionTasks(ctx) });
