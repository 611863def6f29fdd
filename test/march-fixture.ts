/**
 * Rows with known times for the follow-up's tests: a March (with the change to
 * summer time in it) and the 31 days before, in two areas, with shifts, crews,
 * observations and items to two recipients; a partner; and another
 * association with one observation. The expected figures in the tests are
 * counted by hand from these rows.
 */
import { expect } from 'vitest';
import { addAssociation, addMember, type TestApp, type TestAssociation, type TestMember } from './app.js';
import { crewRow, itemRow, observationRow, shiftRow } from './rows.js';
import { call } from './shifts.js';
import { insertArea } from '../src/server/features/associations/associations.repository.js';
import { insertVehicle } from '../src/server/features/vehicles/vehicles.repository.js';
import { createPartner } from '../src/server/features/associations/associations.service.js';

export interface MarchFixture {
  a: TestAssociation;
  b: TestAssociation;
  partner: TestMember;
  id: Record<string, string>;
}

export async function marchFixture(t: TestApp): Promise<MarchFixture> {
  const id: Record<string, string> = {};
  const a = await addAssociation(t, 'Grannstöd Huddinge');
  const b = await addAssociation(t, 'Grannstöd B');
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
  // Unanswered past its first deadline; the reminder gave a new one that has not passed. Still overdue.
  await item(id.vattenfall, '2026-03-12T08:00:00.000Z', {
    first_due_at: '2026-03-26T08:00:00.000Z',
    reminded_at: '2026-03-26T09:00:00.000Z',
    due_at: new Date(Date.now() + 10 * 86_400_000).toISOString(),
  });
  await item(id.kommun, '2026-02-15T08:00:00.000Z', resolvedAfter('2026-02-15T08:00:00.000Z', 10));
  await item(id.kommun, '2026-03-21T08:00:00.000Z', { state: 'new', sent_at: null }); // not sent: not counted

  const aActor = (await t.ctx.actorOf({ headers: { cookie: a.admin.cookie } } as never))!;
  const police = await createPartner(t.ctx, aActor, { name: 'Polisen Syd', kind: 'police' });
  const partner = await addMember(t, a.associationId, [], { kind: 'partner', partnerOrganisationId: police.id });
  expect(partner.memberId).toBeTruthy();
  return { a, b, partner, id };
}
