/**
 * The dashboard's figures, from rows with known times (march-fixture.ts): a
 * March with the change to summer time in it against the 31 days before, per
 * area, and what a partner and another association see.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, type TestApp, type TestAssociation, type TestMember } from '../../../../test/app.js';
import { marchFixture } from '../../../../test/march-fixture.js';
import type { Dashboard } from '../../../shared/api/insights.js';

let t: TestApp;
let a: TestAssociation;
let b: TestAssociation;
let partner: TestMember;
let id: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  ({ a, b, partner, id } = await marchFixture(t));
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
      sent: { value: 5, previous: 1 },
      resolved: { value: 2, previous: 1 },
      // Hand count: Huddinge kommun's item of 20 March, and Vattenfall's of 12 March, reminded (its new deadline still ahead).
      overdue: { value: 2, previous: 0 },
      open: { value: 3, previous: 0 },
    });
    expect(d.items.byRecipient).toEqual([
      { recipientId: id.kommun, name: 'Huddinge kommun', sent: 3, resolved: 2, overdue: 1, medianHours: 48, previousMedianHours: 10 },
      { recipientId: id.vattenfall, name: 'Vattenfall', sent: 2, resolved: 0, overdue: 1, medianHours: null, previousMedianHours: null },
    ]);
  });

  it('counts a period with no clock change in it (summer) by local hour too', async () => {
    const res = await get(a.admin.cookie, 'from=2026-06-01&to=2026-06-30');
    expect(res.statusCode, res.body).toBe(200);
    expect((res.json() as Dashboard).observations.total).toEqual({ value: 0, previous: 0 });
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
