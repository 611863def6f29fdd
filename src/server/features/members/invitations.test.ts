import { describe, expect, it } from 'vitest';
import {
  addAssociation,
  addMember,
  mailAsDelivered,
  signIn,
  type TestApp,
  type TestAssociation,
  uniqueEmail,
  withTestAssociation,
} from '../../../../test/app.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});

/** The invitation token from the newest mail to this address, as the invitee receives it. */
async function tokenFromOutbox(_cookie: string, to: string): Promise<string> {
  return /token=([\w-]+)/.exec((await mailAsDelivered(t, to)).text)![1]!;
}

describe('invitations', () => {
  it('invites by e-mail in the invitee language; the link opens once and makes an account that signs in', async () => {
    const email = uniqueEmail('invitee');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: a.admin.cookie },
      payload: { name: 'Ingrid Inbjuden', email, language: 'en', roles: ['volunteer', 'driver'] },
    });
    expect(res.statusCode, res.body).toBe(201);

    const outbox = await t.app.inject({ method: 'GET', url: '/api/outbox', headers: { cookie: a.admin.cookie } });
    const mail = outbox.json().find((m: { to: string }) => m.to === email);
    expect(mail.subject).toBe('Invitation to Grannstöd Test');
    expect(mail.status).toBe('kept');
    const full = await t.app.inject({ method: 'GET', url: `/api/outbox/${mail.id}`, headers: { cookie: a.admin.cookie } });
    // The admin reads the mail, but not the link: with it they could take the invitee's account.
    const token = await tokenFromOutbox(a.admin.cookie, email);
    expect(full.json().text).toContain('[länken visas inte: bara mottagaren kan använda den]');
    expect(full.body).not.toContain(token);
    expect(full.body).not.toContain('/invite?token=');
    const stored = await t.ctx.db.selectFrom('mail_outbox').select(['text_body', 'html_body']).where('id', '=', mail.id).executeTakeFirstOrThrow();
    expect(JSON.stringify(stored)).not.toContain(token);
    expect((await mailAsDelivered(t, email)).html).toContain('<a href="http://localhost:3000/invite?token=');

    const preview = await t.app.inject({ method: 'GET', url: `/api/invitation-links/${token}` });
    expect(preview.json()).toMatchObject({ association: 'Grannstöd Test', email, name: 'Ingrid Inbjuden', language: 'en' });

    const short = await t.app.inject({ method: 'POST', url: `/api/invitation-links/${token}/accept`, payload: { password: 'short' } });
    expect(short.statusCode).toBe(400);
    expect(short.json().errors[0].field).toBe('password');

    const accept = await t.app.inject({ method: 'POST', url: `/api/invitation-links/${token}/accept`, payload: { password: 'ingrids-long-password' } });
    expect(accept.statusCode, accept.body).toBe(200);
    const again = await t.app.inject({ method: 'POST', url: `/api/invitation-links/${token}/accept`, payload: { password: 'ingrids-long-password' } });
    expect(again.statusCode).toBe(410);
    expect(again.json().title).toBe('Inbjudningslänken är ogiltig, har redan använts eller har gått ut.');

    const cookie = await signIn(t.app, email, 'ingrids-long-password');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json().member).toMatchObject({ name: 'Ingrid Inbjuden', status: 'active', language: 'en' });
    expect(me.json().member.roles.sort()).toEqual(['driver', 'volunteer']);
  });

  it('refuses an expired link', async () => {
    const email = uniqueEmail('late');
    await t.app.inject({ method: 'POST', url: '/api/invitations', headers: { cookie: a.admin.cookie }, payload: { name: 'Sen Person', email } });
    const token = await tokenFromOutbox(a.admin.cookie, email);
    await t.ctx.db.updateTable('invitations').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    const res = await t.app.inject({ method: 'POST', url: `/api/invitation-links/${token}/accept`, payload: { password: 'a-long-password' } });
    expect(res.statusCode).toBe(410);
  });

  it('a revoked or re-sent invitation kills the old link', async () => {
    const email = uniqueEmail('resend');
    await t.app.inject({ method: 'POST', url: '/api/invitations', headers: { cookie: a.admin.cookie }, payload: { name: 'Ny Igen', email } });
    const first = await tokenFromOutbox(a.admin.cookie, email);
    await new Promise((r) => setTimeout(r, 5));
    await t.app.inject({ method: 'POST', url: '/api/invitations', headers: { cookie: a.admin.cookie }, payload: { name: 'Ny Igen', email } });
    expect((await t.app.inject({ method: 'GET', url: `/api/invitation-links/${first}` })).statusCode).toBe(410);
    const open = await t.app.inject({ method: 'GET', url: '/api/invitations', headers: { cookie: a.admin.cookie } });
    const mine = open.json().filter((i: { email: string }) => i.email === email);
    expect(mine).toHaveLength(1);
    const del = await t.app.inject({ method: 'DELETE', url: `/api/invitations/${mine[0].id}`, headers: { cookie: a.admin.cookie } });
    expect(del.statusCode).toBe(200);
    const second = await tokenFromOutbox(a.admin.cookie, email);
    expect((await t.app.inject({ method: 'GET', url: `/api/invitation-links/${second}` })).statusCode).toBe(410);
  });

  it('sends an open invitation again with a new link that replaces the old one', async () => {
    const email = uniqueEmail('again');
    const first = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: a.admin.cookie },
      payload: { name: 'Igen Person', email, language: 'en' },
    });
    const oldToken = await tokenFromOutbox(a.admin.cookie, email);
    await new Promise((r) => setTimeout(r, 5));
    const coordinator = await addMember(t, a.associationId, ['coordinator']);
    const again = await t.app.inject({ method: 'POST', url: `/api/invitations/${first.json().id}/resend`, headers: { cookie: coordinator.cookie } });
    expect(again.statusCode, again.body).toBe(200);
    expect(again.json()).toMatchObject({ email, memberId: first.json().memberId });
    expect((await t.app.inject({ method: 'GET', url: `/api/invitation-links/${oldToken}` })).statusCode).toBe(410);
    const newToken = await tokenFromOutbox(a.admin.cookie, email);
    expect(newToken).not.toBe(oldToken);
    expect((await t.app.inject({ method: 'GET', url: `/api/invitation-links/${newToken}` })).json()).toMatchObject({ email, language: 'en' });
    const volunteer = await addMember(t, a.associationId, ['volunteer']);
    expect((await t.app.inject({ method: 'POST', url: `/api/invitations/${again.json().id}/resend`, headers: { cookie: volunteer.cookie } })).statusCode).toBe(
      403,
    );
  });

  it('refuses an address that already has an account, naming the field', async () => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: a.admin.cookie },
      payload: { name: 'Dubblett', email: a.admin.email },
    });
    expect(res.statusCode).toBe(409);
    expect(res.json().errors).toEqual([{ field: 'email', message: 'E-postadressen används redan.' }]);
  });

  it('answers an address of another association’s member as any other, so nothing tells that it is in use there', async () => {
    const other = await addAssociation(t, 'Grannstöd Grannen');
    const theirs = await addMember(t, other.associationId, ['volunteer']);
    const invite = (email: string) =>
      t.app.inject({ method: 'POST', url: '/api/invitations', headers: { cookie: a.admin.cookie }, payload: { name: 'Okänd Person', email } });
    const unknown = await invite(uniqueEmail('nobody'));
    const known = await invite(theirs.email);
    expect(known.statusCode).toBe(unknown.statusCode);
    expect(Object.keys(known.json()).sort()).toEqual(Object.keys(unknown.json()).sort());
    // The other association's member is untouched; the invitee who opens the link is told the address has an account.
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie: theirs.cookie } });
    expect(me.json().member).toMatchObject({ status: 'active', email: theirs.email });
    const token = await tokenFromOutbox(a.admin.cookie, theirs.email);
    const accept = await t.app.inject({ method: 'POST', url: `/api/invitation-links/${token}/accept`, payload: { password: 'a-long-password-9' } });
    expect(accept.statusCode).toBe(409);
    expect((await signIn(t.app, theirs.email)).length).toBeGreaterThan(0);
  });

  it('a coordinator may invite volunteers but not admins; a volunteer may not invite', async () => {
    const coordinator = await addMember(t, a.associationId, ['coordinator', 'volunteer']);
    const ok = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: coordinator.cookie },
      payload: { name: 'V', email: uniqueEmail() },
    });
    expect(ok.statusCode).toBe(201);
    const admin = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: coordinator.cookie },
      payload: { name: 'A', email: uniqueEmail(), roles: ['admin'] },
    });
    expect(admin.statusCode).toBe(403);
    const volunteer = await addMember(t, a.associationId, ['volunteer']);
    const no = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: volunteer.cookie },
      payload: { name: 'V', email: uniqueEmail() },
    });
    expect(no.statusCode).toBe(403);
  });

  it('invites a partner who sees no member data', async () => {
    const org = await t.app.inject({
      method: 'POST',
      url: '/api/partner-organisations',
      headers: { cookie: a.admin.cookie },
      payload: { name: 'Polisen Huddinge', kind: 'police' },
    });
    const email = uniqueEmail('police');
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/invitations',
      headers: { cookie: a.admin.cookie },
      payload: { name: 'Pia Polis', email, kind: 'partner', roles: [], partnerOrganisationId: org.json().id },
    });
    expect(res.statusCode, res.body).toBe(201);
    const token = await tokenFromOutbox(a.admin.cookie, email);
    await t.app.inject({ method: 'POST', url: `/api/invitation-links/${token}/accept`, payload: { password: 'pias-long-password' } });
    const cookie = await signIn(t.app, email, 'pias-long-password');
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { cookie } });
    expect(me.json().partnerOrganisation).toMatchObject({ name: 'Polisen Huddinge', kind: 'police' });
    expect((await t.app.inject({ method: 'GET', url: '/api/members', headers: { cookie } })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: `/api/members/${a.admin.memberId}`, headers: { cookie } })).statusCode).toBe(403);
  });
});
