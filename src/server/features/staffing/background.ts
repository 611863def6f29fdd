/** Staffing's background work: the sweeps that remind crews, ask for help and warn coordinators (sweeps.ts). */
import type { AppContext } from '../../context.js';
import type { Background } from '../../platform/jobs/background.js';
import { staffingTasks } from './sweeps.js';

export const staffingBackground = (ctx: AppContext): Background => ({ tasks: staffingTasks(ctx) });
