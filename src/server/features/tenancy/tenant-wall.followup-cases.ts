/** The tenant wall's cases (tenant-wall.test.ts): the follow-up side, recipients to action items. Test code: *-cases.ts stays out of the build. */
import type { TestAssociation } from '../../../../test/app.js';

/** One route called as A's admin, reaching for B's data. */
export interface Case {
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

/** The two associations and the ids the test made in them (filled in its beforeAll, read when a case runs). */
export interface Wall {
  a: TestAssociation;
  b: TestAssociation;
  aIds: Record<string, string>;
  bIds: Record<string, string>;
}

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

export const followUpCases = (w: Wall): Case[] => [
  { method: 'GET', route: '/api/recipients', url: () => '/api/recipients', expectStatus: 200, mustNotContain: () => [w.bIds.recipient!, 'B-kommunen'] },
  {
    method: 'POST',
    route: '/api/recipients',
    url: () => '/api/recipients',
    payload: () => ({ name: 'A-kommunen', kind: 'municipality', channel: 'email', email: 'a@example.org', partnerOrganisationId: w.bIds.partner }),
    expectStatus: 400,
  },
  { method: 'PATCH', route: '/api/recipients/{id}', url: () => `/api/recipients/${w.bIds.recipient}`, payload: () => ({ name: 'Kapad' }), expectStatus: 404 },
  { method: 'GET', route: '/api/routing-rules', url: () => '/api/routing-rules', expectStatus: 200, mustNotContain: () => [w.bIds.rule!] },
  {
    method: 'POST',
    route: '/api/routing-rules',
    url: () => '/api/routing-rules',
    payload: () => ({ categoryId: w.bIds.category, recipientId: w.bIds.recipient }),
    expectStatus: 400,
  },
  { method: 'PATCH', route: '/api/routing-rules/{id}', url: () => `/api/routing-rules/${w.bIds.rule}`, payload: () => ({ enabled: false }), expectStatus: 404 },
  { method: 'DELETE', route: '/api/routing-rules/{id}', url: () => `/api/routing-rules/${w.bIds.rule}`, expectStatus: 404 },
  {
    method: 'GET',
    route: '/api/exports/observations',
    url: () => `/api/exports/observations?from=2000-01-01&to=2100-01-01&format=csv`,
    expectStatus: 200,
    mustNotContain: () => [w.bIds.observation!, w.bIds.routed!],
  },
  {
    method: 'GET',
    route: '/api/exports/action-items',
    url: () => `/api/exports/action-items?from=2000-01-01&to=2100-01-01&format=geojson`,
    expectStatus: 200,
    mustNotContain: () => [w.bIds.recipient!, 'B-kommunen'],
  },
  {
    method: 'GET',
    route: '/api/insights/dashboard',
    url: () => '/api/insights/dashboard?from=2020-01-01&to=2029-12-31',
    expectStatus: 200,
    mustNotContain: () => [w.bIds.recipient!, 'B-kommunen', w.bIds.category!, w.bIds.area!],
  },
  // B's area is no area of A's: refused as a bad field, not counted.
  {
    method: 'GET',
    route: '/api/insights/dashboard',
    url: () => `/api/insights/dashboard?from=2020-01-01&to=2029-12-31&areaId=${w.bIds.area}`,
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
    url: () => `/api/iop-report/report.pdf?from=2026-01-01&to=2026-12-31&areaId=${w.bIds.area}`,
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
  { method: 'GET', route: '/api/public/{id}', url: () => `/api/public/${w.b.associationId}`, expectStatus: 404 },
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
  { method: 'GET', route: '/api/police-events', url: () => '/api/police-events', expectStatus: 200, mustNotContain: () => [w.b.associationId] },
  { method: 'GET', route: '/api/open311-keys', url: () => '/api/open311-keys', expectStatus: 200, mustNotContain: () => [w.bIds.open311Key!, 'B-systemet'] },
  { method: 'POST', route: '/api/open311-keys', url: () => '/api/open311-keys', payload: () => ({ name: 'A-systemet' }), expectStatus: 201 },
  { method: 'DELETE', route: '/api/open311-keys/{id}', url: () => `/api/open311-keys/${w.bIds.open311Key}`, expectStatus: 404 },
  {
    method: 'GET',
    route: '/api/routing/try',
    url: () => `/api/routing/try?categoryId=${w.bIds.category}&lat=59.2&lng=17.9`,
    expectStatus: 200,
    mustNotContain: () => [w.bIds.recipient!, 'B-kommunen'],
  },
  {
    method: 'GET',
    route: '/api/capture-preview',
    url: () => `/api/capture-preview?categoryId=${w.bIds.category}&urgency=needs_action&lat=59.2&lng=17.9`,
    expectStatus: 200,
    mustNotContain: () => [w.bIds.recipient!, 'B-kommunen'],
  },
  { method: 'GET', route: '/api/first-day', url: () => '/api/first-day', expectStatus: 200, mustNotContain: () => [w.b.associationId] },
  { method: 'GET', route: '/api/places', url: () => '/api/places?q=B-', expectStatus: 200, mustNotContain: () => ['B-område'] },
  {
    method: 'POST',
    route: '/api/areas',
    url: () => '/api/areas',
    payload: () => ({ name: 'A-område', geometry: SQUARE }),
    expectStatus: 201,
    mustNotContain: () => [w.b.associationId],
  },
  {
    method: 'POST',
    route: '/api/areas/import',
    url: () => '/api/areas/import',
    payload: () => ({ type: 'FeatureCollection', features: [{ type: 'Feature', properties: { name: 'A-import' }, geometry: SQUARE }] }),
    expectStatus: 201,
    mustNotContain: () => [w.b.associationId],
  },
  { method: 'GET', route: '/api/action-items', url: () => '/api/action-items?state=open', expectStatus: 200, mustNotContain: () => [w.bIds.item!] },
  {
    method: 'POST',
    route: '/api/action-items',
    url: () => '/api/action-items',
    payload: () => ({ observationId: w.bIds.routed, recipientId: w.bIds.recipient }),
    expectStatus: 400,
  },
  { method: 'GET', route: '/api/action-items/{id}', url: () => `/api/action-items/${w.bIds.item}`, expectStatus: 404 },
  // Partners only; a partner of A reaching for B's item is refused in partner-answer.test.ts.
  {
    method: 'POST',
    route: '/api/action-items/{id}/answer',
    url: () => `/api/action-items/${w.bIds.item}/answer`,
    payload: () => ({ state: 'resolved' }),
    expectStatus: 403,
  },
  {
    method: 'PATCH',
    route: '/api/action-items/{id}',
    url: () => `/api/action-items/${w.bIds.item}`,
    payload: () => ({ state: 'resolved' }),
    expectStatus: 404,
  },
  { method: 'POST', route: '/api/action-items/{id}/send', url: () => `/api/action-items/${w.bIds.item}/send`, expectStatus: 404 },
  { method: 'POST', route: '/api/action-items/{id}/retry', url: () => `/api/action-items/${w.bIds.item}/retry`, expectStatus: 404 },
  { method: 'POST', route: '/api/action-items/{id}/withdraw', url: () => `/api/action-items/${w.bIds.item}/withdraw`, payload: () => ({}), expectStatus: 404 },
  {
    method: 'POST',
    route: '/api/action-items/{id}/observations',
    url: () => `/api/action-items/${w.bIds.item}/observations`,
    payload: () => ({ observationId: w.aIds.observation }),
    expectStatus: 404,
  },
  {
    method: 'POST',
    route: '/api/action-items/{id}/recheck',
    url: () => `/api/action-items/${w.bIds.item}/recheck`,
    payload: () => ({ result: 'gone' }),
    expectStatus: 404,
  },
  { method: 'GET', route: '/api/shifts/{id}/rechecks', url: () => `/api/shifts/${w.bIds.shift}/rechecks`, expectStatus: 404 },
  { method: 'GET', route: '/api/observations/{id}/duplicates', url: () => `/api/observations/${w.bIds.routed}/duplicates`, expectStatus: 404 },
];
