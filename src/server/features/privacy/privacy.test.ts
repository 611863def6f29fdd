/**
 * The privacy notice and the records of processing say what the installation
 * really does: the counts are the database's, the periods the ones set, the
 * recipients the ones configured; members read the notice, invitees before
 * signing in (linked from their invitation), only admins the records.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addAssociation,
  addMember,
  mailAsDelivered,
  uniqueEmail,
  withTestAssociation,
  type TestApp,
  type TestAssociation,
  type TestMember,
} from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { seedAgedData } from '../../../../test/retention-fixture.js';
import { uuidv7 } from '../../../shared/domain/ids.js';

let t: TestApp;
let a: TestAssociation;
let volunteer: TestMember;
let coordinator: TestMember;

withTestAssociation((app, association) => {
  t = app;
  a = association;
});
beforeAll(async () => {
  volunteer = await addMember(t, a.associationId, ['volunteer']);
  coordinator = await addMember(t, a.associationId, ['volunteer', 'coordinator']);
  await seedAgedData(t.ctx, a.associationId, volunteer.memberId, new Date(), 'p');
  expect(
    (
      await call(t, a.admin.cookie, 'POST', '/api/recipients', {
        name: 'Huddinge kommun – felanmälan',
        kind: 'municipality',
        channel: 'email',
        email: 'felanmalan@huddinge.example',
      })
    ).statusCode,
  ).toBe(201);
  expect((await call(t, a.admin.cookie, 'PUT', '/api/retention', { months: { routes: 6 } })).statusCode).toBe(200);
  // Another association's recipients and data must not show.
  const other = await addAssociation(t, 'Grannstöd Annat');
  await call(t, other.admin.cookie, 'POST', '/api/recipients', { name: 'Annan mottagare', kind: 'other', channel: 'email', email: 'x@annat.example' });
  await seedAgedData(t.ctx, other.associationId, (await addMember(t, other.associationId, ['volunteer'])).memberId, new Date(), 'o');
});

const count = async (table: 'observations' | 'track_segments' | 'audit_log' | 'shift_crew') =>
  Number(
    (
      await t.ctx.db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .where('association_id', '=', a.associationId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('the records of processing', () => {
  it('hold what the database holds, the periods set and the recipients configured (admins only)', async () => {
    expect((await call(t, coordinator.cookie, 'GET', '/api/privacy/records')).statusCode).toBe(403);
    const res = await call(t, a.admin.cookie, 'GET', '/api/privacy/records');
    expect(res.statusCode, res.body).toBe(200);
    const doc = res.json() as { categories: { category: string; held: number; retentionMonths: number | null }[]; recipients: { name: string }[] };
    const held = Object.fromEntries(doc.categories.map((c) => [c.category, c.held]));
    const months = Object.fromEntries(doc.categories.map((c) => [c.category, c.retentionMonths]));
    expect(held.observations).toBe(await count('observations'));
    expect(held.routes).toBe(await count('track_segments'));
    expect(held.shifts).toBe(await count('shift_crew'));
    // The audit log grows with every change: at least what was there a moment ago.
    expect(held.audit).toBeGreaterThanOrEqual((await count('audit_log')) - 1);
    expect(months.routes).toBe(6);
    expect(months.observation_texts).toBe(24);
    expect(months.members).toBeNull();
    expect(doc.recipients.map((r) => r.name)).toEqual(['Huddinge kommun – felanmälan']);
    expect(res.body).not.toContain('Annan mottagare');
  });
});

describe('the privacy notice', () => {
  it('is read by every member, without counts', async () => {
    const res = await call(t, volunteer.cookie, 'GET', '/api/privacy/notice');
    expect(res.statusCode).toBe(200);
    expect(res.json().association).toBe('Grannstöd Test');
    expect(res.json().categories.every((c: { held: number | null }) => c.held === null)).toBe(true);
  });

  it('is linked from the invitation and readable before signing in', async () => {
    const email = uniqueEmail('invited');
    expect((await call(t, a.admin.cookie, 'POST', '/api/invitations', { name: 'Ny Medlem', email })).statusCode).toBe(201);
    const mail = await mailAsDelivered(t, email);
    const link = `http://localhost:3000/privacy/${a.associationId}`;
    expect(mail.text).toContain(`Så hanterar föreningen dina personuppgifter: ${link}`);
    expect(mail.html).toContain(`<a href="${link}">`);
    const open = await t.app.inject({ method: 'GET', url: `/api/privacy/notice/${a.associationId}` });
    expect(open.statusCode).toBe(200);
    expect(open.json().categories.find((c: { category: string }) => c.category === 'routes').retentionMonths).toBe(6);
    expect((await t.app.inject({ method: 'GET', url: `/api/privacy/notice/${uuidv7()}` })).statusCode).toBe(404);
  });
});
