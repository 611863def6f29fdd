/**
 * Routing: the sweep that turns new observations into action items. The
 * observation row is its own outbox (routed_at is null until its items exist).
 */
import type { AppContext } from '../../context.js';
import { distanceKm } from '../../../shared/domain/geo.js';
import { DUPLICATE_DAYS, DUPLICATE_RADIUS_M, routedUrgencies, urgentUrgencies } from '../../../shared/domain/action-items.js';
import * as repo from './action-items.repository.js';
import { findRecipientRow, type RecipientRow } from './recipients.repository.js';
import { loadRoutingTable, routeWith, type RoutingTable } from './routing.service.js';
import { handToChannel } from './delivery.js';
import * as routed from './routed-items.repository.js';
import * as queue from '../observations/routing-state.service.js';
import type { Executor } from '../../platform/db/database.js';

export const openStates = ['new', 'queued', 'sent', 'acknowledged', 'in_progress'] as const;

/** Observations routed in one transaction: one commit (on PostgreSQL a disk flush) for many, short enough not to hold other writers up. */
export const ROUTING_CHUNK = 50;

/**
 * Routes observations not routed yet, oldest first, a chunk per transaction:
 * claim each, make its items, queue their delivery. An item whose recipient
 * already has an open item of the same category nearby is held as "new" for a
 * coordinator to join or send, instead of being sent twice. A chunk that fails
 * is rolled back whole and routed again one observation per transaction, so
 * one that cannot be routed holds none of the others back; its error is thrown
 * once the rest are done (the job worker logs it and tries again next turn).
 */
export async function routePending(ctx: AppContext, batch = 200, maxBatches = Number.POSITIVE_INFINITY): Promise<number> {
  const tables = new Map<string, RoutingTable>();
  const tableOf = async (associationId: string) => {
    let table = tables.get(associationId);
    if (!table) {
      table = await loadRoutingTable(ctx.db, associationId);
      tables.set(associationId, table);
    }
    return table;
  };
  let routed = 0;
  let failure: unknown;
  for (let round = 0; round < maxBatches; round++) {
    const photosSince = new Date(ctx.clock.now().getTime() - ctx.config.photoGraceSeconds * 1000).toISOString();
    const pending = await queue.unroutedObservations(ctx.db, batch, photosSince);
    if (pending.length === 0) break;
    for (const o of pending) await tableOf(o.association_id);
    let failed = 0;
    for (let i = 0; i < pending.length; i += ROUTING_CHUNK) {
      const chunk = pending.slice(i, i + ROUTING_CHUNK);
      try {
        await routeTogether(ctx, tables, chunk);
      } catch {
        for (const o of chunk) {
          try {
            await routeTogether(ctx, tables, [o]);
          } catch (err) {
            failure ??= err;
            failed += 1;
          }
        }
      }
      ctx.mail.kick();
      ctx.jobs.kick();
    }
    routed += pending.length - failed;
    // Those that failed are still first in the queue: a round of nothing else is the end of this turn.
    if (pending.length < batch || failed === pending.length) break;
  }
  if (failure) throw failure;
  return routed;
}

type Pending = Awaited<ReturnType<typeof queue.unroutedObservations>>[number];

/** An item routing is about to write: its row, the observation it comes from, and whether it is held as a duplicate. */
interface Planned {
  row: ReturnType<typeof repo.newItemRow>;
  observationId: string;
  recipient: RecipientRow;
  urgent: boolean;
  held: boolean;
}

/**
 * Routes these observations in one transaction (all or none): one claim for all; each item's duplicate check
 * (against the database and the chunk's own new items); then the chunk's items, links and timeline entries
 * written one statement each, and each item not held handed to its recipient's channel.
 */
async function routeTogether(ctx: AppContext, tables: Map<string, RoutingTable>, observations: Pending[]): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    const claimed = await queue.claimRouting(
      trx,
      observations.map((o) => o.id),
      at,
    );
    const recipients = new Map<string, RecipientRow>();
    const plan: Planned[] = [];
    for (const o of observations) {
      // A note stays with the association; what was handed to the police has gone where it belongs.
      if (!claimed.has(o.id) || !(routedUrgencies as readonly string[]).includes(o.urgency) || o.handed_to_police_at) continue;
      const urgent = (urgentUrgencies as readonly string[]).includes(o.urgency);
      const lat = Number(o.lat);
      const lng = Number(o.lng);
      for (const recipientId of routeWith(tables.get(o.association_id)!, o.category_id, lat, lng).recipientIds) {
        let recipient = recipients.get(recipientId);
        if (!recipient) {
          recipient = (await findRecipientRow(trx, o.association_id, recipientId))!;
          recipients.set(recipientId, recipient);
        }
        const item = { associationId: o.association_id, recipientId, categoryId: o.category_id, urgent, lat, lng, now: at };
        const held = await openItemNear(trx, item, now, plan);
        plan.push({ row: repo.newItemRow(item, held ? 'new' : 'queued'), observationId: o.id, recipient, urgent, held });
      }
    }
    if (plan.length === 0) return;
    await routed.insertItems(
      trx,
      plan.map((p) => p.row),
    );
    await routed.linkObservations(
      trx,
      plan.map((p) => ({ item_id: p.row.id, observation_id: p.observationId, association_id: p.recipient.association_id, created_at: at })),
    );
    const events = [];
    for (const p of plan) {
      const associationId = p.recipient.association_id;
      events.push(repo.eventRow(associationId, p.row.id, { kind: 'created', state: 'new', at }));
      if (!p.held) events.push(repo.eventRow(associationId, p.row.id, await handToChannel(trx, ctx, { id: p.row.id, urgent: p.urgent }, p.recipient, at)));
    }
    await routed.insertEvents(trx, events);
  });
}

/** True when the recipient already has an open item of the category within 50 m (made in the last 30 days, or in this chunk). */
async function openItemNear(trx: Executor, item: repo.NewItem, now: Date, plan: Planned[]): Promise<boolean> {
  // Rounded to the metre, as the coordinators' list of nearby items shows it (nearbyOpen).
  const near = (lat: number, lng: number) => Math.round(distanceKm(item.lat, item.lng, lat, lng) * 1000) <= DUPLICATE_RADIUS_M;
  const inChunk = plan.some(
    (p) => p.row.recipient_id === item.recipientId && p.row.category_id === item.categoryId && near(Number(p.row.lat), Number(p.row.lng)),
  );
  if (inChunk) return true;
  const since = new Date(now.getTime() - DUPLICATE_DAYS * 86_400_000).toISOString();
  const stored = await routed.openItemsOfRecipientNear(trx, { ...item, radiusM: DUPLICATE_RADIUS_M, since, states: openStates });
  return stored.some((r) => near(Number(r.lat), Number(r.lng)));
}

export async function nearbyOpen(db: Executor, associationId: string, categoryId: string, lat: number, lng: number, now: Date) {
  const since = new Date(now.getTime() - DUPLICATE_DAYS * 86_400_000).toISOString();
  const rows = await repo.openItemsNear(db, associationId, categoryId, lat, lng, DUPLICATE_RADIUS_M, since, openStates);
  return rows
    .map((r) => ({ ...r, distanceM: Math.round(distanceKm(lat, lng, Number(r.lat), Number(r.lng)) * 1000) }))
    .filter((r) => r.distanceM <= DUPLICATE_RADIUS_M)
    .sort((a, b) => a.distanceM - b.distanceM);
}
