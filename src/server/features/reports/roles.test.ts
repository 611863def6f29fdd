/**
 * The role wall for every route of recipients, routing, action items and Open311 keys:
 * admins set up recipients, rules and areas; coordinators read them and work
 * the items; volunteers follow the items of their own observations; partners
 * reach none of it here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, type TestApp, type TestAssociation, type TestMember, withTestAssociation } from '../../../../test/app.js';
import { addCar, addShift, call, daysFromNow } from '../../../../test/shifts.js';
import { newId } from '../../platform/db/ids.js';
import { routePending } from './routing-sweep.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});
const ids: Record<string, string> = {};
const who: Record<'volunteer' | 'coordinator' | 'admin' | 'partner', TestMember> = {} as never;
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

beforeAll(async () => {
  who.volunteer = await addMember(t, a.associationId, ['volunteer']);
  who.coordinator = await addMember(t, a.associationId, ['volunteer', 'coordinator']);
  who.admin = a.admin;
  who.partner = await addMember(t, a.associationId, [], { kind: 'partner', partnerOrganisationId: null });
  ids.category = (await call(t, who.volunteer.cookie, 'GET', '/api/observation-categories')).json()[0].id;
  ids.recipient = (
    await call(t, a.admin.cookie, 'POST', '/api/recipients', {
      name: 'Kommunen',
      kind: 'municipality',
      channel: 'manual',
      manualInstructions: 'Ring 08-535 300 00',
    })
  ).json().id;
  ids.rule = (await call(t, a.admin.cookie, 'POST', '/api/routing-rules', { categoryId: ids.category, recipientId: ids.recipient })).json().id;
  ids.observation = newId();
  await call(t, who.volunteer.cookie, 'PUT', `/api/observations/${ids.observation}`, {
    categoryId: ids.category,
    urgency: 'needs_action',
    lat: 59.2,
    lng: 17.9,
    observedAt: new Date().toISOString(),
  });
  ids.shift = (await addShift(t, a.admin.cookie, await addCar(t, a.admin.cookie), daysFromNow(2))).id;
  ids.key = (await call(t, a.admin.cookie, 'POST', '/api/open311-keys', { name: 'Partnersystem' })).json().id;
  await routePending(t.ctx);
  ids.item = (await call(t, a.admin.cookie, 'GET', `/api/action-items?observationId=${ids.observation}`)).json()[0].id;
});

type Role = keyof typeof who;
interface Case {
  method: 'GET' | 'POST' | 'PATCH' | 'DELETE';
  url: () => string;
  body?: () => object;
  /** Who gets through (anything but 403). */
  through: Role[];
}
const staff: Role[] = ['coordinator', 'admin'];
const cases: Case[] = [
  { method: 'GET', url: () => '/api/recipients', through: staff },
  {
    method: 'POST',
    url: () => '/api/recipients',
    body: () => ({ name: 'Ny', kind: 'other', channel: 'manual', manualInstructions: 'Ring' }),
    through: ['admin'],
  },
  { method: 'PATCH', url: () => `/api/recipients/${ids.recipient}`, body: () => ({ responseDays: 10 }), through: ['admin'] },
  { method: 'GET', url: () => '/api/routing-rules', through: staff },
  { method: 'POST', url: () => '/api/routing-rules', body: () => ({ recipientId: ids.recipient, precedence: 500 }), through: ['admin'] },
  { method: 'PATCH', url: () => `/api/routing-rules/${ids.rule}`, body: () => ({ precedence: 50 }), through: ['admin'] },
  { method: 'DELETE', url: () => `/api/routing-rules/${ids.rule}`, through: ['admin'] },
  { method: 'GET', url: () => `/api/routing/try?categoryId=${ids.category}&lat=59.2&lng=17.9`, through: staff },
  { method: 'POST', url: () => '/api/areas', body: () => ({ name: 'Ny', geometry: SQUARE }), through: ['admin'] },
  {
    method: 'POST',
    url: () => '/api/areas/import',
    body: () => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'Imp' }, geometry: SQUARE }] }),
    through: ['admin'],
  },
  { method: 'GET', url: () => '/api/action-items', through: ['volunteer', ...staff] },
  { method: 'POST', url: () => '/api/action-items', body: () => ({ observationId: ids.observation, recipientId: ids.recipient }), through: staff },
  // The volunteer made the observation behind it.
  { method: 'GET', url: () => `/api/action-items/${ids.item}`, through: ['volunteer', ...staff] },
  { method: 'PATCH', url: () => `/api/action-items/${ids.item}`, body: () => ({ note: 'Ringt' }), through: staff },
  { method: 'POST', url: () => `/api/action-items/${ids.item}/send`, through: staff },
  { method: 'POST', url: () => `/api/action-items/${ids.item}/retry`, through: staff },
  { method: 'POST', url: () => `/api/action-items/${ids.item}/withdraw`, body: () => ({}), through: staff },
  { method: 'POST', url: () => `/api/action-items/${ids.item}/observations`, body: () => ({ observationId: ids.observation }), through: staff },
  // Only a partner of the organisation the item is addressed to (partner-answer.test.ts); this partner has none.
  { method: 'POST', url: () => `/api/action-items/${ids.item}/answer`, body: () => ({ state: 'acknowledged' }), through: [] },
  { method: 'POST', url: () => `/api/action-items/${ids.item}/recheck`, body: () => ({ result: 'gone' }), through: ['volunteer', ...staff] },
  { method: 'GET', url: () => `/api/shifts/${ids.shift}/rechecks`, through: ['volunteer', ...staff] },
  { method: 'GET', url: () => `/api/observations/${ids.observation}/duplicates`, through: staff },
  { method: 'GET', url: () => '/api/open311-keys', through: ['admin'] },
  { method: 'POST', url: () => '/api/open311-keys', body: () => ({ name: 'Kommunens system' }), through: ['admin'] },
  { method: 'DELETE', url: () => `/api/open311-keys/${ids.key}`, through: ['admin'] },
];

describe('role wall for action items', () => {
  it('covers every route of recipients, routing, areas, items and Open311 keys', () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    const mine = Object.entries(doc.paths)
      .filter(
        ([p]) =>
          /^\/api\/(recipients|routing|action-items|open311-keys)/.test(p) ||
          p.startsWith('/api/areas/import') ||
          p.endsWith('/duplicates') ||
          p.endsWith('/rechecks'),
      )
      .flatMap(([, ops]) => Object.keys(ops));
    // POST /api/areas shares its path with GET /api/areas (everyone may list areas): counted by hand.
    expect(mine.length + 1).toBe(cases.length);
  });

  it.each(cases)('$method $url', async (c) => {
    // Those refused first: a DELETE that gets through leaves nothing for the next role to be refused.
    const roles = (['volunteer', 'coordinator', 'admin', 'partner'] as const)
      .slice()
      .sort((x, y) => Number(c.through.includes(x)) - Number(c.through.includes(y)));
    for (const role of roles) {
      const res = await t.app.inject({ method: c.method, url: c.url(), headers: { cookie: who[role].cookie }, ...(c.body && { payload: c.body() }) });
      if (c.through.includes(role)) expect(res.statusCode, `${role}: ${res.body}`).not.toBe(403);
      else expect(res.statusCode, `${role}: ${res.body}`).toBe(403);
    }
  });
});
