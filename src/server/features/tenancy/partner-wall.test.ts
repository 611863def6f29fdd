/**
 * What a partner (the police, the municipality) reaches: every API route is
 * called as a partner of A, with A's own ids where the route takes one, and
 * no answer may hold a volunteer's name, e-mail or phone, or the words of an
 * observation not sent to the partner's organisation. A partner changes
 * nothing but their own preferences. The dashboard, the map and their own
 * items are open to them. A new route is covered without being listed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, addMember, createTestApp, type TestApp, type TestAssociation, type TestMember } from '../../../../test/app.js';
import { crewRow, shiftRow } from '../../../../test/rows.js';
import { call } from '../../../../test/shifts.js';
import { createPartner } from '../associations/associations.service.js';
import { insertArea } from '../associations/associations.repository.js';
import { insertVehicle } from '../vehicles/vehicles.repository.js';
import { encodePolyline } from '../../../shared/domain/polyline.js';
import { newId } from '../../platform/db/ids.js';
import { routePending } from '../reports/routing-sweep.js';
import { ownPaths } from '../../../../test/openapi.js';

let t: TestApp;
let a: TestAssociation;
let partner: TestMember;
let volunteer: TestMember;
const ids: Record<string, string> = {};
const VOLUNTEER = { name: 'Valdemar Volontärsson', phone: '070-987 65 43' };
const PRIVATE_TEXT = 'Anteckning som bara föreningen ska läsa';
const SENT_TEXT = 'Klotter på elskåpet vid skolan';

beforeAll(async () => {
  t = await createTestApp();
  a = await addAssociation(t, 'Grannstöd Huddinge');
  volunteer = await addMember(t, a.associationId, ['volunteer', 'driver', 'shift_leader'], { ...VOLUNTEER });
  const admin = (await t.ctx.actorOf({ headers: { cookie: a.admin.cookie } } as never))!;
  ids.police = (await createPartner(t.ctx, admin, { name: 'Polisen Huddinge', kind: 'police' })).id;
  partner = await addMember(t, a.associationId, [], { kind: 'partner', partnerOrganisationId: ids.police, name: 'Kim Kommunpolis' });
  const now = new Date().toISOString();
  ids.area = await insertArea(t.ctx.db, a.associationId, {
    name: 'Centrum',
    geometry: {
      type: 'Polygon',
      coordinates: [
        [
          [17.9, 59.2],
          [18.1, 59.2],
          [18.1, 59.3],
          [17.9, 59.2],
        ],
      ],
    },
    now,
  });
  ids.vehicle = await insertVehicle(
    t.ctx.db,
    a.associationId,
    { name: 'Bil 1', registration: 'GRN 101', odometerKm: 1000, insuranceDueOn: null, serviceDueOn: null },
    now,
  );
  // A run shift with the volunteer in the crew, and its route.
  const shift = shiftRow({
    association_id: a.associationId,
    vehicle_id: ids.vehicle,
    starts_at: '2026-05-04T16:00:00.000Z',
    ends_at: '2026-05-04T20:00:00.000Z',
    km: 30,
  });
  await t.ctx.db.insertInto('shifts').values(shift).execute();
  ids.shift = shift.id!;
  await t.ctx.db
    .insertInto('shift_crew')
    .values(crewRow({ association_id: a.associationId, shift_id: ids.shift, member_id: volunteer.memberId, as_driver: 1, as_leader: 1 }))
    .execute();
  ids.segment = newId();
  await t.ctx.db
    .insertInto('track_segments')
    .values({
      id: ids.segment,
      association_id: a.associationId,
      shift_id: ids.shift,
      member_id: volunteer.memberId,
      started_at: shift.starts_at,
      ended_at: shift.ends_at,
      point_count: 2,
      polyline: encodePolyline([
        [59.23, 17.98],
        [59.24, 17.99],
      ]),
      seconds: '0,30',
      content_hash: 'x',
      created_at: now,
    })
    .execute();
  // Two recipients: the police (the partner's organisation) and the municipality.
  const categories = (await call(t, a.admin.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[];
  const category = (code: string) => categories.find((c) => c.code === code)!.id;
  const recipient = async (name: string, partnerOrganisationId: string | null) =>
    (
      await call(t, a.admin.cookie, 'POST', '/api/recipients', {
        name,
        kind: 'police',
        channel: 'manual',
        manualInstructions: 'Ring Sara på 08-123 456 78',
        partnerOrganisationId,
      })
    ).json().id as string;
  ids.policeRecipient = await recipient('Polisen – tips', ids.police);
  ids.municipality = await recipient('Huddinge kommun', null);
  await call(t, a.admin.cookie, 'POST', '/api/routing-rules', { categoryId: category('graffiti'), recipientId: ids.policeRecipient });
  await call(t, a.admin.cookie, 'POST', '/api/routing-rules', { categoryId: category('dumping'), recipientId: ids.municipality });
  const observe = async (code: string, text: string) => {
    const id = newId();
    const res = await call(t, volunteer.cookie, 'PUT', `/api/observations/${id}`, {
      categoryId: category(code),
      urgency: 'needs_action',
      text,
      lat: 59.235,
      lng: 17.98,
      accuracyM: 10,
      observedAt: new Date(Date.now() - 60_000).toISOString(),
      shiftId: ids.shift,
    });
    expect(res.statusCode, res.body).toBe(201);
    return id;
  };
  ids.sentObservation = await observe('graffiti', SENT_TEXT);
  ids.privateObservation = await observe('dumping', PRIVATE_TEXT);
  await routePending(t.ctx);
  ids.partnerItem = (await call(t, a.admin.cookie, 'GET', `/api/action-items?observationId=${ids.sentObservation}`)).json()[0].id;
  ids.otherItem = (await call(t, a.admin.cookie, 'GET', `/api/action-items?observationId=${ids.privateObservation}`)).json()[0].id;
  ids.invitation = (await call(t, a.admin.cookie, 'POST', '/api/invitations', { name: 'Ingrid Inbjuden', email: 'ingrid.i@example.se' })).json().id;
  ids.feed = (await call(t, volunteer.cookie, 'POST', '/api/calendar-feeds', { vehicleId: null })).json().id;
  ids.template = (
    await call(t, a.admin.cookie, 'POST', '/api/shift-templates', {
      vehicleId: ids.vehicle,
      name: 'Kvällspass',
      weekdays: [5],
      startTime: '18:00',
      endTime: '22:00',
      validFrom: '2027-01-01',
    })
  ).json().id;
  ids.mail = (await call(t, a.admin.cookie, 'GET', '/api/outbox')).json()[0].id;
  ids.open311Key = (await call(t, a.admin.cookie, 'POST', '/api/open311-keys', { name: 'Kommunens system' })).json().id;
  ids.rule = (await call(t, a.admin.cookie, 'GET', '/api/routing-rules')).json()[0].id;
});
afterAll(() => t.close());

/** What a partner must never read anywhere. */
// Observation ids too: a partner's way into an observation is the item sent to them, never the observation itself.
const personal = () => [
  VOLUNTEER.name,
  volunteer.email,
  VOLUNTEER.phone,
  volunteer.memberId,
  a.admin.email,
  PRIVATE_TEXT,
  'Ingrid Inbjuden',
  'Sara på 08-123',
  ids.sentObservation!,
  ids.privateObservation!,
];

/** A's own ids, by the route's first path segment, so each route is reached for something that exists. */
const idFor: Record<string, () => string> = {
  'action-items': () => ids.otherItem!,
  'calendar-feeds': () => ids.feed!,
  invitations: () => ids.invitation!,
  members: () => volunteer.memberId,
  'observation-categories': () => newId(),
  observations: () => ids.privateObservation!,
  'open311-keys': () => ids.open311Key!,
  outbox: () => ids.mail!,
  recipients: () => ids.municipality!,
  'routing-rules': () => ids.rule!,
  'shift-templates': () => ids.template!,
  shifts: () => ids.shift!,
  vehicles: () => ids.vehicle!,
};
/** The query a route needs to answer with data rather than a 400. */
const queryFor: Record<string, string> = {
  '/api/insights/dashboard': 'from=2026-01-01&to=2026-12-31',
  '/api/iop-report': 'from=2026-01-01&to=2026-12-31',
  '/api/iop-report/figures': 'from=2026-01-01&to=2026-12-31&format=csv',
  '/api/iop-report/report.pdf': 'from=2026-01-01&to=2026-12-31',
  '/api/insights/heat': 'bbox=17,59,19,60',
  '/api/insights/coverage': 'bbox=17,59,19,60',
  '/api/observations/map': 'bbox=17,59,19,60',
  '/api/observations': '',
  '/api/exports/observations': 'from=2020-01-01&to=2029-12-31&format=csv',
  '/api/exports/action-items': 'from=2020-01-01&to=2029-12-31&format=csv',
  '/api/hours': 'from=2026-01-01&to=2026-12-31',
  '/api/shifts': 'from=2026-05-01&to=2026-05-31',
  '/api/staffing-board': 'from=2026-05-01&to=2026-05-31',
  '/api/audit': '',
  '/api/geocode/reverse': 'lat=59.23&lng=17.98',
  '/api/routing/try': `categoryId=${newId()}&lat=59.23&lng=17.98`,
};
/** Writes a partner may make: their own preferences. */
const mayWrite = ['PATCH /api/me'];

function urlOf(route: string): string {
  const segment = route.split('/')[2] ?? '';
  const path = route
    .replace('{id}', () => (idFor[segment] ?? (() => newId()))())
    .replace('{memberId}', volunteer.memberId)
    .replace('{segmentId}', ids.segment!)
    .replace('{sha256}', '0'.repeat(64))
    .replace('{token}', 'x'.repeat(43))
    .replace('{file}', `${'y'.repeat(43)}.ics`);
  const query = queryFor[route];
  return query ? `${path}?${query}` : path;
}

function routes(): { method: string; route: string }[] {
  const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
  return Object.entries(ownPaths(doc as never)).flatMap(([route, ops]) => Object.keys(ops).map((m) => ({ method: m.toUpperCase(), route })));
}

describe('partner wall', () => {
  it('no route gives a partner anyone’s personal data or words not sent to them, and none but their preferences changes', async () => {
    const all = routes();
    expect(all.length).toBeGreaterThan(60);
    const reached: string[] = [];
    for (const { method, route } of all) {
      const res = await t.app.inject({
        method: method as 'GET',
        url: urlOf(route),
        headers: { cookie: partner.cookie },
        ...(method !== 'GET' && method !== 'DELETE' && { payload: {} }),
      });
      const name = `${method} ${route}`;
      expect(res.statusCode, `${name}: ${res.body.slice(0, 200)}`).toBeLessThan(500);
      // A problem's "instance" is the URL asked for, ids and all: what the partner sent, not what they learnt.
      const body = res.body.replace(/"instance":"[^"]*"/, '');
      for (const secret of personal()) expect(body, `${name} gave "${secret}"`).not.toContain(secret);
      if (method !== 'GET' && !mayWrite.includes(name)) expect(res.statusCode, `${name} let a partner write`).toBeGreaterThanOrEqual(400);
      if (res.statusCode === 200 && method === 'GET') reached.push(route);
    }
    // What partners are for: the follow-up, the map, their items, and their own account.
    expect(reached).toEqual(
      expect.arrayContaining([
        '/api/insights/dashboard',
        '/api/insights/heat',
        '/api/insights/coverage',
        '/api/observations/map',
        '/api/action-items',
        '/api/me',
        '/api/police-events',
      ]),
    );
    // And none of the association's inside: members, shifts, observations, hours, exports.
    for (const inside of [
      '/api/members',
      '/api/shifts',
      '/api/observations',
      '/api/hours',
      '/api/exports/observations',
      '/api/audit',
      '/api/outbox',
      '/api/recipients',
    ]) {
      expect(reached, inside).not.toContain(inside);
    }
  });

  it('lists the items addressed to the partner’s organisation, with what was sent, and no other', async () => {
    const list = (await call(t, partner.cookie, 'GET', '/api/action-items')).json() as { id: string }[];
    expect(list.map((i) => i.id)).toEqual([ids.partnerItem]);
    const item = await call(t, partner.cookie, 'GET', `/api/action-items/${ids.partnerItem}`);
    expect(item.statusCode).toBe(200);
    expect(item.json().reported).toEqual([expect.objectContaining({ observationId: null, text: SENT_TEXT })]);
    expect(item.json().manualInstructions).toBeNull();
    for (const secret of personal()) expect(item.body).not.toContain(secret);
    expect((await call(t, partner.cookie, 'GET', `/api/action-items/${ids.otherItem}`)).statusCode).toBe(404);
    // The coordinators' to-do list would gather every failed item: not for partners.
    expect((await call(t, partner.cookie, 'GET', '/api/action-items?state=todo')).statusCode).toBe(403);
    expect((await call(t, partner.cookie, 'GET', '/api/action-items?state=all')).statusCode).toBe(400);
    const open = (await call(t, partner.cookie, 'GET', '/api/action-items?state=open')).json() as { id: string }[];
    expect(open.map((i) => i.id)).toEqual([ids.partnerItem]);
    expect((await call(t, partner.cookie, 'GET', `/api/observations/${ids.sentObservation}`)).statusCode).toBe(403);
  });

  it('shows a partner the map with places and counts, never an observation’s id', async () => {
    const map = (await call(t, partner.cookie, 'GET', '/api/observations/map?bbox=17,59,19,60')).json();
    expect(map.total).toBe(2);
    expect(map.markers.every((m: { id: string | null }) => m.id === null)).toBe(true);
  });
});
