/**
 * Polisen's events, against recorded answers in the API's own format served on
 * loopback: asked for with a User-Agent, stored once, shown only to the
 * associations of that municipality with the warning about their position;
 * and the API's rules kept over every call: 10 s apart, 60 an hour, a pause
 * after 429, nothing stored from an answer that is not the API's.
 */
import { readFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, createTestApp, type TestApp, type TestAssociation } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { fetchDueEvents, LIMITS } from './police-events.service.js';

const recorded = readFileSync('test/fixtures/polisen-events-huddinge.json', 'utf8');
let t: TestApp;
let huddinge: TestAssociation;
let botkyrka: TestAssociation;
let polisen: Server;
let mode: 'ok' | '429' | '500' | 'garbage' = 'ok';
const asked: { url: string; userAgent: string | undefined }[] = [];

beforeAll(async () => {
  polisen = createServer((req, res) => {
    asked.push({ url: req.url!, userAgent: req.headers['user-agent'] });
    if (mode === '429') return res.writeHead(429, { 'retry-after': '120' }).end();
    if (mode === '500') return res.writeHead(500).end('Internal Server Error');
    const place = new URL(req.url!, 'http://x').searchParams.get('locationname');
    const body = mode === 'garbage' ? '<html>Underhåll</html>' : place === 'Huddinge' ? recorded : '[]';
    return res.writeHead(200, { 'content-type': 'application/json; charset=utf-8' }).end(body);
  });
  await new Promise<void>((resolve) => polisen.listen(0, '127.0.0.1', resolve));
  t = await createTestApp({ POLICE_EVENTS_URL: `http://127.0.0.1:${(polisen.address() as AddressInfo).port}/api/events` });
  huddinge = await addAssociation(t, 'Grannstöd Huddinge', 'Huddinge');
  botkyrka = await addAssociation(t, 'Grannstöd Botkyrka', 'Botkyrka');
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => polisen.close(resolve));
});

/** A moment well after every earlier call, so each test starts with the API's rules satisfied. */
let clock = Date.parse('2026-11-27T08:00:00Z');
const later = (ms = 2 * 3_600_000) => new Date((clock += ms));

describe('police events', () => {
  it('asks for each municipality with a User-Agent, stores the events once, and shows them with the warning', async () => {
    const first = await fetchDueEvents(t.ctx, later());
    expect(first).toMatchObject({ called: 'Botkyrka', stored: 0 });
    const second = await fetchDueEvents(t.ctx, later(LIMITS.gapMs));
    expect(second).toMatchObject({ called: 'Huddinge', stored: 4 });
    expect(asked.at(-1)!.url).toBe('/api/events?locationname=Huddinge');
    expect(asked.every((a) => a.userAgent === 'Grannstod/1 (+http://localhost:3000)')).toBe(true);

    const res = await call(t, huddinge.admin.cookie, 'GET', '/api/police-events?from=2026-11-20&to=2026-11-27');
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ municipality: 'Huddinge', positionIsMunicipalityCentre: true });
    expect(body.events.map((e: { id: string }) => e.id)).toEqual(['551034', '550987', '550702', '550311']);
    expect(body.events[0]).toEqual({
      id: '551034',
      occurredAt: '2026-11-26T20:14:08.000Z',
      name: '26 november 20:40, Inbrott, Huddinge',
      summary: 'Inbrott i villa i Segeltorp, boende har varit bortresta.',
      url: `http://127.0.0.1:${(polisen.address() as AddressInfo).port}/aktuellt/handelser/2026/november/26/26-november-20.40-inbrott-huddinge/`,
      type: 'Inbrott',
      lat: 59.236713,
      lng: 17.981142,
    });
    // A one-digit hour in the API's datetime is read too.
    expect(body.events[2].occurredAt).toBe('2026-11-25T08:45:12.000Z');
    // Another municipality's association sees none of them.
    expect((await call(t, botkyrka.admin.cookie, 'GET', '/api/police-events?from=2026-11-20&to=2026-11-27')).json().events).toEqual([]);

    // Asked again after the interval: the same events are not stored twice.
    await fetchDueEvents(t.ctx, later());
    const again = await fetchDueEvents(t.ctx, later(LIMITS.gapMs));
    expect(again).toMatchObject({ called: 'Huddinge', stored: 0 });
  });

  it('keeps 10 s between calls and asks for a municipality only when its interval has passed', async () => {
    const start = later();
    expect((await fetchDueEvents(t.ctx, start)).called).not.toBeNull();
    const n = asked.length;
    expect(await fetchDueEvents(t.ctx, new Date(start.getTime() + 5_000))).toMatchObject({ called: null, reason: 'less than 10 s since the last call' });
    expect((await fetchDueEvents(t.ctx, new Date(start.getTime() + 10_000))).called).not.toBeNull();
    // Both municipalities asked: nothing is due for 15 minutes.
    expect(await fetchDueEvents(t.ctx, new Date(start.getTime() + 30_000))).toMatchObject({ called: null, reason: 'nothing due' });
    expect(asked.length).toBe(n + 1);
    clock = start.getTime() + 30_000;
  });

  it('never makes more than 60 calls an hour', async () => {
    const start = later();
    let made = 0;
    // A municipality is due every 15 minutes; with many associations the hourly limit is what stops the calls.
    for (let i = 0; i < 70; i++) {
      await t.ctx.db.updateTable('police_api_calls').set({ location_name: 'Elsewhere' }).execute();
      if ((await fetchDueEvents(t.ctx, new Date(start.getTime() + i * 11_000))).called) made += 1;
    }
    expect(made).toBe(LIMITS.perHour);
    clock = start.getTime() + 70 * 11_000;
  });

  it('pauses for as long as a 429 asks, and stores nothing from an answer that is not the API’s', async () => {
    mode = '429';
    const start = later();
    expect((await fetchDueEvents(t.ctx, start)).called).not.toBeNull();
    mode = 'ok';
    expect(await fetchDueEvents(t.ctx, new Date(start.getTime() + 60_000))).toMatchObject({
      called: null,
      reason: expect.stringContaining('paused after 429'),
    });
    expect((await fetchDueEvents(t.ctx, new Date(start.getTime() + 121_000))).called).not.toBeNull();

    mode = 'garbage';
    const before = (await t.ctx.db.selectFrom('police_events').select('id').execute()).length;
    const bad = await fetchDueEvents(t.ctx, later());
    expect(bad.reason).toContain("not the API's format");
    mode = '500';
    expect((await fetchDueEvents(t.ctx, later())).reason).toBe('HTTP 500');
    mode = 'ok';
    expect((await t.ctx.db.selectFrom('police_events').select('id').execute()).length).toBe(before);
  });

  it('refuses a bad date with the field named', async () => {
    const res = await call(t, huddinge.admin.cookie, 'GET', '/api/police-events?from=igår');
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('querystring.from');
  });
});
