/**
 * What the crew sees before saving a capture: who it will go to (the same
 * routing the sweep will run) and open items of the same category nearby
 * ("redan anmält här, 30 m bort"), so a volunteer can add to what is already
 * reported rather than wonder. Members see recipients' names and the items'
 * state and age: nothing about who reported them.
 */
import type { AppContext } from '../../context.js';
import { authorize, type Actor } from '../../platform/policies.js';
import { routedUrgencies, type ItemState } from '../../../shared/domain/action-items.js';
import type { CapturePreview, CapturePreviewQuery } from '../../../shared/api/reports.js';
import { listRecipientRows } from './recipients.repository.js';
import { loadRoutingTable, routeWith } from './routing.service.js';
import { nearbyOpen } from './routing-sweep.js';

export async function previewCapture(ctx: AppContext, actor: Actor, q: CapturePreviewQuery): Promise<CapturePreview> {
  authorize(actor, 'observation.create');
  const routed = (routedUrgencies as readonly string[]).includes(q.urgency);
  const [table, recipients, near] = await Promise.all([
    loadRoutingTable(ctx.db, actor.associationId),
    listRecipientRows(ctx.db, actor.associationId),
    nearbyOpen(ctx.db, actor.associationId, q.categoryId, q.lat, q.lng, ctx.clock.now()),
  ]);
  const names = new Map(recipients.map((r) => [r.id, r.name]));
  return {
    routed,
    recipients: routed ? routeWith(table, q.categoryId, q.lat, q.lng).recipientIds.map((id) => names.get(id) ?? '') : [],
    nearby: near.map((n) => ({ distanceM: n.distanceM, recipient: n.recipient_name, state: n.state as ItemState, reportedAt: n.sent_at ?? n.created_at })),
  };
}
