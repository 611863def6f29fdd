/**
 * Anonymising a departed member: the person goes (name, contact data,
 * qualifications, roles, calendar addresses, login, their old values in the
 * audit log, mail to them); what the figures count stays, without them. Only
 * admins, only a deactivated member, only with the name typed; for good.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, addMember, signIn, withTestAssociation, type TestApp, type TestAssociation, type TestMember } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { seedAgedData } from '../../../../test/retention-fixture.js';

let t: TestApp;
let a: TestAssociation;
let leaving: TestMember;
let coordinator: TestMember;
const NAME = 'Greta Grannsdotter';
const PHONE = '070-555 12 34';

withTestAssociation((app, association) => {
  t = app;
  a = association;
});
beforeAll(async () => {
  coordinator = await addMember(t, a.associationId, ['volunteer', 'coordinator']);
  leaving = await addMember(t, a.associationId, ['volunteer', 'driver'], { name: NAME });
  // Her data: a phone number changed (so the audit log holds the old and new), a qualification, a calendar address,
  // observations, a shift with a crew seat, mail to her.
  expect((await call(t, a.admin.cookie, 'PATCH', `/api/members/${leaving.memberId}`, { phone: '070-000 00 00' })).statusCode).toBe(200);
  const update = await call(t, a.admin.cookie, 'PATCH', `/api/members/${leaving.memberId}`, {
    phone: PHONE,
    qualifications: [{ kind: 'driving_licence_checked', achievedOn: '2025-01-01', expiresOn: null }],
  });
  expect(update.statusCode, update.body).toBe(200);
  expect((await call(t, leaving.cookie, 'POST', '/api/calendar-feeds', {})).statusCode).toBe(201);
  await seedAgedData(t.ctx, a.associationId, leaving.memberId, new Date(), 'g');
});

const auditText = async (associationId: string) =>
  JSON.stringify(await t.ctx.db.selectFrom('audit_log').select(['before_json', 'after_json']).where('association_id', '=', associationId).execute());
const dashboard = async () => (await call(t, a.admin.cookie, 'GET', '/api/insights/dashboard?from=2020-01-01&to=2030-12-31')).json();

describe('anonymising a member', () => {
  it('is refused while the member is active, without the right name, and to anyone but an admin', async () => {
    const active = await call(t, a.admin.cookie, 'POST', `/api/members/${leaving.memberId}/anonymise`, { confirmName: NAME });
    expect(active.statusCode).toBe(409);
    expect(active.json().errors[0].field).toBe('status');
    expect((await call(t, a.admin.cookie, 'POST', `/api/members/${leaving.memberId}/deactivate`)).statusCode).toBe(200);
    const wrong = await call(t, a.admin.cookie, 'POST', `/api/members/${leaving.memberId}/anonymise`, { confirmName: 'Greta' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors[0].field).toBe('confirmName');
    expect((await call(t, coordinator.cookie, 'POST', `/api/members/${leaving.memberId}/anonymise`, { confirmName: NAME })).statusCode).toBe(403);
    // Another association's admin does not even find her.
    const other = await addAssociation(t, 'Grannstöd Annat');
    expect((await call(t, other.admin.cookie, 'POST', `/api/members/${leaving.memberId}/anonymise`, { confirmName: NAME })).statusCode).toBe(404);
  });

  it('removes the person and keeps the figures, for good', async () => {
    expect(await auditText(a.associationId)).toContain(PHONE);
    const now = new Date().toISOString();
    const mail = {
      association_id: a.associationId,
      to_address: leaving.email,
      language: 'sv',
      subject: 'Påminnelse om pass',
      text_body: `Hej ${NAME}!`,
      html_body: `<p>Hej ${NAME}!</p>`,
    };
    const rest = { attempts: 1, last_error: null, next_attempt_at: now, created_at: now, attachments: null, sealed_links: null };
    await t.ctx.db
      .insertInto('mail_outbox')
      .values({ id: 'mail-to-greta-sent', ...mail, ...rest, status: 'sent', sent_at: now })
      .execute();
    await t.ctx.db
      .insertInto('mail_outbox')
      .values({ id: 'mail-to-greta-waits', ...mail, ...rest, status: 'pending', sent_at: null })
      .execute();
    const before = await dashboard();
    const res = await call(t, a.admin.cookie, 'POST', `/api/members/${leaving.memberId}/anonymise`, { confirmName: NAME });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'anonymised', email: '', phone: null, qualifications: [], roles: [] });
    expect(res.json().name).toMatch(/^Anonymiserad [0-9A-F]{4}$/);

    // The row holds nothing of her; the login and her calendar addresses are gone; she cannot sign in.
    const row = await t.ctx.db.selectFrom('members').selectAll().where('id', '=', leaving.memberId).executeTakeFirstOrThrow();
    expect(JSON.stringify(row)).not.toMatch(/Greta|grannsdotter|555/i);
    expect(row.user_id).toBeNull();
    expect(await t.ctx.db.selectFrom('calendar_feeds').select('id').where('member_id', '=', leaving.memberId).execute()).toEqual([]);
    expect(await t.ctx.db.selectFrom('qualifications').select('id').where('member_id', '=', leaving.memberId).execute()).toEqual([]);
    await expect(signIn(t.app, leaving.email)).rejects.toThrow();
    // Her old values are nowhere in the audit log; the entry of the erasure is there, without values.
    const audit = await auditText(a.associationId);
    expect(audit).not.toContain(PHONE);
    expect(audit).not.toContain('070-000 00 00');
    expect(audit).not.toContain(NAME);
    expect(audit).not.toContain(leaving.email);
    const entries = (await call(t, a.admin.cookie, 'GET', `/api/audit?entityId=${leaving.memberId}`)).json() as { action: string }[];
    expect(entries[0]!.action).toBe('member.anonymise');
    // Mail to her: no address, no words.
    const mails = await t.ctx.db
      .selectFrom('mail_outbox')
      .select(['id', 'to_address', 'text_body', 'status'])
      .where('id', 'like', 'mail-to-greta-%')
      .orderBy('id')
      .execute();
    expect(mails).toEqual([
      { id: 'mail-to-greta-sent', to_address: '', text_body: '', status: 'sent' },
      // One still on its way is not sent to someone who has left.
      { id: 'mail-to-greta-waits', to_address: '', text_body: '', status: 'cancelled' },
    ]);

    // Observations and shifts stay, now without her.
    const observations = await t.ctx.db.selectFrom('observations').select('id').where('author_member_id', '=', leaving.memberId).execute();
    expect(observations.length).toBe(2);
    const after = await dashboard();
    expect(after.observations).toEqual(before.observations);
    expect(after.shifts).toEqual(before.shifts);

    // For good: neither reactivated nor anonymised again.
    expect((await call(t, a.admin.cookie, 'POST', `/api/members/${leaving.memberId}/reactivate`)).statusCode).toBe(409);
    const label = res.json().name as string;
    expect((await call(t, a.admin.cookie, 'POST', `/api/members/${leaving.memberId}/anonymise`, { confirmName: label })).statusCode).toBe(409);
  });

  it('works for a partner too', async () => {
    const partner = await addMember(t, a.associationId, [], { kind: 'partner', name: 'Polly Polis' });
    expect((await call(t, a.admin.cookie, 'POST', `/api/members/${partner.memberId}/deactivate`)).statusCode).toBe(200);
    const res = await call(t, a.admin.cookie, 'POST', `/api/members/${partner.memberId}/anonymise`, { confirmName: 'Polly Polis' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'anonymised', email: '', kind: 'partner' });
  });
});
