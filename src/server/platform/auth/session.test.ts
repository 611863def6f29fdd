import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { addMember, type TestApp, type TestAssociation, withTestAssociation } from '../../../../test/app.js';
import { verifiedSessionToken } from './session.js';
import { RECENT_SESSION_MS } from './recent-sessions.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});

const me = (cookie: string) => t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
const tokenOf = (cookie: string) => decodeURIComponent(/session_token=([^;]+)/.exec(cookie)![1]!).split('.')[0]!;
const days = (n: number) => new Date(Date.now() + n * 86_400_000).toISOString();

describe('session cookie on the hot path', () => {
  it('refuses a tampered signature, a forged token and garbage', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    expect((await me(m.cookie)).statusCode).toBe(200);
    const token = tokenOf(m.cookie);
    for (const bad of [
      `grannstod.session_token=${encodeURIComponent(`${token}.${'A'.repeat(43)}=`)}`,
      `grannstod.session_token=${encodeURIComponent(`${token}x.${decodeURIComponent(m.cookie.split('.').pop()!)}`)}`,
      'grannstod.session_token=%E0%A4%A',
      `grannstod.session_token=${token}`,
    ]) {
      expect((await me(bad)).statusCode, bad).toBe(401);
    }
    expect(verifiedSessionToken(m.cookie, 'another-secret-another-secret-123')).toBeNull();
  });

  it('refuses an expired session', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    await sql`update session set "expiresAt" = ${days(-1)} where token = ${tokenOf(m.cookie)}`.execute(t.ctx.db);
    expect((await me(m.cookie)).statusCode).toBe(401);
  });

  it('lets better-auth renew a session used after a day, keeping it valid', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    await sql`update session set "expiresAt" = ${days(20)} where token = ${tokenOf(m.cookie)}`.execute(t.ctx.db);
    expect((await me(m.cookie)).statusCode).toBe(200);
    const row = await sql<{ expiresAt: string | Date }>`select "expiresAt" from session where token = ${tokenOf(m.cookie)}`.execute(t.ctx.db);
    expect(new Date(row.rows[0]!.expiresAt).getTime()).toBeGreaterThan(Date.now() + 29 * 86_400_000);
  });

  it('ends a session at once on sign-out, even one read a moment ago', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    expect((await me(m.cookie)).statusCode).toBe(200);
    await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: m.cookie }, payload: {} });
    expect((await me(m.cookie)).statusCode).toBe(401);
  });

  it('shows a change of roles and language on the very next request', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    expect((await me(m.cookie)).json()).toMatchObject({ member: { roles: ['volunteer'], language: 'sv' } });
    const changed = await t.app.inject({
      method: 'PATCH',
      url: `/api/members/${m.memberId}`,
      headers: { cookie: a.admin.cookie },
      payload: { roles: ['volunteer', 'coordinator'], language: 'en' },
    });
    expect(changed.statusCode).toBe(200);
    const after = (await me(m.cookie)).json() as { member: { roles: string[]; language: string } };
    expect(after.member.language).toBe('en');
    expect([...after.member.roles].sort()).toEqual(['coordinator', 'volunteer']);
  });

  it('sees a session ended behind its back (another process, SQL) within two seconds', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    expect((await me(m.cookie)).statusCode).toBe(200);
    await sql`delete from session where token = ${tokenOf(m.cookie)}`.execute(t.ctx.db);
    await new Promise((resolve) => setTimeout(resolve, RECENT_SESSION_MS + 100));
    expect((await me(m.cookie)).statusCode).toBe(401);
  });
});
