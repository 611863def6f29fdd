/** Malformed, unknown, wrongly typed, oversized or wrongly typed content: 4xx problem+json naming the field, nothing changed. */
import Fastify from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { registerSecurityHeaders } from './security.js';
import { addAssociation, createTestApp, type TestApp, type TestAssociation } from '../../../../test/app.js';
import { ownPaths } from '../../../../test/openapi.js';

let t: TestApp;
let a: TestAssociation;
beforeAll(async () => {
  t = await createTestApp();
  a = await addAssociation(t, 'Oförändrad');
});
afterAll(() => t.close());

const patch = (payload: string, contentType = 'application/json') =>
  t.app.inject({
    method: 'PATCH',
    url: '/api/association',
    headers: { cookie: a.admin.cookie, 'content-type': contentType, 'accept-language': 'en' },
    payload,
  });

describe('bad input', () => {
  it.each([
    ['malformed JSON', '{"name": ', 'application/json', 400, 'invalid_json', []],
    ['an unknown field', '{"name":"Ny","hacker":true}', 'application/json', 400, 'validation', ['hacker']],
    ['a wrong type', '{"requireTwoFactor":"yes"}', 'application/json', 400, 'validation', ['requireTwoFactor']],
    ['an empty name', '{"name":""}', 'application/json', 400, 'validation', ['name']],
    ['a too long name', JSON.stringify({ name: 'x'.repeat(201) }), 'application/json', 400, 'validation', ['name']],
    ['a wrong content type', 'name=Ny', 'application/x-www-form-urlencoded', 415, 'unsupported_media_type', []],
    ['an oversized body', JSON.stringify({ name: 'x'.repeat(300_000) }), 'application/json', 413, 'payload_too_large', []],
  ])('%s → %i %s', async (_label, body, type, status, code, fields) => {
    const res = await patch(body as string, type as string);
    expect(res.statusCode, res.body).toBe(status);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const problem = res.json();
    expect(problem).toMatchObject({ status, code, type: `urn:grannstod:problem:${code}` });
    expect(problem.title).toMatch(/^[A-Z]/);
    expect(problem.errors.map((e: { field: string }) => e.field)).toEqual(fields);
  });

  it('changed nothing', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/association', headers: { cookie: a.admin.cookie } });
    expect(res.json()).toMatchObject({ name: 'Oförändrad', requireTwoFactor: false });
  });

  it('rejects bad path and query values with the field named', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/members/not-a-uuid', headers: { cookie: a.admin.cookie } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('params.id');
    const q = await t.app.inject({ method: 'GET', url: '/api/audit?limit=100000', headers: { cookie: a.admin.cookie } });
    expect(q.statusCode).toBe(400);
    expect(q.json().errors[0].field).toBe('querystring.limit');
  });

  it('answers unknown API paths with a 404 problem', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });

  it('survives garbage on every route without a 5xx', async () => {
    const doc = t.app.swagger() as { paths: Record<string, Record<string, unknown>> };
    for (const [path, ops] of Object.entries(ownPaths(doc as never))) {
      for (const method of Object.keys(ops)) {
        const url = path.replace('{id}', '00000000-0000-7000-8000-000000000000').replace('{token}', 'x'.repeat(40));
        for (const payload of ['[]', '"x"', '{"a":{"b":[1,2,{}]}}', 'null']) {
          const res = await t.app.inject({
            method: method.toUpperCase() as 'GET',
            url,
            headers: { cookie: a.admin.cookie, 'content-type': 'application/json' },
            ...(method !== 'get' && { payload }),
          });
          expect(res.statusCode, `${method} ${path} ${payload}: ${res.body}`).toBeLessThan(500);
        }
      }
    }
  });
});

describe('cross-site requests', () => {
  it('refuses a change from another origin and changes nothing', async () => {
    const res = await t.app.inject({
      method: 'PATCH',
      url: '/api/association',
      headers: { cookie: a.admin.cookie, origin: 'https://evil.example' },
      payload: { name: 'Kapad' },
    });
    expect(res.statusCode).toBe(403);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const ok = await t.app.inject({
      method: 'PATCH',
      url: '/api/association',
      headers: { cookie: a.admin.cookie, origin: 'http://localhost:3000' },
      payload: { name: 'Oförändrad' },
    });
    expect(ok.statusCode).toBe(200);
    const signIn = await t.app.inject({
      method: 'POST',
      url: '/api/auth/sign-in/email',
      headers: { origin: 'https://evil.example' },
      payload: { email: a.admin.email, password: 'whatever-password' },
    });
    expect(signIn.statusCode).toBe(403);
  });
});

describe('security headers', () => {
  it('sends a CSP without inline script and the usual hardening headers', async () => {
    const res = await t.app.inject({ method: 'GET', url: '/healthz' });
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain('unsafe-inline');
    expect(csp).toContain("frame-ancestors 'none'");
    expect(res.headers['x-content-type-options']).toBe('nosniff');
    expect(res.headers['referrer-policy']).toBe('same-origin');
  });

  it('tells every cache to keep no answer that carries personal data', async () => {
    for (const url of [
      '/api/me',
      '/api/members',
      '/api/nothing-here',
      `/calendar/${'x'.repeat(43)}.ics`,
      `/svar/${'y'.repeat(40)}`,
      '/open311/v2/discovery.json',
      '/api/auth/get-session',
    ]) {
      const res = await t.app.inject({ method: 'GET', url, headers: { cookie: a.admin.cookie } });
      expect(res.headers['cache-control'], url).toBe('no-store');
    }
    // The app's own files may be kept; they hold nobody's data.
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).headers['cache-control']).not.toBe('no-store');
  });

  it('lets the map tile server show images and be fetched by the service worker, and nothing else', () => {
    const directives = async (tileUrl: string | null) => {
      const app = Fastify();
      await registerSecurityHeaders(app, 'http://localhost:3000', tileUrl);
      app.get('/', async () => 'ok');
      const csp = (await app.inject({ method: 'GET', url: '/' })).headers['content-security-policy'] as string;
      await app.close();
      return Object.fromEntries(
        csp
          .split(';')
          .map((d) => d.trim().split(/\s+/))
          .map(([k, ...v]) => [k, v]),
      );
    };
    return (async () => {
      const osm = await directives('https://tile.openstreetmap.org/{z}/{x}/{y}.png');
      expect(osm['img-src']).toContain('https://tile.openstreetmap.org');
      expect(osm['connect-src']).toEqual(["'self'", 'https://tile.openstreetmap.org']);
      expect((await directives('https://{s}.tile.example.org/{z}/{x}/{y}.png'))['img-src']).toContain('https://*.tile.example.org');
      const none = await directives(null);
      expect(none['connect-src']).toEqual(["'self'"]);
    })();
  });
});
