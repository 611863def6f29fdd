import { describe, expect, it } from 'vitest';
import { type TestApp, type TestAssociation, withTestAssociation } from '../../../../test/app.js';
import { addCar, addCrewMember, addShift, call } from '../../../../test/shifts.js';
import { askForHelp, flagMissedCheckIns, remindCarDueDates, remindCrews, warnShiftsThatWillNotRun } from './sweeps.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});
const subjectsTo = async (email: string) =>
  (await t.ctx.db.selectFrom('mail_outbox').select('subject').where('to_address', '=', email).execute()).map((m) => m.subject);

describe('automatic staffing e-mails', () => {
  it('reminds the crew the day before, once, in the daytime only', async () => {
    const car = await addCar(t, a.admin.cookie);
    const shift = await addShift(t, a.admin.cookie, car, '2027-09-08', '09:00', '13:00');
    const m = await addCrewMember(t, a.associationId);
    await call(t, m.cookie, 'POST', `/api/shifts/${shift.id}/signup`, {});
    expect(await remindCrews(t.ctx, new Date('2027-09-07T04:00:00Z'))).toBe(0); // 06:00 local: too early
    expect(await remindCrews(t.ctx, new Date('2027-09-07T08:00:00Z'))).toBe(1);
    expect(await remindCrews(t.ctx, new Date('2027-09-07T09:00:00Z'))).toBe(0);
    expect(await subjectsTo(m.email)).toEqual([expect.stringMatching(/^Påminnelse: ditt pass i morgon – Bil \d+, onsdag 8 september 09:00–13:00$/)]);
  });

  it('asks free, qualified members to step in N days before a short shift, and warns the coordinators a day ahead', async () => {
    const car = await addCar(t, a.admin.cookie);
    const shift = await addShift(t, a.admin.cookie, car, '2027-10-20', '09:00', '13:00');
    const leader = await addCrewMember(t, a.associationId, { leader: true });
    await call(t, leader.cookie, 'POST', `/api/shifts/${shift.id}/signup`, { asLeader: true });
    const driver = await addCrewMember(t, a.associationId, { driver: true });
    const plain = await addCrewMember(t, a.associationId);
    const busyDriver = await addCrewMember(t, a.associationId, { driver: true });
    const other = await addShift(t, a.admin.cookie, await addCar(t, a.admin.cookie), '2027-10-20', '08:00', '12:00');
    await call(t, busyDriver.cookie, 'POST', `/api/shifts/${other.id}/signup`, { asDriver: true });
    // Four days ahead is outside the default three-day notice.
    expect(await askForHelp(t.ctx, new Date('2027-10-16T08:00:00Z'))).toBe(0);
    const asked = await askForHelp(t.ctx, new Date('2027-10-17T08:00:00Z'));
    expect(asked).toBeGreaterThanOrEqual(1);
    expect(await subjectsTo(driver.email)).toEqual([expect.stringContaining('Kan du hoppa in?')]);
    expect(await subjectsTo(plain.email)).toEqual([]); // the shift lacks a driver, not hands
    expect(await subjectsTo(busyDriver.email)).toEqual([]); // already on a shift at that time
    expect(await askForHelp(t.ctx, new Date('2027-10-17T09:00:00Z'))).toBe(0);

    expect(await warnShiftsThatWillNotRun(t.ctx, new Date('2027-10-18T08:00:00Z'))).toBe(0);
    expect(await warnShiftsThatWillNotRun(t.ctx, new Date('2027-10-19T08:00:00Z'))).toBeGreaterThanOrEqual(1);
    expect((await subjectsTo(a.admin.email)).some((s) => s.startsWith('Passet blir inte av'))).toBe(true);
  });

  it('warns the coordinators a day ahead when a staffed shift’s car is at the workshop', async () => {
    const car = await addCar(t, a.admin.cookie);
    const shift = await addShift(t, a.admin.cookie, car, '2027-10-27', '09:00', '13:00', { crewMin: 1 });
    const both = await addCrewMember(t, a.associationId, { driver: true, leader: true });
    await call(t, both.cookie, 'POST', `/api/shifts/${shift.id}/signup`, { asDriver: true, asLeader: true });
    expect(await warnShiftsThatWillNotRun(t.ctx, new Date('2027-10-26T10:00:00Z'))).toBe(0);
    await call(t, a.admin.cookie, 'PATCH', `/api/vehicles/${car}`, { status: 'at_workshop' });
    expect((await call(t, both.cookie, 'GET', `/api/shifts/${shift.id}`)).json()).toMatchObject({ staffing: 'staffed', vehicleInService: false });
    expect(await warnShiftsThatWillNotRun(t.ctx, new Date('2027-10-26T10:05:00Z'))).toBe(1);
  });

  it('tells the coordinators when a shift was not checked in by start plus grace', async () => {
    const car = await addCar(t, a.admin.cookie);
    await addShift(t, a.admin.cookie, car, '2027-11-03', '09:00', '13:00');
    const before = (await subjectsTo(a.admin.email)).length;
    expect(await flagMissedCheckIns(t.ctx, new Date('2027-11-03T08:20:00Z'))).toBe(0);
    expect(await flagMissedCheckIns(t.ctx, new Date('2027-11-03T08:31:00Z'))).toBe(1);
    expect(await flagMissedCheckIns(t.ctx, new Date('2027-11-03T08:40:00Z'))).toBe(0);
    expect((await subjectsTo(a.admin.email)).slice(before)).toEqual([expect.stringContaining('Inte incheckat')]);
  });

  it('reminds the coordinators 30 and 7 days before a car’s insurance is due', async () => {
    const res = await call(t, a.admin.cookie, 'POST', '/api/vehicles', { name: 'Försäkrad', registration: 'FRS 123', insuranceDueOn: '2027-03-31' });
    expect(res.statusCode).toBe(201);
    const count = async (iso: string) => remindCarDueDates(t.ctx, new Date(iso));
    expect(await count('2027-02-20T10:00:00Z')).toBe(0);
    expect(await count('2027-03-02T10:00:00Z')).toBe(1);
    expect(await count('2027-03-03T10:00:00Z')).toBe(0);
    expect(await count('2027-03-25T10:00:00Z')).toBe(1);
    expect((await subjectsTo(a.admin.email)).filter((s) => s.startsWith('Försäkrad'))).toEqual([
      'Försäkrad: Försäkring förfaller 2027-03-31',
      'Försäkrad: Försäkring förfaller 2027-03-31',
    ]);
  });
});
