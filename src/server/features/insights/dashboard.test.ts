/**
 * The dashboard's figures, from rows with known times: a March (with the
 * change to summer time in it) against the 31 days before, per area, and
 * what a partner and another association see. Every expected number is
 * counted by hand from the rows below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, addMember, createTestApp, type TestApp, type TestAssociation, type TestMember } from '../../../../test/app.js';
import { crewRow, itemRow, observationRow, shiftRow } from '../../../../test/rows.js';
import { call } from '../../../../test/shifts.js';
import { insertArea } from '../associations/associations.repository.js';
import { insertVehicle } from '../vehicles/vehicles.repository.js';
import { createPartner } from '../associations/associations.service.js';
import type { Dashboard } from '../../../shared/api/insights.js';

let t: TestApp;
let a: TestAssociation;
let b: TestAssociation;
let partner: TestMember;
const id: Record<string, string> = {};

beforeAll(async () => {
  t = await createTestApp();
  a = await addAssociation(t, 'Grannstöd Huddinge');
  b = await addAssociation(t, 'Grannstöd B');
  const db = t.ctx.db;
  const now = new Date().toISOString();
  const square = {
    type: 'Polygon',
    coordinates: [
      [
        [17.9, 59.2],
        [18, 59.2],
        [18, 59.3],
        [17.9, 59.2],
      ],
    ],
  };
  id.north = await insertArea(db, a.associationId, { name: 'Norra', geometry: square, now });
  id.south = await insertArea(db, a.associationId, { name: 'Södra', geometry: square, now });
  id.bArea = await insertArea(db, b.associationId, { name: 'B-området', geometry: square, now });
  const car = await insertVehicle(
    db,
    a.associationId,
    { name: 'Bil 1', registration: 'GRN 101', odometerKm: 1000, insuranceDueOn: null, serviceDueOn: null },
    now,
  );
  const crew = await Promise.all([1, 2, 3].map(() => addMember(t, a.associationId, ['volunteer', 'driver', 'shift_leader'])));
  const categories = (await call(t, a.admin.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[];
  const cat = (code: string) => categories.find((c) => c.code === code)!.id;
  await call(t, b.admin.cookie, 'GET', '/api/observation-categories');
  const bCategory = (await t.ctx.db.selectFrom('observation_categories').select('id').where('association_id', '=', b.associationId).executeTakeFirstOrThrow())
    .id;

  // Shifts: three planned in March (two run, one short), one cancelled; one run in February.
  const shift = async (startsAt: string, hours: number, km: number, seats: [driver: boolean, leader: boolean, present: number | null][], extra = {}) => {
    const row = shiftRow({
      association_id: a.associationId,
      vehicle_id: car,
      starts_at: startsAt,
      ends_at: new Date(Date.parse(startsAt) + hours * 3_600_000).toISOString(),
      km,
      ...extra,
    });
    await db.insertInto('shifts').values(row).execute();
    for (const [n, [driver, leader, present]] of seats.entries()) {
      await db
        .insertInto('shift_crew')
        .values(
          crewRow({
            association_id: a.associationId,
            shift_id: row.id,
            member_id: crew[n]!.memberId,
            as_driver: driver ? 1 : 0,
            as_leader: leader ? 1 : 0,
            present,
          }),
        )
        .execute();
    }
  };
  await shift(
    '2026-03-02T17:00:00.000Z',
    4,
    40,
    [
      [true, false, 1],
      [false, true, 1],
    ],
    { area_id: id.north },
  );
  await shift('2026-03-30T16:00:00.000Z', 4, 25, [
    [true, true, 1],
    [false, false, null],
    [false, false, 0],
  ]);
  await shift('2026-03-15T16:00:00.000Z', 4, 0, [[true, true, null]], {
    status: 'planned',
    checked_in_at: null,
    checked_out_at: null,
    odometer_start_km: null,
    odometer_end_km: null,
  });
  await shift('2026-03-20T16:00:00.000Z', 4, 0, [], { status: 'cancelled', checked_in_at: null, checked_out_at: null });
  await shift('2026-02-10T17:00:00.000Z', 3, 30, [
    [true, true, 1],
    [false, false, 1],
  ]);

  // Observations, by UTC instant; local time is an hour later in winter, two in summer.
  const observe = async (code: string, at: string, area: string | null, association = a.associationId, category = cat(code)) => {
    const row = observationRow({
      association_id: association,
      author_member_id: crew[0]!.memberId,
      category_id: category,
      lat: 59.25,
      lng: 17.95,
      observed_at: at,
      area_id: area,
    });
    if (association !== a.associationId) row.author_member_id = b.admin.memberId;
    await db.insertInto('observations').values(row).execute();
    return row.id!;
  };
  id.graffiti = await observe('graffiti', '2026-03-02T18:30:00.000Z', id.north); // Monday 19:30
  await observe('graffiti', '2026-03-30T18:30:00.000Z', id.north); // Monday 20:30, summer time
  await observe('dumping', '2026-03-07T09:15:00.000Z', null); // Saturday 10:15
  await observe('dumping', '2026-02-28T23:30:00.000Z', id.south); // Sunday 1 March 00:30: in March
  await observe('graffiti', '2026-02-10T12:00:00.000Z', id.north); // Tuesday 13:00: February
  await observe('dumping', '2026-02-28T22:59:00.000Z', null); // Saturday 23:59: February
  await observe('graffiti', '2026-01-28T12:00:00.000Z', id.north); // before both periods
  await observe('graffiti', '2026-03-10T12:00:00.000Z', null, b.associationId, bCategory); // B's

  // Items: four sent in March to two recipients, one in February.
  const recipient = async (name: string) =>
    (await call(t, a.admin.cookie, 'POST', '/api/recipients', { name, kind: 'municipality', channel: 'manual', manualInstructions: 'Ring' })).json()
      .id as string;
  id.kommun = await recipient('Huddinge kommun');
  id.vattenfall = await recipient('Vattenfall');
  const item = async (recipientId: string, sentAt: string, extra = {}) => {
    const row = itemRow({ association_id: a.associationId, recipient_id: recipientId, category_id: cat('graffiti'), sent_at: sentAt, ...extra });
    await db.insertInto('action_items').values(row).execute();
    return row.id!;
  };
  const resolvedAfter = (sentAt: string, hours: number) => ({
    state: 'resolved',
    answered_at: sentAt,
    closed_at: new Date(Date.parse(sentAt) + hours * 3_600_000).toISOString(),
  });
  const first = await item(id.kommun, '2026-03-03T08:00:00.000Z', resolvedAfter('2026-03-03T08:00:00.000Z', 24));
  await db
    .insertInto('action_item_observations')
    .values({ item_id: first, observation_id: id.graffiti, association_id: a.associationId, created_at: now })
    .execute();
  await item(id.kommun, '2026-03-10T08:00:00.000Z', resolvedAfter('2026-03-10T08:00:00.000Z', 72));
  await item(id.kommun, '2026-03-20T08:00:00.000Z', { due_at: '2026-03-25T08:00:00.000Z' });
  await item(id.vattenfall, '2026-03-05T08:00:00.000Z', { state: 'acknowledged', answered_at: '2026-03-06T08:00:00.000Z', due_at: '2026-03-10T08:00:00.000Z' });
  await item(id.kommun, '2026-02-15T08:00:00.000Z', resolvedAfter('2026-02-15T08:00:00.000Z', 10));
  await item(id.kommun, '2026-03-21T08:00:00.000Z', { state: 'new', sent_at: null }); // not sent: not counted

  const aActor = (await t.ctx.actorOf({ headers: { cookie: a.admin.cookie } } as never))!;
  const police = await createPartner(t.ctx, aActor, { name: 'Polisen Syd', kind: 'police' });
  partner = await addMember(t, a.associationId, [], { kind: 'partner', partnerOrganisationId: police.id });
});
afterAll(() => t.close());

const get = (cookie: string, query: string) => t.app.inject({ method: 'GET', url: `/api/insights/dashboard?${query}`, headers: { cookie } });
const march = 'from=2026-03-01&to=2026-03-31';

describe('dashboard', () => {
  it('counts a period’s shifts, hours and km against the period before', async () => {
    const res = await get(a.admin.cookie, march);
    expect(res.statusCode, res.body).toBe(200);
    const d = res.json() as Dashboard;
    expect(d).toMatchObject({ from: '2026-03-01', to: '2026-03-31', previousFrom: '2026-01-29', previousTo: '2026-02-28', areaId: null });
    expect(d.shifts).toEqual({
      planned: { value: 3, previous: 1 },
      run: { value: 2, previous: 1 },
      cancelled: { value: 1, previous: 0 },
      staffed: { value: 2, previous: 1 },
      staffingRate: { value: 67, previous: 100 },
      // 2 present × 4 h, then 2 present (one unrecorded, one absent) × 4 h; February 2 × 3 h.
      volunteerHours: { value: 16, previous: 6 },
      km: { value: 65, previous: 30 },
    });
  });

  it('counts observations by category, area, local weekday and local hour, across the change to summer time', async () => {
    const d = (await get(a.admin.cookie, march)).json() as Dashboard;
    expect(d.observations.total).toEqual({ value: 4, previous: 2 });
    expect(d.observations.byCategory.map((c) => [c.label, c.value, c.previous])).toEqual([
      ['Klotter', 2, 1],
      ['Sopdumpning eller nedskräpning', 2, 1],
    ]);
    expect(d.observations.byArea).toEqual([
      { areaId: id.north, name: 'Norra', value: 2, previous: 1 },
      { areaId: id.south, name: 'Södra', value: 1, previous: 0 },
      { areaId: null, name: null, value: 1, previous: 1 },
    ]);
    const weekdays = Object.fromEntries(d.observations.byWeekday.filter((w) => w.value || w.previous).map((w) => [w.weekday, [w.value, w.previous]]));
    expect(weekdays).toEqual({ 1: [2, 0], 2: [0, 1], 6: [1, 1], 7: [1, 0] });
    const hours = Object.fromEntries(d.observations.byHour.filter((h) => h.value || h.previous).map((h) => [h.hour, [h.value, h.previous]]));
    expect(hours).toEqual({ 0: [1, 0], 10: [1, 0], 13: [0, 1], 19: [1, 0], 20: [1, 0], 23: [0, 1] });
  });

  it('follows items sent in the period: resolved, overdue, open, and the median time per recipient', async () => {
    const d = (await get(a.admin.cookie, march)).json() as Dashboard;
    expect(d.items).toMatchObject({
      sent: { value: 4, previous: 1 },
      resolved: { value: 2, previous: 1 },
      overdue: { value: 1, previous: 0 },
      open: { value: 2, previous: 0 },
    });
    expect(d.items.byRecipient).toEqual([
      { recipientId: id.kommun, name: 'Huddinge kommun', sent: 3, resolved: 2, overdue: 1, medianHours: 48, previousMedianHours: 10 },
      { recipientId: id.vattenfall, name: 'Vattenfall', sent: 1, resolved: 0, overdue: 0, medianHours: null, previousMedianHours: null },
    ]);
  });

  it('narrows everything to one area', async () => {
    const d = (await get(a.admin.cookie, `${march}&areaId=${id.north}`)).json() as Dashboard;
    expect(d.areaId).toBe(id.north);
    expect(d.shifts.planned).toEqual({ value: 1, previous: 0 });
    expect(d.shifts.km).toEqual({ value: 40, previous: 0 });
    expect(d.observations.total).toEqual({ value: 2, previous: 1 });
    expect(d.items.sent).toEqual({ value: 1, previous: 0 });
  });

  it('is the same for a partner and a volunteer, and has nothing of another association', async () => {
    const admin = (await get(a.admin.cookie, march)).json();
    expect((await get(partner.cookie, march)).json()).toEqual(admin);
    const volunteer = await addMember(t, a.associationId, ['volunteer']);
    expect((await get(volunteer.cookie, march)).json()).toEqual(admin);
    const other = (await get(b.admin.cookie, march)).json() as Dashboard;
    expect(other.observations.total).toEqual({ value: 1, previous: 0 });
    expect(other.shifts.planned).toEqual({ value: 0, previous: 0 });
    expect(other.items.byRecipient).toEqual([]);
  });

  it('refuses a period backwards, an area of another association and unknown parameters, naming the field', async () => {
    const backwards = await get(a.admin.cookie, 'from=2026-03-31&to=2026-03-01');
    expect(backwards.statusCode).toBe(400);
    expect(backwards.headers['content-type']).toContain('application/problem+json');
    expect(backwards.json().errors[0].field).toBe('to');
    const foreign = await get(a.admin.cookie, `${march}&areaId=${id.bArea}`);
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors[0].field).toBe('areaId');
    expect((await get(a.admin.cookie, `${march}&memberId=x`)).statusCode).toBe(400);
    expect((await get(a.admin.cookie, 'from=2026-02-30&to=2026-03-01')).statusCode).toBe(400);
  });
});
