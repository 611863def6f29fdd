import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('operations', () => {
  it('/healthz and /readyz answer', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).json()).toEqual({ status: 'ok' });
    expect((await t.app.inject({ method: 'GET', url: '/readyz' })).json()).toEqual({ status: 'ready' });
  });

  it('serves the OpenAPI document generated from the zod schemas, and its explorer', async () => {
    const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
    expect(doc.openapi).toMatch(/^3\./);
    expect(doc.paths['/api/invitations'].post.requestBody.content['application/json'].schema.required).toEqual(expect.arrayContaining(['name', 'email']));
    expect(doc.paths['/api/members/{id}'].get.responses['200']).toBeDefined();
    const ui = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(ui.statusCode).toBe(200);
    expect(ui.body).toContain('swagger');
    const csp = ui.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toMatch(/script-src[^;]*unsafe-inline/);
  });
});

describe('first run', () => {
  it('needs setup on an empty database, sets up once, then refuses', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: true });
    const input = {
      associationName: 'Grannstöd Huddinge',
      municipality: 'Huddinge',
      adminName: 'Anna Admin',
      email: 'Anna.Admin@Example.se',
      password: 'annas-long-password',
    };
    const res = await t.app.inject({ method: 'POST', url: '/api/setup', payload: input });
    expect(res.statusCode, res.body).toBe(201);
    expect((await t.app.inject({ method: 'GET', url: '/api/setup' })).json()).toEqual({ needsSetup: false });
    const again = await t.app.inject({ method: 'POST', url: '/api/setup', payload: { ...input, email: 'other@example.se' } });
    expect(again.statusCode).toBe(409);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      payload: { email: 'anna.admin@example.se', password: input.password },
    });
    expect(signIn.statusCode).toBe(200);
  });
});
