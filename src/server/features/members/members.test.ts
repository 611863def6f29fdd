import { describe, expect, it } from 'vitest';
import { addAssociation, addMember, type TestApp, type TestAssociation, withTestAssociation } from '../../../../test/app.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});

const as = (cookie: string) => ({ cookie });

describe('members', () => {
  it('updates profile, roles and dated qualifications, with before and after in the audit log', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/members/${m.memberId}`,
      headers: as(a.admin.cookie),
      payload: { phone: '070-123 45 67', roles: ['volunteer', 'driver'], qualifications: [{ kind: 'driving_licence_checked', achievedOn: '2026-03-01' }] },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      phone: '070-123 45 67',
      qualifications: [{ kind: 'driving_licence_checked', achievedOn: '2026-03-01', expiresOn: null }],
    });
    expect(res.json().roles.sort()).toEqual(['driver', 'volunteer']);

    const audit = await t.app.inject({ method: 'GET', url: '/api/audit?action=member.update', headers: as(a.admin.cookie) });
    const entry = audit.json().find((e: { entityId: string }) => e.entityId === m.memberId);
    expect(entry.before).toMatchObject({ phone: null, roles: ['volunteer'] });
    expect(entry.after.phone).toBe('070-123 45 67');
    expect(entry.actorMemberId).toBe(a.admin.memberId);
  });

  it('refuses a qualification that expires before it was achieved, naming the field, and changes nothing', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    const res = await t.app.inject({
      method: 'PATCH',
      url: `/api/members/${m.memberId}`,
      headers: as(a.admin.cookie),
      payload: { phone: '070-000 00 00', qualifications: [{ kind: 'training_done', achievedOn: '2026-03-01', expiresOn: '2026-02-01' }] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual(['qualifications.0.expiresOn']);
    const after = await t.app.inject({ method: 'GET', url: `/api/members/${m.memberId}`, headers: as(a.admin.cookie) });
    expect(after.json()).toMatchObject({ phone: null, qualifications: [] });
  });

  it('records a read of another member as a sensitive read', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    await t.app.inject({ method: 'GET', url: `/api/members/${m.memberId}`, headers: as(a.admin.cookie) });
    const audit = await t.app.inject({ method: 'GET', url: `/api/audit?action=member.read&actorMemberId=${a.admin.memberId}`, headers: as(a.admin.cookie) });
    expect(audit.json().some((e: { entityId: string }) => e.entityId === m.memberId)).toBe(true);
  });

  it("lists one member's history by entity, newest first", async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    await t.app.inject({ method: 'PATCH', url: `/api/members/${m.memberId}`, headers: as(a.admin.cookie), payload: { name: 'Nytt Namn' } });
    await t.app.inject({ method: 'POST', url: `/api/members/${m.memberId}/deactivate`, headers: as(a.admin.cookie) });
    const res = await t.app.inject({ method: 'GET', url: `/api/audit?entityId=${m.memberId}`, headers: as(a.admin.cookie) });
    const actions = (res.json() as { action: string; entityId: string }[]).map((e) => e.action);
    expect(actions.filter((x) => x.startsWith('member.')).slice(0, 2)).toEqual(['member.deactivate', 'member.update']);
    // Deactivation ended the member's session; the log says so without naming them as its cause.
    expect(actions[0]).toBe('auth.session_end');
    expect((res.json() as { entityId: string }[]).every((e) => e.entityId === m.memberId)).toBe(true);
  });

  it('lets a coordinator edit qualifications but not roles', async () => {
    const coordinator = await addMember(t, a.associationId, ['coordinator']);
    const m = await addMember(t, a.associationId, ['volunteer']);
    const quals = await t.app.inject({
      method: 'PATCH',
      url: `/api/members/${m.memberId}`,
      headers: as(coordinator.cookie),
      payload: { qualifications: [{ kind: 'training_done', achievedOn: '2026-01-10' }] },
    });
    expect(quals.statusCode).toBe(200);
    const roles = await t.app.inject({ method: 'PATCH', url: `/api/members/${m.memberId}`, headers: as(coordinator.cookie), payload: { roles: ['admin'] } });
    expect(roles.statusCode).toBe(403);
  });

  it('deactivating ends the sessions and keeps history; reactivating restores the member', async () => {
    const m = await addMember(t, a.associationId, ['volunteer', 'driver']);
    const off = await t.app.inject({ method: 'POST', url: `/api/members/${m.memberId}/deactivate`, headers: as(a.admin.cookie) });
    expect(off.json()).toMatchObject({ status: 'inactive' });
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: as(m.cookie) })).statusCode).toBe(401);
    const list = await t.app.inject({ method: 'GET', url: '/api/members', headers: as(a.admin.cookie) });
    expect(list.json().map((x: { id: string }) => x.id)).not.toContain(m.memberId);
    const all = await t.app.inject({ method: 'GET', url: '/api/members?includeInactive=true', headers: as(a.admin.cookie) });
    expect(all.json().map((x: { id: string }) => x.id)).toContain(m.memberId);
    const on = await t.app.inject({ method: 'POST', url: `/api/members/${m.memberId}/reactivate`, headers: as(a.admin.cookie) });
    expect(on.json()).toMatchObject({ status: 'active', deactivatedAt: null });
    expect(on.json().roles.sort()).toEqual(['driver', 'volunteer']);
  });

  it('never leaves the association without an active admin', async () => {
    const res = await t.app.inject({ method: 'POST', url: `/api/members/${a.admin.memberId}/deactivate`, headers: as(a.admin.cookie) });
    expect(res.statusCode).toBe(409);
    const demote = await t.app.inject({
      method: 'PATCH',
      url: `/api/members/${a.admin.memberId}`,
      headers: as(a.admin.cookie),
      payload: { roles: ['volunteer'] },
    });
    expect(demote.statusCode).toBe(409);
    expect(demote.json().code).toBe('last_admin');
  });

  it('searches by name', async () => {
    await addMember(t, a.associationId, ['volunteer'], { name: 'Sökbar Sigrid' });
    const res = await t.app.inject({ method: 'GET', url: '/api/members?q=sigrid', headers: as(a.admin.cookie) });
    expect(res.json().map((m: { name: string }) => m.name)).toEqual(['Sökbar Sigrid']);
  });

  it('filters by role', async () => {
    const b = await addAssociation(t, 'Rollföreningen');
    await addMember(t, b.associationId, ['volunteer', 'driver'], { name: 'Förare Fia' });
    await addMember(t, b.associationId, ['volunteer'], { name: 'Volontär Vera' });
    const res = await t.app.inject({ method: 'GET', url: '/api/members?role=driver', headers: as(b.admin.cookie) });
    expect(res.json().map((m: { name: string }) => m.name)).toEqual(['Förare Fia']);
    const bad = await t.app.inject({ method: 'GET', url: '/api/members?role=king', headers: as(b.admin.cookie) });
    expect(bad.json().errors[0].field).toBe('querystring.role');
  });

  it('lets everyone change their own language and text size', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    const res = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: as(m.cookie), payload: { language: 'en', textSize: 'larger' } });
    expect(res.json().member).toMatchObject({ language: 'en', textSize: 'larger' });
    expect(res.json().permissions).not.toContain('member.list');
    // Validation runs before the session is read, so the message follows Accept-Language, which the web app sets.
    const bad = await t.app.inject({ method: 'PATCH', url: '/api/me', headers: { ...as(m.cookie), 'accept-language': 'en' }, payload: { textSize: 'huge' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().title).toBe('The data is not valid. Correct the fields marked.');
  });
});
