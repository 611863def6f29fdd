/** Two people doing the same thing at the same moment: exactly one wins, the other gets a clear answer, nothing is half-made. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, createTestApp, mailAsDelivered, uniqueEmail, type TestApp } from '../../../../test/app.js';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(() => t.close());

describe('races', () => {
  it('two first-run setups at once make one association', async () => {
    const setup = (email: string) =>
      t.app.inject({
        method: 'POST',
        url: '/api/setup',
        payload: { associationName: `Förening ${email}`, municipality: 'Huddinge', adminName: 'Först', email, password: 'a-long-password-1' },
      });
    const [one, two] = await Promise.all([setup('forst.a@example.se'), setup('forst.b@example.se')]);
    expect([one.statusCode, two.statusCode].sort()).toEqual([201, 409]);
    const loser = one.statusCode === 409 ? 'forst.a@example.se' : 'forst.b@example.se';
    const signIn = await t.app.inject({ method: 'POST', url: '/api/auth/sign-in/email', payload: { email: loser, password: 'a-long-password-1' } });
    expect(signIn.statusCode).toBe(401);
  });

  it('one invitation link accepted twice at once makes one account', async () => {
    const a = await addAssociation(t);
    const email = uniqueEmail('race');
    await t.app.inject({ method: 'POST', url: '/api/invitations', headers: { cookie: a.admin.cookie }, payload: { name: 'Race Person', email } });
    const { text } = await mailAsDelivered(t, email);
    const token = /token=([\w-]+)/.exec(text)![1]!;
    const accept = () => t.app.inject({ method: 'POST', url: `/api/invitation-links/${token}/accept`, payload: { password: 'a-long-password-2' } });
    const results = await Promise.all([accept(), accept(), accept()]);
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 410, 410]);
  });

  it('the same address invited twice at once is taken once', async () => {
    const a = await addAssociation(t);
    const email = uniqueEmail('twice');
    const invite = () => t.app.inject({ method: 'POST', url: '/api/invitations', headers: { cookie: a.admin.cookie }, payload: { name: 'Två Gånger', email } });
    const results = await Promise.all([invite(), invite()]);
    const codes = results.map((r) => r.statusCode).sort();
    // On SQLite the two run one after the other, so the second is a re-invitation; on PostgreSQL they can collide.
    expect([
      [201, 201],
      [201, 409],
    ]).toContainEqual(codes);
    const members = await t.ctx.db.selectFrom('members').select('id').where('email', '=', email).execute();
    expect(members).toHaveLength(1);
  });
});
