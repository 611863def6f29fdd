/**
 * The wall between associations: a signed-in admin of A (who may do everything
 * in A) gets 404 for every resource of B, and lists never show B's rows.
 * Every API route must appear in the table below; a new route fails the
 * "covers every route" test until it is added.
 */
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, addMember, createTestApp, uniqueEmail, type TestApp, type TestAssociation } from '../../../../test/app.js';
import { createPartner } from '../associations/associations.service.js';
import { insertArea } from '../associations/associations.repository.js';
import { insertVehicle } from '../vehicles/vehicles.repository.js';
import { newId } from '../../platform/db/ids.js';
import { routePending } from '../reports/routing-sweep.js';
import { ownPaths } from '../../../../test/openapi.js';
import { followUpCases, type Wall } from './tenant-wall.followup-cases.js';
import { associationCases } from './tenant-wall.association-cases.js';

let t: TestApp;
let a: TestAssociation;
let b: TestAssociation;
const bIds: Record<string, string> = {};
const aIds: Record<string, string> = {};
/** What the cases reach for: A and B are set in beforeAll, before any case runs. */
const wall = { aIds, bIds } as Wall;
const cases = [...followUpCases(wall), ...associationCases(wall)];

beforeAll(async () => {
  t = await createTestApp();
  a = await addAssociation(t, 'Förening A');
  b = await addAssociation(t, 'Förening B');
  wall.a = a;
  wall.b = b;
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
  // B plans a shift from a template, a member signs up, and has a calendar address. Four weeks ahead of the
  // clock, whatever day the suite runs (a fixed date would turn into the past, where no one signs up).
  const day = (offsetDays: number) => new Date(t.ctx.clock.now().getTime() + offsetDays * 86_400_000).toISOString().slice(0, 10);
  const shiftDay = day(28);
  bIds.shiftDay = shiftDay;
  const asB = (method: 'POST' | 'GET' | 'PUT', url: string, payload?: object, cookie = b.admin.cookie) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload && { payload }) });
  bIds.template = (
    await asB('POST', '/api/shift-templates', {
      vehicleId: bIds.vehicle,
      name: 'B-pass',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startTime: '09:00',
      endTime: '13:00',
      validFrom: day(-1),
    })
  ).json().id;
  await asB('POST', '/api/shifts/generate', { from: shiftDay, to: shiftDay });
  bIds.shift = (await asB('GET', `/api/shifts?from=${shiftDay}&to=${shiftDay}`)).json()[0].id;
  await asB('POST', `/api/shifts/${bIds.shift}/crew`, { memberId: bIds.member });
  const feed = (await asB('POST', '/api/calendar-feeds', { vehicleId: null })).json();
  bIds.feed = feed.id;
  bIds.feedFile = new URL(feed.url).pathname.split('/').pop()!;
  // B's taxonomy (with a subcategory) and one observation.
  const categories = (await asB('GET', '/api/observation-categories')).json();
  bIds.category = categories[0].id;
  bIds.subcategory = (await asB('POST', '/api/observation-categories', { parentId: bIds.category, labelSv: 'B-sub', labelEn: 'B-sub' })).json().id;
  bIds.observation = newId();
  const obs = await t.app.inject({
    method: 'PUT',
    url: `/api/observations/${bIds.observation}`,
    headers: { cookie: b.admin.cookie },
    payload: { categoryId: bIds.category, urgency: 'note', text: 'B-hemlighet', lat: 59.2, lng: 17.9, observedAt: new Date().toISOString() },
  });
  if (obs.statusCode !== 201) throw new Error(obs.body);
  const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  const withPhoto = await t.app.inject({
    method: 'POST',
    url: `/api/observations/${bIds.observation}/photos`,
    headers: { cookie: b.admin.cookie, 'content-type': 'image/png' },
    payload: png,
  });
  bIds.photo = withPhoto.json().photos[0].sha256;
  // B's recipient, routing rule, and an action item routed from a second observation.
  bIds.recipient = (
    await asB('POST', '/api/recipients', { name: 'B-kommunen', kind: 'municipality', channel: 'manual', manualInstructions: 'Ring B' })
  ).json().id;
  bIds.rule = (await asB('POST', '/api/routing-rules', { categoryId: bIds.category, recipientId: bIds.recipient })).json().id;
  bIds.open311Key = (await asB('POST', '/api/open311-keys', { name: 'B-systemet' })).json().id;
  bIds.routed = newId();
  await t.app.inject({
    method: 'PUT',
    url: `/api/observations/${bIds.routed}`,
    headers: { cookie: b.admin.cookie },
    payload: { categoryId: bIds.category, urgency: 'needs_action', text: 'B-ärende', lat: 59.2, lng: 17.9, observedAt: new Date().toISOString() },
  });
  await routePending(t.ctx);
  bIds.item = (await asB('GET', `/api/action-items?observationId=${bIds.routed}`)).json()[0].id;
  await asB('PUT', '/api/iop-report', { from: '2026-01-01', to: '2026-12-31', sections: { summary: 'B-styrelsens text' } });
  // A's own, for routes that need something of A's to reach for B's.
  aIds.observation = newId();
  await t.app.inject({
    method: 'PUT',
    url: `/api/observations/${aIds.observation}`,
    headers: { cookie: a.admin.cookie },
    payload: {
      categoryId: (await t.app.inject({ method: 'GET', url: '/api/observation-categories', headers: { cookie: a.admin.cookie } })).json()[0].id,
      urgency: 'note',
      text: null,
      lat: 59.2,
      lng: 17.9,
      observedAt: new Date().toISOString(),
    },
  });
});
afterAll(() => t.close());

describe('tenant wall', () => {
  it('covers every API route', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const routes = Object.entries(ownPaths(doc as never)).flatMap(([path, ops]) => Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`));
    const covered = cases.map((c) => `${c.method} ${c.route}`);
    expect(routes.filter((r) => !covered.includes(r))).toEqual([]);
  });

  it.each(cases)('$method $route keeps B out of reach', async (c) => {
    const res = await t.app.inject({
      method: c.method,
      url: c.url(),
      headers: { cookie: a.admin.cookie, ...(c.contentType && { 'content-type': c.contentType }) },
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
    const shift = await t.app.inject({ method: 'GET', url: `/api/shifts/${bIds.shift}`, headers: { cookie: b.admin.cookie } });
    expect(shift.json()).toMatchObject({ status: 'planned', note: null, crew: [expect.objectContaining({ memberId: bIds.member })] });
    expect((await t.app.inject({ method: 'GET', url: `/calendar/${bIds.feedFile}` })).statusCode).toBe(200);
    const obs = await t.app.inject({ method: 'GET', url: `/api/observations/${bIds.observation}`, headers: { cookie: b.admin.cookie } });
    expect(obs.json().text).toBe('B-hemlighet');
    const sub = (await t.app.inject({ method: 'GET', url: '/api/observation-categories', headers: { cookie: b.admin.cookie } })).json();
    expect(sub.find((c: { id: string }) => c.id === bIds.subcategory).labelSv).toBe('B-sub');
  });

  it('answers 401 to every API route without a session, except the public ones', async () => {
    const publicRoutes = [
      '/api/public/{id}',
      '/api/setup',
      '/api/invitation-links/{token}',
      '/api/invitation-links/{token}/accept',
      '/calendar/{file}',
      '/api/privacy/notice/{id}',
    ];
    for (const c of cases.filter((x) => !publicRoutes.includes(x.route))) {
      const res = await t.app.inject({
        method: c.method,
        url: c.url(),
        ...(c.contentType && { headers: { 'content-type': c.contentType } }),
        ...(c.payload && { payload: c.payload() as object }),
      });
      expect(res.statusCode, `${c.method} ${c.route}`).toBe(401);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });
});
