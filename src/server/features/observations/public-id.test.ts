/**
 * A phone's id is unique within its association only: an id that another
 * association holds is answered exactly as a free one, and from then on each
 * association sees and uses its own observation under it.
 */
import { strFromU8, unzipSync } from 'fflate';
import sharp from 'sharp';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, type TestApp, type TestAssociation, withTestAssociation } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { newId } from '../../platform/db/ids.js';
import { routePending } from '../reports/routing-sweep.js';

let t: TestApp;
let a: TestAssociation;
let b: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});

const categoryOf = async (cookie: string) =>
  ((await call(t, cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[]).find((c) => c.code === 'graffiti')!.id;
const observedAt = new Date(Date.now() - 60_000).toISOString();
const body = (categoryId: string, text: string) => ({
  categoryId,
  urgency: 'needs_action',
  text,
  lat: 59.219,
  lng: 17.947,
  observedAt,
});
const routeTo = async (cookie: string, categoryId: string, name: string) => {
  const recipient = (await call(t, cookie, 'POST', '/api/recipients', { name, kind: 'municipality', channel: 'manual', manualInstructions: 'Ring' })).json();
  await call(t, cookie, 'POST', '/api/routing-rules', { categoryId, recipientId: recipient.id });
};

let shared: string;
let aCategory: string;
beforeAll(async () => {
  b = await addAssociation(t, 'Grannstöd Annanstans');
  aCategory = await categoryOf(a.admin.cookie);
  const bCategory = await categoryOf(b.admin.cookie);
  await routeTo(a.admin.cookie, aCategory, 'A-kommunen');
  await routeTo(b.admin.cookie, bCategory, 'B-kommunen');
  shared = newId();
  expect((await call(t, b.admin.cookie, 'PUT', `/api/observations/${shared}`, body(bCategory, 'B-hemlighet'))).statusCode).toBe(201);
});

describe('an id another association holds', () => {
  it('is answered as a free id would be, and each association has its own observation under it', async () => {
    const free = newId();
    const fresh = await call(t, a.admin.cookie, 'PUT', `/api/observations/${free}`, body(aCategory, 'A fri'));
    const taken = await call(t, a.admin.cookie, 'PUT', `/api/observations/${shared}`, body(aCategory, 'A egen'));
    expect([fresh.statusCode, taken.statusCode]).toEqual([201, 201]);
    expect(taken.json()).toMatchObject({ id: shared, text: 'A egen' });
    expect(Object.keys(taken.json()).sort()).toEqual(Object.keys(fresh.json()).sort());
    expect(taken.body).not.toContain('B-hemlighet');

    // A retry is answered from A's store; other content under the id is A's own conflict.
    const retry = await call(t, a.admin.cookie, 'PUT', `/api/observations/${shared}`, body(aCategory, 'A egen'));
    expect(retry.statusCode).toBe(200);
    expect(retry.json()).toEqual(taken.json());
    expect((await call(t, a.admin.cookie, 'PUT', `/api/observations/${shared}`, body(aCategory, 'Annat'))).statusCode).toBe(409);

    // Reading, changing, photos and history: each side reaches only its own.
    expect((await call(t, a.admin.cookie, 'GET', `/api/observations/${shared}`)).json().text).toBe('A egen');
    expect((await call(t, b.admin.cookie, 'GET', `/api/observations/${shared}`)).json().text).toBe('B-hemlighet');
    const patched = await call(t, a.admin.cookie, 'PATCH', `/api/observations/${shared}`, { text: 'A ändrad' });
    expect(patched.json()).toMatchObject({ id: shared, text: 'A ändrad' });
    expect((await call(t, b.admin.cookie, 'GET', `/api/observations/${shared}`)).json().text).toBe('B-hemlighet');
    const png = await sharp({ create: { width: 8, height: 8, channels: 3, background: '#0a0' } })
      .png()
      .toBuffer();
    const photo = await t.app.inject({
      method: 'POST',
      url: `/api/observations/${shared}/photos`,
      headers: { cookie: a.admin.cookie, 'content-type': 'image/png' },
      payload: png,
    });
    expect(photo.statusCode, photo.body).toBe(200);
    const url = photo.json().photos[0].url as string;
    expect(url).toBe(`/api/observations/${shared}/photos/${photo.json().photos[0].sha256}`);
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie: a.admin.cookie } })).statusCode).toBe(200);
    expect((await t.app.inject({ method: 'GET', url, headers: { cookie: b.admin.cookie } })).statusCode).toBe(404);
    expect((await call(t, b.admin.cookie, 'GET', `/api/observations/${shared}`)).json().photos).toEqual([]);
    const history = (await call(t, a.admin.cookie, 'GET', `/api/observations/${shared}/history`)).json() as { action: string }[];
    expect(history.map((h) => h.action).sort()).toEqual(['observation.create', 'observation.photo', 'observation.update']);
    expect((await call(t, b.admin.cookie, 'GET', `/api/observations/${shared}/history`)).json()).toHaveLength(1);
  });

  it('lists, maps, items, exports and Open311 name the observation by the phone’s id, never the server’s', async () => {
    await routePending(t.ctx);
    const rows = await t.ctx.db.selectFrom('observations').select(['id', 'client_id', 'association_id']).where('client_id', '=', shared).execute();
    expect(rows).toEqual([{ id: expect.any(String), client_id: shared, association_id: a.associationId }]);
    const internal = rows[0]!.id;
    const seen: string[] = [];
    const get = async (url: string) => {
      const res = await call(t, a.admin.cookie, 'GET', url);
      expect(res.statusCode, `${url}: ${res.body}`).toBe(200);
      seen.push(res.body);
      return res;
    };
    const list = (await get('/api/observations?limit=1')).json();
    expect(list.items[0].id).toBe(shared);
    if (list.nextCursor) {
      expect(list.nextCursor).toContain(shared);
      // The cursor goes on from the observation it names.
      const next = (await get(`/api/observations?limit=1&cursor=${encodeURIComponent(list.nextCursor)}`)).json();
      expect(next.items[0].id).not.toBe(shared);
    }
    const map = (await get('/api/observations/map?bbox=17.9,59.2,18.0,59.3')).json();
    expect(map.markers.map((m: { id: string }) => m.id)).toContain(shared);
    const items = (await get(`/api/action-items?observationId=${shared}`)).json() as { id: string; observationIds: string[] }[];
    expect(items).toHaveLength(1);
    expect(items[0]!.observationIds).toEqual([shared]);
    const item = (await get(`/api/action-items/${items[0]!.id}`)).json();
    expect(item.reported[0].observationId).toBe(shared);
    await get(`/api/observations/${shared}/duplicates`);
    const csv = await get(`/api/exports/observations?format=csv&from=2020-01-01&to=2030-12-31`);
    expect(csv.body).toContain(shared);
    const zip = await t.app.inject({ method: 'GET', url: '/api/me/export', headers: { cookie: a.admin.cookie } });
    const files = unzipSync(new Uint8Array(zip.rawPayload));
    seen.push(...Object.values(files).map((f) => strFromU8(f)));
    expect(seen.at(-1)).toBeDefined();
    expect(seen.join('\n')).toContain(shared);
    for (const body of seen) expect(body).not.toContain(internal);
    // B's item still holds only B's observation.
    const bItems = (await call(t, b.admin.cookie, 'GET', `/api/action-items?observationId=${shared}`)).json() as {
      observationIds: string[];
      recipientName: string;
    }[];
    expect(bItems.map((i) => [i.recipientName, i.observationIds])).toEqual([['B-kommunen', [shared]]]);
  });
});
