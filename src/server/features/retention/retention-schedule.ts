/**
 * When retention runs: every night from 03:00 (Stockholm), once per association
 * and day, as durable work (a job), claimed so that several servers start it
 * once. A job cut off (a crash, a deploy) is taken up again by the job worker
 * when its lock runs out, and goes on from where the last whole batch ended.
 */
import type { AppContext } from '../../context.js';
import type { ScheduledTask } from '../../platform/jobs/scheduler.js';
import type { JobHandler } from '../../platform/jobs/job-worker.js';
import { enqueueJob } from '../../platform/jobs/jobs.repository.js';
import { claimNotice } from '../../platform/jobs/notices.repository.js';
import { addDays, localParts, zonedInstant } from '../../../shared/domain/time.js';
import { associationIds } from './retention.repository.js';
import { runInstallationRetention, runRetention, sweepUnusedFiles } from './retention.service.js';

export const RETENTION_RUN = 'retention.run';
export const RETENTION_INSTALLATION = 'retention.installation';
const HOUR = 3;

/** The next 03:00 in Stockholm after this instant. */
export function nextRunAt(now: Date): Date {
  const local = localParts(now);
  const today = zonedInstant(local.date, `0${HOUR}:00`);
  return today.getTime() > now.getTime() ? today : zonedInstant(addDays(local.date, 1), `0${HOUR}:00`);
}

/** Queues tonight's runs (one per association, one for the installation); false before 03:00 or once queued. */
export async function queueRetention(ctx: AppContext, now: Date): Promise<number> {
  const local = localParts(now);
  if (Number(local.time.slice(0, 2)) < HOUR) return 0;
  const associations = await associationIds(ctx.db);
  let queued = 0;
  for (const [i, id] of associations.entries()) {
    queued += await ctx.db.transaction().execute(async (trx) => {
      if (!(await claimNotice(trx, id, `retention:${id}:${local.date}`))) return 0;
      await enqueueJob(trx, { kind: RETENTION_RUN, associationId: id, payload: { date: local.date } });
      // The installation's own run rides on the first association's claim (a notice belongs to an association).
      if (i === 0) await enqueueJob(trx, { kind: RETENTION_INSTALLATION, associationId: null, payload: { date: local.date } });
      return 1;
    });
  }
  if (queued > 0) ctx.jobs.kick();
  return queued;
}

export function retentionTasks(ctx: AppContext): ScheduledTask[] {
  return [{ name: 'retention', run: (now) => queueRetention(ctx, now) }];
}

export function retentionHandlers(getCtx: () => AppContext): Record<string, JobHandler> {
  return {
    [RETENTION_RUN]: async (_payload, job) => {
      const ctx = getCtx();
      await runRetention(ctx, job.associationId!, ctx.clock.now());
    },
    [RETENTION_INSTALLATION]: async () => {
      const ctx = getCtx();
      await runInstallationRetention(ctx, ctx.clock.now());
      await sweepUnusedFiles(ctx, ctx.clock.now());
    },
  };
}
