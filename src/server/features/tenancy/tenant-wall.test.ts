/**
 * The wall between associations: a signed-in admin of A (who may do everything
 * in A) gets 404 for every resource of B, and lists never show B's rows.
 * Every API route must appear in the table below; a new route fails the
 * "covers every route" test until it is added.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, addMember, createTestApp, uniqueEmail, type TestApp, type TestAssociation } from '../../../../test/app.js';
import { createPartner } from '../associations/associations.service.js';
import { insertArea } from '../associations/associations.repository.js';
import { insertVehicle } from '../vehicles/vehicles.repository.js';

let t: TestApp;
let a: TestAssociation;
let b: TestAssociation;
const bIds: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  a = await addAssociation(t, 'Förening A');
  b = await addAssociation(t, 'Förening B');
  const bActor = (await t.ctx.actorOf({ headers: { cookie: b.admin.cookie } } as never))!;
  const partner = await createPartner(t.ctx, bActor, { name: 'Polisen B', kind: 'police' });
  bIds.partner = partner.id;
  bIds.member = (await addMember(t, b.associationId, ['volunteer'])).memberId;
  const invite = await t.app.inject({
    method: 'POST',
    url: '/api/invitations',
    headers: { cookie: b.admin.cookie },
    payload: { name: 'Bea B', email: uniqueEmail('bea') },
  });
  bIds.invitation = invite.json().id;
  const outbox = await t.app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie: b.admin.cookie } });
  bIds.mail = outbox.json()[0].id;
  bIds.area = await insertArea(t.ctx.db, b.associationId, { name: 'B-område', geometry: { type: 'Polygon', coordinates: [] }, now: new Date().toISOString() });
  bIds.vehicle = await insertVehicle(
    t.ctx.db,
    b.associationId,
    { name: 'B-bilen', registration: 'BBB 111', odometerKm: 1, insuranceDueOn: null, serviceDueOn: null },
    new Date().toISOString(),
  );
});
afterAll(() => t.close());

interface Case {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  route: string;
  /** The URL to call as A's admin, reaching for B's data. */
  url: () => string;
  payload?: () => unknown;
  /** Checks the answer: 404 for one of B's resources, or a body without B's ids. */
  expectStatus: number;
  mustNotContain?: () => string[];
}

const cases: Case[] = [
  { method: 'GET', route: '/api/setup', url: () => '/api/setup', expectStatus: 200 },
  {
    method: 'POST',
    route: '/api/setup',
    url: () => '/api/setup',
    payload: () => ({ associationName: 'X', municipality: 'Y', adminName: 'Z', email: uniqueEmail(), password: 'long-enough-pw' }),
    expectStatus: 409,
  },
  { method: 'GET', route: '/api/association', url: () => '/api/association', expectStatus: 200, mustNotContain: () => [b.associationId] },
  {
    method: 'PATCH',
    route: '/api/association',
    url: () => '/api/association',
    payload: () => ({ name: 'A nytt namn' }),
    expectStatus: 200,
    mustNotContain: () => [b.associationId],
  },
  { method: 'GET', route: '/api/partner-organisations', url: () => '/api/partner-organisations', expectStatus: 200, mustNotContain: () => [bIds.partner!] },
  {
    method: 'POST',
    route: '/api/partner-organisations',
    url: () => '/api/partner-organisations',
    payload: () => ({ name: 'Kommunen A', kind: 'municipality' }),
    expectStatus: 201,
    mustNotContain: () => [b.associationId],
  },
  { method: 'GET', route: '/api/areas', url: () => '/api/areas', expectStatus: 200, mustNotContain: () => [bIds.area!] },
  { method: 'GET', route: '/api/vehicles', url: () => '/api/vehicles', expectStatus: 200, mustNotContain: () => [bIds.vehicle!] },
  { method: 'GET', route: '/api/vehicles/{id}', url: () => `/api/vehicles/${bIds.vehicle}`, expectStatus: 404 },
  { method: 'PATCH', route: '/api/vehicles/{id}', url: () => `/api/vehicles/${bIds.vehicle}`, payload: () => ({ status: 'retired' }), expectStatus: 404 },
  {
    method: 'POST',
    route: '/api/vehicles',
    url: () => '/api/vehicles',
    payload: () => ({ name: 'A-bilen', registration: 'BBB 111' }),
    expectStatus: 201,
    mustNotContain: () => [b.associationId, bIds.vehicle!],
  },
  { method: 'GET', route: '/api/me', url: () => '/api/me', expectStatus: 200, mustNotContain: () => [b.associationId] },
  {
    method: 'PATCH',
    route: '/api/me',
    url: () => '/api/me',
    payload: () => ({ textSize: 'large' }),
    expectStatus: 200,
    mustNotContain: () => [b.associationId],
  },
  {
    method: 'GET',
    route: '/api/members',
    url: () => '/api/members?includeInactive=true',
    expectStatus: 200,
    mustNotContain: () => [bIds.member!, b.admin.memberId],
  },
  { method: 'GET', route: '/api/members/{id}', url: () => `/api/members/${bIds.member}`, expectStatus: 404 },
  { method: 'PATCH', route: '/api/members/{id}', url: () => `/api/members/${bIds.member}`, payload: () => ({ name: 'Kapad' }), expectStatus: 404 },
  { method: 'POST', route: '/api/members/{id}/deactivate', url: () => `/api/members/${bIds.member}/deactivate`, expectStatus: 404 },
  { method: 'POST', route: '/api/members/{id}/reactivate', url: () => `/api/members/${bIds.member}/reactivate`, expectStatus: 404 },
  { method: 'GET', route: '/api/invitations', url: () => '/api/invitations', expectStatus: 200, mustNotContain: () => [bIds.invitation!] },
  {
    method: 'POST',
    route: '/api/invitations',
    url: () => '/api/invitations',
    payload: () => ({ name: 'P', email: uniqueEmail(), kind: 'partner', roles: [], partnerOrganisationId: bIds.partner }),
    expectStatus: 400,
  },
  { method: 'POST', route: '/api/invitations/{id}/resend', url: () => `/api/invitations/${bIds.invitation}/resend`, expectStatus: 404 },
  { method: 'DELETE', route: '/api/invitations/{id}', url: () => `/api/invitations/${bIds.invitation}`, expectStatus: 404 },
  { method: 'GET', route: '/api/invitation-links/{token}', url: () => `/api/invitation-links/${'x'.repeat(43)}`, expectStatus: 410 },
  {
    method: 'POST',
    route: '/api/invitation-links/{token}/accept',
    url: () => `/api/invitation-links/${'x'.repeat(43)}/accept`,
    payload: () => ({ password: 'long-enough-pw' }),
    expectStatus: 410,
  },
  {
    method: 'GET',
    route: '/api/audit',
    url: () => `/api/audit?limit=200`,
    expectStatus: 200,
    mustNotContain: () => [bIds.member!, b.associationId, bIds.partner!],
  },
  { method: 'GET', route: '/api/outbox', url: () => '/api/outbox', expectStatus: 200, mustNotContain: () => [bIds.mail!] },
  { method: 'GET', route: '/api/outbox/{id}', url: () => `/api/outbox/${bIds.mail}`, expectStatus: 404 },
];

describe('tenant wall', () => {
  it('covers every API route', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(doc.paths).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = cases.map((c) => `${c.method} ${c.route}`);
    expect(routes.filter((r) => !covered.includes(r))).toEqual([]);
  });

  it.each(cases)('$method $route keeps B out of reach', async (c) => {
    const res = await t.app.inject({
      method: c.method,
      url: c.url(),
      headers: { cookie: a.admin.cookie },
      ...(c.payload && { payload: c.payload() as object }),
    });
    expect(res.statusCode, res.body).toBe(c.expectStatus);
    for (const id of c.mustNotContain?.() ?? []) expect(res.body).not.toContain(id);
  });

  it('left B untouched', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/members/${bIds.member}`, headers: { cookie: b.admin.cookie } });
    expect(res.json().name).not.toBe('Kapad');
    expect(res.json().status).toBe('active');
    const assoc = await t.app.inject({ method: 'GET', url: '/api/association', headers: { cookie: b.admin.cookie } });
    expect(assoc.json().name).toBe('Förening B');
    const inv = await t.app.inject({ method: 'GET', url: '/api/invitations', headers: { cookie: b.admin.cookie } });
    expect(inv.json().map((i: { id: string }) => i.id)).toContain(bIds.invitation);
  });

  it('answers 401 to every API route without a session, except the public ones', async () => {
    const publicRoutes = ['/api/setup', '/api/invitation-links/{token}', '/api/invitation-links/{token}/accept'];
    for (const c of cases.filter((x) => !publicRoutes.includes(x.route))) {
      const res = await t.app.inject({ method: c.method, url: c.url(), ...(c.payload && { payload: c.payload() as object }) });
      expect(res.statusCode, `${c.method} ${c.route}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
