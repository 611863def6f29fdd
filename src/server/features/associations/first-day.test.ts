/**
 * The first-day checklist ticks itself: each step is done when what it sets up
 * exists. Coordinators see only the unsent count; volunteers nothing.
 */
import { describe, expect, it } from 'vitest';
import { addAssociation, addMember, type TestApp, type TestAssociation, withTestAssociation } from '../../../../test/app.js';
import { addCar, call } from '../../../../test/shifts.js';
import { districtPolygon } from '../../demo/huddinge.js';
import { newId } from '../../platform/db/ids.js';
import { routePending } from '../reports/routing-sweep.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});

const steps = async () =>
  Object.fromEntries(((await call(t, a.admin.cookie, 'GET', '/api/first-day')).json().steps as { step: string; done: boolean }[]).map((s) => [s.step, s.done]));

/** A volunteer's "needs action" dumping at Stuvsta, routed at once. */
async function dumpingSeen(cookie: string, categoryId: string) {
  await call(t, cookie, 'PUT', `/api/observations/${newId()}`, {
    categoryId,
    urgency: 'needs_action',
    lat: 59.253,
    lng: 17.994,
    observedAt: new Date(Date.now() - 60_000).toISOString(),
  });
  await routePending(t.ctx);
}

describe('the first-day checklist', () => {
  it('ticks each step when what it sets up exists, and counts what no rule sent', async () => {
    expect(await steps()).toEqual({ cars: false, shifts: false, members: false, recipients: false, areas: false });

    await addCar(t, a.admin.cookie);
    await call(t, a.admin.cookie, 'POST', '/api/areas', { name: 'Stuvsta', geometry: districtPolygon(59.253, 17.994) });
    const volunteer = await addMember(t, a.associationId, ['volunteer']);
    expect(await steps()).toEqual({ cars: true, shifts: false, members: true, recipients: false, areas: true });

    // An observation before any rule: counted as unsent.
    const categories = (await call(t, a.admin.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[];
    const dumping = categories.find((c) => c.code === 'dumping')!.id;
    await dumpingSeen(volunteer.cookie, dumping);
    expect((await call(t, a.admin.cookie, 'GET', '/api/first-day')).json().unsent).toBe(1);
    // Another association's unsent observation is not counted here.
    const b = await addAssociation(t, 'Grannstöd B');
    const bDumping = ((await call(t, b.admin.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[]).find(
      (c) => c.code === 'dumping',
    )!.id;
    await dumpingSeen(b.admin.cookie, bDumping);
    expect((await call(t, b.admin.cookie, 'GET', '/api/first-day')).json().unsent).toBe(1);
    expect((await call(t, a.admin.cookie, 'GET', '/api/first-day')).json().unsent).toBe(1);
    expect((await call(t, b.admin.cookie, 'GET', '/api/first-day')).json().steps.every((s: { done: boolean }) => !s.done)).toBe(true);

    // A recipient alone is not enough: nothing goes to it without a rule.
    const recipient = (
      await call(t, a.admin.cookie, 'POST', '/api/recipients', { name: 'Huddinge kommun', kind: 'municipality', channel: 'manual', manualInstructions: 'Ring' })
    ).json().id as string;
    expect((await steps()).recipients).toBe(false);
    await call(t, a.admin.cookie, 'POST', '/api/routing-rules', { categoryId: dumping, recipientId: recipient });
    await routePending(t.ctx);
    expect((await steps()).recipients).toBe(true);
    expect((await call(t, a.admin.cookie, 'GET', '/api/first-day')).json().unsent).toBe(0);

    // A coordinator gets the count without the admin's steps; a volunteer gets nothing.
    const coordinator = await addMember(t, a.associationId, ['coordinator']);
    expect((await call(t, coordinator.cookie, 'GET', '/api/first-day')).json()).toEqual({ steps: [], unsent: 0 });
    expect((await call(t, volunteer.cookie, 'GET', '/api/first-day')).statusCode).toBe(403);
  });
});
