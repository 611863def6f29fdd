/**
 * The association's Open311 GeoReport v2 endpoint as a partner system uses it:
 * discovery, services and their definitions, submitting and reading requests
 * with a key, the spec's filters, both formats, the spec's errors, and the wall
 * between associations.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, addMember, createTestApp, type TestApp, type TestAssociation, type TestMember } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { uuidv7 } from '../../../shared/domain/ids.js';
import { routePending } from '../reports/routing-sweep.js';

let t: TestApp;
let a: TestAssociation;
let b: TestAssociation;
let coordinator: TestMember;
let keyA: string;
let readOnlyKeyA: string;
let keyB: string;
const SKOGAS = { lat: 59.218, lng: 18.155 };

const get = (url: string) => t.app.inject({ method: 'GET', url });
const post = (url: string, form: Record<string, string>) =>
  t.app.inject({ method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded' }, payload: new URLSearchParams(form).toString() });
const submit = (form: Record<string, string> = {}, key = keyA) =>
  post('/open311/v2/requests.json', {
    api_key: key,
    jurisdiction_id: a.associationId,
    service_code: 'dumping',
    lat: String(SKOGAS.lat),
    long: String(SKOGAS.lng),
    description: 'Soffa och kylskåp dumpade vid återvinningsstationen',
    ...form,
  });
const xml = new XMLParser({ parseTagValue: false, isArray: (name) => ['request', 'service', 'error', 'endpoint', 'format'].includes(name) });

beforeAll(async () => {
  // Many calls with one key: above the public rate limit, which public-limits.test.ts checks.
  t = await createTestApp({ PUBLIC_RATE_LIMIT_PER_MINUTE: '1000' });
  a = await addAssociation(t, 'Grannstöd Skogås');
  b = await addAssociation(t, 'Grannstöd Vårby');
  coordinator = await addMember(t, a.associationId, ['volunteer', 'coordinator']);
  const issue = async (cookie: string, body: object) => {
    const r = await call(t, cookie, 'POST', '/api/open311-keys', body);
    expect(r.statusCode, r.body).toBe(201);
    return r.json().key as string;
  };
  keyA = await issue(a.admin.cookie, { name: 'Huddinge kommun, felanmälan' });
  readOnlyKeyA = await issue(a.admin.cookie, { name: 'Polisen, lägesbild', maySubmit: false });
  keyB = await issue(b.admin.cookie, { name: 'Vårby partner' });
  const recipient = (
    await call(t, a.admin.cookie, 'POST', '/api/recipients', {
      name: 'Huddinge kommun',
      kind: 'municipality',
      channel: 'email',
      email: 'kommun@huddinge.example',
      responseDays: 5,
    })
  ).json().id as string;
  const dumping = ((await call(t, a.admin.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[]).find(
    (c) => c.code === 'dumping',
  )!.id;
  await call(t, a.admin.cookie, 'POST', '/api/routing-rules', { categoryId: dumping, areaId: null, recipientId: recipient });
});
afterAll(async () => {
  await t.close();
});

describe('discovery and services', () => {
  it('answers discovery in JSON and XML', async () => {
    const json = await get('/open311/v2/discovery.json');
    expect(json.statusCode).toBe(200);
    expect(json.json().endpoints[0]).toMatchObject({ specification: 'http://wiki.open311.org/GeoReport_v2', url: 'http://localhost:3000/open311/v2' });
    const x = await get('/open311/v2/discovery.xml');
    expect(x.headers['content-type']).toContain('text/xml');
    expect(XMLValidator.validate(x.body)).toBe(true);
    expect(xml.parse(x.body).discovery.endpoints.endpoint[0].formats.format).toEqual(['text/xml', 'application/json']);
  });

  it('lists the categories as services, and needs jurisdiction_id when there are several associations', async () => {
    const none = await get('/open311/v2/services.json');
    expect(none.statusCode).toBe(400);
    expect(none.json()).toEqual([{ code: 400, description: expect.stringContaining('jurisdiction_id') }]);
    const unknown = await get(`/open311/v2/services.json?jurisdiction_id=${uuidv7()}`);
    expect(unknown.statusCode).toBe(404);

    const services = (await get(`/open311/v2/services.json?jurisdiction_id=${a.associationId}`)).json() as Record<string, unknown>[];
    const graffiti = services.find((s) => s.service_code === 'graffiti');
    expect(graffiti).toEqual({
      service_code: 'graffiti',
      service_name: 'Klotter',
      description: 'Klotter (Grannstöd Skogås)',
      metadata: false,
      type: 'realtime',
      keywords: 'graffiti',
      group: 'Klotter',
    });
    expect(services.some((s) => s.service_code === 'nothing-to-report')).toBe(false);
    const x = await get(`/open311/v2/services.xml?jurisdiction_id=${a.associationId}`);
    expect(XMLValidator.validate(x.body)).toBe(true);
    expect((xml.parse(x.body).services.service as { service_code: string }[]).map((s) => s.service_code)).toEqual(services.map((s) => s.service_code));
  });

  it('answers a service definition, and 404 for a code it does not have', async () => {
    const def = await get(`/open311/v2/services/graffiti.json?jurisdiction_id=${a.associationId}`);
    expect(def.json()).toEqual({ service_code: 'graffiti', attributes: [] });
    const x = await get(`/open311/v2/services/graffiti.xml?jurisdiction_id=${a.associationId}`);
    expect(xml.parse(x.body).service_definition).toEqual({ service_code: 'graffiti', attributes: '' });
    const missing = await get(`/open311/v2/services/no-such.xml?jurisdiction_id=${a.associationId}`);
    expect(missing.statusCode).toBe(404);
    expect(xml.parse(missing.body).errors.error).toEqual([{ code: '404', description: 'service_code no-such was not found' }]);
  });

  it('refuses a format other than JSON and XML, and paths it does not serve', async () => {
    expect((await get('/open311/v2/services.csv')).statusCode).toBe(400);
    expect((await get('/open311/v2/nothing.json')).statusCode).toBe(404);
    expect((await post('/open311/v2/services.json', {})).statusCode).toBe(404);
  });
});

describe('requests', () => {
  it('takes a request with a key, makes it an observation that is routed, and shows it as open, then closed', async () => {
    const res = await submit({ address_string: 'Skogåsvägen 1', media_url: 'https://foto.example/soffa.jpg' });
    expect(res.statusCode, res.body).toBe(201);
    const [created] = res.json() as { service_request_id: string; service_notice: string; account_id: null }[];
    expect(created!.service_request_id).toMatch(/^[0-9a-f-]{36}$/);

    // The association sees it among its observations, with the partner system as its source.
    const obs = await call(t, coordinator.cookie, 'GET', `/api/observations/${created!.service_request_id}`);
    expect(obs.statusCode).toBe(200);
    expect(obs.json()).toMatchObject({
      urgency: 'needs_action',
      text: 'Soffa och kylskåp dumpade vid återvinningsstationen',
      address: 'Skogåsvägen 1',
      viaOpen311: 'Huddinge kommun, felanmälan',
    });

    const before = (await get(`/open311/v2/requests/${created!.service_request_id}.json?api_key=${keyA}`)).json()[0];
    expect(before).toMatchObject({
      status: 'open',
      service_code: 'dumping',
      service_name: 'Sopdumpning eller nedskräpning',
      agency_responsible: 'Grannstöd Skogås',
    });

    await routePending(t.ctx);
    const [item] = (await call(t, coordinator.cookie, 'GET', `/api/action-items?observationId=${created!.service_request_id}`)).json() as { id: string }[];
    const routed = (await get(`/open311/v2/requests/${created!.service_request_id}.json?api_key=${keyA}`)).json()[0];
    expect(routed).toMatchObject({ status: 'open', agency_responsible: 'Huddinge kommun' });

    await call(t, coordinator.cookie, 'PATCH', `/api/action-items/${item!.id}`, { state: 'sent' });
    const answered = await call(t, coordinator.cookie, 'PATCH', `/api/action-items/${item!.id}`, {
      state: 'resolved',
      externalReference: 'KS-77',
      note: 'Bortforslat.',
    });
    expect(answered.statusCode, answered.body).toBe(200);
    const closed = (await get(`/open311/v2/requests/${created!.service_request_id}.json?api_key=${keyA}`)).json()[0];
    expect(closed).toMatchObject({
      service_request_id: created!.service_request_id,
      status: 'closed',
      status_notes: 'Bortforslat.',
      description: 'Soffa och kylskåp dumpade vid återvinningsstationen',
      address: 'Skogåsvägen 1',
      lat: SKOGAS.lat,
      long: SKOGAS.lng,
      media_url: 'https://foto.example/soffa.jpg',
      address_id: null,
      zipcode: null,
    });
    // Every field of the spec is there; who reported it is not.
    expect(Object.keys(closed).sort()).toEqual(
      [
        'service_request_id',
        'status',
        'status_notes',
        'service_name',
        'service_code',
        'description',
        'agency_responsible',
        'service_notice',
        'requested_datetime',
        'updated_datetime',
        'expected_datetime',
        'address',
        'address_id',
        'zipcode',
        'lat',
        'long',
        'media_url',
      ].sort(),
    );
    expect(JSON.stringify(closed)).not.toContain(a.admin.email);

    const x = await get(`/open311/v2/requests/${created!.service_request_id}.xml?api_key=${keyA}`);
    expect(XMLValidator.validate(x.body)).toBe(true);
    expect(xml.parse(x.body).service_requests.request[0]).toMatchObject({ status: 'closed', service_code: 'dumping', long: String(SKOGAS.lng) });

    const token = (await get(`/open311/v2/tokens/${created!.service_request_id}.json?api_key=${keyA}`)).json();
    expect(token).toEqual([{ service_request_id: created!.service_request_id, token: created!.service_request_id }]);
  });

  it('filters requests by id, service code, dates and status', async () => {
    const ids: string[] = [];
    for (const service_code of ['graffiti', 'dumping', 'graffiti']) ids.push((await submit({ service_code })).json()[0].service_request_id);
    const list = async (query: string) =>
      ((await get(`/open311/v2/requests.json?api_key=${keyA}&${query}`)).json() as { service_request_id: string; service_code: string; status: string }[]).map(
        (r) => r.service_request_id,
      );
    expect(await list(`service_request_id=${ids[0]},${ids[2]}`)).toEqual([ids[2], ids[0]]);
    const graffiti = await list('service_code=graffiti');
    expect(graffiti).toEqual(expect.arrayContaining([ids[0], ids[2]]));
    expect(graffiti).not.toContain(ids[1]);
    expect(await list('status=open')).toEqual(expect.arrayContaining(ids));
    expect(await list('status=closed')).not.toEqual(expect.arrayContaining([ids[0]]));
    expect((await list('status=closed')).length).toBeGreaterThan(0);
    const future = new Date(Date.now() + 86_400_000).toISOString();
    expect(await list(`start_date=${future}`)).toEqual([]);
    expect(await list(`end_date=${new Date(Date.now() - 86_400_000).toISOString()}`)).toEqual([]);
    expect(await list(`start_date=${new Date(Date.now() - 3_600_000).toISOString()}&end_date=${future}`)).toEqual(expect.arrayContaining(ids));
  });

  it('keeps police tips and notes out: only what needs fixing is a request', async () => {
    const tip = uuidv7();
    const categories = (await call(t, coordinator.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[];
    const put = await call(t, coordinator.cookie, 'PUT', `/api/observations/${tip}`, {
      categoryId: categories.find((c) => c.code === 'drugs-suspect')!.id,
      urgency: 'police_tip',
      text: 'Misstänkt langning vid skolan',
      lat: SKOGAS.lat,
      lng: SKOGAS.lng,
      accuracyM: 10,
      observedAt: new Date(Date.now() - 60_000).toISOString(),
    });
    expect(put.statusCode).toBe(201);
    expect((await get(`/open311/v2/requests/${tip}.json?api_key=${keyA}`)).statusCode).toBe(404);
    expect((await get(`/open311/v2/requests.json?api_key=${keyA}`)).body).not.toContain(tip);
  });

  it.each([
    ['no key', { api_key: '' }, 403, 'api_key is required'],
    ['a wrong key', { api_key: 'g311_wrong' }, 403, 'api_key is not valid'],
    ['a key of another jurisdiction', { api_key: 'B' }, 403, 'api_key is not valid for this jurisdiction_id'],
    ['a read-only key', { api_key: 'READ' }, 403, 'api_key may read requests but not submit them'],
    ['no service code', { service_code: '' }, 400, 'service_code is required'],
    ['an unknown service code', { service_code: 'ufo' }, 404, 'service_code ufo was not found'],
    ['no position', { lat: '' }, 400, 'lat and long are required, or an address_string to place the request by'],
    ['a latitude that is not one', { lat: '95' }, 400, 'lat is not a coordinate'],
    [
      'a phone number in the description',
      { description: 'Ring 070-123 45 67' },
      400,
      'description holds personal data (phone): describe the place and the thing, not people',
    ],
    [
      'a plate in a spelling that dodges a plain check',
      { description: 'Bil АВС–123 övergiven' },
      400,
      'description holds personal data (plate): describe the place and the thing, not people',
    ],
    [
      'an e-mail address in the address',
      { address_string: 'Hos kalle [at] example.se, Storgatan 1' },
      400,
      'address_string holds personal data (email): describe the place and the thing, not people',
    ],
    ['a description too long', { description: 'x'.repeat(4001) }, 400, 'description is longer than 4000 characters'],
    ['a media_url that is no address', { media_url: 'javascript:alert(1)' }, 400, 'media_url must be an http or https address of at most 500 characters'],
  ])('refuses a request with %s, in the spec’s error format, and stores nothing', async (_name, form, status, description) => {
    const asked = (form as { api_key?: string }).api_key;
    const key = asked === 'B' ? keyB : asked === 'READ' ? readOnlyKeyA : undefined;
    const before = (await get(`/open311/v2/requests.json?api_key=${keyA}`)).json().length;
    const res = await submit({ ...form, ...(key && { api_key: key }) });
    expect(res.statusCode).toBe(status);
    expect(res.json()).toEqual([{ code: status, description }]);
    expect((await get(`/open311/v2/requests.json?api_key=${keyA}`)).json().length).toBe(before);
  });

  it('takes a description of 4,000 characters, as the spec allows, and keeps it whole', async () => {
    const long = `Soffa vid återvinningen. ${'Mycket skräp runt containrarna. '.repeat(130)}`.slice(0, 3999) + '.';
    const res = await submit({ description: long });
    expect(res.statusCode, res.body).toBe(201);
    const id = res.json()[0].service_request_id as string;
    expect((await get(`/open311/v2/requests/${id}.json?api_key=${keyA}`)).json()[0].description).toBe(long);
  });

  it('takes a multipart POST as a client with a photo sends it, and answers any other body in the spec’s error format', async () => {
    const form = new FormData();
    for (const [k, v] of Object.entries({ api_key: keyA, jurisdiction_id: a.associationId, service_code: 'dumping', lat: '59.218', long: '18.155' }))
      form.append(k, v);
    form.append('description', 'Madrass vid busshållplatsen');
    form.append('media', new Blob([Buffer.from([0xff, 0xd8, 0xff])], { type: 'image/jpeg' }), 'foto.jpg');
    const encoded = new Response(form);
    const multipart = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': encoded.headers.get('content-type')! },
      payload: Buffer.from(await encoded.arrayBuffer()),
    });
    expect(multipart.statusCode, multipart.body).toBe(201);
    const id = multipart.json()[0].service_request_id as string;
    expect((await get(`/open311/v2/requests/${id}.json?api_key=${keyA}`)).json()[0].description).toBe('Madrass vid busshållplatsen');

    const asJson = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.xml',
      headers: { 'content-type': 'application/json' },
      payload: '{"api_key":"x"}',
    });
    expect(asJson.statusCode).toBe(400);
    expect(asJson.headers['content-type']).toContain('xml');
    expect(xml.parse(asJson.body).errors.error[0]).toEqual({
      code: '400',
      description: 'send the request as application/x-www-form-urlencoded or multipart/form-data',
    });
    const broken = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'multipart/form-data; boundary=nothing' },
      payload: 'not multipart at all',
    });
    expect(broken.statusCode).toBe(400);
    expect(broken.json()).toEqual([{ code: 400, description: 'the multipart body could not be read' }]);
    const huge = await t.app.inject({
      method: 'POST',
      url: '/open311/v2/requests.json',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      payload: `description=${'x'.repeat(70 * 1024)}`,
    });
    expect(huge.statusCode).toBe(413);
    expect(huge.json()).toEqual([{ code: 413, description: 'the request body is too large' }]);
  });

  it('lists 90 days by default, 90 days from or up to one date, and refuses a longer span', async () => {
    const day = 86_400_000;
    const list = (query: string) => get(`/open311/v2/requests.json?api_key=${keyA}&${query}`);
    const mine = (await submit()).json()[0].service_request_id as string;
    expect((await list('')).body).toContain(mine);
    // Up to 89 days before now: today's request is inside; from 91 days back it is not.
    expect((await list(`start_date=${new Date(Date.now() - 89 * day).toISOString()}`)).body).toContain(mine);
    expect((await list(`start_date=${new Date(Date.now() - 91 * day).toISOString()}`)).body).not.toContain(mine);
    expect((await list(`end_date=${new Date(Date.now() + day).toISOString()}`)).body).toContain(mine);
    const wide = await list(`start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z`);
    expect(wide.statusCode).toBe(400);
    expect(wide.json()).toEqual([{ code: 400, description: 'start_date and end_date may be at most 90 days apart' }]);
  });

  it('lets anyone read a coarse view without a key only where the association shows a public page', async () => {
    const mine = (await submit({ description: 'Kylskåp vid Skogåsvägen 3' })).json()[0].service_request_id as string;
    const keyless = (query = '') => get(`/open311/v2/requests.json?jurisdiction_id=${a.associationId}${query}`);
    expect((await keyless()).statusCode).toBe(403);
    await call(t, a.admin.cookie, 'PATCH', '/api/association', { publicPage: true });
    try {
      const res = await keyless();
      expect(res.statusCode).toBe(200);
      const list = res.json() as Record<string, unknown>[];
      expect(list.length).toBeGreaterThan(0);
      for (const r of list) {
        expect(Object.keys(r).sort()).toEqual(['lat', 'long', 'requested_datetime', 'service_code', 'service_name', 'service_request_id', 'status']);
        // The middle of a grid square, on the day: never the place or the time it was seen.
        expect(Math.abs((r.lat as number) / 0.01 - Math.floor((r.lat as number) / 0.01) - 0.5)).toBeLessThan(1e-6);
        expect(r.requested_datetime).toMatch(/T00:00:00Z$/);
      }
      expect(res.body).not.toContain(mine);
      expect(res.body).not.toContain('Kylskåp');
      expect((await keyless(`&service_request_id=${mine}`)).statusCode).toBe(403);
      expect((await get(`/open311/v2/requests/${mine}.json?jurisdiction_id=${a.associationId}`)).statusCode).toBe(403);
      // With a key, the full view as before.
      expect((await get(`/open311/v2/requests.json?api_key=${keyA}`)).body).toContain('Kylskåp');
    } finally {
      await call(t, a.admin.cookie, 'PATCH', '/api/association', { publicPage: false });
    }
  });

  it('answers bad filters with 400 and reading without a key with 403', async () => {
    expect((await get('/open311/v2/requests.json')).statusCode).toBe(403);
    expect((await get(`/open311/v2/requests.json?api_key=${keyA}&status=pending`)).statusCode).toBe(400);
    for (const bad of ['yesterday', '9999-12-31T00:00:00Z', '0001-01-01']) {
      expect((await get(`/open311/v2/requests.json?api_key=${keyA}&start_date=${bad}`)).json()).toEqual([
        { code: 400, description: 'start_date must be a W3C date-time between the years 1900 and 2100, such as 2026-11-27T06:00:00Z' },
      ]);
    }
    expect((await get(`/open311/v2/requests/${uuidv7()}.json?api_key=${keyA}`)).statusCode).toBe(404);
  });

  it('never shows one association’s requests to another’s key', async () => {
    const mine = (await submit()).json()[0].service_request_id as string;
    expect((await get(`/open311/v2/requests/${mine}.json?api_key=${keyB}`)).statusCode).toBe(404);
    expect((await get(`/open311/v2/tokens/${mine}.json?api_key=${keyB}`)).statusCode).toBe(404);
    expect((await get(`/open311/v2/requests.json?api_key=${keyB}&service_request_id=${mine}`)).json()).toEqual([]);
    expect((await get(`/open311/v2/requests.json?api_key=${keyB}`)).body).not.toContain(mine);
  });
});

describe('keys', () => {
  it('shows a key once, lists it by its prefix, and a revoked key stops working at once', async () => {
    const made = await call(t, a.admin.cookie, 'POST', '/api/open311-keys', { name: 'Testnyckel' });
    const { id, key, prefix } = made.json() as { id: string; key: string; prefix: string };
    expect(key.startsWith(prefix)).toBe(true);
    const listed = (await call(t, a.admin.cookie, 'GET', '/api/open311-keys')).json() as Record<string, unknown>[];
    expect(listed.find((k) => k.id === id)).toMatchObject({ name: 'Testnyckel', prefix, maySubmit: true, revokedAt: null });
    expect(JSON.stringify(listed)).not.toContain(key);
    expect((await get(`/open311/v2/requests.json?api_key=${key}`)).statusCode).toBe(200);
    expect((await call(t, a.admin.cookie, 'DELETE', `/api/open311-keys/${id}`)).statusCode).toBe(204);
    expect((await get(`/open311/v2/requests.json?api_key=${key}`)).statusCode).toBe(403);
    expect((await call(t, a.admin.cookie, 'GET', '/api/open311-keys')).json().find((k: { id: string }) => k.id === id).revokedAt).not.toBeNull();
  });

  it('stops a key when the admin who issued it is deactivated, and lists it as not in force', async () => {
    const second = await addMember(t, a.associationId, ['volunteer', 'admin']);
    const { id, key } = (await call(t, second.cookie, 'POST', '/api/open311-keys', { name: 'Lämnar styrelsen' })).json() as { id: string; key: string };
    expect((await get(`/open311/v2/requests.json?api_key=${key}`)).statusCode).toBe(200);
    expect((await call(t, a.admin.cookie, 'POST', `/api/members/${second.memberId}/deactivate`)).statusCode).toBe(200);
    expect((await get(`/open311/v2/requests.json?api_key=${key}`)).statusCode).toBe(403);
    expect((await submit({}, key)).statusCode).toBe(403);
    const listed = (await call(t, a.admin.cookie, 'GET', '/api/open311-keys')).json().find((k: { id: string }) => k.id === id);
    expect(listed).toMatchObject({ issuerActive: false, revokedAt: null });
  });

  it('lets only admins manage keys, and refuses a key without a name', async () => {
    expect((await call(t, coordinator.cookie, 'GET', '/api/open311-keys')).statusCode).toBe(403);
    expect((await call(t, coordinator.cookie, 'POST', '/api/open311-keys', { name: 'X' })).statusCode).toBe(403);
    const bad = await call(t, a.admin.cookie, 'POST', '/api/open311-keys', { name: ' ' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('name');
  });
});
