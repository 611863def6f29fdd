/**
 * Retention: each kind of data goes when the association's period for it has
 * passed, by itself, every night (retention-task.ts), in batches that are each
 * complete, so a run cut off anywhere (kill -9) has removed nothing wrongly and
 * the next run goes on from there. Photo files go only after their rows, and
 * only when nothing else refers to them. Admins set the periods and see what
 * the next run will take.
 */
import type { AppContext } from '../../context.js';
import { AppError } from '../../platform/errors.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import { nowIso } from '../../platform/db/ids.js';
import { installationRetention, retentionCutoff, retentionKinds, retentionRules, type RetentionKind } from '../../../shared/domain/retention.js';
import type { RetentionSettings, RetentionUpdate } from '../../../shared/api/retention.js';
import type { MessageKey } from '../../../shared/i18n/translate.js';
import * as repo from './retention.repository.js';
import { clearObservationTexts, deleteObservationPhotoRows } from '../observations/erasure.service.js';
import { nextRunAt } from './retention-schedule.js';

const EPOCH = new Date(0).toISOString();
/**
 * Rows a batch: on SQLite a statement holds the one writer (and, better-sqlite3 being synchronous, the
 * event loop) while it runs, so a batch is kept small enough that uploads meanwhile wait little
 * (bench/RESULTS.md, retention: 500 rows gave a p99 of 439 ms, 200 rows the figure there).
 */
const BATCH = 200;
const DAY = 86_400_000;

async function monthsOf(ctx: AppContext, associationId: string): Promise<Record<RetentionKind, number>> {
  const chosen = await repo.periodsOf(ctx.db, associationId);
  return Object.fromEntries(retentionKinds.map((k) => [k, chosen.get(k) ?? retentionRules[k].defaultMonths])) as Record<RetentionKind, number>;
}

const cutoffsAt = (now: Date, months: Record<RetentionKind, number>) =>
  Object.fromEntries(retentionKinds.map((k) => [k, retentionCutoff(now, months[k]).toISOString()])) as Record<RetentionKind, string>;

/** The periods, what the next run would take now, when it runs, and what the last one did. */
export async function getRetention(ctx: AppContext, actor: Actor): Promise<RetentionSettings> {
  authorize(actor, 'retention.manage');
  const now = ctx.clock.now();
  const months = await monthsOf(ctx, actor.associationId);
  const cutoffs = cutoffsAt(now, months);
  const due = await repo.dueCounts(ctx.db, actor.associationId, cutoffs);
  const last = await repo.lastRun(ctx.db, actor.associationId);
  return {
    kinds: retentionKinds.map((kind) => ({ kind, months: months[kind], ...retentionRules[kind], cutoff: cutoffs[kind], due: due[kind] })),
    installation: installationRetention,
    nextRunAt: nextRunAt(now).toISOString(),
    lastRun: last && {
      startedAt: last.startedAt,
      finishedAt: last.finishedAt,
      removed: Object.fromEntries(Object.entries(last.counts).map(([k, v]) => [k, v.removed])),
    },
  };
}

export async function setRetention(ctx: AppContext, actor: Actor, input: RetentionUpdate): Promise<RetentionSettings> {
  authorize(actor, 'retention.manage');
  const fields = Object.entries(input.months)
    .filter(([kind, m]) => m < retentionRules[kind as RetentionKind].minMonths || m > retentionRules[kind as RetentionKind].maxMonths)
    .map(([kind]) => ({ field: `months.${kind}`, message: 'error.field.out_of_range' as MessageKey }));
  if (fields.length > 0) throw new AppError('validation', fields);
  const before = await monthsOf(ctx, actor.associationId);
  await ctx.db.transaction().execute(async (trx) => {
    const now = nowIso();
    for (const [kind, m] of Object.entries(input.months)) await repo.setPeriod(trx, actor.associationId, kind as RetentionKind, m, now);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'retention.update',
      entityType: 'association',
      entityId: actor.associationId,
      before,
      after: { ...before, ...input.months },
    });
  });
  return getRetention(ctx, actor);
}

/** Repeats one batch until it finds nothing more, letting requests in between; the number of rows it took. */
async function drain(batch: () => Promise<number>): Promise<number> {
  let total = 0;
  for (;;) {
    const n = await batch();
    total += n;
    if (n === 0) return total;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** One association's run. Its lower bounds are the cutoffs of the last run that finished, so a run reads only what is new. */
export async function runRetention(ctx: AppContext, associationId: string, now: Date, batch = BATCH): Promise<Record<RetentionKind, number>> {
  const months = await monthsOf(ctx, associationId);
  const cutoffs = cutoffsAt(now, months);
  const last = await repo.lastRun(ctx.db, associationId);
  // A lengthened period puts the cutoff before the bound: the window is empty, as it should be (that data is gone).
  const since = (k: RetentionKind) => last?.counts[k]?.until ?? EPOCH;
  // Started: a run cut off keeps the lower bounds of the last one that finished.
  await repo.saveRun(ctx.db, associationId, {
    startedAt: now.toISOString(),
    finishedAt: null,
    counts: Object.fromEntries(retentionKinds.map((k) => [k, { removed: 0, until: since(k) }])),
  });
  const window = (k: RetentionKind): repo.Window => ({ associationId, cutoff: cutoffs[k], since: since(k), limit: batch });
  const removed: Record<RetentionKind, number> = {
    observation_texts:
      (await drain(() => clearTextBatch(ctx, window('observation_texts')))) +
      (await drain(() => deletePhotoBatch(ctx, window('observation_texts')))) +
      (await drain(() => repo.clearItemNotes(ctx.db, window('observation_texts')))),
    routes: await drain(() => repo.deleteRoutes(ctx.db, window('routes'))),
    shift_notes: await drain(() => repo.clearShiftNotes(ctx.db, window('shift_notes'))),
    mail_bodies: await drain(() => repo.clearMailBodies(ctx.db, window('mail_bodies'))),
    jobs: await drain(() => repo.deleteFinishedJobs(ctx.db, window('jobs'))),
    audit: await drain(() => repo.deleteAudit(ctx.db, window('audit'))),
    invitations: await drain(() => repo.deleteInvitations(ctx.db, window('invitations'))),
  };
  await ctx.db.transaction().execute(async (trx) => {
    await repo.saveRun(trx, associationId, {
      startedAt: now.toISOString(),
      finishedAt: ctx.clock.now().toISOString(),
      counts: Object.fromEntries(retentionKinds.map((k) => [k, { removed: removed[k], until: cutoffs[k] }])),
    });
    if (Object.values(removed).some((n) => n > 0)) {
      await recordAudit(trx, {
        associationId,
        actorMemberId: null,
        action: 'retention.run',
        entityType: 'association',
        entityId: associationId,
        after: removed,
      });
    }
  });
  return removed;
}

/** The words of one batch of observations, cleared by the observations feature (the one writer of its rows). */
async function clearTextBatch(ctx: AppContext, w: repo.Window): Promise<number> {
  const due = await repo.observationTextsDue(ctx.db, w);
  await clearObservationTexts(ctx.db, w.associationId, due);
  return due.length;
}

/** Photo rows first (their own statement, committed), then each file that nothing refers to any more. */
async function deletePhotoBatch(ctx: AppContext, w: repo.Window): Promise<number> {
  const due = await repo.observationPhotosDue(ctx.db, w);
  await deleteObservationPhotoRows(ctx.db, w.associationId, due);
  const hashes = [...new Set(due.map((d) => d.sha256))];
  for (const sha of hashes) if (await repo.fileUnused(ctx.db, sha)) await ctx.files.delete(sha);
  return hashes.length;
}

/** The installation's housekeeping: ended sessions and tokens, throttling rows, two-factor codes, police events, sent-once keys, mail and jobs of no association. */
export async function runInstallationRetention(ctx: AppContext, now: Date): Promise<number> {
  const r = installationRetention;
  const ago = (days: number) => new Date(now.getTime() - days * DAY);
  const installationWindow = (months: number) => ({ associationId: null, cutoff: retentionCutoff(now, months).toISOString(), since: EPOCH, limit: BATCH });
  return (
    (await repo.pruneAccountsTables(ctx.db, ctx.dialect, ago(r.endedSessionDays), ago(r.rateLimitRowDays))) +
    (await repo.pruneInstallationTables(ctx.db, {
      totp: ago(1).toISOString(),
      policeEvents: ago(r.policeEventDays).toISOString(),
      policeCalls: ago(r.policeCallDays).toISOString(),
      notices: ago(r.noticeDays).toISOString(),
    })) +
    (await drain(() => repo.clearMailBodies(ctx.db, installationWindow(retentionRules.mail_bodies.defaultMonths)))) +
    (await drain(() => repo.deleteFinishedJobs(ctx.db, installationWindow(retentionRules.jobs.defaultMonths))))
  );
}

/**
 * Files nothing refers to: left by a run cut off between a photo's row and its file, or by mails whose
 * attachments were cleared. Only files older than a day: a photo being uploaded is written before its row.
 */
export async function sweepUnusedFiles(ctx: AppContext, now: Date): Promise<number> {
  let removed = 0;
  for await (const f of ctx.files.list()) {
    if (now.getTime() - f.writtenAt.getTime() < DAY) continue;
    if (await repo.fileUnused(ctx.db, f.sha256)) {
      await ctx.files.delete(f.sha256);
      removed += 1;
    }
  }
  return removed;
}

/** The association's own retention periods in months, by kind (the defaults apply where none is set). */
export const retentionPeriodsOf = (ctx: AppContext, associationId: string) => repo.periodsOf(ctx.db, associationId);
