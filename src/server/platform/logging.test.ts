/** Logs are structured JSON and carry no secrets or personal data. */
import { PassThrough } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/app.js';

let t: TestApp;
let lines = '';
beforeAll(async () => {
  const stream = new PassThrough();
  stream.on('data', (chunk: Buffer) => (lines += chunk.toString('utf8')));
  t = await createTestApp({ LOG_LEVEL: 'info' }, { logStream: stream });
});
afterAll(() => t.close());

describe('logs', () => {
  it('log each request as JSON without passwords, e-mail addresses, cookies or one-time tokens', async () => {
    const email = 'hemlig.person@example.se';
    const password = 'a-very-secret-password';
    await t.app.inject({
      method: 'POST',
      url: '/api/setup',
      payload: { associationName: 'Loggföreningen', municipality: 'Huddinge', adminName: 'Hemlig Person', email, password },
    });
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email, password } });
    const cookie = signIn.cookies.map((c) => `${c.name}=${c.value}`).join('; ');
    await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie },
      payload: { name: 'Ny Person', email: 'ny.person@example.se', phone: '070-1234567' },
    });
    await t.app.inject({ method: 'GET', url: '/api/invitation-links/SECRETTOKENSECRETTOKENSECRET' });
    await t.app.inject({ method: 'GET', url: '/reset-password?token=ANOTHERSECRETTOKEN' });

    const entries = lines
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { msg?: string; req?: { url: string } });
    expect(entries.some((e) => e.msg === 'request completed')).toBe(true);
    expect(entries.some((e) => e.req?.url === '/api/invitation-links/[redacted]')).toBe(true);
    for (const secret of [password, email, 'ny.person@example.se', '070-1234567', 'SECRETTOKEN', 'ANOTHERSECRETTOKEN', signIn.cookies[0]!.value]) {
      expect(lines).not.toContain(secret);
    }
  });

  it('hide every secret that a public route takes in its path or query, and what people search for', async () => {
    const secret = (n: number) => `SeCrEt${n}${'x'.repeat(30)}`;
    const calls: [method: 'GET' | 'POST', url: string][] = [
      ['GET', `/calendar/${secret(1)}.ics`],
      ['GET', `/svar/${secret(2)}`],
      ['POST', `/svar/${secret(3)}`],
      ['GET', `/svar/${secret(4)}/photos/${'a'.repeat(64)}`],
      ['GET', `/api/invitation-links/${secret(5)}`],
      ['POST', `/api/invitation-links/${secret(6)}/accept`],
      ['GET', `/open311/v2/requests.json?api_key=${secret(7)}&status=open`],
      ['GET', `/open311/v2/tokens/${secret(8)}.json`],
      ['GET', `/api/auth/reset-password/${secret(9)}?callbackURL=%2Freset-password`],
      ['GET', `/api/auth/verify-email?token=${secret(10)}&callbackURL=%2Fprofile`],
      ['GET', `/reset-password?token=${secret(11)}`],
      ['GET', `/invite?token=${secret(12)}`],
      // Routes that do not exist still hide what follows a declared prefix.
      ['GET', `/svar/${secret(13)}/no/such/route`],
      ['GET', `/calendar/${secret(14)}/extra`],
      ['GET', '/api/members?q=Gunnel%20Grannsson&email=gunnel%40example.se'],
      ['GET', `/open311/v2/requests.json?API_KEY=${secret(15)}`],
    ];
    lines = '';
    for (const [method, url] of calls) await t.app.inject({ method, url, ...(method === 'POST' && { payload: {} }) });
    const urls = lines
      .trim()
      .split('\n')
      .map((l) => (JSON.parse(l) as { req?: { url: string } }).req?.url)
      .filter(Boolean);
    expect(urls).toHaveLength(calls.length);
    for (let n = 1; n <= 15; n++) expect(lines).not.toContain(secret(n).slice(0, 8));
    expect(lines).not.toContain('Gunnel');
    expect(lines).not.toContain('gunnel');
    expect(urls).toEqual(
      expect.arrayContaining([
        '/calendar/[redacted]',
        '/svar/[redacted]',
        `/svar/[redacted]/photos/${'a'.repeat(64)}`,
        '/api/invitation-links/[redacted]/accept',
        '/open311/v2/requests.json?api_key=[redacted]&status=open',
        '/open311/v2/tokens/[redacted]',
        '/api/auth/reset-password/[redacted]?callbackURL=%2Freset-password',
        '/api/members?q=[redacted]&email=[redacted]',
      ]),
    );
  });
});
