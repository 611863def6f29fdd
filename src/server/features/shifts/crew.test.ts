import { afterEach, describe, expect, it } from 'vitest';
import { type TestApp, type TestAssociation, withTestAssociation, addMember } from '../../../../test/app.js';
import { addCar, addCrewMember, addShift, call, daysFromNow } from '../../../../test/shifts.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});
const realClock = () => new Date();
afterEach(() => {
  t.ctx.clock.now = realClock;
});

const signUp = (cookie: string, shiftId: string, body: object = {}) => call(t, cookie, 'POST', `/api/shifts/${shiftId}/signup`, body);
const outboxTo = (email: string) => t.ctx.db.selectFrom('mail_outbox').select(['subject', 'text_body']).where('to_address', '=', email).execute();

describe('signing up', () => {
  it('fills a crew with a driver and a leader, keeps the last seat for a missing role, then refuses or queues', async () => {
    const car = await addCar(t, a.admin.cookie);
    const shift = await addShift(t, a.admin.cookie, car, daysFromNow(10), '09:00', '13:00', { crewMin: 2, crewMax: 3 });
    const [p1, p2, p3, driver, p5] = await Promise.all([
      addCrewMember(t, a.associationId, { leader: true }),
      addCrewMember(t, a.associationId),
      addCrewMember(t, a.associationId),
      addCrewMember(t, a.associationId, { driver: true }),
      addCrewMember(t, a.associationId),
    ]);
    expect((await signUp(p1.cookie, shift.id, { asLeader: true })).json()).toMatchObject({ place: 'crew', shift: { staffing: 'short', mine: 'crew' } });
    expect((await signUp(p2.cookie, shift.id)).statusCode).toBe(200);
    // One seat left and no driver yet: it is kept for a driver.
    const reserved = await signUp(p3.cookie, shift.id);
    expect(reserved.statusCode).toBe(409);
    expect(reserved.json().code).toBe('seat_reserved');
    // Driving needs the role and a checked licence.
    expect((await signUp(p3.cookie, shift.id, { asDriver: true })).json().code).toBe('not_qualified');
    const full = await signUp(driver.cookie, shift.id, { asDriver: true });
    expect(full.json()).toMatchObject({ place: 'crew', shift: { staffing: 'staffed' } });
    const refused = await signUp(p5.cookie, shift.id);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'shift_full', title: expect.stringContaining('ställa dig i kö') });
    expect((await signUp(p5.cookie, shift.id, { waitingList: true })).json()).toMatchObject({ place: 'waiting', shift: { mine: 'waiting' } });
    // A withdrawal well before the deadline lets the first in the queue in, who is told by e-mail.
    const left = await call(t, p2.cookie, 'POST', `/api/shifts/${shift.id}/withdraw`);
    expect(left.json().crew.map((c: { memberId: string }) => c.memberId)).toEqual([p1.memberId, driver.memberId, p5.memberId]);
    expect((await outboxTo(p5.email)).map((m) => m.subject)).toEqual([expect.stringContaining('fått en plats')]);
  });

  it('refuses overlapping shifts for one person, and counts a member’s own weekly maximum', async () => {
    const [carA, carB, carC] = [await addCar(t, a.admin.cookie), await addCar(t, a.admin.cookie), await addCar(t, a.admin.cookie)];
    const day = daysFromNow(12);
    const morning = await addShift(t, a.admin.cookie, carA, day, '09:00', '13:00');
    const overlapping = await addShift(t, a.admin.cookie, carB, day, '12:00', '16:00');
    const later = await addShift(t, a.admin.cookie, carC, day, '13:00', '17:00');
    const m = await addCrewMember(t, a.associationId);
    await call(t, m.cookie, 'PATCH', '/api/me', { maxShiftsPerWeek: 1 });
    expect((await signUp(m.cookie, morning.id)).statusCode).toBe(200);
    expect((await signUp(m.cookie, overlapping.id)).json().code).toBe('overlapping_shift');
    expect((await signUp(m.cookie, later.id)).json().code).toBe('weekly_max_reached');
    await call(t, m.cookie, 'PATCH', '/api/me', { maxShiftsPerWeek: null });
    expect((await signUp(m.cookie, later.id)).statusCode).toBe(200);
  });

  it('closes sign-up before the start; a late withdrawal is allowed but tells the coordinators', async () => {
    const car = await addCar(t, a.admin.cookie);
    const shift = await addShift(t, a.admin.cookie, car, daysFromNow(5));
    const m = await addCrewMember(t, a.associationId);
    expect((await signUp(m.cookie, shift.id)).statusCode).toBe(200);
    // One hour before the start: sign-up has closed (default two hours), withdrawal is late (default 48 hours).
    t.ctx.clock.now = () => new Date(Date.parse(shift.startsAt) - 3_600_000);
    const late = await addCrewMember(t, a.associationId);
    const closed = await signUp(late.cookie, shift.id);
    expect(closed.statusCode).toBe(409);
    expect(closed.json().code).toBe('signup_closed');
    expect((await call(t, m.cookie, 'POST', `/api/shifts/${shift.id}/withdraw`)).statusCode).toBe(200);
    const toCoordinator = await outboxTo(a.admin.email);
    expect(toCoordinator.some((x) => x.subject.startsWith('Sen avanmälan'))).toBe(true);
    // A coordinator may still assign, with a reason, and the override is in the audit log.
    const noReason = await call(t, a.admin.cookie, 'POST', `/api/shifts/${shift.id}/crew`, { memberId: late.memberId });
    expect(noReason.json().code).toBe('signup_closed');
    const assigned = await call(t, a.admin.cookie, 'POST', `/api/shifts/${shift.id}/crew`, { memberId: late.memberId, reason: 'Ringde in i sista stund' });
    expect(assigned.json().crew).toHaveLength(1);
    const audit = (await call(t, a.admin.cookie, 'GET', `/api/audit?entityId=${shift.id}`)).json();
    expect(audit[0]).toMatchObject({ action: 'shift.assign', after: { overridden: ['signup_closed'], reason: 'Ringde in i sista stund' } });
  });

  it('coordinators swap and remove with a reason; volunteers may not', async () => {
    const car = await addCar(t, a.admin.cookie);
    const shift = await addShift(t, a.admin.cookie, car, daysFromNow(9));
    const [x, y] = [await addCrewMember(t, a.associationId, { driver: true }), await addCrewMember(t, a.associationId, { driver: true })];
    await signUp(x.cookie, shift.id, { asDriver: true });
    expect((await call(t, x.cookie, 'POST', `/api/shifts/${shift.id}/swap`, { outMemberId: x.memberId, inMemberId: y.memberId })).statusCode).toBe(403);
    const swapped = await call(t, a.admin.cookie, 'POST', `/api/shifts/${shift.id}/swap`, { outMemberId: x.memberId, inMemberId: y.memberId });
    expect(swapped.json().crew).toEqual([expect.objectContaining({ memberId: y.memberId, asDriver: true })]);
    const removed = await call(t, a.admin.cookie, 'POST', `/api/shifts/${shift.id}/crew/${y.memberId}/remove`, { reason: 'Sjuk' });
    expect(removed.json().crew).toEqual([]);
    expect((await call(t, a.admin.cookie, 'POST', `/api/shifts/${shift.id}/crew/${y.memberId}/remove`, { reason: 'Sjuk' })).json().code).toBe('not_in_crew');
  });

  it('cancelling tells the crew and stops sign-ups; partners cannot see shifts', async () => {
    const car = await addCar(t, a.admin.cookie);
    const shift = await addShift(t, a.admin.cookie, car, daysFromNow(8));
    const m = await addCrewMember(t, a.associationId);
    await signUp(m.cookie, shift.id);
    const cancelled = await call(t, a.admin.cookie, 'POST', `/api/shifts/${shift.id}/cancel`, { reason: 'Bilen på verkstad' });
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', staffing: 'cancelled', cancelReason: 'Bilen på verkstad' });
    expect((await outboxTo(m.email)).some((x) => x.text_body.includes('Bilen på verkstad'))).toBe(true);
    const other = await addCrewMember(t, a.associationId);
    expect((await signUp(other.cookie, shift.id)).json().code).toBe('shift_not_open');
    const partner = await addMember(t, a.associationId, [], { kind: 'partner', partnerOrganisationId: null });
    expect((await call(t, partner.cookie, 'GET', `/api/shifts/${shift.id}`)).statusCode).toBe(403);
  });

  it('refuses a one-off shift that ends before it starts, or on a car already busy', async () => {
    const car = await addCar(t, a.admin.cookie);
    const day = daysFromNow(20);
    const backwards = await call(t, a.admin.cookie, 'POST', '/api/shifts', {
      vehicleId: car,
      startDate: day,
      startTime: '13:00',
      endDate: day,
      endTime: '09:00',
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors).toEqual([{ field: 'endTime', message: 'The end must be after the start (or mark that the shift ends the next day).' }]);
    await addShift(t, a.admin.cookie, car, day, '09:00', '13:00');
    const busy = await call(t, a.admin.cookie, 'POST', '/api/shifts', { vehicleId: car, startDate: day, startTime: '12:00', endDate: day, endTime: '14:00' });
    expect(busy.statusCode).toBe(409);
    expect(busy.json().code).toBe('vehicle_busy');
  });
});

describe('the last seat', () => {
  it('goes to exactly one of two members asking at the same moment', async () => {
    const car = await addCar(t, a.admin.cookie);
    const shift = await addShift(t, a.admin.cookie, car, daysFromNow(15), '09:00', '13:00', { crewMin: 1, crewMax: 2 });
    const leaderDriver = await addMember(t, a.associationId, ['volunteer', 'driver', 'shift_leader'], {
      qualifications: [{ kind: 'driving_licence_checked', achievedOn: '2020-01-01' }],
    });
    await signUp(leaderDriver.cookie, shift.id, { asDriver: true, asLeader: true });
    const rivals = await Promise.all([1, 2, 3, 4].map(() => addCrewMember(t, a.associationId)));
    const results = await Promise.all(rivals.map((r) => signUp(r.cookie, shift.id)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 409, 409, 409]);
    for (const r of results.filter((x) => x.statusCode === 409)) expect(r.json().code).toBe('shift_full');
    const crew = (await call(t, a.admin.cookie, 'GET', `/api/shifts/${shift.id}`)).json().crew;
    expect(crew).toHaveLength(2);
  });
});

describe('a deactivated member', () => {
  it('leaves the shifts still to come, and the waiting list fills the seat', async () => {
    const car = await addCar(t, a.admin.cookie);
    const shift = await addShift(t, a.admin.cookie, car, daysFromNow(11), '09:00', '13:00', { crewMin: 1, crewMax: 1 });
    const both = await addMember(t, a.associationId, ['volunteer', 'driver', 'shift_leader'], {
      qualifications: [{ kind: 'driving_licence_checked', achievedOn: '2020-01-01' }],
    });
    const next = await addMember(t, a.associationId, ['volunteer', 'driver', 'shift_leader'], {
      qualifications: [{ kind: 'driving_licence_checked', achievedOn: '2020-01-01' }],
    });
    await signUp(both.cookie, shift.id, { asDriver: true, asLeader: true });
    await signUp(next.cookie, shift.id, { asDriver: true, asLeader: true, waitingList: true });
    expect((await call(t, a.admin.cookie, 'POST', `/api/members/${both.memberId}/deactivate`)).statusCode).toBe(200);
    const after = (await call(t, a.admin.cookie, 'GET', `/api/shifts/${shift.id}`)).json();
    expect(after.crew.map((c: { memberId: string }) => c.memberId)).toEqual([next.memberId]);
    expect(after.waiting).toEqual([]);
  });
});
