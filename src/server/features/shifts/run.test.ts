import { execFileSync } from 'node:child_process';
import { afterEach, describe, expect, it } from 'vitest';
import { type TestApp, type TestAssociation, withTestAssociation } from '../../../../test/app.js';
import { addCar, addCrewMember, addShift, call, daysFromNow } from '../../../../test/shifts.js';
import { uuidv7 } from '../../../shared/domain/ids.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});
afterEach(() => {
  t.ctx.clock.now = () => new Date();
});
const at = (iso: string, minutes = 0) => {
  t.ctx.clock.now = () => new Date(Date.parse(iso) + minutes * 60_000);
};

/** A shift with a leader and a driver signed up. */
async function crewedShift(date = daysFromNow(3)) {
  const car = await addCar(t, a.admin.cookie);
  const shift = await addShift(t, a.admin.cookie, car, date, '09:00', '13:00', { crewMin: 2 });
  const leader = await addCrewMember(t, a.associationId, { leader: true });
  const driver = await addCrewMember(t, a.associationId, { driver: true });
  await call(t, leader.cookie, 'POST', `/api/shifts/${shift.id}/signup`, { asLeader: true });
  await call(t, driver.cookie, 'POST', `/api/shifts/${shift.id}/signup`, { asDriver: true });
  return { car, shift, leader, driver };
}

describe('running a shift', () => {
  it('the leader checks in and out; the driving log and the hours show the trip; the car’s odometer follows', async () => {
    const { car, shift, leader, driver } = await crewedShift();
    at(shift.startsAt, -5);
    // The driver (not a leader) may not check in.
    expect(
      (
        await call(t, driver.cookie, 'POST', `/api/shifts/${shift.id}/check-in`, {
          presentMemberIds: [driver.memberId],
          driverMemberId: driver.memberId,
          odometerStartKm: 50_000,
        })
      ).statusCode,
    ).toBe(403);
    const inRes = await call(t, leader.cookie, 'POST', `/api/shifts/${shift.id}/check-in`, {
      presentMemberIds: [leader.memberId, driver.memberId],
      driverMemberId: driver.memberId,
      odometerStartKm: 50_000,
      startPlace: 'Huddinge centrum',
      briefingNote: 'Inbrott i förråd på Storängen',
    });
    expect(inRes.statusCode, inRes.body).toBe(200);
    expect(inRes.json()).toMatchObject({ status: 'in_progress', run: { odometerStartKm: 50_000, briefingNote: 'Inbrott i förråd på Storängen' } });
    at(shift.endsAt, -2);
    const below = await call(t, leader.cookie, 'POST', `/api/shifts/${shift.id}/check-out`, { odometerEndKm: 49_999, nothingToReport: true });
    expect(below.statusCode).toBe(400);
    expect(below.json().errors).toEqual([{ field: 'odometerEndKm', message: 'Mätarställningen vid slut kan inte vara lägre än vid start.' }]);
    const noSummary = await call(t, leader.cookie, 'POST', `/api/shifts/${shift.id}/check-out`, { odometerEndKm: 50_042 });
    expect(noSummary.json().errors[0].field).toBe('summary');
    expect((await call(t, leader.cookie, 'GET', `/api/shifts/${shift.id}`)).json().status).toBe('in_progress');
    const out = await call(t, leader.cookie, 'POST', `/api/shifts/${shift.id}/check-out`, {
      odometerEndKm: 50_042,
      endPlace: 'Huddinge centrum',
      nothingToReport: true,
    });
    expect(out.json()).toMatchObject({ status: 'closed', run: { odometerEndKm: 50_042, nothingToReport: true } });
    expect((await call(t, leader.cookie, 'GET', `/api/vehicles/${car}`)).json().odometerKm).toBe(50_042);

    const year = Number(shift.startsAt.slice(0, 4));
    const log = (await call(t, leader.cookie, 'GET', `/api/vehicles/${car}/driving-log?year=${year}`)).json();
    expect(log).toMatchObject({ odometerAtStartKm: 50_000, odometerAtEndKm: 50_042, totalKm: 42 });
    expect(log.trips[0]).toMatchObject({ km: 42, startPlace: 'Huddinge centrum', driverName: 'Test volunteer driver', flags: [] });

    const day = shift.startsAt.slice(0, 10);
    const mine = (await call(t, driver.cookie, 'GET', `/api/hours?from=${day}&to=${day}`)).json();
    expect(mine.members).toEqual([{ memberId: driver.memberId, name: 'Test volunteer driver', shifts: 1, minutes: 243 }]);
    const all = (await call(t, a.admin.cookie, 'GET', `/api/hours?from=${day}&to=${day}`)).json();
    expect(all.members).toHaveLength(2);
    expect(all.vehicles.find((v: { vehicleId: string }) => v.vehicleId === car).months).toEqual([
      { month: day.slice(0, 7), km: 42, planned: 1, run: 1, cancelled: 0 },
    ]);
  });

  it('flags a shift not checked in by start plus the grace time, and coordinators correct a run with a reason', async () => {
    const { shift, leader, driver } = await crewedShift(daysFromNow(4));
    at(shift.startsAt, 20);
    expect((await call(t, leader.cookie, 'GET', `/api/shifts/${shift.id}`)).json().missedCheckIn).toBe(false);
    at(shift.startsAt, 31);
    expect((await call(t, leader.cookie, 'GET', `/api/shifts/${shift.id}`)).json().missedCheckIn).toBe(true);
    await call(t, leader.cookie, 'POST', `/api/shifts/${shift.id}/check-in`, {
      presentMemberIds: [leader.memberId, driver.memberId],
      driverMemberId: driver.memberId,
      odometerStartKm: 60_000,
    });
    at(shift.endsAt);
    await call(t, leader.cookie, 'POST', `/api/shifts/${shift.id}/check-out`, { odometerEndKm: 60_030, summary: 'Klotter vid pendeltåget' });
    expect((await call(t, leader.cookie, 'PATCH', `/api/shifts/${shift.id}/run`, { reason: 'Fel siffra', odometerEndKm: 60_035 })).statusCode).toBe(403);
    const bad = await call(t, a.admin.cookie, 'PATCH', `/api/shifts/${shift.id}/run`, { reason: 'Fel siffra', odometerEndKm: 59_000 });
    expect(bad.statusCode).toBe(400);
    const fixed = await call(t, a.admin.cookie, 'PATCH', `/api/shifts/${shift.id}/run`, { reason: 'Fel siffra', odometerEndKm: 60_035 });
    expect(fixed.json().run.odometerEndKm).toBe(60_035);
    const audit = (await call(t, a.admin.cookie, 'GET', `/api/audit?entityId=${shift.id}`)).json();
    expect(audit[0]).toMatchObject({ action: 'shift.correct', before: { odometer_end_km: 60_030 }, after: { odometer_end_km: 60_035, reason: 'Fel siffra' } });
  });

  it('refuses check-in long before the start, by someone outside the crew, or with an unqualified driver', async () => {
    const { shift, leader } = await crewedShift(daysFromNow(6));
    at(shift.startsAt, -120);
    expect(
      (
        await call(t, leader.cookie, 'POST', `/api/shifts/${shift.id}/check-in`, {
          presentMemberIds: [leader.memberId],
          driverMemberId: leader.memberId,
          odometerStartKm: 1,
        })
      ).statusCode,
    ).toBe(409);
    at(shift.startsAt);
    const unqualified = await call(t, leader.cookie, 'POST', `/api/shifts/${shift.id}/check-in`, {
      presentMemberIds: [leader.memberId],
      driverMemberId: leader.memberId,
      odometerStartKm: 1,
    });
    expect(unqualified.json().errors).toEqual([expect.objectContaining({ field: 'driverMemberId' })]);
    const stranger = await addCrewMember(t, a.associationId, { leader: true });
    expect(
      (
        await call(t, stranger.cookie, 'POST', `/api/shifts/${shift.id}/check-in`, {
          presentMemberIds: [leader.memberId],
          driverMemberId: leader.memberId,
          odometerStartKm: 1,
        })
      ).statusCode,
    ).toBe(403);
  });
});

describe('captures during a running shift', () => {
  it('belong to the shift the member is out on, though the capture does not say so; before check-in or after check-out they do not', async () => {
    const { shift, leader, driver } = await crewedShift(daysFromNow(4));
    const categoryId = ((await call(t, driver.cookie, 'GET', '/api/observation-categories')).json() as { id: string }[])[0]!.id;
    const capture = async (minutesIntoShift: number) => {
      at(shift.startsAt, minutesIntoShift);
      const res = await call(t, driver.cookie, 'PUT', `/api/observations/${uuidv7()}`, {
        categoryId,
        urgency: 'note',
        lat: 59.22,
        lng: 17.95,
        observedAt: new Date(Date.parse(shift.startsAt) + (minutesIntoShift - 1) * 60_000).toISOString(),
      });
      expect(res.statusCode, res.body).toBe(201);
      return res.json() as { shiftId: string | null; vehicleId: string | null };
    };
    expect((await capture(-30)).shiftId).toBeNull();
    at(shift.startsAt, -5);
    await call(t, leader.cookie, 'POST', `/api/shifts/${shift.id}/check-in`, {
      presentMemberIds: [leader.memberId, driver.memberId],
      driverMemberId: driver.memberId,
      odometerStartKm: 10_000,
    });
    const during = await capture(60);
    expect(during).toMatchObject({ shiftId: shift.id, vehicleId: shift.vehicleId });
    at(shift.endsAt, -1);
    await call(t, leader.cookie, 'POST', `/api/shifts/${shift.id}/check-out`, { odometerEndKm: 10_030, nothingToReport: true });
    expect((await capture(300)).shiftId).toBeNull();
    const ofShift = (await call(t, a.admin.cookie, 'GET', `/api/observations?shiftId=${shift.id}`)).json().items as unknown[];
    expect(ofShift).toHaveLength(1);
  });
});

describe('the driving log', () => {
  it('flags odometer gaps and readings that go backwards, and exports the year as CSV and PDF', async () => {
    const car = await addCar(t, a.admin.cookie);
    const drive = async (date: string, start: number, end: number) => {
      const shift = await addShift(t, a.admin.cookie, car, date, '09:00', '13:00', { crewMin: 1 });
      await call(t, a.admin.cookie, 'POST', `/api/shifts/${shift.id}/crew`, { memberId: a.admin.memberId, reason: 'Samordnaren kör själv' });
      const d = await addCrewMember(t, a.associationId, { driver: true });
      // A name outside WinAnsi, as drivers here have: it must come out of the PDF as written.
      await t.ctx.db.updateTable('members').set({ name: 'Łukasz Şahin Ŋuorra' }).where('id', '=', d.memberId).execute();
      await call(t, a.admin.cookie, 'POST', `/api/shifts/${shift.id}/crew`, { memberId: d.memberId, asDriver: true, reason: 'Test' });
      at(shift.startsAt);
      const ci = await call(t, a.admin.cookie, 'POST', `/api/shifts/${shift.id}/check-in`, {
        presentMemberIds: [a.admin.memberId, d.memberId],
        driverMemberId: d.memberId,
        odometerStartKm: start,
      });
      expect(ci.statusCode, ci.body).toBe(200);
      at(shift.endsAt);
      await call(t, a.admin.cookie, 'POST', `/api/shifts/${shift.id}/check-out`, { odometerEndKm: end, summary: 'Lugnt; "inget"' });
    };
    await drive('2027-05-03', 1000, 1040);
    await drive('2027-05-04', 1100, 1130);
    await drive('2027-05-05', 1120, 1150);
    const log = (await call(t, a.admin.cookie, 'GET', `/api/vehicles/${car}/driving-log?year=2027`)).json();
    expect(log.trips.map((x: { flags: string[]; gapKm: number }) => [x.flags, x.gapKm])).toEqual([
      [[], 0],
      [['gap'], 60],
      [['backwards'], 0],
    ]);
    expect(log).toMatchObject({ odometerAtStartKm: 1000, odometerAtEndKm: 1150, totalKm: 100 });
    const csv = await call(t, a.admin.cookie, 'GET', `/api/vehicles/${car}/driving-log.csv?year=2027`);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]).toBe('Datum;Tid;Mätare start;Mätare slut;Km;Startplats;Slutplats;Ändamål;Förare;Anmärkning');
    expect(lines[2]).toContain('60 km oförklarade');
    expect(lines).toContain('Mätarställning vid årets början;1000');
    const pdf = await call(t, a.admin.cookie, 'GET', `/api/vehicles/${car}/driving-log.pdf?year=2027`);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    // Read back with poppler's pdftotext: the year's odometer readings and the flagged gap are in it.
    const text = execFileSync('pdftotext', ['-layout', '-', '-'], { input: pdf.rawPayload }).toString();
    expect(text).toContain('Körjournal 2027');
    expect(text).toMatch(/Mätarställning vid årets början: 1000 km\s+Mätarställning vid årets slut: 1150 km\s+Körda km: 100 km/);
    expect(text).toMatch(/60 km oförklarade/);
    expect(text).toContain('Łukasz Şahin Ŋuorra');
    const fonts = execFileSync('pdffonts', ['-'], { input: pdf.rawPayload }).toString().trim().split('\n').slice(2);
    for (const f of fonts) expect(f, 'every font embedded').toMatch(/\byes\s+yes\s+yes\b/);
    expect((await call(t, a.admin.cookie, 'GET', `/api/vehicles/${car}/driving-log?year=20x7`)).statusCode).toBe(400);
  });
});
