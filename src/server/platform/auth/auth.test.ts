import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOTP } from 'otpauth';
import { sql } from 'kysely';
import {
  PASSWORD,
  addAssociation,
  addMember,
  cookieHeader,
  createTestApp,
  mailAsDelivered,
  signIn,
  type TestApp,
  type TestAssociation,
} from '../../../../test/app.js';

let t: TestApp;
let a: TestAssociation;
beforeAll(async () => {
  t = await createTestApp({ SIGNIN_MAX_ATTEMPTS: '3', SIGNIN_WINDOW_SECONDS: '60' });
  a = await addAssociation(t);
});
afterAll(() => t.close());

const signInRequest = (email: string, password: string, ip: string) =>
  t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email, password }, remoteAddress: ip });

/** The newest mail to an address, as it reaches the member (its one-time link unsealed). */
const latestMailText = async (to: string): Promise<string> => (await mailAsDelivered(t, to)).text;

describe('sign-in', () => {
  it('sets an httpOnly, SameSite session cookie and refuses a wrong password with a translated problem', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    const res = await signInRequest(m.email, PASSWORD, '10.1.0.1');
    const cookie = res.cookies.find((c) => c.name === 'grannstod.session_token')!;
    expect(cookie.httpOnly).toBe(true);
    expect(cookie.sameSite).toBe('Lax');
    expect(cookie.secure).toBeFalsy();
    const wrong = await signInRequest(m.email, 'not-the-password', '10.1.0.2');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.headers['content-type']).toContain('application/problem+json');
    expect(wrong.json().title).toBe('Fel e-postadress eller lösenord.');
  });

  it('throttles repeated attempts per client IP, not per forged header', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await t.app.inject({
        method: 'POST',
        url: '/api/auth/sign-in/email',
        payload: { email: m.email, password: 'wrong-password-here' },
        remoteAddress: '10.2.0.1',
        headers: { 'x-grannstod-client-ip': `192.0.2.${i}`, 'x-forwarded-for': `198.51.100.${i}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes.slice(0, 3)).toEqual([401, 401, 401]);
    expect(codes.slice(3)).toEqual([429, 429]);
    // Another address is not affected.
    expect((await signInRequest(m.email, PASSWORD, '10.2.0.2')).statusCode).toBe(200);
  });

  it('ends the session on sign-out', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: m.cookie } })).statusCode).toBe(200);
    const out = await t.app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: m.cookie }, payload: {} });
    expect(out.statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: m.cookie } })).statusCode).toBe(401);
    const audit = await t.app.inject({ method: 'GET', url: `/api/audit?entityId=${m.memberId}`, headers: { cookie: a.admin.cookie } });
    expect((audit.json() as { action: string }[]).map((e) => e.action)).toEqual(expect.arrayContaining(['auth.sign_in', 'auth.session_end']));
  });
});

describe('sign out everywhere', () => {
  it('ends every session of the account', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    const phone = await signIn(t.app, m.email);
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/revoke-sessions', headers: { cookie: m.cookie }, payload: {} });
    expect(res.statusCode, res.body).toBe(200);
    for (const cookie of [m.cookie, phone]) expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } })).statusCode).toBe(401);
  });
});

describe('password reset', () => {
  it('mails a one-time link that resets the password and ends every session', async () => {
    const m = await addMember(t, a.associationId, ['volunteer'], { language: 'en' });
    const req = await t.app.inject({
      method: 'POST',
      url: '/api/auth/request-password-reset',
      payload: { email: m.email, redirectTo: '/reset-password' },
      remoteAddress: '10.3.0.1',
    });
    expect(req.statusCode, req.body).toBe(200);
    const text = await latestMailText(m.email);
    expect(text).toContain('Someone asked for a new password');
    const token = /reset-password\?token=([\w-]+)/.exec(text)![1]!;
    // An admin reading the outbox cannot take the member's account with it.
    const outbox = (await t.app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie: a.admin.cookie } })).json() as { id: string; to: string }[];
    const kept = await t.app.inject({ method: 'GET', url: `/api/outbox/${outbox.find((o) => o.to === m.email)!.id}`, headers: { cookie: a.admin.cookie } });
    expect(kept.statusCode).toBe(200);
    expect(kept.body).not.toContain(token);
    expect(kept.body).not.toContain('reset-password?token');

    const reset = await t.app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token, newPassword: 'a-brand-new-password' } });
    expect(reset.statusCode, reset.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: m.cookie } })).statusCode).toBe(401);
    const again = await t.app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token, newPassword: 'yet-another-password' } });
    expect(again.statusCode).toBe(400);
    expect(again.json().code).toBe('token_invalid');
    expect((await signInRequest(m.email, 'a-brand-new-password', '10.3.0.2')).statusCode).toBe(200);
    expect((await signInRequest(m.email, PASSWORD, '10.3.0.3')).statusCode).toBe(401);
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/audit?actorMemberId=${m.memberId}&action=auth.password_change`,
      headers: { cookie: a.admin.cookie },
    });
    expect(audit.json()).toHaveLength(1);
  });

  it('refuses an expired link', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    await t.app.inject({ method: 'POST', url: '/api/auth/request-password-reset', payload: { email: m.email }, remoteAddress: '10.3.1.1' });
    const token = /token=([\w-]+)/.exec(await latestMailText(m.email))![1]!;
    // better-auth's own table: reached with raw SQL, as our schema types do not describe it.
    await sql`update verification set "expiresAt" = ${new Date(Date.now() - 1000).toISOString()}`.execute(t.ctx.db);
    const reset = await t.app.inject({ method: 'POST', url: '/api/auth/reset-password', payload: { token, newPassword: 'a-brand-new-password' } });
    expect(reset.statusCode).toBe(400);
  });
});

describe('e-mail verification', () => {
  const linkIn = (text: string) => new URL(/(http:\/\/\S+\/api\/auth\/verify-email\?\S+)/.exec(text)![1]!);

  it('changes the sign-in address only once the new address is confirmed, and the member address with it', async () => {
    const m = await addMember(t, a.associationId, ['volunteer'], { language: 'en' });
    const newEmail = `new.${m.email}`;
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/auth/change-email',
      headers: { cookie: m.cookie },
      payload: { newEmail, callbackURL: '/profile' },
    });
    expect(res.statusCode, res.body).toBe(200);
    const text = await latestMailText(newEmail);
    expect(text).toContain('Open the link to confirm that the address is yours.');
    expect((await signInRequest(newEmail, PASSWORD, '10.6.0.1')).statusCode).toBe(401);

    const link = linkIn(text);
    const confirm = await t.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` });
    expect(confirm.statusCode, confirm.body).toBe(302);
    expect(confirm.headers.location).toBe('/profile');
    expect((await signInRequest(newEmail, PASSWORD, '10.6.0.2')).statusCode).toBe(200);
    const me = await t.app.inject({ method: 'GET', url: `/api/members/${m.memberId}`, headers: { cookie: a.admin.cookie } });
    expect(me.json().email).toBe(newEmail);
    const audit = await t.app.inject({
      method: 'GET',
      url: `/api/audit?action=member.email_change&actorMemberId=${m.memberId}`,
      headers: { cookie: a.admin.cookie },
    });
    expect(audit.json()[0]).toMatchObject({ before: { email: m.email }, after: { email: newEmail } });
  });

  it('an unconfirmed account is sent a link at sign-in and signs in once it is confirmed', async () => {
    const m = await addMember(t, a.associationId, ['volunteer']);
    await sql`update "user" set "emailVerified" = ${t.ctx.dialect === 'postgres' ? false : 0} where email = ${m.email}`.execute(t.ctx.db);
    const refused = await signInRequest(m.email, PASSWORD, '10.6.1.1');
    expect(refused.statusCode).toBe(403);
    expect(refused.json().title).toBe('E-postadressen är inte bekräftad. Vi har skickat en ny länk.');
    const link = linkIn(await latestMailText(m.email));
    expect((await t.app.inject({ method: 'GET', url: `${link.pathname}${link.search}` })).statusCode).toBe(302);
    expect((await signInRequest(m.email, PASSWORD, '10.6.1.2')).statusCode).toBe(200);
  });
});

describe('two-factor', () => {
  it('turns on TOTP, then sign-in needs a code or a backup code', async () => {
    const m = await addMember(t, a.associationId, ['coordinator']);
    const enable = await t.app.inject({ method: 'POST', url: '/api/auth/two-factor/enable', headers: { cookie: m.cookie }, payload: { password: PASSWORD } });
    expect(enable.statusCode, enable.body).toBe(200);
    const { totpURI, backupCodes } = enable.json() as { totpURI: string; backupCodes: string[] };
    expect(backupCodes).toHaveLength(10);
    const secret = new URL(totpURI).searchParams.get('secret')!;
    const totp = new TOTP({ secret, digits: 6, period: 30 });
    const confirm = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      headers: { cookie: m.cookie },
      payload: { code: totp.generate() },
    });
    expect(confirm.statusCode, confirm.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieHeader(confirm) || m.cookie } })).json().twoFactorEnabled).toBe(true);

    const first = await signInRequest(m.email, PASSWORD, '10.4.0.1');
    expect(first.json()).toMatchObject({ twoFactorRedirect: true });
    const pending = cookieHeader(first);
    expect(pending).not.toContain('session_token=');
    const wrong = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      headers: { cookie: pending },
      payload: { code: '000000' },
      remoteAddress: '10.4.0.1',
    });
    expect(wrong.statusCode).toBe(401);
    // The code that turned two-factor on is spent; the next step's code is accepted early.
    const signInCode = totp.generate({ timestamp: Date.now() + 30_000 });
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      headers: { cookie: pending },
      payload: { code: signInCode },
      remoteAddress: '10.4.0.1',
    });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieHeader(ok) } })).statusCode).toBe(200);

    // The same code again, as someone who saw it would try within its 30 seconds: no session.
    const replayer = await signInRequest(m.email, PASSWORD, '10.4.0.9');
    const replay = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/verify-totp',
      headers: { cookie: cookieHeader(replayer) },
      payload: { code: signInCode },
      remoteAddress: '10.4.0.9',
    });
    expect(replay.statusCode).toBe(401);
    expect(replay.json().code).toBe('code_invalid');
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieHeader(replay) || 'none=1' } })).statusCode).toBe(401);

    const second = await signInRequest(m.email, PASSWORD, '10.4.0.2');
    const backup = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/verify-backup-code',
      headers: { cookie: cookieHeader(second) },
      payload: { code: backupCodes[0] },
      remoteAddress: '10.4.0.2',
    });
    expect(backup.statusCode, backup.body).toBe(200);
    const third = await signInRequest(m.email, PASSWORD, '10.4.0.3');
    const reused = await t.app.inject({
      method: 'POST',
      url: '/api/auth/two-factor/verify-backup-code',
      headers: { cookie: cookieHeader(third) },
      payload: { code: backupCodes[0] },
      remoteAddress: '10.4.0.3',
    });
    expect(reused.statusCode).toBe(401);
  });

  it('an association can require it for admins and coordinators, not for volunteers', async () => {
    const b = await addAssociation(t, 'Strikt förening');
    const coordinator = await addMember(t, b.associationId, ['coordinator']);
    const volunteer = await addMember(t, b.associationId, ['volunteer']);
    const set = await t.app.inject({ method: 'PATCH', url: '/api/association', headers: { cookie: b.admin.cookie }, payload: { requireTwoFactor: true } });
    expect(set.statusCode).toBe(200);
    const blocked = await t.app.inject({ method: 'GET', url: '/api/members', headers: { cookie: coordinator.cookie } });
    expect(blocked.statusCode).toBe(403);
    expect(blocked.json().code).toBe('two_factor_required');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: coordinator.cookie } });
    expect(me.json()).toMatchObject({ twoFactorRequired: true, twoFactorEnabled: false, permissions: [] });
    expect((await t.app.inject({ method: 'GET', url: '/api/vehicles', headers: { cookie: volunteer.cookie } })).statusCode).toBe(200);
  });
});

describe('cookies behind HTTPS', () => {
  it('are Secure when PUBLIC_URL is https', async () => {
    const secure = await createTestApp({ PUBLIC_URL: 'https://grannstod.example.se' });
    try {
      const s = await addAssociation(secure);
      const res = await secure.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: s.admin.email, password: PASSWORD } });
      const cookie = res.cookies.find((c) => c.name.endsWith('grannstod.session_token'))!;
      expect(cookie.secure).toBe(true);
      expect(cookie.httpOnly).toBe(true);
      expect(res.headers['strict-transport-security']).toContain('max-age=');
    } finally {
      await secure.close();
    }
  });
});

it('signIn helper works for the admin', async () => {
  expect(await signIn(t.app, a.admin.email, PASSWORD, '10.5.0.1')).toContain('grannstod.session_token=');
});
