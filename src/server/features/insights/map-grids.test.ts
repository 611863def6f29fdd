/**
 * The map's heat and coverage grids: counts land in the right cells, a route
 * counts once per shift however many points it has there, cells stay coarse
 * when zoomed in, and who may see which grid.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, addMember, createTestApp, type TestApp, type TestAssociation, type TestMember } from '../../../../test/app.js';
import { crewRow, observationRow, shiftRow } from '../../../../test/rows.js';
import { call } from '../../../../test/shifts.js';
import { insertVehicle } from '../vehicles/vehicles.repository.js';
import { createPartner } from '../associations/associations.service.js';
import { encodePolyline } from '../../../shared/domain/polyline.js';
import { uuidv7 } from '../../../shared/domain/ids.js';
import type { Grid } from '../../../shared/api/insights.js';

let t: TestApp;
let a: TestAssociation;
let b: TestAssociation;
let partner: TestMember;
let volunteer: TestMember;
// A 0.4° × 0.3° viewport: a 40 × 30 grid of 0.01° cells.
const bbox = '17.6,59.1,18,59.4';

// A registration of its own for each car: a random one collided now and then (one chance in 899 per pair).
let cars = 0;

async function drive(association: TestAssociation, member: string, startsAt: string, points: [number, number][]) {
  const db = t.ctx.db;
  const now = new Date().toISOString();
  const car = await insertVehicle(
    db,
    association.associationId,
    { name: 'Bil', registration: `GRN ${100 + cars++}`, odometerKm: 1, insuranceDueOn: null, serviceDueOn: null },
    now,
  );
  const shift = shiftRow({
    association_id: association.associationId,
    vehicle_id: car,
    starts_at: startsAt,
    ends_at: new Date(Date.parse(startsAt) + 4 * 3_600_000).toISOString(),
  });
  await db.insertInto('shifts').values(shift).execute();
  await db
    .insertInto('shift_crew')
    .values(crewRow({ association_id: association.associationId, shift_id: shift.id, member_id: member }))
    .execute();
  await db
    .insertInto('track_segments')
    .values({
      id: uuidv7(),
      association_id: association.associationId,
      shift_id: shift.id,
      member_id: member,
      started_at: startsAt,
      ended_at: startsAt,
      point_count: points.length,
      polyline: encodePolyline(points),
      seconds: points.map((_, i) => i * 30).join(','),
      content_hash: uuidv7(),
      created_at: now,
    })
    .execute();
}

beforeAll(async () => {
  t = await createTestApp();
  a = await addAssociation(t, 'Grannstöd Huddinge');
  b = await addAssociation(t, 'Grannstöd B');
  volunteer = await addMember(t, a.associationId, ['volunteer']);
  const aActor = (await t.ctx.actorOf({ headers: { cookie: a.admin.cookie } } as never))!;
  partner = await addMember(t, a.associationId, [], {
    kind: 'partner',
    partnerOrganisationId: (await createPartner(t.ctx, aActor, { name: 'Huddinge kommun', kind: 'municipality' })).id,
  });
  const category = (await call(t, a.admin.cookie, 'GET', '/api/observation-categories')).json()[0].id;
  const observe = (lat: number, lng: number, author = a.admin.memberId, at = '2026-05-10T10:00:00.000Z') =>
    t.ctx.db
      .insertInto('observations')
      .values(observationRow({ association_id: a.associationId, author_member_id: author, category_id: category, lat, lng, observed_at: at }))
      .execute();
  // Three in cell (5, 5), one by the volunteer in cell (20, 10), one on the north-east corner, one outside the viewport.
  await observe(59.155, 17.655);
  await observe(59.156, 17.656);
  await observe(59.157, 17.657, a.admin.memberId, '2025-01-01T10:00:00.000Z');
  await observe(59.205, 17.805, volunteer.memberId);
  await observe(59.4, 18);
  await observe(60, 18.5);
  // Two shifts pass through cell (5, 5); the first lingers there with three points.
  await drive(a, a.admin.memberId, '2026-05-10T16:00:00.000Z', [
    [59.155, 17.655],
    [59.1551, 17.6551],
    [59.1552, 17.6552],
    [59.165, 17.665],
  ]);
  await drive(a, volunteer.memberId, '2026-05-11T16:00:00.000Z', [
    [59.155, 17.655],
    [59.175, 17.675],
  ]);
  await drive(b, b.admin.memberId, '2026-05-11T16:00:00.000Z', [[59.155, 17.655]]);
});
afterAll(() => t.close());

const get = async (cookie: string, what: string, query: string) =>
  t.app.inject({ method: 'GET', url: `/api/insights/${what}?bbox=${bbox}${query}`, headers: { cookie } });
const cellMap = (g: Grid) => Object.fromEntries(g.cells.map((c) => [`${c.x},${c.y}`, c.count]));

describe('heat grid', () => {
  it('counts observations per cell, the edge in the last cell, filtered by period', async () => {
    const res = await get(a.admin.cookie, 'heat', '');
    expect(res.statusCode, res.body).toBe(200);
    const g = res.json() as Grid;
    expect(g).toMatchObject({ bbox: [17.6, 59.1, 18, 59.4], columns: 40, rows: 30 });
    expect(cellMap(g)).toEqual({ '5,5': 3, '20,10': 1, '39,29': 1 });
    expect(cellMap((await get(a.admin.cookie, 'heat', '&from=2026-01-01&to=2026-12-31')).json())).toEqual({ '5,5': 2, '20,10': 1, '39,29': 1 });
  });

  it('shows a partner everything and a volunteer their own', async () => {
    expect(cellMap((await get(partner.cookie, 'heat', '')).json())).toEqual({ '5,5': 3, '20,10': 1, '39,29': 1 });
    expect(cellMap((await get(volunteer.cookie, 'heat', '')).json())).toEqual({ '20,10': 1 });
    expect((await get(b.admin.cookie, 'heat', '')).json().cells).toEqual([]);
  });

  it('keeps cells at 250 m or more when zoomed in', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/insights/heat?bbox=17.65,59.15,17.66,59.16', headers: { cookie: a.admin.cookie } });
    const g = res.json() as Grid;
    expect(g.columns).toBe(2);
    expect(g.rows).toBe(4);
  });
});

describe('coverage grid', () => {
  it('counts each shift once per cell it passed, only this association’s', async () => {
    const res = await get(a.admin.cookie, 'coverage', '');
    expect(res.statusCode, res.body).toBe(200);
    expect(cellMap(res.json())).toEqual({ '5,5': 2, '6,6': 1, '7,7': 1 });
    expect(cellMap((await get(a.admin.cookie, 'coverage', '&from=2026-05-11&to=2026-05-11')).json())).toEqual({ '5,5': 1, '7,7': 1 });
  });

  it('is for staff and partners, not for volunteers', async () => {
    expect((await get(partner.cookie, 'coverage', '')).statusCode).toBe(200);
    expect((await get(volunteer.cookie, 'coverage', '')).statusCode).toBe(403);
    const bad = await get(a.admin.cookie, 'coverage', '&categoryId=x');
    expect(bad.statusCode).toBe(400);
  });
});
