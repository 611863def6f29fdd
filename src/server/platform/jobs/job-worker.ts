/**
 * Runs the jobs of jobs.repository.ts in the process: claims what is due, calls
 * the handler registered for its kind, and records the outcome with back-off
 * (doubling from backoffBaseMs, at most an hour) until the job's attempts run out.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { claimJob, dueJobs, failJob, finishJob } from './jobs.repository.js';
import { pollingLoop } from './polling-loop.js';

/** A failure that retrying will not mend (a 4xx answer, say): the job fails at once. */
export class PermanentJobError extends Error {}

/** attempts counts this one; lastError is the previous attempt's failure (a timeout may have left work half done at the other end). */
export type JobHandler = (
  payload: Record<string, unknown>,
  job: { id: string; associationId: string | null; attempts: number; lastError: string | null },
) => Promise<void>;

export interface JobWorkerOptions {
  handlers: Record<string, JobHandler>;
  /** Called when a job has failed for good (or for a time), so the feature can show it. */
  onFailure?: (kind: string, payload: Record<string, unknown>, error: string, final: boolean) => Promise<void>;
  intervalMs?: number;
  backoffBaseMs?: number;
  lockMs?: number;
  /** Work that makes jobs (routing new observations), bounded: run at the start of every drain and after each job. */
  before?: () => Promise<unknown>;
  /** Resolves once the database is migrated: no run starts before. */
  ready?: Promise<unknown>;
}

export interface JobWorker {
  kick(): void;
  drain(): Promise<void>;
  stop(): Promise<void>;
}

export function startJobWorker(db: Db, log: FastifyBaseLogger, o: JobWorkerOptions): JobWorker {
  const { handlers, intervalMs = 15_000, backoffBaseMs = 10_000, lockMs = 5 * 60_000 } = o;
  // A worker that was stopped (a server shutting down) takes no more work, even when something kicks it.
  const stopped = () => loop.stopped();

  async function runOnce(): Promise<void> {
    await o.before?.();
    for (;;) {
      const due = await dueJobs(db, 20);
      if (due.length === 0 || stopped()) return;
      let ran = 0;
      for (const job of due) {
        if (stopped() || !(await claimJob(db, job.id, lockMs))) continue;
        ran += 1;
        const payload = JSON.parse(job.payload) as Record<string, unknown>;
        const attempts = job.attempts + 1;
        try {
          const handler = handlers[job.kind];
          if (!handler) throw new PermanentJobError(`no handler for ${job.kind}`);
          await handler(payload, { id: job.id, associationId: job.association_id, attempts, lastError: job.last_error });
          await finishJob(db, job.id, attempts);
        } catch (err) {
          const error = (err instanceof Error ? err.message : String(err)).slice(0, 500);
          const final = err instanceof PermanentJobError || attempts >= job.max_attempts;
          log.warn({ jobId: job.id, kind: job.kind, attempt: attempts }, `job failed: ${error}`);
          await failJob(db, job.id, { attempts, error, final, retryInMs: Math.min(60 * 60_000, backoffBaseMs * 2 ** (attempts - 1)) });
          await o.onFailure?.(job.kind, payload, error, final);
        }
        // A long job (a night's retention) does not hold back routing of what arrives meanwhile.
        if (!stopped()) await o.before?.();
      }
      if (ran === 0) return;
    }
  }

  const loop = pollingLoop('job worker', runOnce, { intervalMs, log, ready: o.ready });
  return { kick: loop.kick, drain: loop.drain, stop: loop.stop };
}
