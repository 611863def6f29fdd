/**
 * An association's first days: observations made before any rule exists find
 * no recipient. Coordinators see them listed, and a rule added later sends them.
 */
import { describe, expect, it } from 'vitest';
import { type TestApp, type TestAssociation, withTestAssociation } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { newId } from '../../platform/db/ids.js';
import { routePending } from './routing-sweep.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});

describe('observations that found no recipient', () => {
  it('are listed for the coordinators, and routed when a matching rule is added', async () => {
    const categories = (await call(t, a.admin.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[];
    const dumping = categories.find((c) => c.code === 'dumping')!.id;
    const observe = async (urgency: string) => {
      const id = newId();
      const res = await call(t, a.admin.cookie, 'PUT', `/api/observations/${id}`, {
        categoryId: dumping,
        urgency,
        lat: 59.22,
        lng: 17.95,
        observedAt: new Date(Date.now() - 60_000).toISOString(),
      });
      expect(res.statusCode).toBe(201);
      return id;
    };
    const needing = await observe('needs_action');
    const note = await observe('note');
    await routePending(t.ctx);
    const unsent = async () => ((await call(t, a.admin.cookie, 'GET', '/api/observations?status=not_sent')).json().items as { id: string }[]).map((o) => o.id);
    expect(await unsent()).toEqual([needing]);
    expect(await unsent()).not.toContain(note);

    const recipient = (
      await call(t, a.admin.cookie, 'POST', '/api/recipients', { name: 'Huddinge kommun', kind: 'municipality', channel: 'manual', manualInstructions: 'Ring' })
    ).json();
    expect((await call(t, a.admin.cookie, 'POST', '/api/routing-rules', { categoryId: dumping, recipientId: recipient.id })).statusCode).toBe(201);
    await routePending(t.ctx);
    const items = (await call(t, a.admin.cookie, 'GET', `/api/action-items?observationId=${needing}`)).json() as { recipientName: string }[];
    expect(items.map((i) => i.recipientName)).toEqual(['Huddinge kommun']);
    expect(await unsent()).toEqual([]);
    // A note stays with the association, rule or not.
    expect((await call(t, a.admin.cookie, 'GET', `/api/action-items?observationId=${note}`)).json()).toEqual([]);
  });
});
