import { describe, expect, it } from 'vitest';
import { addMember, type TestApp, type TestAssociation, withTestAssociation } from '../../../../test/app.js';
import { daysUntil, normalizeRegistration } from '../../../shared/domain/vehicles.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});

const add = (cookie: string, payload: object) => t.app.inject({ method: 'POST', url: '/api/vehicles', headers: { cookie, 'accept-language': 'en' }, payload });

describe('cars', () => {
  it('a coordinator adds a car with its registration normalised; every member sees it', async () => {
    const coordinator = await addMember(t, a.associationId, ['coordinator']);
    const res = await add(coordinator.cookie, { name: 'Bil 1', registration: 'grn101', odometerKm: 48210, insuranceDueOn: '2027-03-31' });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({
      name: 'Bil 1',
      registration: 'GRN 101',
      status: 'in_service',
      odometerKm: 48210,
      insuranceDueOn: '2027-03-31',
      serviceDueOn: null,
    });
    const volunteer = await addMember(t, a.associationId, ['volunteer']);
    const list = await t.app.inject({ method: 'GET', url: '/api/vehicles', headers: { cookie: volunteer.cookie } });
    expect(list.json().map((v: { registration: string }) => v.registration)).toContain('GRN 101');
    expect((await add(volunteer.cookie, { name: 'Min bil', registration: 'ABC 123' })).statusCode).toBe(403);
  });

  it('refuses bad input naming the field, and a second car with the same registration', async () => {
    const bad = await add(a.admin.cookie, { name: '', registration: 'NOT A PLATE', odometerKm: -5, serviceDueOn: '2027-13-40' });
    expect(bad.statusCode).toBe(400);
    expect(
      bad
        .json()
        .errors.map((e: { field: string }) => e.field)
        .sort(),
    ).toEqual(['name', 'odometerKm', 'registration', 'serviceDueOn']);
    expect((await add(a.admin.cookie, { name: 'Bil 2', registration: 'XYZ 12A' })).statusCode).toBe(201);
    const twice = await add(a.admin.cookie, { name: 'Bil 3', registration: 'xyz12a' });
    expect(twice.statusCode).toBe(409);
    // After sign-in the member's own language wins over Accept-Language.
    expect(twice.json().errors).toEqual([{ field: 'registration', message: 'Föreningen har redan en bil med det registreringsnumret.' }]);
  });

  it('changes status, odometer and due dates, with before and after in the audit log', async () => {
    const car = (await add(a.admin.cookie, { name: 'Bil 4', registration: 'KLM 444', odometerKm: 1000 })).json();
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/vehicles/${car.id}`,
      headers: { cookie: a.admin.cookie },
      payload: { status: 'at_workshop', odometerKm: 1200, serviceDueOn: '2027-01-15' },
    });
    expect(res.json()).toMatchObject({ status: 'at_workshop', odometerKm: 1200, serviceDueOn: '2027-01-15' });
    const audit = await t.app.inject({ method: 'GET', url: `/api/audit?entityId=${car.id}`, headers: { cookie: a.admin.cookie } });
    expect(audit.json()[0]).toMatchObject({
      action: 'vehicle.update',
      before: { status: 'in_service', odometerKm: 1000 },
      after: { status: 'at_workshop', odometerKm: 1200 },
    });
    const unknown = await t.app.inject({ method: 'PATCH', url: `/api/vehicles/${car.id}`, headers: { cookie: a.admin.cookie }, payload: { status: 'flying' } });
    expect(unknown.statusCode).toBe(400);
  });

  it('partners do not see the cars', async () => {
    const partner = await addMember(t, a.associationId, [], { kind: 'partner', partnerOrganisationId: null });
    expect((await t.app.inject({ method: 'GET', url: '/api/vehicles', headers: { cookie: partner.cookie } })).statusCode).toBe(403);
  });
});

describe('registration numbers and due dates', () => {
  it.each([
    ['abc123', 'ABC 123'],
    ['ABC 12A', 'ABC 12A'],
    [' grn 101 ', 'GRN 101'],
    ['AB 123', null],
    ['ABCD123', null],
    ['123 ABC', null],
  ])('%s → %s', (input, expected) => expect(normalizeRegistration(input)).toBe(expected));

  it('counts days to a due date', () => {
    expect(daysUntil('2026-12-01', '2026-11-27')).toBe(4);
    expect(daysUntil('2026-11-20', '2026-11-27')).toBe(-7);
  });
});
