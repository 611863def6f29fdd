/**
 * The public page: off until the association turns it on; then counts per
 * grid square and category for the past year, with no point coordinates, no
 * words, no police matters and nothing of another association.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, createTestApp, type TestApp, type TestAssociation } from '../../../../test/app.js';
import { observationRow } from '../../../../test/rows.js';
import { call } from '../../../../test/shifts.js';
import { newId } from '../../platform/db/ids.js';
import type { PublicCounts } from '../../../shared/api/insights.js';

let t: TestApp;
let a: TestAssociation;
let b: TestAssociation;
const points: [number, number][] = [];

beforeAll(async () => {
  t = await createTestApp();
  a = await addAssociation(t, 'Grannstöd Huddinge');
  b = await addAssociation(t, 'Grannstöd B');
  const categories = async (x: TestAssociation) =>
    (await call(t, x.admin.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[];
  const mine = await categories(a);
  const theirs = await categories(b);
  const cat = (list: { id: string; code: string }[], code: string) => list.find((c) => c.code === code)!.id;
  const observe = async (x: TestAssociation, category: string, lat: number, lng: number, extra = {}) => {
    points.push([lat, lng]);
    await t.ctx.db
      .insertInto('observations')
      .values(
        observationRow({
          association_id: x.associationId,
          author_member_id: x.admin.memberId,
          category_id: category,
          lat,
          lng,
          text: 'Hemlig text om Storgatan 5',
          observed_at: new Date(Date.now() - 86_400_000).toISOString(),
          ...extra,
        }),
      )
      .execute();
  };
  await observe(a, cat(mine, 'graffiti'), 59.2345, 17.9812);
  await observe(a, cat(mine, 'graffiti'), 59.2391, 17.9933);
  await observe(a, cat(mine, 'dumping'), 59.2302, 17.9871);
  await observe(a, cat(mine, 'dumping'), 59.2155, 17.9412);
  await observe(a, cat(mine, 'burglary-suspect'), 59.2344, 17.9811, { urgency: 'police_tip' });
  await observe(a, cat(mine, 'nothing-to-report'), 59.2343, 17.9813, { urgency: 'note' });
  await observe(a, cat(mine, 'graffiti'), 59.2342, 17.9814, { observed_at: '2020-01-01T12:00:00.000Z', id: newId() });
  await observe(b, cat(theirs, 'graffiti'), 59.2341, 17.9815);
});
afterAll(() => t.close());

const page = (id = a.associationId) => t.app.inject({ method: 'GET', url: `/api/public/${id}` });

describe('public page', () => {
  it('is not there until the association turns it on', async () => {
    expect((await page()).statusCode).toBe(404);
    const on = await call(t, a.admin.cookie, 'PATCH', '/api/association', { publicPage: true });
    expect(on.statusCode, on.body).toBe(200);
    expect(on.json().publicPage).toBe(true);
    expect((await page()).statusCode).toBe(200);
    expect((await page(b.associationId)).statusCode).toBe(404);
    expect((await page(newId())).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/api/public/nej' })).statusCode).toBe(400);
  });

  it('counts per grid square and category, and holds no point, word or police matter', async () => {
    const res = await page();
    const body = res.json() as PublicCounts;
    expect(body).toMatchObject({ association: 'Grannstöd Huddinge', municipality: 'Huddinge', cell: { lat: 0.01, lng: 0.02 } });
    expect(body.categories.map((c) => [c.code, c.count])).toEqual([
      ['graffiti', 2],
      ['dumping', 2],
    ]);
    const square = (south: number, west: number) => body.cells.find((c) => c.south === south && c.west === west);
    expect(square(59.23, 17.98)).toEqual({ south: 59.23, west: 17.98, north: 59.24, east: 18, total: 3, counts: { graffiti: 2, dumping: 1 } });
    expect(square(59.21, 17.94)).toMatchObject({ total: 1, counts: { dumping: 1 } });
    expect(body.cells).toHaveLength(2);
    // Every edge is on the grid; no observation's coordinate appears anywhere in the answer.
    for (const c of body.cells) {
      expect(Math.abs(c.south * 100 - Math.round(c.south * 100))).toBeLessThan(1e-6);
      expect(Math.abs(c.west * 50 - Math.round(c.west * 50))).toBeLessThan(1e-6);
    }
    for (const [lat, lng] of points) {
      expect(res.body).not.toContain(String(lat));
      expect(res.body).not.toContain(String(lng));
    }
    expect(res.body).not.toContain('Storgatan');
    expect(res.body).not.toContain('burglary');
    expect(res.body).not.toContain(a.admin.email);
  });

  it('goes away when turned off again', async () => {
    await call(t, a.admin.cookie, 'PATCH', '/api/association', { publicPage: false });
    expect((await page()).statusCode).toBe(404);
  });
});
