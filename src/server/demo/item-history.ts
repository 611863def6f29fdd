/**
 * Six months of action items for the demo: the history's observations that
 * needed action went to the recipients the routing rules name, and most came
 * back resolved after a few days; some were acknowledged, a few rejected, and
 * some are still waiting past their deadline. The dashboard, the partners'
 * lists and the IOP report then have something true-looking to show.
 */
import type { AppContext } from '../context.js';
import { newId } from '../platform/db/ids.js';
import { loadRoutingTable, routeWith } from '../features/reports/routing.service.js';

const HOUR = 3_600_000;

export async function addItemHistory(ctx: AppContext, associationId: string, now = ctx.clock.now().getTime()): Promise<number> {
  let seed = 7;
  const rnd = () => ((seed = (seed * 16807) % 2147483647) - 1) / 2147483646;
  const [observations, recipients] = await Promise.all([
    ctx.db
      .selectFrom('observations')
      .select(['id', 'category_id', 'lat', 'lng', 'observed_at', 'urgency'])
      .where('association_id', '=', associationId)
      .where('urgency', 'in', ['needs_action', 'police_tip'])
      .execute(),
    ctx.db.selectFrom('recipients').select(['id', 'response_days']).where('association_id', '=', associationId).execute(),
  ]);
  const days = new Map(recipients.map((r) => [r.id, r.response_days]));
  const table = await loadRoutingTable(ctx.db, associationId);
  const items = [];
  const links = [];
  const events = [];
  for (const o of observations) {
    for (const recipientId of routeWith(table, o.category_id, o.lat, o.lng).recipientIds) {
      // Sent one to thirteen hours after it was seen, but never later than now: what was seen in the small hours
      // is sent already, not at a time still to come (a timeline would put that after anything done today).
      const sent = Math.min(Date.parse(o.observed_at) + (1 + rnd() * 12) * HOUR, now);
      const due = sent + days.get(recipientId)! * 24 * HOUR;
      const r = rnd();
      const closes = sent + (4 + rnd() * rnd() * days.get(recipientId)! * 36) * HOUR;
      const outcome = closes > now ? 'sent' : r < 0.72 ? 'resolved' : r < 0.8 ? 'acknowledged' : r < 0.85 ? 'rejected' : r < 0.9 ? 'not_responsible' : 'sent';
      const closed = ['resolved', 'rejected', 'not_responsible'].includes(outcome);
      const answered = outcome !== 'sent';
      const id = newId(sent);
      const iso = (ms: number) => new Date(ms).toISOString();
      items.push({
        id,
        association_id: associationId,
        recipient_id: recipientId,
        category_id: o.category_id,
        state: outcome,
        urgent: o.urgency === 'police_tip' ? 1 : 0,
        lat: o.lat,
        lng: o.lng,
        external_reference: answered && rnd() < 0.5 ? `D-${Math.floor(10000 + rnd() * 89999)}` : null,
        delivery_error: null,
        open311_request_id: null,
        open311_token: null,
        sent_at: iso(sent),
        due_at: iso(due),
        answered_at: answered ? iso(closes) : null,
        closed_at: closed ? iso(closes) : null,
        reminded_at: null,
        escalated_at: null,
        recheck_due_at: null,
        rechecked_at: null,
        created_at: o.observed_at,
        updated_at: iso(answered ? closes : sent),
      });
      links.push({ item_id: id, observation_id: o.id, association_id: associationId, created_at: o.observed_at });
      const event = (at: number, kind: string, state: string, byRecipient = 0) => ({
        id: newId(at),
        association_id: associationId,
        item_id: id,
        at: iso(at),
        kind,
        state,
        note: null,
        external_reference: null,
        member_id: null,
        by_recipient: byRecipient,
      });
      events.push(event(Date.parse(o.observed_at), 'created', 'queued'), event(sent, 'sent', 'sent'));
      if (answered) events.push(event(closes, 'answered', outcome, 1));
    }
  }
  for (let i = 0; i < items.length; i += 200)
    await ctx.db
      .insertInto('action_items')
      .values(items.slice(i, i + 200))
      .execute();
  for (let i = 0; i < links.length; i += 200)
    await ctx.db
      .insertInto('action_item_observations')
      .values(links.slice(i, i + 200))
      .execute();
  for (let i = 0; i < events.length; i += 200)
    await ctx.db
      .insertInto('action_item_events')
      .values(events.slice(i, i + 200))
      .execute();
  return items.length;
}
