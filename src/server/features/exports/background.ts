/** The weekly EST report mailed to the municipality's contact. */
import type { AppContext } from '../../context.js';
import type { Background } from '../../platform/jobs/background.js';
import { estTasks } from './est-weekly.js';

export const exportsBackground = (ctx: AppContext): Background => ({ tasks: estTasks(ctx) });
