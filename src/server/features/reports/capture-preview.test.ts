/**
 * A capture without GPS and before saving: a volunteer finds the place by an
 * area's name or an address crews have reported before, sees who the
 * observation will go to and what is already reported nearby. Partners cannot
 * ask; the search takes words, not wildcards.
 */
import { describe, expect, it } from 'vitest';
import { addMember, type TestApp, type TestAssociation, type TestMember, withTestAssociation } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { newId } from '../../platform/db/ids.js';
import { districtPolygon } from '../../demo/huddinge.js';
import { routePending } from './routing-sweep.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});

const STUVSTA = { lat: 59.253, lng: 17.994 };

async function setUp() {
  const volunteer = await addMember(t, a.associationId, ['volunteer']);
  const categories = (await call(t, a.admin.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[];
  const dumping = categories.find((c) => c.code === 'dumping')!.id;
  await call(t, a.admin.cookie, 'POST', '/api/areas', { name: 'Stuvsta', geometry: districtPolygon(STUVSTA.lat, STUVSTA.lng) });
  return { volunteer, dumping };
}

const preview = (m: TestMember, categoryId: string, urgency: string, at = STUVSTA) =>
  call(t, m.cookie, 'GET', `/api/capture-preview?categoryId=${categoryId}&urgency=${urgency}&lat=${at.lat}&lng=${at.lng}`);

describe('capture help', () => {
  it('finds a place by an area or an address seen before, and says who it goes to and what is reported nearby', async () => {
    const { volunteer, dumping } = await setUp();

    // Nothing is set up yet: the screen can say that no recipient is chosen.
    expect((await preview(volunteer, dumping, 'needs_action')).json()).toEqual({ routed: true, recipients: [], nearby: [] });

    const kommunen = (
      await call(t, a.admin.cookie, 'POST', '/api/recipients', { name: 'Huddinge kommun', kind: 'municipality', channel: 'manual', manualInstructions: 'Ring' })
    ).json().id as string;
    await call(t, a.admin.cookie, 'POST', '/api/routing-rules', { categoryId: dumping, recipientId: kommunen });
    expect((await preview(volunteer, dumping, 'needs_action')).json()).toMatchObject({ routed: true, recipients: ['Huddinge kommun'], nearby: [] });
    // A note stays with the association.
    expect((await preview(volunteer, dumping, 'note')).json()).toMatchObject({ routed: false, recipients: [] });

    // Another crew reports dumping at an address; it is routed.
    const res = await call(t, volunteer.cookie, 'PUT', `/api/observations/${newId()}`, {
      categoryId: dumping,
      urgency: 'needs_action',
      lat: STUVSTA.lat,
      lng: STUVSTA.lng,
      address: 'Stuvstavägen 12, Stuvsta',
      observedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(res.statusCode).toBe(201);
    await routePending(t.ctx);

    const thirtyMetresAway = { lat: STUVSTA.lat + 0.00027, lng: STUVSTA.lng };
    const { nearby } = (await preview(volunteer, dumping, 'needs_action', thirtyMetresAway)).json() as { nearby: { distanceM: number; recipient: string }[] };
    expect(nearby).toHaveLength(1);
    expect(nearby[0]!.recipient).toBe('Huddinge kommun');
    expect(nearby[0]!.distanceM).toBeGreaterThan(25);
    expect(nearby[0]!.distanceM).toBeLessThan(35);
    expect(JSON.stringify(nearby)).not.toContain(volunteer.memberId);

    const places = async (q: string) =>
      (await call(t, volunteer.cookie, 'GET', `/api/places?q=${encodeURIComponent(q)}`)).json() as { label: string; source: string; lat: number }[];
    const byName = await places('stuvsta');
    expect(byName.map((p) => [p.label, p.source])).toEqual([
      ['Stuvsta', 'area'],
      ['Stuvstavägen 12, Stuvsta', 'seen'],
    ]);
    expect(byName[0]!.lat).toBeCloseTo(STUVSTA.lat, 2);
    expect(await places('vägen 12')).toHaveLength(1);
    // LIKE's wildcards are words here, not patterns that match everything.
    expect(await places('%%')).toEqual([]);
    expect(await places('__')).toEqual([]);
  });

  it('refuses a search too short to mean anything, and partners', async () => {
    const { dumping } = await setUp();
    const short = await call(t, a.admin.cookie, 'GET', '/api/places?q=a');
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('querystring.q');
    const partner = await addMember(t, a.associationId, [], { kind: 'partner' });
    expect((await call(t, partner.cookie, 'GET', '/api/places?q=Stuvsta')).statusCode).toBe(403);
    expect((await preview(partner, dumping, 'needs_action')).statusCode).toBe(403);
  });
});
