/**
 * The weekly EST report over real SMTP on loopback: on Monday morning the past
 * week's observations go to the EST coordinator as CSV and XLSX, once; not on
 * other days, not before 07:00, and not for an association without an address.
 */
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, addMember, createTestApp, type TestApp, type TestAssociation } from '../../../../test/app.js';
import { startSmtpSink, type SmtpSink } from '../../../../test/smtp-sink.js';
import { call } from '../../../../test/shifts.js';
import { uuidv7 } from '../../../shared/domain/ids.js';
import { sendEstReports } from './est-weekly.js';

let sink: SmtpSink;
let t: TestApp;
let a: TestAssociation;
const EST = 'est@huddinge.example';
// Monday 30 November 2026, 07:30 in Stockholm; the week reported is 23–29 November.
const MONDAY_MORNING = new Date('2026-11-30T06:30:00Z');

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ SMTP_URL: sink.url });
  a = await addAssociation(t, 'Grannstöd Huddinge');
  await addAssociation(t, 'Grannstöd utan EST');
  const set = await call(t, a.admin.cookie, 'PATCH', '/api/association', { estEmail: EST });
  expect(set.statusCode, set.body).toBe(200);
  expect(set.json().estEmail).toBe(EST);
  const volunteer = await addMember(t, a.associationId, ['volunteer'], { name: 'Vera Volontärsson' });
  const categories = (await call(t, volunteer.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[];
  // The observations are made in that week, whatever today's date is.
  t.ctx.clock.now = () => MONDAY_MORNING;
  for (const [code, observedAt] of [
    ['graffiti', '2026-11-24T18:00:00Z'],
    ['dumping', '2026-11-26T09:00:00Z'],
  ] as const) {
    const res = await call(t, volunteer.cookie, 'PUT', `/api/observations/${uuidv7()}`, {
      categoryId: categories.find((c) => c.code === code)!.id,
      urgency: 'needs_action',
      text: `${code} vid Storgatan`,
      lat: 59.2366,
      lng: 17.9818,
      observedAt,
    });
    expect(res.statusCode, res.body).toBe(201);
  }
});
afterAll(async () => {
  t.ctx.clock.now = () => new Date();
  await t.close();
  await sink.stop();
});

describe('the weekly EST report', () => {
  it('refuses an address that is not one, and changes nothing', async () => {
    const bad = await call(t, a.admin.cookie, 'PATCH', '/api/association', { estEmail: 'inte-en-adress' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('estEmail');
    expect((await call(t, a.admin.cookie, 'GET', '/api/association')).json().estEmail).toBe(EST);
  });

  it('waits for Monday 07:00', async () => {
    expect(await sendEstReports(t.ctx, new Date('2026-11-30T05:30:00Z'))).toBe(0);
    expect(await sendEstReports(t.ctx, new Date('2026-12-01T08:00:00Z'))).toBe(0);
  });

  it('sends the past week’s observations as CSV and XLSX to the EST coordinator, once', async () => {
    expect(await sendEstReports(t.ctx, MONDAY_MORNING)).toBe(1);
    expect(await sendEstReports(t.ctx, new Date(MONDAY_MORNING.getTime() + 3_600_000))).toBe(0);
    await t.mailWorker.drain();
    const mails = sink.received.filter((m) => m.to.includes(EST));
    expect(mails).toHaveLength(1);
    expect(mails[0]!.raw).toContain('est-2026-11-23-2026-11-29.csv');
    expect(mails[0]!.raw).toContain('est-2026-11-23-2026-11-29.xlsx');

    const row = await t.ctx.db.selectFrom('mail_outbox').select(['attachments', 'subject']).where('to_address', '=', EST).executeTakeFirstOrThrow();
    expect(row.subject).toBe('EST-rapport från Grannstöd Huddinge, 2026-11-23–2026-11-29');
    const [csv, xlsx] = JSON.parse(row.attachments!) as { sha256: string }[];
    const text = (await t.ctx.files.get(csv!.sha256))!.toString('utf8');
    expect(text.trim().split('\r\n')).toHaveLength(3);
    expect(text).toContain('graffiti vid Storgatan');
    expect(text).not.toContain('Vera');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await t.ctx.files.get(xlsx!.sha256))! as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.rowCount).toBe(3);
  });
});
