/**
 * Six months of shift history for the demo's two cars, made the way the app
 * makes it: templates, then generated shifts. The past is then filled in
 * directly (history need not pass today's sign-up rules): crews with a driver
 * and a leader, check-in and check-out with odometer readings that end at the
 * cars' present odometers, a few cancelled and a few short-staffed shifts,
 * many with "nothing to report", one unexplained odometer gap (a workshop
 * visit nobody logged). The coming four weeks are partly signed up, so the
 * staffing board shows staffed, short and empty shifts.
 */
import type { AppContext } from '../context.js';
import type { Actor } from '../platform/policies.js';
import { nowIso } from '../platform/db/ids.js';
import { createTemplate } from '../features/shifts/templates.service.js';
import { generateShifts } from '../features/shifts/generate.service.js';
import { insertCrew, listShifts, updateShift, type ShiftRow } from '../features/shifts/shifts.repository.js';
import { addDays, localToday } from '../../shared/domain/time.js';

/** A small seeded generator, so every demo has the same history. */
function random(seed: number) {
  let s = seed >>> 0;
  return () => {
    s = (s * 1_664_525 + 1_013_904_223) >>> 0;
    return s / 2 ** 32;
  };
}

const cancelReasons = ['Bilen på verkstad', 'För få anmälda', 'Halka och snöoväder', 'Föreningsmöte samma kväll'];
const summaries = [
  'Klotter på elskåp vid Huddinge centrum, fotograferat.',
  'Trasig gatubelysning på Storängsvägen.',
  'Dumpat skräp vid återvinningen i Flemingsberg.',
  'Pratade med boende om inbrott i förråd.',
  'Lugnt. Kontrollerade skolgårdarna.',
  'Skadegörelse på busskur vid Visättra.',
  'Öppen port i Vårby, ringde fastighetsägaren.',
];
const places = ['Huddinge centrum', 'Flemingsberg', 'Stuvsta', 'Skogås', 'Trångsund', 'Vårby gård'];

export async function addShiftHistory(ctx: AppContext, associationId: string, admin: Actor): Promise<void> {
  const rnd = random(20_261_127);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(rnd() * xs.length)]!;
  const today = localToday(ctx.clock.now());
  const from = addDays(today, -182);
  const cars = await ctx.db.selectFrom('vehicles').select(['id', 'name', 'odometer_km']).where('association_id', '=', associationId).orderBy('name').execute();
  const areas = await ctx.db.selectFrom('areas').select('id').where('association_id', '=', associationId).orderBy('name').execute();
  const [car1, car2] = cars as [(typeof cars)[number], (typeof cars)[number]];
  const base = { crewMin: 2, crewMax: 3, validFrom: from, validUntil: null, endsNextDay: false };
  await createTemplate(ctx, admin, {
    ...base,
    vehicleId: car1.id,
    name: 'Förmiddag',
    weekdays: [1, 2, 3, 4, 5],
    startTime: '09:00',
    endTime: '13:00',
    areaId: null,
  });
  await createTemplate(ctx, admin, {
    ...base,
    vehicleId: car1.id,
    name: 'Eftermiddag',
    weekdays: [1, 3, 5],
    startTime: '13:00',
    endTime: '17:00',
    areaId: areas[3]?.id ?? null,
  });
  await createTemplate(ctx, admin, {
    ...base,
    vehicleId: car2.id,
    name: 'Kväll',
    weekdays: [2, 3, 4, 5, 6],
    startTime: '18:00',
    endTime: '22:00',
    areaId: areas[5]?.id ?? null,
  });
  await generateShifts(ctx, admin, { from, to: addDays(today, 28) });

  const people = await ctx.db
    .selectFrom('members')
    .leftJoin('member_roles', 'member_roles.member_id', 'members.id')
    .select(['members.id', 'member_roles.role'])
    .where('members.association_id', '=', associationId)
    .where('members.kind', '=', 'volunteer')
    .execute();
  const withRole = (role: string) => [...new Set(people.filter((p) => p.role === role).map((p) => p.id))];
  const leaders = withRole('shift_leader');
  const drivers = withRole('driver').filter((d) => !leaders.includes(d));
  const everyone = [...new Set(people.map((p) => p.id))];

  const now = ctx.clock.now();
  const shifts = await listShifts(ctx.db, associationId, {
    fromIso: new Date(Date.parse(from) - 86_400_000).toISOString(),
    toIso: new Date(now.getTime() + 40 * 86_400_000).toISOString(),
  });
  const past = shifts.filter((s) => Date.parse(s.ends_at) < now.getTime());
  const future = shifts.filter((s) => Date.parse(s.starts_at) > now.getTime());

  // Km per trip first, so the odometer can run up to each car's present reading.
  const trips = new Map<string, { shift: ShiftRow; km: number; fate: 'run' | 'short' | 'cancelled' }[]>();
  for (const s of past) {
    const r = rnd();
    const fate = r < 0.04 ? 'cancelled' : r < 0.1 ? 'short' : 'run';
    trips.set(s.vehicle_id, [...(trips.get(s.vehicle_id) ?? []), { shift: s, km: 18 + Math.floor(rnd() * 50), fate }]);
  }
  const stamp = nowIso();
  for (const car of cars) {
    const list = trips.get(car.id) ?? [];
    const gapAt = Math.floor(list.length / 2);
    const driven = list.filter((x) => x.fate !== 'cancelled').reduce((sum, x) => sum + x.km, 0) + 12;
    let odometer = Number(car.odometer_km) - driven;
    for (const [i, trip] of list.entries()) {
      const s = trip.shift;
      if (trip.fate === 'cancelled') {
        await updateShift(ctx.db, associationId, s.id, { status: 'cancelled', cancel_reason: pick(cancelReasons) }, stamp, true);
        continue;
      }
      const leader = pick(leaders);
      const driver = pick(drivers);
      const crew = trip.fate === 'short' ? [leader] : [leader, driver, ...(rnd() < 0.4 ? [pick(everyone.filter((p) => p !== leader && p !== driver))] : [])];
      for (const [j, memberId] of crew.entries()) {
        // On a short shift the leader also drives.
        await insertCrew(ctx.db, associationId, s.id, memberId, { place: 'crew', asDriver: j === 1 || trip.fate === 'short', asLeader: j === 0 }, s.created_at);
        await ctx.db.updateTable('shift_crew').set({ present: 1 }).where('shift_id', '=', s.id).where('member_id', '=', memberId).execute();
      }
      if (i === gapAt) odometer += 12;
      const place = pick(places);
      const nothing = rnd() < 0.35;
      await updateShift(
        ctx.db,
        associationId,
        s.id,
        {
          status: 'closed',
          checked_in_at: new Date(Date.parse(s.starts_at) + Math.floor(rnd() * 10) * 60_000).toISOString(),
          checked_in_by: leader,
          driver_member_id: trip.fate === 'short' ? leader : driver,
          odometer_start_km: odometer,
          start_place: place,
          briefing_note: rnd() < 0.2 ? 'Polisen bad oss hålla extra koll på förråd och cykelställ.' : null,
          checked_out_at: new Date(Date.parse(s.ends_at) - Math.floor(rnd() * 10) * 60_000).toISOString(),
          odometer_end_km: odometer + trip.km,
          end_place: place,
          summary: nothing ? null : pick(summaries),
          nothing_to_report: nothing ? 1 : 0,
        },
        stamp,
        false,
      );
      odometer += trip.km;
    }
  }

  // The coming weeks: most shifts partly or fully signed up, some still empty.
  for (const s of future) {
    const r = rnd();
    if (r < 0.2) continue;
    const crew = r < 0.45 ? [pick(leaders)] : [pick(leaders), pick(drivers)];
    for (const [j, memberId] of crew.entries()) {
      const busy = await ctx.db
        .selectFrom('shift_crew')
        .innerJoin('shifts', 'shifts.id', 'shift_crew.shift_id')
        .select('shifts.id')
        .where('shift_crew.member_id', '=', memberId)
        .where('shifts.starts_at', '<', s.ends_at)
        .where('shifts.ends_at', '>', s.starts_at)
        .executeTakeFirst();
      if (!busy) await insertCrew(ctx.db, associationId, s.id, memberId, { place: 'crew', asDriver: j === 1, asLeader: j === 0 }, stamp);
    }
  }
}
