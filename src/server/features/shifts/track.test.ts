import { describe, expect, it } from 'vitest';
import { addMember, type TestApp, type TestAssociation, withTestAssociation } from '../../../../test/app.js';
import { addCar, addCrewMember, addShift, call } from '../../../../test/shifts.js';
import { newId } from '../../platform/db/ids.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});

describe('the route driven', () => {
  it('is stored by segment under the phone’s id, once, compactly, and read back by the crew and coordinators only', async () => {
    const car = await addCar(t, a.admin.cookie);
    const shift = await addShift(t, a.admin.cookie, car, '2027-05-10', '09:00', '13:00', { crewMin: 1 });
    const crew = await addCrewMember(t, a.associationId);
    await call(t, a.admin.cookie, 'POST', `/api/shifts/${shift.id}/crew`, { memberId: crew.memberId, reason: 'Test' });
    t.ctx.clock.now = () => new Date('2027-05-10T10:00:00Z');
    const start = Date.parse(shift.startsAt);
    const points = Array.from({ length: 40 }, (_, i) => ({
      t: new Date(start + i * 30_000).toISOString(),
      lat: 59.2366 + i * 0.0004,
      lng: 17.9818 - i * 0.0005,
    }));
    const id = newId();
    const first = await call(t, crew.cookie, 'PUT', `/api/shifts/${shift.id}/track/${id}`, { points });
    expect(first.statusCode, first.body).toBe(201);
    expect((await call(t, crew.cookie, 'PUT', `/api/shifts/${shift.id}/track/${id}`, { points })).statusCode).toBe(200);
    expect((await call(t, crew.cookie, 'PUT', `/api/shifts/${shift.id}/track/${id}`, { points: points.slice(1) })).statusCode).toBe(409);
    const row = await t.ctx.db.selectFrom('track_segments').select(['point_count', 'polyline']).where('id', '=', id).executeTakeFirstOrThrow();
    expect(row.point_count).toBe(40);
    expect(row.polyline.length).toBeLessThan(40 * 10);

    const back = (await call(t, a.admin.cookie, 'GET', `/api/shifts/${shift.id}/track`)).json();
    expect(back.segments).toHaveLength(1);
    back.segments[0].points.forEach((p: { t: string; lat: number; lng: number }, i: number) => {
      expect(p.t).toBe(points[i]!.t);
      expect(Math.abs(p.lat - points[i]!.lat)).toBeLessThan(1e-5);
    });
    // Not in the crew: no route, neither to send nor to read.
    const outsider = await addCrewMember(t, a.associationId);
    expect((await call(t, outsider.cookie, 'GET', `/api/shifts/${shift.id}/track`)).statusCode).toBe(403);
    expect((await call(t, outsider.cookie, 'PUT', `/api/shifts/${shift.id}/track/${newId()}`, { points })).statusCode).toBe(403);
    const partner = await addMember(t, a.associationId, [], { kind: 'partner', partnerOrganisationId: null });
    expect((await call(t, partner.cookie, 'GET', `/api/shifts/${shift.id}/track`)).statusCode).toBe(403);
    t.ctx.clock.now = () => new Date();
  });

  it('refuses positions outside the shift’s time, out of order, or too many', async () => {
    const car = await addCar(t, a.admin.cookie);
    const shift = await addShift(t, a.admin.cookie, car, '2027-05-11', '09:00', '13:00', { crewMin: 1 });
    t.ctx.clock.now = () => new Date('2027-05-11T12:00:00Z');
    const at = (ms: number) => new Date(Date.parse(shift.startsAt) + ms).toISOString();
    const early = await call(t, a.admin.cookie, 'PUT', `/api/shifts/${shift.id}/track/${newId()}`, {
      points: [{ t: at(-3 * 3_600_000), lat: 59.2, lng: 17.9 }],
    });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors[0].field).toBe('points');
    const backwards = await call(t, a.admin.cookie, 'PUT', `/api/shifts/${shift.id}/track/${newId()}`, {
      points: [
        { t: at(60_000), lat: 59.2, lng: 17.9 },
        { t: at(0), lat: 59.2, lng: 17.9 },
      ],
    });
    expect(backwards.statusCode).toBe(400);
    const many = Array.from({ length: 501 }, (_, i) => ({ t: at(i * 1000), lat: 59.2, lng: 17.9 }));
    expect((await call(t, a.admin.cookie, 'PUT', `/api/shifts/${shift.id}/track/${newId()}`, { points: many })).statusCode).toBe(400);
    t.ctx.clock.now = () => new Date();
  });
});
