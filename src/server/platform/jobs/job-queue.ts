/**
 * The durable job table: work written in the same transaction as the change
 * that causes it (an action item and its Open311 delivery), then run by a
 * worker in the process with retries and back-off. A claim is an update that
 * only one worker can win (status pending → running, with a lock that expires
 * if the process dies mid-job), so several instances can share the table.
 */
import type { FastifyBaseLogger } from 'fastify';
import type { Db } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import type { Executor } from '../db/database.js';

export interface JobSpec {
  kind: string;
  associationId: string | null;
  payload: Record<string, unknown>;
  runAt?: Date;
  maxAttempts?: number;
}

export async function enqueueJob(db: Executor, job: JobSpec): Promise<string> {
  const id = newId();
  const now = nowIso();
  await db
    .insertInto('jobs')
    .values({
      id,
      association_id: job.associationId,
      kind: job.kind,
      payload: JSON.stringify(job.payload),
      status: 'pending',
      run_at: (job.runAt ?? new Date()).toISOString(),
      max_attempts: job.maxAttempts ?? 6,
      last_error: null,
      locked_until: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

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
  let running: Promise<void> | null = null;
  let stopped = false;

  async function claim(id: string): Promise<boolean> {
    const now = nowIso();
    const r = await db
      .updateTable('jobs')
      .set({ status: 'running', locked_until: new Date(Date.now() + lockMs).toISOString(), updated_at: now })
      .where('id', '=', id)
      .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)])]))
      .executeTakeFirst();
    return Number(r.numUpdatedRows) === 1;
  }

  async function runOnce(): Promise<void> {
    // A worker that was stopped (a server shutting down) takes no more work, even when something kicks it.
    if (stopped) return;
    await o.before?.();
    for (;;) {
      const now = nowIso();
      const due = await db
        .selectFrom('jobs')
        .selectAll()
        .where((eb) =>
          eb.or([eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)])]),
        )
        .orderBy('run_at')
        .limit(20)
        .execute();
      if (due.length === 0 || stopped) return;
      let ran = 0;
      for (const job of due) {
        if (stopped || !(await claim(job.id))) continue;
        ran += 1;
        const payload = JSON.parse(job.payload) as Record<string, unknown>;
        const attempts = job.attempts + 1;
        try {
          const handler = handlers[job.kind];
          if (!handler) throw new PermanentJobError(`no handler for ${job.kind}`);
          await handler(payload, { id: job.id, associationId: job.association_id, attempts, lastError: job.last_error });
          await db
            .updateTable('jobs')
            .set({ status: 'done', attempts, last_error: null, locked_until: null, updated_at: nowIso() })
            .where('id', '=', job.id)
            .execute();
        } catch (err) {
          const message = (err instanceof Error ? err.message : String(err)).slice(0, 500);
          const final = err instanceof PermanentJobError || attempts >= job.max_attempts;
          log.warn({ jobId: job.id, kind: job.kind, attempt: attempts }, `job failed: ${message}`);
          await db
            .updateTable('jobs')
            .set({
              status: final ? 'failed' : 'pending',
              attempts,
              last_error: message,
              locked_until: null,
              run_at: new Date(Date.now() + Math.min(60 * 60_000, backoffBaseMs * 2 ** (attempts - 1))).toISOString(),
              updated_at: nowIso(),
            })
            .where('id', '=', job.id)
            .execute();
          await o.onFailure?.(job.kind, payload, message, final);
        }
        // A long job (a night's retention) does not hold back routing of what arrives meanwhile.
        if (!stopped) await o.before?.();
      }
      if (ran === 0) return;
    }
  }

  function drain(): Promise<void> {
    running ??= (o.ready ?? Promise.resolve())
      .then(runOnce)
      .catch((err: unknown) => log.error({ err }, 'job worker run failed'))
      .finally(() => {
        running = null;
      });
    return running;
  }
  const timer = intervalMs > 0 ? setInterval(() => void drain(), intervalMs) : null;
  timer?.unref();
  return {
    kick: () => void setImmediate(() => void drain()),
    drain,
    stop: async () => {
      stopped = true;
      if (timer) clearInterval(timer);
      await running;
    },
  };
}

/** Runs a failed or waiting job again now (a coordinator's retry). */
export async function retryJob(db: Executor, id: string): Promise<void> {
  await db
    .updateTable('jobs')
    .set({ status: 'pending', attempts: 0, run_at: nowIso(), updated_at: nowIso() })
    .where('id', '=', id)
    .where('status', 'in', ['pending', 'failed'])
    .execute();
}

/** The id of the job of this kind made with exactly this payload (an item's delivery, say). */
export async function findJob(db: Executor, kind: string, payload: Record<string, unknown>): Promise<string | undefined> {
  return (await db.selectFrom('jobs').select('id').where('kind', '=', kind).where('payload', '=', JSON.stringify(payload)).executeTakeFirst())?.id;
}
