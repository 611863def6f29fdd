/**
 * The durable job table: work written in the same transaction as the change
 * that causes it (an action item and its Open311 delivery), then run by the job
 * worker (job-worker.ts) with retries and back-off. A claim is an update that
 * only one worker can win (status pending → running, with a lock that expires
 * if the process dies mid-job), so several instances can share the table.
 */
import type { Db, Executor } from '../db/database.js';
import { newId, nowIso } from '../db/ids.js';
import { clock } from '../clock.js';

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
      run_at: (job.runAt ?? clock.now()).toISOString(),
      max_attempts: job.maxAttempts ?? 6,
      last_error: null,
      locked_until: null,
      created_at: now,
      updated_at: now,
    })
    .execute();
  return id;
}

/** Jobs due now: pending ones whose time has come, and running ones whose claim expired (their worker died). */
export async function dueJobs(db: Db, limit: number) {
  const now = nowIso();
  return db
    .selectFrom('jobs')
    .selectAll()
    .where((eb) =>
      eb.or([eb.and([eb('status', '=', 'pending'), eb('run_at', '<=', now)]), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)])]),
    )
    .orderBy('run_at')
    .limit(limit)
    .execute();
}

/** Takes a due job for this worker for lockMs; false when another worker won it. */
export async function claimJob(db: Db, id: string, lockMs: number): Promise<boolean> {
  const now = nowIso();
  const r = await db
    .updateTable('jobs')
    .set({ status: 'running', locked_until: new Date(clock.now().getTime() + lockMs).toISOString(), updated_at: now })
    .where('id', '=', id)
    .where((eb) => eb.or([eb('status', '=', 'pending'), eb.and([eb('status', '=', 'running'), eb('locked_until', '<', now)])]))
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function finishJob(db: Db, id: string, attempts: number): Promise<void> {
  await db.updateTable('jobs').set({ status: 'done', attempts, last_error: null, locked_until: null, updated_at: nowIso() }).where('id', '=', id).execute();
}

/** A failed attempt: failed for good when final, else pending again after the back-off. */
export async function failJob(db: Db, id: string, o: { attempts: number; error: string; final: boolean; retryInMs: number }): Promise<void> {
  await db
    .updateTable('jobs')
    .set({
      status: o.final ? 'failed' : 'pending',
      attempts: o.attempts,
      last_error: o.error,
      locked_until: null,
      run_at: new Date(clock.now().getTime() + o.retryInMs).toISOString(),
      updated_at: nowIso(),
    })
    .where('id', '=', id)
    .execute();
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
