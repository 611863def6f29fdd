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

let t: TestApp;
let a: TestAssociation;
let b: TestAssociation;
const bIds: Record<string, string> = {};
const aIds: Record<string, string> = {};

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
  // B plans a shift from a template, a member signs up, and has a calendar address.
  const asB = (method: 'POST' | 'GET' | 'PUT', url: string, payload?: object, cookie = b.admin.cookie) =>
    t.app.inject({ method, url, headers: { cookie }, ...(payload && { payload }) });
  bIds.template = (
    await asB('POST', '/api/shift-templates', {
      vehicleId: bIds.vehicle,
      name: 'B-pass',
      weekdays: [1, 2, 3, 4, 5, 6, 7],
      startTime: '09:00',
      endTime: '13:00',
      validFrom: '2027-01-01',
    })
  ).json().id;
  await asB('POST', '/api/shifts/generate', { from: '2027-01-04', to: '2027-01-04' });
  bIds.shift = (await asB('GET', '/api/shifts?from=2027-01-04&to=2027-01-04')).json()[0].id;
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

const SQUARE = {
  type: 'Polygon',
  coordinates: [
    [
      [17.9, 59.2],
      [17.91, 59.2],
      [17.91, 59.21],
      [17.9, 59.2],
    ],
  ],
};

interface Case {
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  route: string;
  /** The URL to call as A's admin, reaching for B's data. */
  url: () => string;
  payload?: () => unknown;
  contentType?: string;
  /** Checks the answer: 404 for one of B's resources, or a body without B's ids. */
  expectStatus: number;
  mustNotContain?: () => string[];
}

const cases: Case[] = [
  { method: 'GET', route: '/api/recipients', url: () => '/api/recipients', expectStatus: 200, mustNotContain: () => [bIds.recipient!, 'B-kommunen'] },
  {
    method: 'POST',
    route: '/api/recipients',
    url: () => '/api/recipients',
    payload: () => ({ name: 'A-kommunen', kind: 'municipality', channel: 'email', email: 'a@example.org', partnerOrganisationId: bIds.partner }),
    expectStatus: 400,
  },
  { method: 'PATCH', route: '/api/recipients/{id}', url: () => `/api/recipients/${bIds.recipient}`, payload: () => ({ name: 'Kapad' }), expectStatus: 404 },
  { method: 'GET', route: '/api/routing-rules', url: () => '/api/routing-rules', expectStatus: 200, mustNotContain: () => [bIds.rule!] },
  {
    method: 'POST',
    route: '/api/routing-rules',
    url: () => '/api/routing-rules',
    payload: () => ({ categoryId: bIds.category, recipientId: bIds.recipient }),
    expectStatus: 400,
  },
  { method: 'PATCH', route: '/api/routing-rules/{id}', url: () => `/api/routing-rules/${bIds.rule}`, payload: () => ({ enabled: false }), expectStatus: 404 },
  { method: 'DELETE', route: '/api/routing-rules/{id}', url: () => `/api/routing-rules/${bIds.rule}`, expectStatus: 404 },
  {
    method: 'GET',
    route: '/api/exports/observations',
    url: () => `/api/exports/observations?from=2000-01-01&to=2100-01-01&format=csv`,
    expectStatus: 200,
    mustNotContain: () => [bIds.observation!, bIds.routed!],
  },
  {
    method: 'GET',
    route: '/api/exports/action-items',
    url: () => `/api/exports/action-items?from=2000-01-01&to=2100-01-01&format=geojson`,
    expectStatus: 200,
    mustNotContain: () => [bIds.recipient!, 'B-kommunen'],
  },
  {
    method: 'GET',
    route: '/api/insights/dashboard',
    url: () => '/api/insights/dashboard?from=2020-01-01&to=2029-12-31',
    expectStatus: 200,
    mustNotContain: () => [bIds.recipient!, 'B-kommunen', bIds.category!, bIds.area!],
  },
  // B's area is no area of A's: refused as a bad field, not counted.
  {
    method: 'GET',
    route: '/api/insights/dashboard',
    url: () => `/api/insights/dashboard?from=2020-01-01&to=2029-12-31&areaId=${bIds.area}`,
    expectStatus: 400,
  },
  // The IOP report: B's texts are B's; A's report for the same period holds only A's (empty) texts and counts.
  {
    method: 'GET',
    route: '/api/iop-report',
    url: () => '/api/iop-report?from=2026-01-01&to=2026-12-31',
    expectStatus: 200,
    mustNotContain: () => ['B-styrelsens text'],
  },
  {
    method: 'PUT',
    route: '/api/iop-report',
    url: () => '/api/iop-report',
    payload: () => ({ from: '2026-01-01', to: '2026-12-31', sections: { summary: 'A-styrelsens text' } }),
    expectStatus: 200,
    mustNotContain: () => ['B-styrelsens text'],
  },
  {
    method: 'GET',
    route: '/api/iop-report/report.pdf',
    url: () => `/api/iop-report/report.pdf?from=2026-01-01&to=2026-12-31&areaId=${bIds.area}`,
    expectStatus: 400,
  },
  {
    method: 'GET',
    route: '/api/iop-report/figures',
    url: () => '/api/iop-report/figures?from=2020-01-01&to=2029-12-31&format=csv',
    expectStatus: 200,
    mustNotContain: () => ['B-kommunen'],
  },
  // B has no public page: the same answer as for an association that does not exist.
  { method: 'GET', route: '/api/public/{id}', url: () => `/api/public/${b.associationId}`, expectStatus: 404 },
  // A's one observation is where B's are: the cell counts A's alone.
  {
    method: 'GET',
    route: '/api/insights/heat',
    url: () => '/api/insights/heat?bbox=17,59,19,60',
    expectStatus: 200,
    mustNotContain: () => ['"count":2', '"count":3'],
  },
  {
    method: 'GET',
    route: '/api/insights/coverage',
    url: () => '/api/insights/coverage?bbox=17,59,19,60',
    expectStatus: 200,
    mustNotContain: () => ['"count":'],
  },
  // Polisen's events are public and per municipality, not per association: nothing of B's is in them.
  { method: 'GET', route: '/api/police-events', url: () => '/api/police-events', expectStatus: 200, mustNotContain: () => [b.associationId] },
  { method: 'GET', route: '/api/open311-keys', url: () => '/api/open311-keys', expectStatus: 200, mustNotContain: () => [bIds.open311Key!, 'B-systemet'] },
  { method: 'POST', route: '/api/open311-keys', url: () => '/api/open311-keys', payload: () => ({ name: 'A-systemet' }), expectStatus: 201 },
  { method: 'DELETE', route: '/api/open311-keys/{id}', url: () => `/api/open311-keys/${bIds.open311Key}`, expectStatus: 404 },
  {
    method: 'GET',
    route: '/api/routing/try',
    url: () => `/api/routing/try?categoryId=${bIds.category}&lat=59.2&lng=17.9`,
    expectStatus: 200,
    mustNotContain: () => [bIds.recipient!, 'B-kommunen'],
  },
  {
    method: 'GET',
    route: '/api/capture-preview',
    url: () => `/api/capture-preview?categoryId=${bIds.category}&urgency=needs_action&lat=59.2&lng=17.9`,
    expectStatus: 200,
    mustNotContain: () => [bIds.recipient!, 'B-kommunen'],
  },
  { method: 'GET', route: '/api/first-day', url: () => '/api/first-day', expectStatus: 200, mustNotContain: () => [b.associationId] },
  { method: 'GET', route: '/api/places', url: () => '/api/places?q=B-', expectStatus: 200, mustNotContain: () => ['B-område'] },
  {
    method: 'POST',
    route: '/api/areas',
    url: () => '/api/areas',
    payload: () => ({ name: 'A-område', geometry: SQUARE }),
    expectStatus: 201,
    mustNotContain: () => [b.associationId],
  },
  {
    method: 'POST',
    route: '/api/areas/import',
    url: () => '/api/areas/import',
    payload: () => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'A-import' }, geometry: SQUARE }] }),
    expectStatus: 201,
    mustNotContain: () => [b.associationId],
  },
  { method: 'GET', route: '/api/action-items', url: () => '/api/action-items?state=open', expectStatus: 200, mustNotContain: () => [bIds.item!] },
  {
    method: 'POST',
    route: '/api/action-items',
    url: () => '/api/action-items',
    payload: () => ({ observationId: bIds.routed, recipientId: bIds.recipient }),
    expectStatus: 400,
  },
  { method: 'GET', route: '/api/action-items/{id}', url: () => `/api/action-items/${bIds.item}`, expectStatus: 404 },
  // Partners only; a partner of A reaching for B's item is refused in partner-answer.test.ts.
  {
    method: 'POST',
    route: '/api/action-items/{id}/answer',
    url: () => `/api/action-items/${bIds.item}/answer`,
    payload: () => ({ state: 'resolved' }),
    expectStatus: 403,
  },
  { method: 'PATCH', route: '/api/action-items/{id}', url: () => `/api/action-items/${bIds.item}`, payload: () => ({ state: 'resolved' }), expectStatus: 404 },
  { method: 'POST', route: '/api/action-items/{id}/send', url: () => `/api/action-items/${bIds.item}/send`, expectStatus: 404 },
  { method: 'POST', route: '/api/action-items/{id}/retry', url: () => `/api/action-items/${bIds.item}/retry`, expectStatus: 404 },
  { method: 'POST', route: '/api/action-items/{id}/withdraw', url: () => `/api/action-items/${bIds.item}/withdraw`, payload: () => ({}), expectStatus: 404 },
  {
    method: 'POST',
    route: '/api/action-items/{id}/observations',
    url: () => `/api/action-items/${bIds.item}/observations`,
    payload: () => ({ observationId: aIds.observation }),
    expectStatus: 404,
  },
  {
    method: 'POST',
    route: '/api/action-items/{id}/recheck',
    url: () => `/api/action-items/${bIds.item}/recheck`,
    payload: () => ({ result: 'gone' }),
    expectStatus: 404,
  },
  { method: 'GET', route: '/api/shifts/{id}/rechecks', url: () => `/api/shifts/${bIds.shift}/rechecks`, expectStatus: 404 },
  { method: 'GET', route: '/api/observations/{id}/duplicates', url: () => `/api/observations/${bIds.routed}/duplicates`, expectStatus: 404 },
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
  { method: 'GET', route: '/api/shift-templates', url: () => '/api/shift-templates', expectStatus: 200, mustNotContain: () => [bIds.template!, bIds.vehicle!] },
  {
    method: 'POST',
    route: '/api/shift-templates',
    url: () => '/api/shift-templates',
    payload: () => ({ vehicleId: bIds.vehicle, name: 'Kapad', weekdays: [1], startTime: '09:00', endTime: '13:00', validFrom: '2027-01-01' }),
    expectStatus: 400,
  },
  {
    method: 'PUT',
    route: '/api/shift-templates/{id}',
    url: () => `/api/shift-templates/${bIds.template}`,
    payload: () => ({ vehicleId: bIds.vehicle, name: 'Kapad', weekdays: [1], startTime: '09:00', endTime: '13:00', validFrom: '2027-01-01' }),
    expectStatus: 404,
  },
  { method: 'DELETE', route: '/api/shift-templates/{id}', url: () => `/api/shift-templates/${bIds.template}`, expectStatus: 404 },
  {
    method: 'POST',
    route: '/api/shifts/generate',
    url: () => '/api/shifts/generate',
    payload: () => ({ from: '2027-01-05', to: '2027-01-05', templateIds: [bIds.template] }),
    expectStatus: 400,
  },
  {
    method: 'GET',
    route: '/api/staffing-board',
    url: () => '/api/staffing-board?from=2027-01-04&to=2027-01-10',
    expectStatus: 200,
    mustNotContain: () => [bIds.shift!, bIds.vehicle!],
  },
  { method: 'GET', route: '/api/shifts', url: () => '/api/shifts?from=2027-01-01&to=2027-01-31', expectStatus: 200, mustNotContain: () => [bIds.shift!] },
  {
    method: 'POST',
    route: '/api/shifts',
    url: () => '/api/shifts',
    payload: () => ({ vehicleId: bIds.vehicle, startDate: '2027-02-01', startTime: '09:00', endDate: '2027-02-01', endTime: '13:00' }),
    expectStatus: 400,
  },
  { method: 'GET', route: '/api/shifts/{id}', url: () => `/api/shifts/${bIds.shift}`, expectStatus: 404 },
  {
    method: 'PUT',
    route: '/api/shifts/{id}',
    url: () => `/api/shifts/${bIds.shift}`,
    payload: () => ({
      startDate: '2027-01-04',
      startTime: '10:00',
      endDate: '2027-01-04',
      endTime: '14:00',
      crewMin: 1,
      crewMax: 2,
      areaId: null,
      note: 'Kapad',
    }),
    expectStatus: 404,
  },
  { method: 'POST', route: '/api/shifts/{id}/cancel', url: () => `/api/shifts/${bIds.shift}/cancel`, payload: () => ({ reason: 'Kapad' }), expectStatus: 404 },
  { method: 'POST', route: '/api/shifts/{id}/signup', url: () => `/api/shifts/${bIds.shift}/signup`, payload: () => ({}), expectStatus: 404 },
  { method: 'POST', route: '/api/shifts/{id}/withdraw', url: () => `/api/shifts/${bIds.shift}/withdraw`, expectStatus: 404 },
  {
    method: 'POST',
    route: '/api/shifts/{id}/crew',
    url: () => `/api/shifts/${bIds.shift}/crew`,
    payload: () => ({ memberId: a.admin.memberId }),
    expectStatus: 404,
  },
  {
    method: 'POST',
    route: '/api/shifts/{id}/crew/{memberId}/remove',
    url: () => `/api/shifts/${bIds.shift}/crew/${bIds.member}/remove`,
    payload: () => ({ reason: 'Kapad' }),
    expectStatus: 404,
  },
  {
    method: 'POST',
    route: '/api/shifts/{id}/swap',
    url: () => `/api/shifts/${bIds.shift}/swap`,
    payload: () => ({ outMemberId: bIds.member, inMemberId: a.admin.memberId, reason: 'Kapad' }),
    expectStatus: 404,
  },
  {
    method: 'POST',
    route: '/api/shifts/{id}/check-in',
    url: () => `/api/shifts/${bIds.shift}/check-in`,
    payload: () => ({ presentMemberIds: [bIds.member], driverMemberId: bIds.member, odometerStartKm: 1 }),
    expectStatus: 404,
  },
  {
    method: 'POST',
    route: '/api/shifts/{id}/check-out',
    url: () => `/api/shifts/${bIds.shift}/check-out`,
    payload: () => ({ odometerEndKm: 2, nothingToReport: true }),
    expectStatus: 404,
  },
  {
    method: 'PATCH',
    route: '/api/shifts/{id}/run',
    url: () => `/api/shifts/${bIds.shift}/run`,
    payload: () => ({ reason: 'Kapad', odometerEndKm: 3 }),
    expectStatus: 404,
  },
  { method: 'GET', route: '/api/vehicles/{id}/driving-log', url: () => `/api/vehicles/${bIds.vehicle}/driving-log?year=2027`, expectStatus: 404 },
  { method: 'GET', route: '/api/vehicles/{id}/driving-log.csv', url: () => `/api/vehicles/${bIds.vehicle}/driving-log.csv?year=2027`, expectStatus: 404 },
  { method: 'GET', route: '/api/vehicles/{id}/driving-log.pdf', url: () => `/api/vehicles/${bIds.vehicle}/driving-log.pdf?year=2027`, expectStatus: 404 },
  {
    method: 'GET',
    route: '/api/hours',
    url: () => '/api/hours?from=2027-01-01&to=2027-12-31',
    expectStatus: 200,
    mustNotContain: () => [bIds.member!, bIds.vehicle!],
  },
  {
    method: 'GET',
    route: '/api/calendar-feeds',
    url: () => '/api/calendar-feeds',
    expectStatus: 200,
    mustNotContain: () => [bIds.feed!, bIds.feedFile!.replace('.ics', '')],
  },
  { method: 'POST', route: '/api/calendar-feeds', url: () => '/api/calendar-feeds', payload: () => ({ vehicleId: bIds.vehicle }), expectStatus: 400 },
  { method: 'DELETE', route: '/api/calendar-feeds/{id}', url: () => `/api/calendar-feeds/${bIds.feed}`, expectStatus: 404 },
  {
    method: 'GET',
    route: '/api/observation-categories',
    url: () => '/api/observation-categories',
    expectStatus: 200,
    mustNotContain: () => [bIds.category!, bIds.subcategory!, 'B-sub'],
  },
  {
    method: 'POST',
    route: '/api/observation-categories',
    url: () => '/api/observation-categories',
    payload: () => ({ parentId: bIds.category, labelSv: 'Kapad', labelEn: 'Hijacked' }),
    expectStatus: 400,
  },
  {
    method: 'PATCH',
    route: '/api/observation-categories/{id}',
    url: () => `/api/observation-categories/${bIds.subcategory}`,
    payload: () => ({ labelSv: 'Kapad' }),
    expectStatus: 404,
  },
  {
    method: 'PUT',
    route: '/api/observations/{id}',
    url: () => `/api/observations/${bIds.observation}`,
    payload: () => ({ categoryId: bIds.category, urgency: 'note', text: 'Kapad', lat: 59.2, lng: 17.9, observedAt: new Date().toISOString() }),
    // B's category is unknown to A: refused as for any id, with nothing of B's observation told or changed.
    expectStatus: 400,
    mustNotContain: () => ['B-hemlighet'],
  },
  {
    method: 'GET',
    route: '/api/observations',
    url: () => '/api/observations?limit=200',
    expectStatus: 200,
    mustNotContain: () => [bIds.observation!, 'B-hemlighet'],
  },
  {
    method: 'POST',
    route: '/api/observations/{id}/photos',
    url: () => `/api/observations/${bIds.observation}/photos`,
    payload: () => Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0, 0, 0]),
    contentType: 'image/jpeg',
    expectStatus: 404,
  },
  {
    method: 'GET',
    route: '/api/observations/{id}/photos/{sha256}',
    url: () => `/api/observations/${bIds.observation}/photos/${bIds.photo}`,
    expectStatus: 404,
  },
  {
    method: 'PUT',
    route: '/api/shifts/{id}/track/{segmentId}',
    url: () => `/api/shifts/${bIds.shift}/track/${newId()}`,
    payload: () => ({ points: [{ t: '2027-01-04T09:00:00.000Z', lat: 59.2, lng: 17.9 }] }),
    expectStatus: 404,
  },
  { method: 'GET', route: '/api/shifts/{id}/track', url: () => `/api/shifts/${bIds.shift}/track`, expectStatus: 404 },
  { method: 'GET', route: '/api/geocode/reverse', url: () => '/api/geocode/reverse?lat=59.2&lng=17.9', expectStatus: 200 },
  { method: 'GET', route: '/api/map-settings', url: () => '/api/map-settings', expectStatus: 200 },
  { method: 'GET', route: '/api/observations/{id}/history', url: () => `/api/observations/${bIds.observation}/history`, expectStatus: 404 },
  {
    method: 'GET',
    route: '/api/observations/map',
    url: () => '/api/observations/map?bbox=17,59,19,60',
    expectStatus: 200,
    mustNotContain: () => [bIds.observation!],
  },
  { method: 'GET', route: '/api/observations/{id}', url: () => `/api/observations/${bIds.observation}`, expectStatus: 404 },
  {
    method: 'PATCH',
    route: '/api/observations/{id}',
    url: () => `/api/observations/${bIds.observation}`,
    payload: () => ({ text: 'Kapad' }),
    expectStatus: 404,
  },
  // The feed address is its own key (calendar apps cannot sign in): an unknown one is simply not there.
  { method: 'GET', route: '/calendar/{file}', url: () => `/calendar/${'y'.repeat(43)}.ics`, expectStatus: 404 },
  { method: 'GET', route: '/api/outbox/{id}', url: () => `/api/outbox/${bIds.mail}`, expectStatus: 404 },
  // Data protection: B's member is neither exported nor anonymised from A; A's own retention never reaches B.
  { method: 'GET', route: '/api/me/export', url: () => '/api/me/export', expectStatus: 200 },
  { method: 'GET', route: '/api/members/{id}/export', url: () => `/api/members/${bIds.member}/export`, expectStatus: 404 },
  {
    method: 'POST',
    route: '/api/members/{id}/anonymise',
    url: () => `/api/members/${bIds.member}/anonymise`,
    payload: () => ({ confirmName: 'B-medlem' }),
    expectStatus: 404,
  },
  { method: 'GET', route: '/api/retention', url: () => '/api/retention', expectStatus: 200, mustNotContain: () => [b.associationId] },
  { method: 'PUT', route: '/api/retention', url: () => '/api/retention', payload: () => ({ months: { routes: 6 } }), expectStatus: 200 },
  { method: 'GET', route: '/api/privacy/notice', url: () => '/api/privacy/notice', expectStatus: 200, mustNotContain: () => ['Förening B'] },
  { method: 'GET', route: '/api/privacy/records', url: () => '/api/privacy/records', expectStatus: 200, mustNotContain: () => ['Förening B'] },
  // The public notice of B is public: it names B, and holds no counts.
  {
    method: 'GET',
    route: '/api/privacy/notice/{id}',
    url: () => `/api/privacy/notice/${b.associationId}`,
    expectStatus: 200,
    mustNotContain: () => ['"held":1', '"held":2'],
  },
];

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
