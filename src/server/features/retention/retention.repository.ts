/**
 * All SQL of retention. Each sweep takes one batch of what is due in one
 * association (older than the cutoff, newer than the lower bound a finished
 * run has already cleared) and clears or deletes it in one statement, so a run
 * cut off at any point has done whole batches only and the next run simply
 * goes on: nothing is removed twice or wrongly.
 */
import { sql, type Kysely } from 'kysely';
import type { Dialect } from '../../platform/db/database.js';
import type { RetentionKind } from '../../../shared/domain/retention.js';
import type { Executor } from '../../platform/db/database.js';

export interface Window {
  associationId: string;
  /** Data from before this instant goes (ISO). */
  cutoff: string;
  /** Data from before this instant was cleared by an earlier finished run (ISO; the epoch when none). */
  since: string;
  limit: number;
}

// ---- Periods and runs ----

export async function periodsOf(db: Executor, associationId: string): Promise<Map<string, number>> {
  const rows = await db.selectFrom('retention_periods').select(['kind', 'months']).where('association_id', '=', associationId).execute();
  return new Map(rows.map((r) => [r.kind, Number(r.months)]));
}

export async function setPeriod(db: Executor, associationId: string, kind: RetentionKind, months: number, now: string): Promise<void> {
  await db
    .insertInto('retention_periods')
    .values({ association_id: associationId, kind, months, updated_at: now })
    .onConflict((oc) => oc.columns(['association_id', 'kind']).doUpdateSet({ months, updated_at: now }))
    .execute();
}

export interface RunRow {
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, { removed: number; until: string }>;
}

export async function lastRun(db: Executor, associationId: string): Promise<RunRow | null> {
  const r = await db.selectFrom('retention_runs').selectAll().where('association_id', '=', associationId).executeTakeFirst();
  return r ? { startedAt: r.started_at, finishedAt: r.finished_at, counts: JSON.parse(r.counts) as RunRow['counts'] } : null;
}

export async function saveRun(db: Executor, associationId: string, run: RunRow): Promise<void> {
  const values = { started_at: run.startedAt, finished_at: run.finishedAt, counts: JSON.stringify(run.counts) };
  await db
    .insertInto('retention_runs')
    .values({ association_id: associationId, ...values })
    .onConflict((oc) => oc.column('association_id').doUpdateSet(values))
    .execute();
}

export async function associationIds(db: Executor): Promise<string[]> {
  return (await db.selectFrom('associations').select('id').orderBy('created_at').execute()).map((r) => r.id);
}

// ---- What is due: one query per kind, shared by the sweeps and the admin's preview ----

const EPOCH = new Date(0).toISOString();
type Scope = { associationId: string | null; cutoff: string; since?: string };

/** Observations in the window that still carry words, references or a linked picture. */
const dueObservationTexts = (db: Executor, s: Scope) =>
  db
    .selectFrom('observations')
    .where('association_id', '=', s.associationId!)
    .where('observed_at', '>=', s.since ?? EPOCH)
    .where('observed_at', '<', s.cutoff)
    .where((eb) => eb.or(['text', 'police_reference', 'call_reference', 'media_url'].map((c) => eb(c as 'text', 'is not', null))));

const dueRoutes = (db: Executor, s: Scope) =>
  db
    .selectFrom('track_segments')
    .where('association_id', '=', s.associationId!)
    .where('ended_at', '>=', s.since ?? EPOCH)
    .where('ended_at', '<', s.cutoff);

/** Shifts in the window that still carry a note, briefing, summary or reason for cancelling. */
const dueShiftNotes = (db: Executor, s: Scope) =>
  db
    .selectFrom('shifts')
    .where('association_id', '=', s.associationId!)
    .where('ends_at', '>=', s.since ?? EPOCH)
    .where('ends_at', '<', s.cutoff)
    .where((eb) => eb.or(['note', 'briefing_note', 'summary', 'cancel_reason'].map((c) => eb(c as 'note', 'is not', null))));

/** Mail no longer on its way that still says something (no lower bound: one on its way at an earlier run goes once done). */
const dueMailBodies = (db: Executor, s: Scope) =>
  db
    .selectFrom('mail_outbox')
    .where((eb) => (s.associationId === null ? eb('association_id', 'is', null) : eb('association_id', '=', s.associationId)))
    .where('created_at', '<', s.cutoff)
    .where('status', 'in', ['sent', 'failed', 'cancelled', 'kept'])
    .where('to_address', '<>', '');

const dueJobs = (db: Executor, s: Scope) =>
  db
    .selectFrom('jobs')
    .where((eb) => (s.associationId === null ? eb('association_id', 'is', null) : eb('association_id', '=', s.associationId)))
    .where('status', 'in', ['done', 'failed'])
    .where('updated_at', '<', s.cutoff);

const dueAudit = (db: Executor, s: Scope) =>
  db
    .selectFrom('audit_log')
    .where('association_id', '=', s.associationId!)
    .where('created_at', '>=', s.since ?? EPOCH)
    .where('created_at', '<', s.cutoff);

/** Invitations accepted, revoked or run out before the cutoff (open ones stay until they run out). */
const dueInvitations = (db: Executor, s: Scope) =>
  db
    .selectFrom('invitations')
    .where('association_id', '=', s.associationId!)
    .where('created_at', '<', s.cutoff)
    .where((eb) => eb.or([eb('accepted_at', 'is not', null), eb('revoked_at', 'is not', null), eb('expires_at', '<', s.cutoff)]));

// ---- Sweeps: one batch each; the number of rows cleared or deleted ----

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

/** One batch of observations whose words, references or linked pictures are due to be cleared. */
export async function observationTextsDue(db: Executor, w: Window): Promise<string[]> {
  return ids(await dueObservationTexts(db, w).select('id').limit(w.limit).execute());
}

/** One batch of photo rows of observations made in the window. */
export function observationPhotosDue(db: Executor, w: Window) {
  return db
    .selectFrom('observation_photos as p')
    .innerJoin('observations as o', 'o.id', 'p.observation_id')
    .select(['p.observation_id', 'p.sha256'])
    .where('o.association_id', '=', w.associationId)
    .where('o.observed_at', '>=', w.since)
    .where('o.observed_at', '<', w.cutoff)
    .limit(w.limit)
    .execute();
}

/** True when nothing refers to a stored file any more: no photo row in any association, no mail that carries it. */
export async function fileUnused(db: Executor, sha256: string): Promise<boolean> {
  const photo = await db.selectFrom('observation_photos').select('sha256').where('sha256', '=', sha256).executeTakeFirst();
  if (photo) return false;
  const mail = await db.selectFrom('mail_outbox').select('id').where('attachments', 'like', `%${sha256}%`).executeTakeFirst();
  return !mail;
}

/** Notes written on the follow-up of items (coordinators', crews' re-checks, recipients' answers); the events stay. */
export async function clearItemNotes(db: Executor, w: Window): Promise<number> {
  const due = await db
    .selectFrom('action_item_events')
    .select('id')
    .where('association_id', '=', w.associationId)
    .where('at', '>=', w.since)
    .where('at', '<', w.cutoff)
    .where('note', 'is not', null)
    .limit(w.limit)
    .execute();
  if (due.length === 0) return 0;
  await db.updateTable('action_item_events').set({ note: null }).where('association_id', '=', w.associationId).where('id', 'in', ids(due)).execute();
  return due.length;
}

export async function deleteRoutes(db: Executor, w: Window): Promise<number> {
  const due = await dueRoutes(db, w).select('id').limit(w.limit).execute();
  if (due.length === 0) return 0;
  await db.deleteFrom('track_segments').where('association_id', '=', w.associationId).where('id', 'in', ids(due)).execute();
  return due.length;
}

/** A shift's note, the police briefing, the summary and a cancellation's reason (times, crew, places and km stay). */
export async function clearShiftNotes(db: Executor, w: Window): Promise<number> {
  const due = await dueShiftNotes(db, w).select('id').limit(w.limit).execute();
  if (due.length === 0) return 0;
  await db
    .updateTable('shifts')
    .set({ note: null, briefing_note: null, summary: null, cancel_reason: null })
    .where('association_id', '=', w.associationId)
    .where('id', 'in', ids(due))
    .execute();
  return due.length;
}

/** What a mail said and to whom, once it is no longer on its way (the row stays: items point at their mails). */
export async function clearMailBodies(db: Executor, s: Scope & { limit: number }): Promise<number> {
  const due = await dueMailBodies(db, s).select('id').limit(s.limit).execute();
  if (due.length === 0) return 0;
  await db
    .updateTable('mail_outbox')
    .set({ text_body: '', html_body: '', to_address: '', attachments: null, sealed_links: null, last_error: null })
    .where('id', 'in', ids(due))
    .execute();
  return due.length;
}

export async function deleteFinishedJobs(db: Executor, s: Scope & { limit: number }): Promise<number> {
  const due = await dueJobs(db, s).select('id').limit(s.limit).execute();
  if (due.length === 0) return 0;
  await db.deleteFrom('jobs').where('id', 'in', ids(due)).execute();
  return due.length;
}

export async function deleteAudit(db: Executor, w: Window): Promise<number> {
  const due = await dueAudit(db, w).select('id').limit(w.limit).execute();
  if (due.length === 0) return 0;
  await db.deleteFrom('audit_log').where('association_id', '=', w.associationId).where('id', 'in', ids(due)).execute();
  return due.length;
}

export async function deleteInvitations(db: Executor, w: Window): Promise<number> {
  const due = await dueInvitations(db, w).select('id').limit(w.limit).execute();
  if (due.length === 0) return 0;
  await db.deleteFrom('invitations').where('association_id', '=', w.associationId).where('id', 'in', ids(due)).execute();
  return due.length;
}

// ---- What a run would take now (the admin's preview) ----

/** How many rows of each kind are due in an association at these cutoffs (the same queries the sweeps run). */
export async function dueCounts(db: Executor, associationId: string, cutoffs: Record<RetentionKind, string>): Promise<Record<RetentionKind, number>> {
  const n = sql<number>`count(*)`.as('n');
  const at = (kind: RetentionKind): Scope => ({ associationId, cutoff: cutoffs[kind] });
  const counted = await Promise.all([
    dueObservationTexts(db, at('observation_texts')).select(n).executeTakeFirst(),
    dueRoutes(db, at('routes')).select(n).executeTakeFirst(),
    dueShiftNotes(db, at('shift_notes')).select(n).executeTakeFirst(),
    dueMailBodies(db, at('mail_bodies')).select(n).executeTakeFirst(),
    dueJobs(db, at('jobs')).select(n).executeTakeFirst(),
    dueAudit(db, at('audit')).select(n).executeTakeFirst(),
    dueInvitations(db, at('invitations')).select(n).executeTakeFirst(),
  ]);
  const [texts, routes, shifts, mails, jobs, audit, invitations] = counted.map((r) => Number(r?.n ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  return { observation_texts: texts, routes, shift_notes: shifts, mail_bodies: mails, jobs, audit, invitations };
}

// ---- The installation's own housekeeping (better-auth's tables are not in our schema types) ----

/** Ended sessions, spent reset and confirmation tokens, old throttling rows; the dialects store better-auth's times differently. */
export async function pruneAccountsTables(db: Executor, dialect: Dialect, sessionsBefore: Date, rateLimitBefore: Date): Promise<number> {
  const raw = db as unknown as Kysely<Record<string, Record<string, unknown>>>;
  // better-auth writes dates as timestamps on PostgreSQL and as ISO text on SQLite; its rate limit keeps milliseconds.
  const at = (d: Date) => (dialect === 'postgres' ? d : d.toISOString());
  const sessions = await raw.deleteFrom('session').where('expiresAt', '<', at(sessionsBefore)).executeTakeFirst();
  const tokens = await raw.deleteFrom('verification').where('expiresAt', '<', at(sessionsBefore)).executeTakeFirst();
  const throttle = await raw.deleteFrom('rateLimit').where('lastRequest', '<', rateLimitBefore.getTime()).executeTakeFirst();
  return [sessions, tokens, throttle].reduce((sum, r) => sum + Number(r.numDeletedRows), 0);
}

export async function pruneInstallationTables(
  db: Executor,
  before: { totp: string; policeEvents: string; policeCalls: string; notices: string },
): Promise<number> {
  const results = await Promise.all([
    db.deleteFrom('totp_uses').where('used_at', '<', before.totp).executeTakeFirst(),
    db.deleteFrom('police_events').where('occurred_at', '<', before.policeEvents).executeTakeFirst(),
    db.deleteFrom('police_api_calls').where('at', '<', before.policeCalls).executeTakeFirst(),
    db.deleteFrom('notices').where('created_at', '<', before.notices).executeTakeFirst(),
  ]);
  return results.reduce((sum, r) => sum + Number(r.numDeletedRows), 0);
}
