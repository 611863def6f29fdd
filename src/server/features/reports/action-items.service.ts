/**
 * Action items: made from observations by the routing rules, one per
 * (observation, recipient); followed by coordinators; answered by the
 * recipient; seen by the volunteer who made the observation.
 */
import type { AppContext } from '../../context.js';
import { AppError, notFound } from '../../platform/errors.js';
import { authorize, can, type Actor } from '../../platform/policies.js';
import { recordAudit } from '../../platform/audit/audit.repository.js';
import { requeueMail } from '../../platform/mail/outbox.repository.js';
import { findJob, retryJob } from '../../platform/jobs/jobs.repository.js';
import { isClosed, isOverdue, isUndelivered, urgentUrgencies, type ItemState } from '../../../shared/domain/action-items.js';
import type { ItemDetail, ItemSummary, RecipientAnswer } from '../../../shared/api/reports.js';
import type { z } from 'zod';
import type { itemListQuery, itemUpdate } from '../../../shared/api/reports.js';
import * as repo from './action-items.repository.js';
import { findRecipientRow } from './recipients.repository.js';
import { nearbyOpen, openStates } from './routing-sweep.js';
import { applyAnswer } from './answers.js';
import { isAuthorOfItem } from './follow-up.repository.js';
import { periodOf } from '../insights/period.js';
import { queueItem } from './delivery.js';
import { OPEN311_SUBMIT } from './channels/open311.js';
import * as queue from '../observations/routing-state.service.js';

/** An item's entry in the audit log, in the caller's transaction. */
export function auditItem(
  db: Parameters<typeof recordAudit>[0],
  actor: Actor,
  id: string,
  entry: { action: string; before?: Record<string, unknown>; after?: Record<string, unknown> },
) {
  return recordAudit(db, { associationId: actor.associationId, actorMemberId: actor.memberId, entityType: 'action_item', entityId: id, ...entry });
}

function toSummary(r: repo.ItemRow, observationIds: string[], actor: Actor, now: Date): ItemSummary {
  const language = actor.language;
  // A partner follows the item, not the observation behind it, nor the association's delivery troubles.
  const partner = actor.kind === 'partner';
  return {
    id: r.id,
    state: r.state as ItemState,
    overdue: isOverdue({ state: r.state, dueAt: r.due_at, firstDueAt: r.first_due_at, answeredAt: r.answered_at }, now),
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
    deliveryError: partner ? null : r.delivery_error,
    sentAt: r.sent_at,
    dueAt: r.due_at,
    closedAt: r.closed_at,
    createdAt: r.created_at,
    observationIds: partner ? [] : observationIds,
  };
}

export async function summaries(ctx: AppContext, rows: repo.ItemRow[], actor: Actor): Promise<ItemSummary[]> {
  const obs = await repo.observationIdsOf(
    ctx.db,
    rows.map((r) => r.id),
  );
  return rows.map((r) => toSummary(r, obs.get(r.id) ?? [], actor, ctx.clock.now()));
}

// ---- Reading ----

export async function listItems(ctx: AppContext, actor: Actor, q: z.infer<typeof itemListQuery>): Promise<ItemSummary[]> {
  // Staff see all; a partner the items addressed to their organisation; a volunteer those of their own observations.
  const addressed = can(actor, 'item.followAddressed');
  const own = !can(actor, 'item.list') && !addressed;
  if (!addressed) authorize(actor, own ? 'item.followOwn' : 'item.list');
  // The to-do list gathers failed and escalated items of every kind: the coordinators' alone.
  if (q.state === 'todo') authorize(actor, 'item.list');
  const now = ctx.clock.now().toISOString();
  if (Boolean(q.from) !== Boolean(q.to)) throw new AppError('validation', [{ field: q.from ? 'to' : 'from', message: 'error.field.required' }]);
  const period = q.from && q.to ? periodOf(q.from, q.to) : undefined;
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
    partnerOrganisationId: addressed ? actor.partnerOrganisationId! : undefined,
    sentFrom: period?.fromIso,
    sentTo: period?.toIso,
    areaId: q.areaId,
    limit: 500,
  });
  // The coordinator's to-do list: held items, manual deliveries to make, failed deliveries and unanswered reminders.
  const todo = q.state === 'todo' ? rows.filter((r) => r.state === 'new' || r.channel === 'manual' || r.delivery_error) : rows;
  if (q.state === 'todo') {
    const more = await repo.listItems(ctx.db, actor.associationId, { failed: true, limit: 200 });
    const escalated = (await repo.listItems(ctx.db, actor.associationId, { states: ['sent'], overdueAt: now, limit: 200 })).filter((r) => r.escalated_at);
    const stillThere = await repo.stillThere(ctx.db, actor.associationId, 200);
    const seen = new Set(todo.map((r) => r.id));
    for (const r of [...more, ...escalated, ...stillThere]) if (!seen.has(r.id)) todo.push(r);
  }
  return summaries(ctx, todo, actor);
}

async function loadItem(ctx: AppContext, actor: Actor, id: string): Promise<repo.ItemRow> {
  const row = await repo.findItem(ctx.db, actor.associationId, id);
  if (!row) throw notFound();
  if (can(actor, 'item.followAddressed')) {
    if (row.partner_organisation_id !== actor.partnerOrganisationId) throw notFound();
  } else if (!can(actor, 'item.list')) {
    authorize(actor, 'item.followOwn');
    if (!(await isAuthorOfItem(ctx.db, actor.associationId, id, actor.memberId))) throw notFound();
  }
  return row;
}

export async function getItem(ctx: AppContext, actor: Actor, id: string): Promise<ItemDetail> {
  const row = await loadItem(ctx, actor, id);
  const [summary] = await summaries(ctx, [row], actor);
  const staff = can(actor, 'item.list');
  const [events, reported] = await Promise.all([repo.eventsOf(ctx.db, actor.associationId, id), repo.observationsOfItems(ctx.db, actor.associationId, [id])]);
  return {
    ...summary!,
    // The association's own notes (names, numbers to call): for its staff.
    manualInstructions: row.channel === 'manual' && staff ? row.manual_instructions : null,
    recheckDueAt: row.recheck_due_at,
    recheckedAt: row.rechecked_at,
    recheckResult: row.recheck_result as ItemDetail['recheckResult'],
    // A partner's view of what was sent has no way into the observation itself.
    // A volunteer reads their own words here, not a colleague's joined to the same item.
    reported: reported
      .filter((o) => staff || actor.kind === 'partner' || o.author_member_id === actor.memberId)
      .map((o) => ({
        observationId: actor.kind === 'partner' ? null : o.public_id,
        observedAt: o.observed_at,
        address: o.address,
        areaName: o.area_name,
        lat: o.lat,
        lng: o.lng,
        text: o.text,
      })),
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
  const o = await queue.findObservationForRouting(ctx.db, actor.associationId, observationId);
  if (!o) throw notFound();
  const near = await nearbyOpen(ctx.db, actor.associationId, o.category_id, Number(o.lat), Number(o.lng), ctx.clock.now());
  const own = new Set((await repo.listItems(ctx.db, actor.associationId, { observationId, limit: 100 })).map((r) => r.id));
  const rows = near.filter((r) => !own.has(r.id));
  const list = await summaries(ctx, rows, actor);
  return list.map((s, i) => ({ ...s, distanceM: rows[i]!.distanceM }));
}

// ---- Coordinators' actions ----

export async function createItem(ctx: AppContext, actor: Actor, input: { observationId: string; recipientId: string }): Promise<ItemDetail> {
  authorize(actor, 'item.manage');
  const o = await queue.findObservationForRouting(ctx.db, actor.associationId, input.observationId);
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
    await auditItem(trx, actor, itemId, { action: 'action_item.create', after: { ...input } });
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
    await auditItem(trx, actor, id, { action: 'action_item.update', after: { state: 'queued' } });
  });
  ctx.mail.kick();
  ctx.jobs.kick();
  return getItem(ctx, actor, id);
}

/**
 * Takes back an item before it reaches the recipient (the rules proposed the
 * wrong one). Its mail, if it waits alone in the outbox, is stopped; an item
 * already on its way or delivered cannot be taken back, only answered.
 */
export async function withdrawItem(ctx: AppContext, actor: Actor, id: string, note: string | undefined): Promise<ItemDetail> {
  authorize(actor, 'item.manage');
  const row = await loadItem(ctx, actor, id);
  if (!isUndelivered(row.state)) throw new AppError('conflict', [{ field: 'state', message: 'error.item_delivered' }]);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const mails = await repo.mailsOfItem(trx, id);
    // A digest also carries other items, and a mail being sent cannot be stopped.
    if (mails.some((m) => !['pending', 'kept', 'cancelled'].includes(m.status) || Number(m.items) > 1))
      throw new AppError('conflict', [{ field: 'state', message: 'error.item_delivered' }]);
    if (!(await repo.updateItem(trx, actor.associationId, id, { state: 'withdrawn', closed_at: at, updated_at: at }, ['new', 'queued'])))
      throw new AppError('conflict', [{ field: 'state', message: 'error.item_delivered' }]);
    await repo.cancelMails(
      trx,
      mails.map((m) => m.id),
    );
    await repo.addEvent(trx, actor.associationId, id, { kind: 'withdrawn', state: 'withdrawn', note: note ?? null, memberId: actor.memberId, at });
    await auditItem(trx, actor, id, { action: 'action_item.update', before: { state: row.state }, after: { state: 'withdrawn' } });
  });
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
  const o = await queue.findObservationForRouting(ctx.db, actor.associationId, observationId);
  if (!o) throw new AppError('validation', [{ field: 'observationId', message: 'error.field.invalid' }]);
  const at = ctx.clock.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await repo.linkObservation(trx, actor.associationId, id, o.id, at))) return;
    await repo.addEvent(trx, actor.associationId, id, { kind: 'joined', memberId: actor.memberId, at });
    const held = (await repo.listItems(trx, actor.associationId, { observationId, states: ['new'], recipientId: row.recipient_id, limit: 20 })).filter(
      (h) => h.id !== id,
    );
    for (const h of held) {
      await repo.updateItem(trx, actor.associationId, h.id, { state: 'duplicate', closed_at: at, updated_at: at }, ['new']);
      await repo.addEvent(trx, actor.associationId, h.id, { kind: 'joined', state: 'duplicate', memberId: actor.memberId, at });
    }
    await auditItem(trx, actor, id, { action: 'action_item.join', after: { observationId } });
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
    await auditItem(trx, actor, id, { action: 'action_item.update', after: { ...input } });
  });
  ctx.mail.kick();
  return getItem(ctx, actor, id);
}

/**
 * A partner organisation's member answers an item addressed to them, in the
 * app, exactly as the recipient would through the mailed link: on the
 * timeline as the recipient's answer, a closed item not reopened, audited
 * with the member who gave it.
 */
export async function answerAsPartner(ctx: AppContext, actor: Actor, id: string, input: RecipientAnswer): Promise<ItemDetail> {
  authorize(actor, 'item.answerAddressed');
  const row = await loadItem(ctx, actor, id);
  await ctx.db.transaction().execute(async (trx) => {
    await applyAnswer(
      trx,
      ctx,
      row,
      { state: input.state, externalReference: input.externalReference, note: input.note },
      { byRecipient: true },
      ctx.clock.now(),
    );
    await auditItem(trx, actor, id, { action: 'action_item.answer', after: { ...input } });
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
      const job = await findJob(trx, OPEN311_SUBMIT, { itemId: id });
      if (job) await retryJob(trx, job);
    }
    await repo.addEvent(trx, actor.associationId, id, { kind: 'retried', memberId: actor.memberId, at });
    await auditItem(trx, actor, id, { action: 'action_item.retry' });
  });
  ctx.mail.kick();
  ctx.jobs.kick();
  return getItem(ctx, actor, id);
}
