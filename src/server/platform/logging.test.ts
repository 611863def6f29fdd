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
});
