/**
 * shifts: generating a year of shifts for two cars from their templates
 * (generate_year_ms, median of 3 fresh associations, through the service as
 * POST /api/shifts/generate runs it), and loading a month's staffing board for
 * an association of 50 members whose shifts are signed up (board_month_p95_ms,
 * 200 sequential requests over HTTP to the compiled server in its own process,
 * after 20 warm-up requests). Baseline: the app's /healthz in the same run.
 */
import { loadConfig } from '../src/server/config.js';
import { startApp } from '../src/server/start.js';
import { seedAssociation, seedMember } from '../src/server/demo/seed.js';
import { insertVehicle } from '../src/server/features/vehicles/vehicles.repository.js';
import { createTemplate } from '../src/server/features/shifts/templates.service.js';
import { generateShifts } from '../src/server/features/shifts/generate.service.js';
import { insertCrew, listShifts } from '../src/server/features/shifts/shifts.repository.js';
import type { Actor } from '../src/server/platform/policies.js';
import type { Role } from '../src/shared/domain/roles.js';
import {
  buildServer,
  SERVER_ENTRY,
  freshDatabase,
  median,
  report,
  serverEnv,
  signInCookie,
  startProcess,
  stopProcess,
  serverReady,
  timedRequests,
  p95,
  type Dialect,
} from './support.js';

const PASSWORD = 'bench-password-long-enough';
const YEAR = { from: '2027-01-01', to: '2027-12-31' };
const MONTH = { from: '2027-03-01', to: '2027-03-31' };

export async function benchShifts(dialect: Dialect): Promise<void> {
  const db = await freshDatabase(dialect);
  const env = serverEnv(db);
  const seeded = await startApp(loadConfig(env), { logger: false });
  const ctx = seeded.ctx;

  /** An association with 2 cars and their weekly templates: Bil 1 mornings and afternoons on weekdays, Bil 2 evenings Tuesday to Saturday. */
  async function association(name: string, members: number) {
    const associationId = await seedAssociation(ctx, { name, municipality: 'Huddinge' });
    const ids: string[] = [];
    for (let i = 0; i < members; i++) {
      const roles: Role[] = ['volunteer'];
      if (i === 0) roles.push('admin', 'coordinator');
      if (i % 4 === 1) roles.push('shift_leader');
      if (i % 3 === 2) roles.push('driver');
      ids.push(await seedMember(ctx, associationId, { name: `Medlem ${i}`, email: `m${i}.${name.replace(/\W/g, '')}@bench.se`, password: PASSWORD, roles }));
    }
    const admin: Actor = {
      userId: '',
      memberId: ids[0]!,
      name: 'Medlem 0',
      associationId,
      kind: 'volunteer',
      roles: ['admin', 'coordinator'],
      partnerOrganisationId: null,
      language: 'sv',
      twoFactorEnabled: false,
    };
    const now = new Date().toISOString();
    const car1 = await insertVehicle(
      ctx.db,
      associationId,
      { name: 'Bil 1', registration: 'BEN 101', odometerKm: 1000, insuranceDueOn: null, serviceDueOn: null },
      now,
    );
    const car2 = await insertVehicle(
      ctx.db,
      associationId,
      { name: 'Bil 2', registration: 'BEN 202', odometerKm: 2000, insuranceDueOn: null, serviceDueOn: null },
      now,
    );
    const base = { crewMin: 2, crewMax: 3, areaId: null, validFrom: '2026-01-01', validUntil: null, endsNextDay: false };
    await createTemplate(ctx, admin, { ...base, vehicleId: car1, name: 'Förmiddag', weekdays: [1, 2, 3, 4, 5], startTime: '09:00', endTime: '13:00' });
    await createTemplate(ctx, admin, { ...base, vehicleId: car1, name: 'Eftermiddag', weekdays: [1, 2, 3, 4, 5], startTime: '13:00', endTime: '17:00' });
    await createTemplate(ctx, admin, { ...base, vehicleId: car2, name: 'Kväll', weekdays: [2, 3, 4, 5, 6], startTime: '18:00', endTime: '22:00' });
    return { associationId, admin, ids };
  }

  const generateTimes: number[] = [];
  let created = 0;
  let boardAssociation: Awaited<ReturnType<typeof association>> | undefined;
  for (let run = 0; run < 3; run++) {
    const a = await association(`Bench ${run}`, run === 0 ? 50 : 1);
    const t0 = performance.now();
    const result = await generateShifts(ctx, a.admin, YEAR);
    generateTimes.push(performance.now() - t0);
    created = result.created;
    if (run === 0) boardAssociation = a;
  }

  // Sign the month up as people do: most shifts with two or three, some short, some empty.
  const a = boardAssociation!;
  const month = await listShifts(ctx.db, a.associationId, { fromIso: '2027-02-28T00:00:00Z', toIso: '2027-04-01T00:00:00Z' });
  for (const [i, s] of month.entries()) {
    const size = i % 5 === 4 ? 0 : (i % 3) + 1;
    for (let j = 0; j < size; j++) {
      await insertCrew(
        ctx.db,
        a.associationId,
        s.id,
        a.ids[(i * 3 + j * 17) % a.ids.length]!,
        { place: 'crew', asDriver: j === 1, asLeader: j === 0 },
        new Date().toISOString(),
      );
    }
  }
  await seeded.app.close();

  buildServer();
  const server = startProcess(SERVER_ENTRY, env);
  try {
    const base = await serverReady(server);
    const cookie = await signInCookie(base, 'm0.bench0@bench.se', PASSWORD);
    const { times: board } = await timedRequests(`${base}/api/staffing-board?from=${MONTH.from}&to=${MONTH.to}`, { cookie }, 20, 200);
    const { times: health } = await timedRequests(`${base}/healthz`, {}, 20, 200);
    report(
      'shifts',
      dialect,
      {
        generate_year_ms: median(generateTimes),
        shifts_per_year: created,
        board_month_p95_ms: p95(board),
        board_month_median_ms: median(board),
        board_shifts: month.length,
      },
      { healthz_p95_ms: p95(health) },
    );
  } finally {
    await stopProcess(server);
    await db.drop();
  }
}
