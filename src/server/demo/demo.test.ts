import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, signIn, type TestApp } from '../../../test/app.js';
import { DEMO_PASSWORD, fillDemo } from './demo.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('demo', () => {
  it('fills a fresh database with Grannstöd Huddinge, whose printed sign-ins work', async () => {
    const signIns = await fillDemo(t.ctx);
    expect(signIns.map((s) => s.role)).toEqual([
      'admin',
      'coordinator',
      'shift leader',
      'driver',
      'volunteer',
      'partner (police)',
      'partner (municipality)',
      'partner (fire_service)',
    ]);
    const cookie = await signIn(t.app, 'admin@demo.grannstod.se', DEMO_PASSWORD);
    const members = (await t.app.inject({ method: 'GET', url: '/api/members', headers: { cookie } })).json() as { kind: string; roles: string[] }[];
    expect(members.filter((m) => m.kind === 'volunteer')).toHaveLength(40);
    expect(members.filter((m) => m.kind === 'partner')).toHaveLength(3);
    expect(members.filter((m) => m.roles.includes('driver')).length).toBeGreaterThanOrEqual(10);
    expect((await t.app.inject({ method: 'GET', url: '/api/vehicles', headers: { cookie } })).json()).toHaveLength(2);
    const areas = (await t.app.inject({ method: 'GET', url: '/api/areas', headers: { cookie } })).json() as { name: string }[];
    expect(areas.map((a) => a.name)).toContain('Flemingsberg');
    const police = await signIn(t.app, 'polisen@demo.grannstod.se', DEMO_PASSWORD);
    expect((await t.app.inject({ method: 'GET', url: '/api/members', headers: { cookie: police } })).statusCode).toBe(403);
    for (const s of signIns) expect(await signIn(t.app, s.email, DEMO_PASSWORD)).toContain('session_token');
  });

  it('refuses a database that already holds an association', async () => {
    await expect(fillDemo(t.ctx)).rejects.toThrow('setup_done');
  });
});
