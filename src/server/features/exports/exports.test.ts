/**
 * Exports of observations and action items: the CSV reads back as the rows, the
 * XLSX opens in a real XLSX reader, the GeoJSON passes a GeoJSON validator; no
 * volunteer's name or e-mail is in any of them; another association's rows
 * never are; volunteers cannot export.
 */
import ExcelJS from 'exceljs';
import { check } from '@placemarkio/check-geojson';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, addMember, createTestApp, type TestApp, type TestAssociation, type TestMember } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { uuidv7 } from '../../../shared/domain/ids.js';
import { localToday } from '../../../shared/domain/time.js';
import { routePending } from '../reports/routing-sweep.js';
import { parse } from 'csv-parse/sync';
import { localParts } from '../../../shared/domain/time.js';

let t: TestApp;
let a: TestAssociation;
let b: TestAssociation;
let volunteer: TestMember;
let coordinator: TestMember;
const ids: string[] = [];
let foreign: string;
const today = localToday();

async function observe(m: TestMember, code: string, text: string, lat: number, lng: number) {
  const categories = (await call(t, m.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[];
  const id = uuidv7();
  const res = await call(t, m.cookie, 'PUT', `/api/observations/${id}`, {
    categoryId: categories.find((c) => c.code === code)!.id,
    urgency: 'needs_action',
    text,
    lat,
    lng,
    accuracyM: 10,
    address: 'Storgatan 1',
    observedAt: new Date(Date.now() - 60_000).toISOString(),
  });
  expect(res.statusCode).toBe(201);
  return id;
}

beforeAll(async () => {
  t = await createTestApp();
  a = await addAssociation(t, 'Grannstöd Huddinge');
  b = await addAssociation(t, 'Grannstöd B');
  volunteer = await addMember(t, a.associationId, ['volunteer'], { name: 'Vera Volontärsson' });
  coordinator = await addMember(t, a.associationId, ['volunteer', 'coordinator']);
  ids.push(await observe(volunteer, 'graffiti', 'Klotter, "stort", på elskåpet', 59.2366, 17.9818));
  ids.push(await observe(volunteer, 'dumping', 'Soffa vid återvinningen\noch en madrass', 59.219, 17.947));
  foreign = await observe(await addMember(t, b.associationId, ['volunteer']), 'graffiti', 'B:s klotter', 59.2, 17.9);
  const recipient = (
    await call(t, a.admin.cookie, 'POST', '/api/recipients', {
      name: 'Huddinge kommun',
      kind: 'municipality',
      channel: 'manual',
      manualInstructions: 'Ring 08-535 300 00',
    })
  ).json().id;
  await call(t, a.admin.cookie, 'POST', '/api/routing-rules', { recipientId: recipient });
  await routePending(t.ctx);
});
afterAll(async () => {
  await t.close();
});

const download = (what: string, format: string, cookie = coordinator.cookie, extra = '') =>
  t.app.inject({ method: 'GET', url: `/api/exports/${what}?from=${today}&to=${today}&format=${format}${extra}`, headers: { cookie } });
/** Read back by an independent parser, as a spreadsheet with that separator would. */
const rowsOf = (body: string, delimiter: ';' | ',') => parse(body, { delimiter, bom: true, relax_column_count: false }) as string[][];

describe('exports', () => {
  it('gives observations as CSV that Swedish Excel opens in columns: semicolons, decimal comma, local times', async () => {
    const res = await download('observations', 'csv');
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe(`attachment; filename="observations-${today}-${today}.csv"`);
    expect(res.body.startsWith('\uFEFFId;Sedd;Kategori;Kategorikod;Brådska;Läge;Område;Adress;Latitud;Longitud;Text\r\n')).toBe(true);
    const rows = rowsOf(res.body, ';');
    expect(rows).toHaveLength(3);
    const graffiti = rows.find((r) => r[0] === ids[0])!;
    expect(graffiti.at(-1)).toBe('Klotter, "stort", på elskåpet');
    expect(graffiti.slice(8, 10)).toEqual(['59,2366', '17,9818']);
    expect(graffiti[1]).toMatch(/^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/);
    expect(rows.find((r) => r[0] === ids[1])!.at(-1)).toBe('Soffa vid återvinningen\noch en madrass');
    expect(res.body).not.toContain('Vera Volontärsson');
    expect(res.body).not.toContain(volunteer.email);
    expect(res.body).not.toContain(foreign);
  });

  it('gives the English convention to a member who reads English, and either on request', async () => {
    const english = await addMember(t, a.associationId, ['volunteer', 'coordinator'], { language: 'en' });
    const res = await download('observations', 'csv', english.cookie);
    const rows = rowsOf(res.body, ',');
    expect(rows[0]!.slice(0, 3)).toEqual(['Id', 'Seen', 'Category']);
    expect(rows.find((r) => r[0] === ids[0])!.slice(8, 10)).toEqual(['59.2366', '17.9818']);
    const asked = await download('observations', 'csv', english.cookie, '&csvStyle=sv');
    expect(
      rowsOf(asked.body, ';')
        .find((r) => r[0] === ids[0])!
        .slice(8, 10),
    ).toEqual(['59,2366', '17,9818']);
    const bad = await download('observations', 'csv', english.cookie, '&csvStyle=de');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('querystring.csvStyle');
  });

  it('gives a workbook a real XLSX reader opens, with numbers as numbers and times as dates', async () => {
    const res = await download('observations', 'xlsx');
    expect(res.statusCode).toBe(200);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(res.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.name).toBe('Observationer');
    expect(sheet.rowCount).toBe(3);
    expect(sheet.getRow(1).getCell(1).value).toBe('Id');
    const found = [sheet.getRow(2), sheet.getRow(3)].map((r) => r.getCell(1).value);
    expect(found.sort()).toEqual([...ids].sort());
    expect(typeof sheet.getRow(2).getCell(9).value).toBe('number');
    // A date cell showing the Swedish wall-clock time, formatted as such; the header frozen and filterable.
    const seen = sheet.getRow(2).getCell(2);
    expect(seen.value).toBeInstanceOf(Date);
    expect(seen.numFmt).toBe('yyyy-mm-dd hh:mm');
    const observedAt = (
      await t.ctx.db
        .selectFrom('observations')
        .select('observed_at')
        .where('id', '=', String(sheet.getRow(2).getCell(1).value))
        .executeTakeFirstOrThrow()
    ).observed_at;
    const p = localParts(observedAt);
    expect((seen.value as Date).toISOString().slice(0, 16)).toBe(`${p.date}T${p.time}`);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.getColumn(11).width).toBeGreaterThan('Text'.length + 2);
  });

  it('gives GeoJSON that passes a validator, points as [lng, lat]', async () => {
    const res = await download('observations', 'geojson');
    expect(res.headers['content-type']).toBe('application/geo+json; charset=utf-8');
    const collection = check(res.body) as { features: { geometry: { coordinates: number[] }; properties: Record<string, unknown> }[] };
    expect(collection.features).toHaveLength(2);
    const graffiti = collection.features.find((f) => f.properties.category_code === 'graffiti')!;
    expect(graffiti.geometry.coordinates).toEqual([17.9818, 59.2366]);
    expect(JSON.stringify(collection)).not.toContain('Vera');
  });

  it('exports the action items made in the period, in all three formats', async () => {
    const csv = await download('action-items', 'csv');
    expect(csv.statusCode).toBe(200);
    expect(rowsOf(csv.body, ';')).toHaveLength(3);
    expect(csv.body).toContain('Huddinge kommun');
    expect(csv.body).toContain('Köat');
    expect((await download('action-items', 'xlsx')).statusCode).toBe(200);
    expect((check((await download('action-items', 'geojson')).body) as { features: unknown[] }).features).toHaveLength(2);
  });

  it('refuses volunteers, a period backwards, and an unknown format, with the field named', async () => {
    expect((await download('observations', 'csv', volunteer.cookie)).statusCode).toBe(403);
    expect((await download('action-items', 'csv', volunteer.cookie)).statusCode).toBe(403);
    const partner = await addMember(t, a.associationId, [], { kind: 'partner', partnerOrganisationId: null });
    expect((await download('observations', 'geojson', partner.cookie)).statusCode).toBe(403);
    const backwards = await t.app.inject({
      method: 'GET',
      url: `/api/exports/observations?from=2026-02-01&to=2026-01-01&format=csv`,
      headers: { cookie: coordinator.cookie },
    });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0].field).toBe('to');
    const pdf = await download('observations', 'pdf');
    expect(pdf.statusCode).toBe(400);
    expect(pdf.json().errors[0].field).toBe('querystring.format');
  });
});
