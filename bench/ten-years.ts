/**
 * Ten years of fifty associations, written straight into the database: each
 * with six members, two cars, the districts of Huddinge, six recipients, one
 * evening shift a day with two crew (and the shift's notes), 20,000
 * observations and 6,000 action items, a thousand audit entries, and, when
 * asked, a photo for every n-th observation. Seeded and deterministic; shared
 * by the insights and retention benchmarks.
 */
import { sql, type Insertable, type Kysely } from 'kysely';
import { crewRow, itemRow, observationRow, shiftRow } from '../test/rows.js';
import type { AppContext } from '../src/server/context.js';
import { seedAssociation, seedMember } from '../src/server/demo/seed.js';
import { insertArea } from '../src/server/features/associations/associations.repository.js';
import { insertVehicle } from '../src/server/features/vehicles/vehicles.repository.js';
import { insertRecipient } from '../src/server/features/reports/recipients.repository.js';
import { ensureDefaultCategories, listCategories } from '../src/server/features/observations/categories.repository.js';
import { districtPolygon, districts } from '../src/server/demo/huddinge.js';
import { urgencies } from '../src/shared/domain/categories.js';
import { recipientCreate } from '../src/shared/api/reports.js';
import { uuidv7 } from '../src/shared/domain/ids.js';
import type { ActionItemTable, Database, ObservationTable, ShiftCrewTable, ShiftTable } from '../src/server/platform/db/schema.js';
import type { Dialect } from './support.js';

export const ASSOCIATIONS = 50;
export const OBSERVATIONS = 20_000;
export const ITEMS = 6_000;
export const YEARS = 10;
export const PASSWORD = 'bench-password-long-enough';
const DAY = 86_400_000;
const HOUR = 3_600_000;

async function insertAll<T extends keyof Database>(db: Kysely<Database>, table: T, rows: Insertable<Database[T]>[]): Promise<void> {
  await db.transaction().execute(async (trx) => {
    for (let i = 0; i < rows.length; i += 1000)
      await trx
        .insertInto(table)
        .values(rows.slice(i, i + 1000) as never)
        .execute();
  });
}

/** Writes the ten years; the first association's areas come back (the insights benchmark asks for them). */
export async function seedTenYears(
  ctx: AppContext,
  dialect: Dialect,
  rnd: () => number,
  options: { photosEvery?: number } = {},
): Promise<{ first: { areas: string[] } }> {
  const now = Date.now();
  const start = now - YEARS * 365 * DAY;
  const t0 = performance.now();
  const photos = options.photosEvery ?? 0;
  let first: { areas: string[] } | undefined;
  for (let a = 0; a < ASSOCIATIONS; a++) {
    const associationId = await seedAssociation(ctx, { name: `Förening ${a}`, municipality: 'Huddinge' });
    const stamp = new Date().toISOString();
    const members: string[] = [];
    for (let m = 0; m < 6; m++) {
      members.push(
        await seedMember(ctx, associationId, {
          name: `Medlem ${a}-${m}`,
          email: `m${a}-${m}@bench.se`,
          password: PASSWORD,
          roles: m === 0 ? ['volunteer', 'coordinator'] : ['volunteer'],
        }),
      );
    }
    await ensureDefaultCategories(ctx.db, associationId, stamp);
    const categories = (await listCategories(ctx.db, associationId)).map((c) => c.id);
    const areas: string[] = [];
    for (const [name, lat, lng] of districts) areas.push(await insertArea(ctx.db, associationId, { name, geometry: districtPolygon(lat, lng), now: stamp }));
    if (a === 0) first = { areas };
    const cars = [0, 1].map((c) =>
      insertVehicle(
        ctx.db,
        associationId,
        { name: `Bil ${c}`, registration: `B${String(a).padStart(2, '0')} ${100 + c}`, odometerKm: 1000, insuranceDueOn: null, serviceDueOn: null },
        stamp,
      ),
    );
    const vehicles = await Promise.all(cars);
    const recipients: string[] = [];
    for (let r = 0; r < 6; r++) {
      const recipient = recipientCreate.parse({
        name: `Mottagare ${r}`,
        kind: 'municipality',
        channel: 'manual',
        manualInstructions: 'Ring',
        responseDays: 5 + r * 2,
      });
      recipients.push(await insertRecipient(ctx.db, associationId, recipient, stamp));
    }

    // One evening shift a day for ten years, two crew; a few cancelled, most run.
    const shifts: Insertable<ShiftTable>[] = [];
    const crew: Insertable<ShiftCrewTable>[] = [];
    for (let d = 0; d < YEARS * 365; d++) {
      const startsAt = new Date(start + d * DAY + 17 * HOUR).toISOString();
      const r = rnd();
      const shift = shiftRow({
        association_id: associationId,
        vehicle_id: vehicles[d % 2]!,
        starts_at: startsAt,
        ends_at: new Date(Date.parse(startsAt) + 4 * HOUR).toISOString(),
        km: Math.round(20 + rnd() * 40),
        area_id: areas[d % areas.length]!,
        note: 'Samling vid stationen',
        summary: 'Lugnt pass, klotter vid skolan',
        ...(r < 0.05 && { status: 'cancelled', checked_in_at: null, checked_out_at: null }),
      });
      shifts.push(shift);
      crew.push(crewRow({ association_id: associationId, shift_id: shift.id, member_id: members[d % 6]!, as_driver: 1, as_leader: 1 }));
      crew.push(crewRow({ association_id: associationId, shift_id: shift.id, member_id: members[(d + 1) % 6]!, present: rnd() < 0.1 ? 0 : 1 }));
    }
    await insertAll(ctx.db, 'shifts', shifts);
    await insertAll(ctx.db, 'shift_crew', crew);

    const observations: Insertable<ObservationTable>[] = [];
    for (let i = 0; i < OBSERVATIONS; i++) {
      const d = Math.floor(rnd() * districts.length);
      const [, lat, lng] = districts[d]!;
      observations.push(
        observationRow({
          association_id: associationId,
          author_member_id: members[i % 6]!,
          category_id: categories[Math.floor(rnd() * categories.length)]!,
          urgency: urgencies[Math.floor(rnd() * urgencies.length)]!,
          text: rnd() < 0.6 ? 'Klotter på elskåpet vid gångvägen' : null,
          lat: lat + (rnd() - 0.5) * 0.012,
          lng: lng + (rnd() - 0.5) * 0.024,
          area_id: areas[d]!,
          observed_at: new Date(start + rnd() * YEARS * 365 * DAY).toISOString(),
          routed_at: stamp,
        }),
      );
    }
    await insertAll(ctx.db, 'observations', observations);
    if (photos > 0) {
      // Every n-th observation with a photo of its own (a small file: what matters here is rows and files, not bytes).
      const rows = [];
      for (let i = 0; i < OBSERVATIONS; i += photos) {
        const o = observations[i]!;
        const sha256 = await ctx.files.put(Buffer.from(`photo ${a} ${i}`));
        rows.push({
          observation_id: o.id!,
          sha256,
          association_id: associationId,
          mime: 'image/jpeg',
          width: 1,
          height: 1,
          bytes: 9,
          created_at: o.observed_at!,
        });
      }
      await insertAll(ctx.db, 'observation_photos', rows);
    }
    // A thousand audit entries over the years: who changed what.
    await insertAll(
      ctx.db,
      'audit_log',
      Array.from({ length: 1000 }, (_, i) => {
        const at = new Date(start + (i / 1000) * YEARS * 365 * DAY).toISOString();
        return {
          id: uuidv7(Date.parse(at)),
          association_id: associationId,
          actor_member_id: members[0]!,
          action: 'member.update',
          entity_type: 'member',
          entity_id: members[i % 6]!,
          before_json: '{"phone":"070-1"}',
          after_json: '{"phone":"070-2"}',
          created_at: at,
        };
      }),
    );

    // Items: every third observation went to one recipient; most came back resolved.
    const items: Insertable<ActionItemTable>[] = [];
    const links: { item_id: string; observation_id: string; association_id: string; created_at: string }[] = [];
    for (let i = 0; i < ITEMS; i++) {
      const o = observations[i * 3]!;
      const sent = Date.parse(o.observed_at!) + 2 * HOUR;
      const r = rnd();
      const closes = sent + (6 + rnd() * 20 * 24) * HOUR;
      const outcome = closes > now ? 'sent' : r < 0.75 ? 'resolved' : r < 0.85 ? 'acknowledged' : r < 0.9 ? 'rejected' : 'sent';
      const item = itemRow({
        association_id: associationId,
        recipient_id: recipients[i % recipients.length]!,
        category_id: o.category_id,
        sent_at: new Date(sent).toISOString(),
        lat: o.lat,
        lng: o.lng,
        state: outcome,
        answered_at: outcome === 'sent' ? null : new Date(closes).toISOString(),
        closed_at: outcome === 'resolved' || outcome === 'rejected' ? new Date(closes).toISOString() : null,
      });
      items.push(item);
      links.push({ item_id: item.id!, observation_id: o.id!, association_id: associationId, created_at: o.observed_at! });
    }
    await insertAll(ctx.db, 'action_items', items);
    await insertAll(ctx.db, 'action_item_observations', links);
    if (a % 10 === 9) console.log(`seeded ${a + 1} associations in ${((performance.now() - t0) / 1000).toFixed(0)} s`);
  }
  // As autovacuum leaves a live database (it is off on this machine's PostgreSQL): statistics and the visibility map.
  await sql.raw(dialect === 'postgres' ? 'vacuum analyze' : 'analyze').execute(ctx.db);
  return { first: first! };
}
