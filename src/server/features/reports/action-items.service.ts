/**
 * Action items: made from observations by the routing rules, one per
 * (observation, recipient); followed by coordinators; answered by the
 * recipient; seen by the volunteer who made the observation.
 */
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, can, type Actor } from '../../platform/policies.js';
import { recordAudit } from '../../platform/audit/audit.js';
import { requeueMail } from '../../platform/mail/outbox.js';
import { retryJob } from '../../platform/jobs/job-queue.js';
import type { Db } from '../../platform/db/database.js';
import { distanceKm } from '../../../shared/domain/geo.js';
import {
  closedStates,
  DUPLICATE_DAYS,
  DUPLICATE_RADIUS_M,
  isClosed,
  isOverdue,
  routedUrgencies,
  urgentUrgencies,
  type ItemState,
} from '../../../shared/domain/action-items.js';
import type { ItemDetail, ItemSummary } from '../../../shared/api/reports.js';
import type { z } from 'zod';
import type { itemListQuery, itemUpdate } from '../../../shared/api/reports.js';
import * as repo from './action-items.repository.js';
import { findRecipientRow } from './recipients.repository.js';
import { loadRoutingTable, routeWith, type RoutingTable } from './routing.service.js';
import { queueItem, OPEN311_SUBMIT } from './delivery.js';
import { notifyObserversIfClosed } from './observer-mail.js';

const openStates = ['new', 'queued', 'sent', 'acknowledged', 'in_progress'] as const;

function toSummary(r: repo.ItemRow, observationIds: string[], language: 'sv' | 'en', now: Date): ItemSummary {
  return {
    id: r.id,
    state: r.state as ItemState,
    overdue: isOverdue({ state: r.state, dueAt: r.due_at, answeredAt: r.answered_at }, now),
    urgent: r.urgent === 1,
    recipientId: r.recipient_id,
    recipientName: r.recipient_name,
    channel: r.channel as ItemSummary['channel'],
    categoryId: r.category_id,
    categoryLabel: language === 'en' ? r.label_en : r.label_sv,
    icon: r.icon,
    lat: Number(r.lat),
    lng: Number(r.lng),
    externalReference: r.external_reference,
    deliveryError: r.delivery_error,
    sentAt: r.sent_at,
    dueAt: r.due_at,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    observationIds,
  };
}

async function summaries(ctx: AppContext, rows: repo.ItemRow[], language: 'sv' | 'en'): Promise<ItemSummary[]> {
  const obs = await repo.observationIdsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toSummary(r, obs.get(r.id) ?? [], language, ctx.clock.now()));
}

// ---- Routing: the sweep that turns new observations into items ----

/**
 * Routes observations not routed yet, oldest first, each in its own
 * transaction: claim it, make its items, queue their delivery. An item whose
 * recipient already has an open item of the same category nearby is held as
 * "new" for a coordinator to join or send, instead of being sent twice.
 */
export async function routePending(ctx: AppContext, batch = 200): Promise<number> {
  const tables = new Map<string, RoutingTable>();
  let routed = 0;
  for (;;) {
    const pending = await repo.unroutedObservations(ctx.db, batch);
    if (pending.length === 0) return routed;
    for (const o of pending) {
      let table = tables.get(o.association_id);
      if (!table) {
        table = await loadRoutingTable(ctx.db, o.association_id);
        tables.set(o.association_id, table);
      }
      await routeOne(ctx, table, o);
      routed += 1;
    }
    if (pending.length < batch) return routed;
  }
}

type Pending = Awaited<ReturnType<typeof repo.unroutedObservations>>[number];

async function routeOne(ctx: AppContext, table: RoutingTable, o: Pending): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.claimRouting(trx, o.id, at))) return;
    // A note stays with the association; what was handed to the police has gone where it belongs.
    if (!(routedUrgencies as readonly string[]).includes(o.urgency) || o.handed_to_police_at) return;
    const urgent = (urgentUrgencies as readonly string[]).includes(o.urgency);
    const lat = Number(o.lat);
    const lng = Number(o.lng);
    for (const recipientId of routeWith(table, o.category_id, lat, lng).recipientIds) {
      const recipient = (await findRecipientRow(trx, o.association_id, recipientId))!;
      const itemId = await repo.insertItem(trx, { associationId: o.association_id, recipientId, categoryId: o.category_id, urgent, lat, lng, now: at });
      await repo.linkObservation(trx, o.association_id, itemId, o.id, at);
      await repo.addEvent(trx, o.association_id, itemId, { kind: 'created', state: 'new', at });
      const duplicates = (await nearbyOpen(trx, o.association_id, o.category_id, lat, lng, now)).filter(
        (d) => d.recipient_id === recipientId && d.id !== itemId,
      );
      if (duplicates.length > 0) continue;
      await queueItem(trx, ctx, itemId, recipient, urgent);
    }
  });
  ctx.mail.kick();
  ctx.jobs.kick();
}

async function nearbyOpen(db: Db | Parameters<typeof repo.openItemsNear>[0], associationId: string, categoryId: string, lat: number, lng: number, now: Date) {
  const since = new Date(now.getTime() - DUPLICATE_DAYS * 86_400_000).toISOString();
  const rows = await repo.openItemsNear(db, associationId, categoryId, lat, lng, DUPLICATE_RADIUS_M, since, openStates);
  return rows
    .map((r) => ({ ...r, distanceM: Math.round(distanceKm(lat, lng, Number(r.lat), Number(r.lng)) * 1000) }))
    .filter((r) => r.distanceM <= DUPLICATE_RADIUS_M)
    .sort((a, b) => a.distanceM - b.distanceM);
}

// ---- Reading ----

export async function listItems(ctx: AppContext, actor: Actor, q: z.infer<typeof itemListQuery>): Promise<ItemSummary[]> {
  // A volunteer sees the items of their own observations; staff see all.
  const own = !can(actor, 'item.list');
  authorize(actor, own ? 'item.followOwn' : 'item.list');
  const now = ctx.clock.now().toISOString();
  const states =
    q.state === 'open'
      ? openStates
      : q.state === 'todo'
        ? (['new', 'queued'] as const)
        : q.state && !['overdue', 'failed'].includes(q.state)
          ? [q.state]
          : undefined;
  const rows = await repo.listItems(ctx.db, actor.associationId, {
    states,
    recipientId: q.recipientId,
    observationId: q.observationId,
    overdueAt: q.state === 'overdue' ? now : undefined,
    failed: q.state === 'failed',
    authorMemberId: own ? actor.memberId : undefined,
    limit: 500,
  });
  // The coordinator's to-do list: held items, manual deliveries to make, failed deliveries and unanswered reminders.
  const todo = q.state === 'todo' ? rows.filter((r) => r.state === 'new' || r.channel === 'manual' || r.delivery_error) : rows;
  if (q.state === 'todo') {
    const more = await repo.listItems(ctx.db, actor.associationId, { failed: true, limit: 200 });
    const escalated = (await repo.listItems(ctx.db, actor.associationId, { states: ['sent'], overdueAt: now, limit: 200 })).filter((r) => r.escalated_at);
    const seen = new Set(todo.map((r) => r.id));
    for (const r of [...more, ...escalated]) if (!seen.has(r.id)) todo.push(r);
  }
  return summaries(ctx, todo, actor.language);
}

async function loadItem(ctx: AppContext, actor: Actor, id: string): Promise<repo.ItemRow> {
  const row = await repo.findItem(ctx.db, actor.associationId, id);
  if (!row) throw notFound();
  if (!can(actor, 'item.list')) {
    authorize(actor, 'item.followOwn');
    if (!(await ownsItem(ctx, actor, id))) throw notFound();
  }
  return row;
}

async function ownsItem(ctx: AppContext, actor: Actor, itemId: string): Promise<boolean> {
  const obs = (await repo.observationIdsOf(ctx.db, [itemId])).get(itemId) ?? [];
  for (const o of obs) {
    const row = await repo.findObservationForRouting(ctx.db, actor.associationId, o);
    if (row?.author_member_id === actor.memberId) return true;
  }
  return false;
}

export async function getItem(ctx: AppContext, actor: Actor, id: string): Promise<ItemDetail> {
  const row = await loadItem(ctx, actor, id);
  const [summary] = await summaries(ctx, [row], actor.language);
  const staff = can(actor, 'item.list');
  const events = await repo.eventsOf(ctx.db, actor.associationId, id);
  return {
    ...summary!,
    manualInstructions: row.channel === 'manual' ? row.manual_instructions : null,
    recheckDueAt: row.recheck_due_at,
    recheckedAt: row.rechecked_at,
    events: events.map((e) => ({
      id: e.id,
      at: e.at,
      kind: e.kind as ItemDetail['events'][number]['kind'],
      state: e.state as ItemState | null,
      note: staff || e.by_recipient ? e.note : null,
      externalReference: e.external_reference,
      by: e.by_recipient ? 'recipient' : e.member_id ? 'member' : 'system',
      // Volunteers see what happened, not which colleague did it.
      memberName: staff ? e.member_name : null,
    })),
  };
}

/** Open items of the same category near an observation: offered for joining instead of a new item. */
export async function duplicatesOf(ctx: AppContext, actor: Actor, observationId: string) {
  authorize(actor, 'item.list');
  const o = await repo.findObservationForRouting(ctx.db, actor.associationId, observationId);
  if (!o) throw notFound();
  const near = await nearbyOpen(ctx.db, actor.associationId, o.category_id, Number(o.lat), Number(o.lng), ctx.clock.now());
  const own = new Set((await repo.listItems(ctx.db, actor.associationId, { observationId, limit: 100 })).map((r) => r.id));
  const rows = near.filter((r) => !own.has(r.id));
  const list = await summaries(ctx, rows, actor.language);
  return list.map((s, i) => ({ ...s, distanceM: rows[i]!.distanceM }));
}

// ---- Coordinators' actions ----

export async function createItem(ctx: AppContext, actor: Actor, input: { observationId: string; recipientId: string }): Promise<ItemDetail> {
  authorize(actor, 'item.manage');
  const o = await repo.findObservationForRouting(ctx.db, actor.associationId, input.observationId);
  if (!o) throw new AppError('validation', [{ field: 'observationId', message: 'error.field.invalid' }]);
  const recipient = await findRecipientRow(ctx.db, actor.associationId, input.recipientId);
  if (!recipient || recipient.active !== 1) throw new AppError('validation', [{ field: 'recipientId', message: 'error.field.invalid' }]);
  const at = ctx.clock.now().toISOString();
  const id = await ctx.db.transaction().execute(async (trx) => {
    const itemId = await repo.insertItem(trx, {
      associationId: actor.associationId,
      recipientId: recipient.id,
      categoryId: o.category_id,
      urgent: (urgentUrgencies as readonly string[]).includes(o.urgency),
      lat: Number(o.lat),
      lng: Number(o.lng),
      now: at,
    });
    await repo.linkObservation(trx, actor.associationId, itemId, o.id, at);
    await repo.addEvent(trx, actor.associationId, itemId, { kind: 'created', state: 'new', memberId: actor.memberId, at });
    await queueItem(trx, ctx, itemId, recipient, (urgentUrgencies as readonly string[]).includes(o.urgency));
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'action_item.create',
      entityType: 'action_item',
      entityId: itemId,
      after: { ...input },
    });
    return itemId;
  });
  ctx.mail.kick();
  ctx.jobs.kick();
  return getItem(ctx, actor, id);
}

/** Sends an item held as a possible duplicate after all. */
export async function sendHeld(ctx: AppContext, actor: Actor, id: string): Promise<ItemDetail> {
  authorize(actor, 'item.manage');
  const row = await loadItem(ctx, actor, id);
  if (row.state !== 'new') throw new AppError('conflict', [{ field: 'state', message: 'error.item_not_held' }]);
  const recipient = (await findRecipientRow(ctx.db, actor.associationId, row.recipient_id))!;
  await ctx.db.transaction().execute(async (trx) => {
    await queueItem(trx, ctx, id, recipient, row.urgent === 1);
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'action_item.update',
      entityType: 'action_item',
      entityId: id,
      after: { state: 'queued' },
    });
  });
  ctx.mail.kick();
  ctx.jobs.kick();
  return getItem(ctx, actor, id);
}

/**
 * Joins an observation to an open item (the same dumping seen twice). Items
 * the observation had for that recipient that were never sent are closed as
 * duplicates of this one.
 */
export async function joinItem(ctx: AppContext, actor: Actor, id: string, observationId: string): Promise<ItemDetail> {
  authorize(actor, 'item.manage');
  const row = await loadItem(ctx, actor, id);
  if (isClosed(row.state)) throw new AppError('conflict', [{ field: 'state', message: 'error.item_closed' }]);
  const o = await repo.findObservationForRouting(ctx.db, actor.associationId, observationId);
  if (!o) throw new AppError('validation', [{ field: 'observationId', message: 'error.field.invalid' }]);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.linkObservation(trx, actor.associationId, id, observationId, at))) return;
    await repo.addEvent(trx, actor.associationId, id, { kind: 'joined', memberId: actor.memberId, at });
    const held = (await repo.listItems(trx, actor.associationId, { observationId, states: ['new'], recipientId: row.recipient_id, limit: 20 })).filter(
      (h) => h.id !== id,
    );
    for (const h of held) {
      await repo.updateItem(trx, actor.associationId, h.id, { state: 'duplicate', closed_at: at, updated_at: at }, ['new']);
      await repo.addEvent(trx, actor.associationId, h.id, { kind: 'joined', state: 'duplicate', memberId: actor.memberId, at });
    }
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'action_item.join',
      entityType: 'action_item',
      entityId: id,
      after: { observationId },
    });
  });
  return getItem(ctx, actor, id);
}

/** A coordinator records what happened: a manual delivery made, or the recipient's answer given by phone. */
export async function updateItem(ctx: AppContext, actor: Actor, id: string, input: z.infer<typeof itemUpdate>): Promise<ItemDetail> {
  authorize(actor, 'item.manage');
  const row = await loadItem(ctx, actor, id);
  const now = ctx.clock.now();
  await ctx.db.transaction().execute(async (trx) => {
    await applyAnswer(
      trx,
      ctx,
      row,
      { state: input.state, externalReference: input.externalReference, note: input.note ?? null },
      { memberId: actor.memberId },
      now,
    );
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'action_item.update',
      entityType: 'action_item',
      entityId: id,
      after: { ...input },
    });
  });
  ctx.mail.kick();
  return getItem(ctx, actor, id);
}

/** Tries a failed delivery again now. */
export async function retryDelivery(ctx: AppContext, actor: Actor, id: string): Promise<ItemDetail> {
  authorize(actor, 'item.manage');
  const row = await loadItem(ctx, actor, id);
  if (!row.delivery_error) throw new AppError('conflict', [{ field: 'state', message: 'error.item_not_failed' }]);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (row.channel === 'email') {
      const mailId = await repo.lastMailOf(trx, id);
      if (mailId) await requeueMail(trx, mailId);
    } else if (row.channel === 'open311') {
      const job = await trx
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', OPEN311_SUBMIT)
        .where('payload', '=', JSON.stringify({ itemId: id }))
        .executeTakeFirst();
      if (job) await retryJob(trx, job.id);
    }
    await repo.addEvent(trx, actor.associationId, id, { kind: 'retried', memberId: actor.memberId, at });
    await recordAudit(trx, {
      associationId: actor.associationId,
      actorMemberId: actor.memberId,
      action: 'action_item.retry',
      entityType: 'action_item',
      entityId: id,
    });
  });
  ctx.mail.kick();
  ctx.jobs.kick();
  return getItem(ctx, actor, id);
}

/** A later patrol looked again (the graffiti is gone, or not): any crew member may record it. */
export async function markRechecked(ctx: AppContext, actor: Actor, id: string, note: string | undefined): Promise<void> {
  authorize(actor, 'observation.create');
  const row = await repo.findItem(ctx.db, actor.associationId, id);
  if (!row?.recheck_due_at) throw notFound();
  if (row.rechecked_at) return;
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.updateItem(trx, actor.associationId, id, { rechecked_at: at, updated_at: at });
    await repo.addEvent(trx, actor.associationId, id, { kind: 'rechecked', note: note ?? null, memberId: actor.memberId, at });
  });
}

// ---- Answers, from a coordinator or the recipient ----

export interface Answer {
  state?: ItemState;
  externalReference?: string | null;
  note: string | null;
}

/** Applies an answer to an item: its state, its case number, a note; records it on the timeline. */
export async function applyAnswer(
  db: Parameters<typeof repo.updateItem>[0],
  ctx: AppContext,
  row: repo.ItemRow,
  answer: Answer,
  by: { memberId?: string; byRecipient?: boolean },
  now: Date,
): Promise<void> {
  const at = now.toISOString();
  const state = answer.state;
  if (state && isClosed(row.state) && state !== row.state && !by.memberId) throw new AppError('conflict', [{ field: 'state', message: 'error.item_closed' }]);
  const closing = state !== undefined && (closedStates as readonly string[]).includes(state);
  const recheckHours = closing && state === 'resolved' ? await recheckHoursOf(db, row.category_id) : null;
  await repo.updateItem(db, row.association_id, row.id, {
    ...(state && { state }),
    ...(state === 'sent' && !row.sent_at && { sent_at: at, due_at: await dueFrom(db, row, now) }),
    ...(state && state !== 'sent' && !row.answered_at && { answered_at: at }),
    ...(closing && { closed_at: at }),
    ...(state && !closing && isClosed(row.state) && { closed_at: null }),
    ...(recheckHours !== null && { recheck_due_at: new Date(now.getTime() + recheckHours * 3_600_000).toISOString() }),
    ...(answer.externalReference !== undefined && { external_reference: answer.externalReference }),
    ...(state === 'sent' && { delivery_error: null }),
    updated_at: at,
  });
  await repo.addEvent(db, row.association_id, row.id, {
    kind: state === 'sent' ? 'sent' : state ? 'answered' : 'note',
    state: state ?? null,
    note: answer.note,
    externalReference: answer.externalReference ?? null,
    memberId: by.memberId ?? null,
    byRecipient: by.byRecipient,
    at,
  });
  if (closing && !isClosed(row.state)) await notifyObserversIfClosed(db, ctx, row, state);
}

async function dueFrom(db: Parameters<typeof repo.updateItem>[0], row: repo.ItemRow, now: Date): Promise<string> {
  const recipient = await findRecipientRow(db, row.association_id, row.recipient_id);
  return new Date(now.getTime() + (recipient?.response_days ?? 14) * 86_400_000).toISOString();
}

async function recheckHoursOf(db: Parameters<typeof repo.updateItem>[0], categoryId: string): Promise<number | null> {
  const c = await db.selectFrom('observation_categories').select(['recheck_hours', 'parent_id']).where('id', '=', categoryId).executeTakeFirst();
  if (c?.recheck_hours !== null && c?.recheck_hours !== undefined) return c.recheck_hours;
  if (c?.parent_id) return recheckHoursOf(db, c.parent_id);
  return null;
}
