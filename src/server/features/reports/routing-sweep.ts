/**
 * Routing: the sweep that turns new observations into action items. The
 * observation row is its own outbox (routed_at is null until its items exist).
 */
import type { AppContext } from '../../context.js';
import { distanceKm } from '../../../shared/domain/geo.js';
import { DUPLICATE_DAYS, DUPLICATE_RADIUS_M, routedUrgencies, urgentUrgencies } from '../../../shared/domain/action-items.js';
import * as repo from './action-items.repository.js';
import { findRecipientRow } from './recipients.repository.js';
import { loadRoutingTable, routeWith, type RoutingTable } from './routing.service.js';
import { queueItem } from './delivery.js';
import * as queue from '../observations/routing-state.service.js';
import type { Executor } from '../../platform/db/database.js';

export const openStates = ['new', 'queued', 'sent', 'acknowledged', 'in_progress'] as const;

/**
 * Routes observations not routed yet, oldest first, each in its own
 * transaction: claim it, make its items, queue their delivery. An item whose
 * recipient already has an open item of the same category nearby is held as
 * "new" for a coordinator to join or send, instead of being sent twice.
 */
export async function routePending(ctx: AppContext, batch = 200, maxBatches = Number.POSITIVE_INFINITY): Promise<number> {
  const tables = new Map<string, RoutingTable>();
  let routed = 0;
  for (let round = 0; round < maxBatches; round++) {
    const photosSince = new Date(ctx.clock.now().getTime() - ctx.config.photoGraceSeconds * 1000).toISOString();
    const pending = await queue.unroutedObservations(ctx.db, batch, photosSince);
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
  return routed;
}

type Pending = Awaited<ReturnType<typeof queue.unroutedObservations>>[number];

async function routeOne(ctx: AppContext, table: RoutingTable, o: Pending): Promise<void> {
  const now = ctx.clock.now();
  const at = now.toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await queue.claimRouting(trx, o.id, at))) return;
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

export async function nearbyOpen(db: Executor, associationId: string, categoryId: string, lat: number, lng: number, now: Date) {
  const since = new Date(now.getTime() - DUPLICATE_DAYS * 86_400_000).toISOString();
  const rows = await repo.openItemsNear(db, associationId, categoryId, lat, lng, DUPLICATE_RADIUS_M, since, openStates);
  return rows
    .map((r) => ({ ...r, distanceM: Math.round(distanceKm(lat, lng, Number(r.lat), Number(r.lng)) * 1000) }))
    .filter((r) => r.distanceM <= DUPLICATE_RADIUS_M)
    .sort((a, b) => a.distanceM - b.distanceM);
}
