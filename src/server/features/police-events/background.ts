/** Polisen's events, fetched per municipality within the API's limits. */
import type { AppContext } from '../../context.js';
import type { Background } from '../../platform/jobs/background.js';
import { policeEventTasks } from './police-events.service.js';

export const policeEventsBackground = (ctx: AppContext): Background => ({ tasks: policeEventTasks(ctx) });
