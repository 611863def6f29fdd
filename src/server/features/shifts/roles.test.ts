/**
 * The role wall for every shift, driving-log, hours and calendar route: who is
 * refused (403) and who gets through. Partners (police, municipality) never
 * reach shift data; volunteers plan nothing but their own seat.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type TestApp, type TestAssociation, type TestMember, withTestAssociation } from '../../../../test/app.js';
import { addCar, addShift, call, daysFromNow } from '../../../../test/shifts.js';
import { newId } from '../../platform/db/ids.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});
const ids: Record<string, string> = {};
let volunteer: TestMember;
let partner: TestMember;
beforeAll(async () => {
  ids.car = await addCar(t, a.admin.cookie);
  ids.shift = (await addShift(t, a.admin.cookie, ids.car, daysFromNow(30))).id;
  ids.template = (
    await call(t, a.admin.cookie, 'POST', '/api/shift-templates', {
      vehicleId: ids.car,
      name: 'T',
      weekdays: [1],
      startTime: '18:00',
      endTime: '22:00',
      validFrom: '2027-01-01',
    })
  ).json().id;
  volunteer = await addMember(t, a.associationId, ['volunteer']);
  partner = await addMember(t, a.associationId, [], { kind: 'partner', partnerOrganisationId: null });
});

type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
interface Case {
  method: Method;
  url: () => string;
  body?: () => object;
  /** Whether a plain volunteer is let through (to the rules behind the door). */
  volunteer: boolean;
}
const template = () => ({ vehicleId: ids.car, name: 'X', weekdays: [2], startTime: '18:00', endTime: '22:00', validFrom: '2027-01-01' });
const cases: Case[] = [
  { method: 'GET', url: () => '/api/shift-templates', volunteer: true },
  { method: 'POST', url: () => '/api/shift-templates', body: template, volunteer: false },
  { method: 'PUT', url: () => `/api/shift-templates/${ids.template}`, body: template, volunteer: false },
  { method: 'DELETE', url: () => `/api/shift-templates/${ids.template}`, volunteer: false },
  { method: 'POST', url: () => '/api/shifts/generate', body: () => ({ from: '2027-01-01', to: '2027-01-02' }), volunteer: false },
  { method: 'GET', url: () => `/api/staffing-board?from=${daysFromNow(0)}&to=${daysFromNow(6)}`, volunteer: true },
  { method: 'GET', url: () => `/api/shifts?from=${daysFromNow(0)}&to=${daysFromNow(40)}`, volunteer: true },
  {
    method: 'POST',
    url: () => '/api/shifts',
    body: () => ({ vehicleId: ids.car, startDate: daysFromNow(31), startTime: '09:00', endDate: daysFromNow(31), endTime: '10:00' }),
    volunteer: false,
  },
  { method: 'GET', url: () => `/api/shifts/${ids.shift}`, volunteer: true },
  {
    method: 'PUT',
    url: () => `/api/shifts/${ids.shift}`,
    body: () => ({
      startDate: daysFromNow(30),
      startTime: '09:00',
      endDate: daysFromNow(30),
      endTime: '13:00',
      crewMin: 2,
      crewMax: 3,
      areaId: null,
      note: null,
    }),
    volunteer: false,
  },
  { method: 'POST', url: () => `/api/shifts/${ids.shift}/cancel`, body: () => ({ reason: 'Prov' }), volunteer: false },
  { method: 'POST', url: () => `/api/shifts/${ids.shift}/signup`, body: () => ({}), volunteer: true },
  { method: 'POST', url: () => `/api/shifts/${ids.shift}/withdraw`, volunteer: true },
  { method: 'POST', url: () => `/api/shifts/${ids.shift}/crew`, body: () => ({ memberId: a.admin.memberId }), volunteer: false },
  { method: 'POST', url: () => `/api/shifts/${ids.shift}/crew/${a.admin.memberId}/remove`, body: () => ({ reason: 'Prov' }), volunteer: false },
  {
    method: 'POST',
    url: () => `/api/shifts/${ids.shift}/swap`,
    body: () => ({ outMemberId: a.admin.memberId, inMemberId: volunteer.memberId }),
    volunteer: false,
  },
  {
    method: 'POST',
    url: () => `/api/shifts/${ids.shift}/check-in`,
    body: () => ({ presentMemberIds: [volunteer.memberId], driverMemberId: volunteer.memberId, odometerStartKm: 1 }),
    volunteer: false,
  },
  { method: 'POST', url: () => `/api/shifts/${ids.shift}/check-out`, body: () => ({ odometerEndKm: 2, nothingToReport: true }), volunteer: false },
  { method: 'PATCH', url: () => `/api/shifts/${ids.shift}/run`, body: () => ({ reason: 'Prov', odometerEndKm: 3 }), volunteer: false },
  {
    method: 'PUT',
    url: () => `/api/shifts/${ids.shift}/track/${newId()}`,
    body: () => ({ points: [{ t: new Date().toISOString(), lat: 59.2, lng: 17.9 }] }),
    volunteer: false,
  },
  { method: 'GET', url: () => `/api/shifts/${ids.shift}/track`, volunteer: false },
  { method: 'GET', url: () => `/api/vehicles/${ids.car}/driving-log?year=2027`, volunteer: true },
  { method: 'GET', url: () => `/api/vehicles/${ids.car}/driving-log.csv?year=2027`, volunteer: true },
  { method: 'GET', url: () => `/api/vehicles/${ids.car}/driving-log.pdf?year=2027`, volunteer: true },
  { method: 'GET', url: () => '/api/hours?from=2027-01-01&to=2027-12-31', volunteer: true },
  { method: 'GET', url: () => '/api/calendar-feeds', volunteer: true },
  { method: 'POST', url: () => '/api/calendar-feeds', body: () => ({}), volunteer: true },
  { method: 'DELETE', url: () => `/api/calendar-feeds/${ids.shift}`, volunteer: true },
];

describe('role wall for shifts', () => {
  it('covers every shift, driving-log, hours and calendar route', () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const mine = Object.entries(doc.paths)
      // A shift's re-checks are action items: their role wall is in reports/roles.test.ts.
      .filter(([p]) => /^\/api\/(shift|staffing|hours|calendar)|driving-log/.test(p) && !p.endsWith('/rechecks'))
      .flatMap(([, ops]) => Object.keys(ops));
    expect(mine.length).toBe(cases.length);
  });

  it.each(cases)('$method $url: volunteer through = $volunteer, partner refused', async (c) => {
    const send = (m: TestMember) => call(t, m.cookie, c.method, c.url(), c.body?.());
    const v = await send(volunteer);
    if (c.volunteer) expect(v.statusCode, v.body).not.toBe(403);
    else expect(v.statusCode, v.body).toBe(403);
    expect((await send(partner)).statusCode).toBe(403);
  });
});
