import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/app.js';
import { DEMO_PASSWORD, fillDemo } from './demo.js';
import { addItemHistory } from './item-history.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo', () => {
  it('fills a fresh database with Grannstöd Huddinge, whose printed sign-ins work', async () => {
    const signIns = await fillDemo(t.ctx);
    expect(signIns.map((s) => s.role)).toEqual([
      'admin',
      'coordinator',
      'shift leader',
      'driver',
      'volunteer',
      'partner (police)',
      'partner (municipality)',
      'partner (fire_service)',
    ]);
    const cookie = await signIn(t.app, 'admin@demo.grannstod.se', DEMO_PASSWORD);
    const members = (await t.app.inject({ method: 'GET', url: '/api/members', headers: { cookie } })).json() as { kind: string; roles: string[] }[];
    expect(members.filter((m) => m.kind === 'volunteer')).toHaveLength(40);
    expect(members.filter((m) => m.kind === 'partner')).toHaveLength(3);
    expect(members.filter((m) => m.roles.includes('driver')).length).toBeGreaterThanOrEqual(10);
    expect((await t.app.inject({ method: 'GET', url: '/api/vehicles', headers: { cookie } })).json()).toHaveLength(2);
    const areas = (await t.app.inject({ method: 'GET', url: '/api/areas', headers: { cookie } })).json() as { name: string }[];
    expect(areas.map((a) => a.name)).toContain('Flemingsberg');
    const police = await signIn(t.app, 'polisen@demo.grannstod.se', DEMO_PASSWORD);
    expect((await t.app.inject({ method: 'GET', url: '/api/members', headers: { cookie: police } })).statusCode).toBe(403);
    for (const s of signIns) expect(await signIn(t.app, s.email, DEMO_PASSWORD)).toContain('session_token');

    // Six months of shifts for both cars: most run, a few cancelled or short, some with nothing to report.
    const rows = await t.ctx.db.selectFrom('shifts').select(['vehicle_id', 'status', 'nothing_to_report', 'starts_at']).execute();
    const past = rows.filter((r) => Date.parse(r.starts_at) < Date.now());
    expect(new Set(past.map((r) => r.vehicle_id)).size).toBe(2);
    expect(past.length).toBeGreaterThan(250);
    expect(past.filter((r) => r.status === 'cancelled').length).toBeGreaterThan(3);
    expect(past.filter((r) => r.nothing_to_report === 1).length).toBeGreaterThan(50);
    const year = new Date().getFullYear();
    const car = (await t.app.inject({ method: 'GET', url: '/api/vehicles', headers: { cookie } })).json()[0];
    const logOf = async (y: number) =>
      (await t.app.inject({ method: 'GET', url: `/api/vehicles/${car.id}/driving-log?year=${y}`, headers: { cookie } })).json();
    const [before, now] = [await logOf(year - 1), await logOf(year)];
    expect(now.odometerAtEndKm).toBe(car.odometerKm);
    // Six months may straddle New Year: the one unexplained gap is in one of the two years.
    const gaps = [...before.trips, ...now.trips].filter((x: { flags: string[] }) => x.flags.includes('gap'));
    expect(gaps).toHaveLength(1);
    const hours = (await t.app.inject({ method: 'GET', url: `/api/hours?from=${year - 1}-01-01&to=${year}-12-31`, headers: { cookie } })).json();
    expect(hours.totals.minutes).toBeGreaterThan(500 * 60);
    const board = (
      await t.app.inject({
        method: 'GET',
        url: `/api/staffing-board?from=${new Date(Date.now() + 86_400_000).toISOString().slice(0, 10)}&to=${new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10)}`,
        headers: { cookie },
      })
    ).json();
    expect(board.totals.staffed).toBeGreaterThan(0);
    expect(board.totals.short + board.totals.empty).toBeGreaterThan(0);

    // Observations from those shifts, spread over the districts, most of them in one.
    const page = (await t.app.inject({ method: 'GET', url: '/api/observations?limit=200', headers: { cookie } })).json();
    expect(page.items).toHaveLength(200);
    expect(page.nextCursor).not.toBeNull();
    const all = await t.ctx.db.selectFrom('observations').select(['area_id', 'shift_id', 'urgency']).execute();
    expect(all.length).toBeGreaterThan(500);
    expect(all.every((o) => o.shift_id !== null)).toBe(true);
    expect(new Set(all.map((o) => o.area_id)).size).toBeGreaterThan(10);
    expect(all.filter((o) => o.area_id !== null).length / all.length).toBeGreaterThan(0.95);
  });

  it('sends no item at a time still to come, whatever the hour the demo is made', async () => {
    // As if made a minute after the last observation that needed action was seen (the small hours after a late shift).
    const last = await t.ctx.db
      .selectFrom('observations')
      .select(['association_id', 'observed_at'])
      .where('urgency', 'in', ['needs_action', 'police_tip'])
      .orderBy('observed_at', 'desc')
      .executeTakeFirstOrThrow();
    const now = Date.parse(last.observed_at) + 60_000;
    await t.ctx.db.deleteFrom('action_item_events').execute();
    await t.ctx.db.deleteFrom('action_item_observations').execute();
    await t.ctx.db.deleteFrom('action_items').execute();
    await t.ctx.db.deleteFrom('observations').where('observed_at', '>', new Date(now).toISOString()).execute();
    expect(await addItemHistory(t.ctx, last.association_id, now)).toBeGreaterThan(0);
    const late = await t.ctx.db.selectFrom('action_items').select('id').where('sent_at', '>', new Date(now).toISOString()).execute();
    const lateEvents = await t.ctx.db.selectFrom('action_item_events').select('id').where('at', '>', new Date(now).toISOString()).execute();
    expect([late, lateEvents]).toEqual([[], []]);
  });

  it('refuses a database that already holds an association', async () => {
    await expect(fillDemo(t.ctx)).rejects.toThrow('setup_done');
  });
});
