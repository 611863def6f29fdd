/** Mail over real SMTP on loopback: sent once, in the recipient's language, as text and HTML; kept and retried while SMTP is down. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, createTestApp, sendWaitingMailNow, uniqueEmail, type TestApp, type TestAssociation } from '../../../../test/app.js';
import { startSmtpSink, type SmtpSink } from '../../../../test/smtp-sink.js';
import { renderMail } from './templates.js';

let sink: SmtpSink;
let t: TestApp;
let a: TestAssociation;
beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ SMTP_URL: sink.url, MAIL_FROM: 'Grannstöd <noreply@grannstod.example.se>' });
  a = await addAssociation(t, 'Postföreningen');
});
afterAll(async () => {
  await t.close();
  await sink.stop();
});

const invite = (email: string, language: 'sv' | 'en') =>
  t.app.inject({ method: 'POST', url: '/api/invitations', headers: { cookie: a.admin.cookie }, payload: { name: 'Post Person', email, language } });

const statusOf = async (to: string) =>
  await t.ctx.db.selectFrom('mail_outbox').select(['status', 'attempts']).where('to_address', '=', to).executeTakeFirstOrThrow();

describe('mail', () => {
  it('sends an invitation over SMTP in the recipient language, as plain text and HTML', async () => {
    const email = uniqueEmail('smtp');
    expect((await invite(email, 'en')).statusCode).toBe(201);
    await t.mailWorker.drain();
    const mail = sink.received.find((m) => m.to.includes(email))!;
    expect(mail.raw).toContain('Subject: =?UTF-8?Q?Invitation_to_Postf=C3=B6reningen?=');
    expect(mail.raw).toContain('Content-Type: text/plain');
    expect(mail.raw).toContain('Content-Type: text/html');
    expect(await statusOf(email)).toMatchObject({ status: 'sent' });
  });

  it('sends the one-time link in clear to the member, while the outbox never holds it readable, before or after', async () => {
    const email = uniqueEmail('sealed');
    expect((await invite(email, 'sv')).statusCode).toBe(201);
    const stored = () => t.ctx.db.selectFrom('mail_outbox').selectAll().where('to_address', '=', email).executeTakeFirstOrThrow();
    const before = await stored();
    expect(before.text_body).not.toMatch(/token=/);
    expect(before.html_body).not.toMatch(/token=/);
    expect(before.sealed_links).not.toBeNull();
    await t.mailWorker.drain();
    const raw = sink.received
      .find((m) => m.to.includes(email))!
      .raw.replace(/=\r?\n/g, '')
      .replace(/=3D/g, '=');
    const token = /invite\?token=([\w-]+)/.exec(raw)![1]!;
    expect((await t.app.inject({ method: 'GET', url: `/api/invitation-links/${token}` })).statusCode).toBe(200);
    const after = await stored();
    expect(after.status).toBe('sent');
    // Once sent, nothing in the row can give the link back, not even with the server's key.
    expect(after.sealed_links).toBeNull();
    expect(JSON.stringify(after)).not.toContain(token);
  });

  it('says it is automatic, in which language, where answers go, with a Message-ID on the sender’s domain', async () => {
    const email = uniqueEmail('headers');
    const contact = await t.app.inject({
      method: 'PATCH',
      url: '/api/association',
      headers: { cookie: a.admin.cookie },
      payload: { contactEmail: 'styrelsen@grannstod-post.se' },
    });
    expect(contact.json().contactEmail).toBe('styrelsen@grannstod-post.se');
    expect((await invite(email, 'sv')).statusCode).toBe(201);
    await t.mailWorker.drain();
    const { id } = await t.ctx.db.selectFrom('mail_outbox').select('id').where('to_address', '=', email).executeTakeFirstOrThrow();
    const raw = sink.received.find((m) => m.to.includes(email))!.raw;
    const header = (name: string) => new RegExp(`^${name}: (.*)$`, 'mi').exec(raw)?.[1]?.trim();
    expect(header('Auto-Submitted')).toBe('auto-generated');
    expect(header('Content-Language')).toBe('sv');
    expect(header('Reply-To')).toBe('styrelsen@grannstod-post.se');
    expect(header('Message-ID')).toBe(`<${id}@grannstod.example.se>`);
    expect(header('From')).toContain('<noreply@grannstod.example.se>');
  });

  it('keeps mail while SMTP is down and sends each once when it returns', async () => {
    await sink.stop();
    const emails = [uniqueEmail('down1'), uniqueEmail('down2')];
    for (const e of emails) expect((await invite(e, 'sv')).statusCode).toBe(201);
    await t.mailWorker.drain();
    for (const e of emails) expect(await statusOf(e)).toMatchObject({ status: 'pending', attempts: 1 });

    await sink.start();
    await sendWaitingMailNow(t);
    for (const e of emails) {
      expect(await statusOf(e)).toMatchObject({ status: 'sent' });
      expect(sink.received.filter((m) => m.to.includes(e))).toHaveLength(1);
    }
  });
});

describe('templates', () => {
  it('escapes HTML and renders both languages', () => {
    const sv = renderMail('sv', 'invite', { name: '<b>Åsa</b>', association: 'A & B', inviter: 'Bo', link: 'http://x/invite?token=t' });
    expect(sv.subject).toBe('Inbjudan till A & B');
    expect(sv.html).toContain('&lt;b&gt;Åsa&lt;/b&gt;');
    expect(sv.text).toContain('Hej <b>Åsa</b>!');
    const en = renderMail('en', 'reset', { name: 'Al', association: 'A', link: 'http://x' });
    expect(en.subject).toBe('Choose a new password');
  });
});
