import { describe, expect, it } from 'vitest';
import { type TestApp, type TestAssociation, withTestAssociation, addMember } from '../../../../test/app.js';
import { addCar, call } from '../../../../test/shifts.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});

const weekdays = { vehicleId: '', name: 'Förmiddag', weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '13:00', validFrom: '2027-01-01' };

describe('shift templates', () => {
  it('a coordinator adds weekday templates, and a clashing one for the same car is refused', async () => {
    const car = await addCar(t, a.admin.cookie);
    const am = await call(t, a.admin.cookie, 'POST', '/api/shift-templates', { ...weekdays, vehicleId: car });
    expect(am.statusCode, am.body).toBe(201);
    expect(am.json()).toMatchObject({ weekdays: [1, 2, 3, 4, 5], crewMin: 2, crewMax: 3, endsNextDay: false });
    // Back to back is fine.
    expect(
      (
        await call(t, a.admin.cookie, 'POST', '/api/shift-templates', {
          ...weekdays,
          vehicleId: car,
          name: 'Eftermiddag',
          startTime: '13:00',
          endTime: '17:00',
        })
      ).statusCode,
    ).toBe(201);
    const clash = await call(t, a.admin.cookie, 'POST', '/api/shift-templates', {
      ...weekdays,
      vehicleId: car,
      name: 'Lunch',
      weekdays: [5],
      startTime: '12:00',
      endTime: '14:00',
    });
    expect(clash.statusCode).toBe(409);
    expect(clash.json()).toMatchObject({ code: 'template_overlap', errors: [{ field: 'startTime' }] });
    // A night shift from Sunday into Monday clashes with Monday morning only if it reaches 09:00.
    const night = await call(t, a.admin.cookie, 'POST', '/api/shift-templates', {
      ...weekdays,
      vehicleId: car,
      name: 'Natt',
      weekdays: [7],
      startTime: '22:00',
      endTime: '09:30',
      endsNextDay: true,
    });
    expect(night.statusCode).toBe(409);
    // The same times on another car are fine.
    const other = await addCar(t, a.admin.cookie);
    expect(
      (await call(t, a.admin.cookie, 'POST', '/api/shift-templates', { ...weekdays, vehicleId: other, weekdays: [5], startTime: '12:00', endTime: '14:00' }))
        .statusCode,
    ).toBe(201);
    const list = await call(t, a.admin.cookie, 'GET', '/api/shift-templates');
    expect(list.json().filter((x: { vehicleId: string }) => x.vehicleId === car)).toHaveLength(2);
  });

  it('refuses an end before the start, crew max below min, an unknown car, naming the fields', async () => {
    const res = await call(t, a.admin.cookie, 'POST', '/api/shift-templates', {
      ...weekdays,
      vehicleId: a.associationId,
      startTime: '13:00',
      endTime: '09:00',
      crewMin: 3,
      crewMax: 2,
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['crewMax', 'endTime']);
    const unknownCar = await call(t, a.admin.cookie, 'POST', '/api/shift-templates', { ...weekdays, vehicleId: a.associationId });
    expect(unknownCar.json()).toMatchObject({ errors: [{ field: 'vehicleId' }] });
  });

  it('only coordinators manage templates; volunteers see them', async () => {
    const volunteer = await addMember(t, a.associationId, ['volunteer']);
    const car = await addCar(t, a.admin.cookie);
    expect((await call(t, volunteer.cookie, 'POST', '/api/shift-templates', { ...weekdays, vehicleId: car })).statusCode).toBe(403);
    expect((await call(t, volunteer.cookie, 'GET', '/api/shift-templates')).statusCode).toBe(200);
  });
});

describe('generating shifts', () => {
  it('makes a month of weekday shifts once, however often it runs, in Swedish local time', async () => {
    const car = await addCar(t, a.admin.cookie);
    const tpl = (await call(t, a.admin.cookie, 'POST', '/api/shift-templates', { ...weekdays, vehicleId: car })).json();
    const first = await call(t, a.admin.cookie, 'POST', '/api/shifts/generate', { from: '2027-02-01', to: '2027-02-28', templateIds: [tpl.id] });
    expect(first.json()).toEqual({ created: 20, existing: 0, conflicts: [] });
    const again = await call(t, a.admin.cookie, 'POST', '/api/shifts/generate', { from: '2027-02-01', to: '2027-02-28', templateIds: [tpl.id] });
    expect(again.json()).toEqual({ created: 0, existing: 20, conflicts: [] });
    const shifts = (await call(t, a.admin.cookie, 'GET', `/api/shifts?from=2027-02-01&to=2027-02-28&vehicleId=${car}`)).json();
    expect(shifts).toHaveLength(20);
    expect(shifts[0]).toMatchObject({ startsAt: '2027-02-01T08:00:00.000Z', endsAt: '2027-02-01T12:00:00.000Z', durationMinutes: 240, staffing: 'empty' });
  });

  it('gives night shifts across a daylight-saving change their true length', async () => {
    const car = await addCar(t, a.admin.cookie);
    const night = {
      ...weekdays,
      vehicleId: car,
      name: 'Natt',
      weekdays: [6],
      startTime: '20:00',
      endTime: '04:00',
      endsNextDay: true,
      validFrom: '2027-03-01',
    };
    const tpl = (await call(t, a.admin.cookie, 'POST', '/api/shift-templates', night)).json();
    await call(t, a.admin.cookie, 'POST', '/api/shifts/generate', { from: '2027-03-20', to: '2027-11-06', templateIds: [tpl.id] });
    const byDate = async (date: string) => (await call(t, a.admin.cookie, 'GET', `/api/shifts?from=${date}&to=${date}&vehicleId=${car}`)).json()[0];
    // Saturday 27 March 2027, clocks go forward at 02:00: 7 hours.
    expect(await byDate('2027-03-27')).toMatchObject({ startsAt: '2027-03-27T19:00:00.000Z', endsAt: '2027-03-28T02:00:00.000Z', durationMinutes: 420 });
    // Saturday 30 October 2027, clocks go back at 03:00: 9 hours.
    expect(await byDate('2027-10-30')).toMatchObject({ startsAt: '2027-10-30T18:00:00.000Z', endsAt: '2027-10-31T03:00:00.000Z', durationMinutes: 540 });
    expect((await byDate('2027-03-20')).durationMinutes).toBe(480);
  });

  it('reports days where the car already has a one-off shift instead of double-booking it', async () => {
    const car = await addCar(t, a.admin.cookie);
    await call(t, a.admin.cookie, 'POST', '/api/shifts', {
      vehicleId: car,
      startDate: '2027-04-07',
      startTime: '10:00',
      endDate: '2027-04-07',
      endTime: '12:00',
    });
    const tpl = (await call(t, a.admin.cookie, 'POST', '/api/shift-templates', { ...weekdays, vehicleId: car })).json();
    const res = await call(t, a.admin.cookie, 'POST', '/api/shifts/generate', { from: '2027-04-05', to: '2027-04-09', templateIds: [tpl.id] });
    expect(res.json()).toEqual({ created: 4, existing: 0, conflicts: [{ templateId: tpl.id, date: '2027-04-07' }] });
  });
});

describe('changing and archiving a template', () => {
  it('a change applies to shifts generated afterwards; an archived template makes no more shifts, and its shifts stay', async () => {
    const car = await addCar(t, a.admin.cookie);
    const tpl = (await call(t, a.admin.cookie, 'POST', '/api/shift-templates', { ...weekdays, vehicleId: car, weekdays: [2] })).json();
    await call(t, a.admin.cookie, 'POST', '/api/shifts/generate', { from: '2027-06-01', to: '2027-06-07', templateIds: [tpl.id] });
    const changed = await call(t, a.admin.cookie, 'PUT', `/api/shift-templates/${tpl.id}`, {
      ...weekdays,
      vehicleId: car,
      weekdays: [2],
      crewMin: 1,
      crewMax: 2,
    });
    expect(changed.json()).toMatchObject({ crewMin: 1, crewMax: 2 });
    await call(t, a.admin.cookie, 'POST', '/api/shifts/generate', { from: '2027-06-08', to: '2027-06-14', templateIds: [tpl.id] });
    const june = (await call(t, a.admin.cookie, 'GET', `/api/shifts?from=2027-06-01&to=2027-06-14&vehicleId=${car}`)).json();
    expect(june.map((s: { crewMax: number }) => s.crewMax)).toEqual([3, 2]);
    const audit = (await call(t, a.admin.cookie, 'GET', `/api/audit?entityId=${tpl.id}`)).json();
    expect(audit[0]).toMatchObject({ action: 'shift_template.update', before: { crewMin: 2, crewMax: 3 }, after: { crewMin: 1, crewMax: 2 } });

    expect((await call(t, a.admin.cookie, 'DELETE', `/api/shift-templates/${tpl.id}`)).statusCode).toBe(204);
    expect((await call(t, a.admin.cookie, 'GET', '/api/shift-templates')).json().map((x: { id: string }) => x.id)).not.toContain(tpl.id);
    const gen = await call(t, a.admin.cookie, 'POST', '/api/shifts/generate', { from: '2027-06-15', to: '2027-06-21', templateIds: [tpl.id] });
    expect(gen.statusCode).toBe(400);
    expect((await call(t, a.admin.cookie, 'GET', `/api/shifts?from=2027-06-01&to=2027-06-30&vehicleId=${car}`)).json()).toHaveLength(2);
    expect((await call(t, a.admin.cookie, 'DELETE', `/api/shift-templates/${tpl.id}`)).statusCode).toBe(404);
  });
});
