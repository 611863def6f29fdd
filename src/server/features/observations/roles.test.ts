/** The role wall for every observation route: volunteers capture and read their own, coordinators manage the taxonomy, partners see the taxonomy and the map, and reach none of the rest. */
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type TestApp, type TestAssociation, type TestMember, withTestAssociation } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
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
  volunteer = await addMember(t, a.associationId, ['volunteer']);
  partner = await addMember(t, a.associationId, [], { kind: 'partner', partnerOrganisationId: null });
  ids.category = (await call(t, volunteer.cookie, 'GET', '/api/observation-categories')).json()[0].id;
  ids.observation = newId();
  await call(t, volunteer.cookie, 'PUT', `/api/observations/${ids.observation}`, {
    categoryId: ids.category,
    urgency: 'note',
    lat: 59.2,
    lng: 17.9,
    observedAt: new Date().toISOString(),
  });
  photo = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#000' } })
    .png()
    .toBuffer();
  const added = await t.app.inject({
    method: 'POST',
    url: `/api/observations/${ids.observation}/photos`,
    headers: { cookie: volunteer.cookie, 'content-type': 'image/png' },
    payload: photo,
  });
  ids.photo = added.json().photos[0].sha256;
});
let photo: Buffer;
const send = (m: TestMember, c: (typeof cases)[number]) =>
  t.app.inject({
    method: c.method,
    url: c.url(),
    headers: { cookie: m.cookie, ...(c.type && { 'content-type': c.type }) },
    ...(c.body && { payload: c.body() }),
  });

const cases: { method: 'GET' | 'POST' | 'PUT' | 'PATCH'; url: () => string; body?: () => object; type?: string; volunteer: boolean; partner?: boolean }[] = [
  // The taxonomy is no one's personal data: partners filter the map by it.
  { method: 'GET', url: () => '/api/observation-categories', volunteer: true, partner: true },
  { method: 'POST', url: () => '/api/observation-categories', body: () => ({ labelSv: 'Ny', labelEn: 'New' }), volunteer: false },
  { method: 'PATCH', url: () => `/api/observation-categories/${ids.category}`, body: () => ({ sortOrder: 5 }), volunteer: false },
  {
    method: 'PUT',
    url: () => `/api/observations/${newId()}`,
    body: () => ({ categoryId: ids.category, urgency: 'note', lat: 59.2, lng: 17.9, observedAt: new Date().toISOString() }),
    volunteer: true,
  },
  { method: 'GET', url: () => '/api/observations', volunteer: true },
  // Where tiles come from is no secret; partners will use maps too.
  { method: 'GET', url: () => '/api/map-settings', volunteer: true, partner: true },
  { method: 'GET', url: () => '/api/geocode/reverse?lat=59.2&lng=17.9', volunteer: true },
  { method: 'GET', url: () => `/api/observations/${ids.observation}/history`, volunteer: true },
  // Partners see the map, with no way into an observation (see partner-wall.test.ts).
  { method: 'GET', url: () => '/api/observations/map?bbox=17,59,19,60', volunteer: true, partner: true },
  { method: 'GET', url: () => `/api/observations/${ids.observation}`, volunteer: true },
  { method: 'PATCH', url: () => `/api/observations/${ids.observation}`, body: () => ({ urgency: 'needs_action' }), volunteer: true },
  { method: 'POST', url: () => `/api/observations/${ids.observation}/photos`, body: () => photo, type: 'image/png', volunteer: true },
  { method: 'GET', url: () => `/api/observations/${ids.observation}/photos/${ids.photo}`, volunteer: true },
];

describe('role wall for observations', () => {
  it('covers every observation route', () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const mine = Object.entries(doc.paths)
      .filter(([p]) => (p.startsWith('/api/observation') && !p.endsWith('/duplicates')) || p === '/api/map-settings' || p === '/api/geocode/reverse')
      .flatMap(([, ops]) => Object.keys(ops));
    expect(mine.length).toBe(cases.length);
  });

  it.each(cases)('$method $url: volunteer through = $volunteer, partner through = $partner', async (c) => {
    const v = await send(volunteer, c);
    if (c.volunteer) expect(v.statusCode, v.body).toBeLessThan(300);
    else expect(v.statusCode, v.body).toBe(403);
    const p = await send(partner, c);
    if (c.partner) expect(p.statusCode).toBe(200);
    else expect(p.statusCode).toBe(403);
  });
});
