/**
 * Routing goes a chunk of observations per transaction (one commit for many). A
 * chunk with one observation that cannot be routed is rolled back and routed
 * again one by one: the others get their items, the bad one keeps none (no half
 * of it stays) and waits for the next turn, and its error still surfaces.
 */
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { type TestApp, type TestAssociation, withTestAssociation } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { testDialect } from '../../../../test/db.js';
import { newId } from '../../platform/db/ids.js';
import { ROUTING_CHUNK, routePending } from './routing-sweep.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});

/** Makes linking an item to this observation fail inside the database, as a broken row or a full disk would. */
async function refuseLinksTo(observationId: string) {
  if (testDialect === 'sqlite') {
    await sql
      .raw(
        `create trigger refuse_link before insert on action_item_observations when new.observation_id = '${observationId}' begin select raise(abort, 'refused'); end`,
      )
      .execute(t.ctx.db);
  } else {
    await sql
      .raw(
        `create function refuse_link() returns trigger language plpgsql as $$ begin if new.observation_id = '${observationId}' then raise exception 'refused'; end if; return new; end $$;
         create trigger refuse_link before insert on action_item_observations for each row execute function refuse_link()`,
      )
      .execute(t.ctx.db);
  }
}

async function allowLinks() {
  await sql.raw('drop trigger refuse_link' + (testDialect === 'sqlite' ? '' : ' on action_item_observations')).execute(t.ctx.db);
}

describe('routing a chunk per transaction', () => {
  it('routes the rest of a chunk when one observation fails, and that one on a later turn', async () => {
    const categories = (await call(t, a.admin.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[];
    const graffiti = categories.find((c) => c.code === 'graffiti')!.id;
    const recipient = (
      await call(t, a.admin.cookie, 'POST', '/api/recipients', { name: 'Huddinge kommun', kind: 'municipality', channel: 'manual', manualInstructions: 'Ring' })
    ).json();
    expect((await call(t, a.admin.cookie, 'POST', '/api/routing-rules', { categoryId: graffiti, recipientId: recipient.id })).statusCode).toBe(201);
    // More than one chunk, each a few hundred metres from the last (no duplicates held back).
    const ids: string[] = [];
    for (let i = 0; i < ROUTING_CHUNK + 5; i++) {
      const id = newId();
      const res = await call(t, a.admin.cookie, 'PUT', `/api/observations/${id}`, {
        categoryId: graffiti,
        urgency: 'needs_action',
        lat: 59.2 + i * 0.005,
        lng: 17.95,
        observedAt: new Date(t.ctx.clock.now().getTime() - 60_000).toISOString(),
      });
      expect(res.statusCode).toBe(201);
      ids.push(id);
    }
    const bad = ids[3]!;
    await refuseLinksTo(bad);
    const itemsOf = async (id: string) => (await call(t, a.admin.cookie, 'GET', `/api/action-items?observationId=${id}`)).json() as unknown[];

    await expect(routePending(t.ctx)).rejects.toThrow(/refused/);
    for (const id of ids) expect(await itemsOf(id), id === bad ? 'the bad one' : 'another').toHaveLength(id === bad ? 0 : 1);
    // Not routed yet is not "found no recipient": the coordinators' list of those stays empty.
    const unsent = (await call(t, a.admin.cookie, 'GET', '/api/observations?status=not_sent')).json().items as { id: string }[];
    expect(unsent.map((o) => o.id)).toEqual([]);
    // Its claim was rolled back with the rest of it: it is still waiting, and routed once the fault is gone.
    await allowLinks();
    expect(await routePending(t.ctx)).toBe(1);
    expect(await itemsOf(bad)).toHaveLength(1);
    expect(await routePending(t.ctx)).toBe(0);
  });
});
