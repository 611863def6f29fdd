/**
 * The IOP report: the board writes its texts (admins only), the PDF renders
 * to images with pdftoppm, and the figures read back from it with pdftotext
 * equal the dashboard's for the same period, as do its CSV and XLSX.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTestApp, type TestApp, type TestAssociation, type TestMember } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import type { Dashboard } from '../../../shared/api/insights.js';
import { formatFigure, keyFigures } from './key-figures.js';
import { marchFixture } from '../../../../test/march-fixture.js';

let t: TestApp;
let a: TestAssociation;
let partner: TestMember;
let coordinator: TestMember;
let id: Record<string, string>;
const dir = mkdtempSync(join(tmpdir(), 'iop-test-'));
const march = 'from=2026-03-01&to=2026-03-31';
const SUMMARY = 'Ett år med fler pass än någonsin, och kommunen svarar snabbare.';

beforeAll(async () => {
  t = await createTestApp();
  ({ a, partner, id } = await marchFixture(t));
  coordinator = await addMember(t, a.associationId, ['volunteer', 'coordinator']);
});
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

/** Letters outside WinAnsi that names here carry: Sámi, Polish, Turkish, and the signs the report uses. */
const NAMES = 'Sámi: Čáhcesuolu, Ŋuorra, Đuottar, Ŧ, Ʒ; Łukasz Żółć; Şahin Iğdır ı; → ≥ −';
const texts = { summary: SUMMARY, activities: `Två bilar, tre kvällar i veckan. ${NAMES}`, cooperation: 'Månadsmöte med kommunpolisen.', ahead: '' };

describe('IOP report texts', () => {
  it('are written by an admin, read by partners and coordinators, and audited', async () => {
    const put = await call(t, a.admin.cookie, 'PUT', '/api/iop-report', { from: '2026-03-01', to: '2026-03-31', sections: texts });
    expect(put.statusCode, put.body).toBe(200);
    expect(put.json()).toMatchObject({ from: '2026-03-01', to: '2026-03-31', sections: texts });
    expect((await call(t, partner.cookie, 'GET', `/api/iop-report?${march}`)).json().sections.summary).toBe(SUMMARY);
    expect((await call(t, coordinator.cookie, 'GET', `/api/iop-report?${march}`)).json().sections.cooperation).toBe(texts.cooperation);
    // Another period has its own (empty) texts.
    expect((await call(t, a.admin.cookie, 'GET', '/api/iop-report?from=2026-01-01&to=2026-03-31')).json()).toMatchObject({
      sections: { summary: '' },
      updatedAt: null,
    });
    const audit = (await call(t, a.admin.cookie, 'GET', '/api/audit?action=iop_report.update')).json();
    expect(audit[0]).toMatchObject({ action: 'iop_report.update', entityId: '2026-03-01/2026-03-31' });
  });

  it('refuses others and bad input, naming the field, and changes nothing', async () => {
    expect(
      (await call(t, coordinator.cookie, 'PUT', '/api/iop-report', { from: '2026-03-01', to: '2026-03-31', sections: { summary: 'Nej' } })).statusCode,
    ).toBe(403);
    expect((await call(t, partner.cookie, 'PUT', '/api/iop-report', { from: '2026-03-01', to: '2026-03-31', sections: { summary: 'Nej' } })).statusCode).toBe(
      403,
    );
    const volunteer = await addMember(t, a.associationId, ['volunteer']);
    expect((await call(t, volunteer.cookie, 'GET', `/api/iop-report?${march}`)).statusCode).toBe(403);
    const long = await call(t, a.admin.cookie, 'PUT', '/api/iop-report', { from: '2026-03-01', to: '2026-03-31', sections: { summary: 'x'.repeat(8001) } });
    expect(long.statusCode).toBe(400);
    expect(long.json().errors[0].field).toBe('sections.summary');
    const backwards = await call(t, a.admin.cookie, 'PUT', '/api/iop-report', { from: '2026-03-31', to: '2026-03-01', sections: {} });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('to');
    expect((await call(t, a.admin.cookie, 'GET', `/api/iop-report?${march}`)).json().sections.summary).toBe(SUMMARY);
  });
});

describe('IOP report PDF', () => {
  it('renders to images, and its figures are the dashboard’s', async () => {
    const res = await t.app.inject({ method: 'GET', url: `/api/iop-report/report.pdf?${march}`, headers: { cookie: partner.cookie } });
    expect(res.statusCode, res.body.slice(0, 200)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe('attachment; filename="iop-2026-03-01-2026-03-31.pdf"');
    const pdf = join(dir, 'iop.pdf');
    writeFileSync(pdf, res.rawPayload);
    if (process.env.IOP_PDF_COPY) writeFileSync(process.env.IOP_PDF_COPY, res.rawPayload);

    // Every page renders, and none is blank.
    execFileSync('pdftoppm', ['-png', '-r', '40', pdf, join(dir, 'page')]);
    const pages = readdirSync(dir).filter((f) => f.startsWith('page') && f.endsWith('.png'));
    expect(pages.length).toBeGreaterThanOrEqual(2);
    for (const page of pages) {
      const stats = await sharp(join(dir, page)).stats();
      expect(stats.channels[0]!.min, page).toBeLessThan(100);
    }

    // The figures, as the dashboard gives them for the same period.
    const dashboard = (await call(t, partner.cookie, 'GET', `/api/insights/dashboard?${march}`)).json() as Dashboard;
    const text = execFileSync('pdftotext', ['-layout', pdf, '-']).toString();
    const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    const row = (label: string, value: string, previous: string) => new RegExp(`${escape(label)}\\s+${escape(value)}\\s+${escape(previous)}`);
    const figures = keyFigures('sv', dashboard);
    for (const group of ['Körpass', 'Observationer', 'Ärenden']) {
      const rows = figures.filter((f) => f.group === group);
      expect(rows.length).toBeGreaterThan(0);
      for (const f of rows) expect(text).toMatch(row(f.label, formatFigure('sv', f.value, f.unit), formatFigure('sv', f.previous, f.unit)));
    }
    // Spot checks by hand, so the test does not only compare the report with itself.
    expect(text).toMatch(row('Planerade pass', '3', '1'));
    expect(text).toMatch(row('Fullt bemannade', '67 %', '100 %'));
    expect(text).toMatch(row('Volontärtimmar', '16 tim', '6 tim'));
    expect(text).toMatch(row('Skickade', '5', '1'));
    expect(text).toMatch(row('Försenade', '2', '0'));
    expect(text).toMatch(/Klotter\s+2 \(1\)/);
    expect(text).toContain('Huddinge kommun');
    expect(text).toMatch(row('Mediantid till åtgärd', '48 tim', '10 tim'));
    expect(text).toContain(SUMMARY);
    // Every letter as written: the font is embedded, not WinAnsi.
    expect(text.replace(/\s+/g, ' ')).toContain(NAMES);
    const fonts = execFileSync('pdffonts', [pdf]).toString().trim().split('\n').slice(2);
    expect(fonts.length).toBeGreaterThan(0);
    for (const f of fonts) expect(f, f).toMatch(/\bCID TrueType\b.*\byes\s+yes\s+yes\b|\bTrueType\b.*\byes\s+yes\s+yes\b/);
    // Archivable and tagged: PDF/A-2a's marks, the structure tree, the language.
    const info = execFileSync('pdfinfo', [pdf]).toString();
    expect(info).toMatch(/Tagged:\s+yes/);
    expect(info).toMatch(/PDF version:\s+1\.7/);
    const xmp = execFileSync('pdfinfo', ['-meta', pdf]).toString();
    expect(xmp).toMatch(/<pdfaid:part>2<\/pdfaid:part>/);
    expect(xmp).toMatch(/<pdfaid:conformance>A<\/pdfaid:conformance>/);
    const raw = res.rawPayload.toString('latin1');
    expect(raw).toMatch(/\/Lang \(sv-SE\)/);
    for (const tag of ['/H1', '/H2', '/Table', '/TH', '/TD', '/Figure']) expect(raw, tag).toContain(tag);
    expect(raw).toMatch(/\/Alt \(/);
    // The map's legend and names, and the figures per area as the CSV has them.
    expect(text).toContain('Observationer per ruta');
    expect(text).toMatch(/\d+ km/);
    expect(text).toMatch(row('Norra', '2', '1'));
    expect(text).toContain('Styrelsen har inte skrivit något här.');
    expect(text).toMatch(/sida 1 av \d/);
    // Counts and the board's words only: no one's name or e-mail.
    expect(text).not.toContain(a.admin.email);
  });

  it('gives the same figures as CSV and as an XLSX a real reader opens', async () => {
    const dashboard = (await call(t, a.admin.cookie, 'GET', `/api/insights/dashboard?${march}`)).json() as Dashboard;
    const csv = await t.app.inject({ method: 'GET', url: `/api/iop-report/figures?${march}&format=csv`, headers: { cookie: a.admin.cookie } });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    const lines = csv.body
      .replace(/^\uFEFF/, '')
      .trim()
      .split('\r\n');
    expect(lines[0]).toBe('Avsnitt;Nyckeltal;Perioden 2026-03-01–2026-03-31;Perioden före');
    expect(lines).toContain(`Körpass;Planerade pass;${dashboard.shifts.planned.value};${dashboard.shifts.planned.previous}`);
    expect(lines).toContain('Körpass;Volontärtimmar;16;6');
    expect(lines).toContain('Ärenden;Försenade;2;0');
    expect(lines).toContain('Observationer per område;Norra;2;1');
    expect(lines).toContain('Mottagare: Huddinge kommun;Mediantid till åtgärd;48;10');
    const english = await t.app.inject({ method: 'GET', url: `/api/iop-report/figures?${march}&format=csv&csvStyle=en`, headers: { cookie: a.admin.cookie } });
    expect(english.body).toContain('Körpass,Volontärtimmar,16,6');

    const xlsx = await t.app.inject({ method: 'GET', url: `/api/iop-report/figures?${march}&format=xlsx`, headers: { cookie: partner.cookie } });
    expect(xlsx.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    const rows = sheet.getSheetValues().filter(Boolean) as unknown[][];
    expect(rows.map((r) => r.slice(1))).toContainEqual(['Ärenden', 'Åtgärdade', dashboard.items.resolved.value, dashboard.items.resolved.previous]);
    expect(rows.map((r) => r.slice(1))).toContainEqual(['Ärenden', 'Försenade', 2, 0]);
    expect(rows.length - 1).toBe(keyFigures('sv', dashboard).length);
    expect(id.north).toBeTruthy();
  });

  it('is not for volunteers', async () => {
    const volunteer = await addMember(t, a.associationId, ['volunteer']);
    expect((await call(t, volunteer.cookie, 'GET', `/api/iop-report/report.pdf?${march}`)).statusCode).toBe(403);
    expect((await call(t, volunteer.cookie, 'GET', `/api/iop-report/figures?${march}&format=csv`)).statusCode).toBe(403);
  });
});
