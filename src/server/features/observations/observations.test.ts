import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addMember, type TestApp, type TestAssociation, type TestMember, withTestAssociation } from '../../../../test/app.js';
import { addCar, addCrewMember, addShift, call, daysFromNow } from '../../../../test/shifts.js';
import { insertArea } from '../associations/associations.repository.js';
import { newId } from '../../platform/db/ids.js';
import { districtPolygon } from '../../demo/huddinge.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});
afterEach(() => {
  t.ctx.clock.now = () => new Date();
});

let member: TestMember;
let graffiti: string;
let flemingsberg: string;
beforeAll(async () => {
  flemingsberg = await insertArea(t.ctx.db, a.associationId, {
    name: 'Flemingsberg',
    geometry: districtPolygon(59.219, 17.947),
    now: new Date().toISOString(),
  });
  member = await addMember(t, a.associationId, ['volunteer']);
  const categories = (await call(t, member.cookie, 'GET', '/api/observation-categories')).json();
  graffiti = categories.find((c: { code: string }) => c.code === 'graffiti').id;
});

const body = (extra: object = {}) => ({
  categoryId: graffiti,
  urgency: 'needs_action',
  text: 'Klotter på elskåpet',
  lat: 59.219,
  lng: 17.947,
  accuracyM: 12,
  observedAt: new Date(Date.now() - 60_000).toISOString(),
  ...extra,
});
const put = (cookie: string, id: string, payload: object) => call(t, cookie, 'PUT', `/api/observations/${id}`, payload);

describe('categories', () => {
  it('every association starts with the default taxonomy; coordinators rename, disable and add subcategories', async () => {
    const list = (await call(t, member.cookie, 'GET', '/api/observation-categories')).json();
    expect(list.map((c: { code: string }) => c.code)).toEqual(expect.arrayContaining(['burglary-suspect', 'graffiti', 'nothing-to-report']));
    expect(list).toHaveLength(18);
    expect((await call(t, member.cookie, 'PATCH', `/api/observation-categories/${graffiti}`, { labelSv: 'X' })).statusCode).toBe(403);
    const sub = await call(t, a.admin.cookie, 'POST', '/api/observation-categories', {
      parentId: graffiti,
      labelSv: 'Klotter på elskåp',
      labelEn: 'Graffiti on electrical cabinet',
      icon: '⚡',
    });
    expect(sub.statusCode, sub.body).toBe(201);
    expect(sub.json()).toMatchObject({ parentId: graffiti, enabled: true });
    const nested = await call(t, a.admin.cookie, 'POST', '/api/observation-categories', { parentId: sub.json().id, labelSv: 'Djupare', labelEn: 'Deeper' });
    expect(nested.json().errors[0].field).toBe('parentId');
    const wildlife = list.find((c: { code: string }) => c.code === 'wildlife').id;
    expect((await call(t, a.admin.cookie, 'PATCH', `/api/observation-categories/${wildlife}`, { enabled: false, labelSv: 'Vilt' })).json()).toMatchObject({
      enabled: false,
      labelSv: 'Vilt',
    });
    const refused = await put(member.cookie, newId(), body({ categoryId: wildlife }));
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('categoryId');
  });
});

describe('storing an observation under the phone’s id', () => {
  it('creates once, answers a retry from the store, refuses other content under the same id', async () => {
    const id = newId();
    const payload = body();
    const first = await put(member.cookie, id, payload);
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({
      id,
      categoryCode: 'graffiti',
      areaId: flemingsberg,
      areaName: 'Flemingsberg',
      text: 'Klotter på elskåpet',
      authorMemberId: member.memberId,
    });
    const again = await put(member.cookie, id, payload);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const other = await put(member.cookie, id, { ...payload, text: 'Något annat' });
    expect(other.statusCode).toBe(409);
    expect(other.json().code).toBe('observation_conflict');
    const rows = await t.ctx.db.selectFrom('observations').select(['id', 'text']).where('id', '=', id).execute();
    expect(rows).toEqual([{ id, text: 'Klotter på elskåpet' }]);
  });

  it('five parallel sends of the same observation make one row', async () => {
    const id = newId();
    const payload = body({ text: 'Parallellt' });
    const results = await Promise.all([1, 2, 3, 4, 5].map(() => put(member.cookie, id, payload)));
    expect(results.map((r) => r.statusCode).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(await t.ctx.db.selectFrom('observations').select('id').where('id', '=', id).execute()).toHaveLength(1);
  });

  it('refuses bad input naming the field, and keeps nothing', async () => {
    const cases: [object, string][] = [
      [{ lat: 95 }, 'lat'],
      [{ lat: 40.4, lng: -3.7 }, 'lat'],
      [{ observedAt: new Date(Date.now() + 3_600_000).toISOString() }, 'observedAt'],
      [{ categoryId: newId() }, 'categoryId'],
      [{ text: 'x'.repeat(1001) }, 'text'],
      [{ shiftId: newId() }, 'shiftId'],
      [{ urgency: 'soon' }, 'urgency'],
    ];
    for (const [extra, field] of cases) {
      const id = newId();
      const res = await put(member.cookie, id, body(extra));
      expect(res.statusCode, JSON.stringify(extra)).toBe(400);
      expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
      expect(await t.ctx.db.selectFrom('observations').select('id').where('id', '=', id).execute()).toEqual([]);
    }
    expect((await call(t, member.cookie, 'PUT', '/api/observations/not-a-uuid', body())).statusCode).toBe(400);
  });

  it('the privacy guard refuses plates and personal identity numbers, unless handed to the police, when only time and reference are kept', async () => {
    const res = await put(member.cookie, newId(), body({ text: 'Bil ABC 123 och mannen 811228-9874' }));
    expect(res.statusCode).toBe(422);
    expect(res.json()).toMatchObject({ code: 'privacy_guard' });
    expect(
      res
        .json()
        .errors.map((e: { message: string }) => e.message)
        .sort(),
    ).toEqual(['Ett personnummer', 'Ett registreringsnummer']);
    const handed = await put(member.cookie, newId(), body({ text: 'Bil ABC 123', handedToPolice: true, policeReference: 'K123456-26', urgency: 'police_tip' }));
    expect(handed.statusCode).toBe(201);
    expect(handed.json()).toMatchObject({ text: null, handedToPolice: { reference: 'K123456-26' } });
  });

  it('records the 112 call of an emergency', async () => {
    const at = new Date(Date.now() - 30_000).toISOString();
    const res = await put(member.cookie, newId(), body({ urgency: 'emergency_112', text: 'Brand i container', callMadeAt: at, callReference: 'SOS 4711' }));
    expect(res.json()).toMatchObject({ urgency: 'emergency_112', call112: { at, reference: 'SOS 4711' } });
  });
});

describe('lists, visibility and edits', () => {
  it('a member sees their own and their shift’s observations; coordinators see all, filtered, a page at a time', async () => {
    const car = await addCar(t, a.admin.cookie);
    const shift = await addShift(t, a.admin.cookie, car, daysFromNow(1), '09:00', '13:00', { crewMax: 3, crewMin: 1 });
    const [x, y] = [await addCrewMember(t, a.associationId), await addCrewMember(t, a.associationId)];
    for (const m of [x, y]) await call(t, a.admin.cookie, 'POST', `/api/shifts/${shift.id}/crew`, { memberId: m.memberId, reason: 'Test' });
    const fromX = (await put(x.cookie, newId(), body({ shiftId: shift.id, text: 'Från X' }))).json();
    expect(fromX.vehicleId).toBe(car);
    const outsider = await addCrewMember(t, a.associationId);
    const fromOutsider = (await put(outsider.cookie, newId(), body({ text: 'Utanför' }))).json();
    // y rode the shift: sees x's observation; the outsider does not.
    expect((await call(t, y.cookie, 'GET', `/api/observations/${fromX.id}`)).statusCode).toBe(200);
    expect((await call(t, outsider.cookie, 'GET', `/api/observations/${fromX.id}`)).statusCode).toBe(404);
    const yList = (await call(t, y.cookie, 'GET', '/api/observations')).json();
    expect(yList.items.map((o: { id: string }) => o.id)).toContain(fromX.id);
    expect(yList.items.map((o: { id: string }) => o.id)).not.toContain(fromOutsider.id);
    // Coordinators: everything, by filter and page.
    const byShift = (await call(t, a.admin.cookie, 'GET', `/api/observations?shiftId=${shift.id}`)).json();
    expect(byShift.items.map((o: { id: string }) => o.id)).toEqual([fromX.id]);
    const page1 = (await call(t, a.admin.cookie, 'GET', '/api/observations?limit=2')).json();
    expect(page1.items).toHaveLength(2);
    const page2 = (await call(t, a.admin.cookie, 'GET', `/api/observations?limit=2&cursor=${encodeURIComponent(page1.nextCursor)}`)).json();
    expect(page2.items.map((o: { id: string }) => o.id)).not.toContain(page1.items[0].id);
    const byArea = (await call(t, a.admin.cookie, 'GET', `/api/observations?areaId=${flemingsberg}&limit=200`)).json();
    expect(byArea.items.every((o: { areaId: string }) => o.areaId === flemingsberg)).toBe(true);
  });

  it('filters by where an observation stands: open, handed to the police, no action', async () => {
    const open = (await put(member.cookie, newId(), body({ text: 'Öppen' }))).json();
    const note = (await put(member.cookie, newId(), body({ urgency: 'note', text: 'Bara en notering' }))).json();
    const handed = (await put(member.cookie, newId(), body({ text: 'Bil ABC 123', handedToPolice: true, policeReference: 'K1' }))).json();
    expect([open.status, note.status, handed.status]).toEqual(['open', 'no_action', 'handed_to_police']);
    for (const [status, id] of [
      ['open', open.id],
      ['no_action', note.id],
      ['handed_to_police', handed.id],
    ] as const) {
      const ids = (await call(t, a.admin.cookie, 'GET', `/api/observations?status=${status}&limit=200`))
        .json()
        .items.map((o: { id: string; status: string }) => o.id);
      expect(ids).toContain(id);
      const statuses = (await call(t, a.admin.cookie, 'GET', `/api/observations?status=${status}&limit=200`))
        .json()
        .items.map((o: { status: string }) => o.status);
      expect(new Set(statuses)).toEqual(new Set([status]));
    }
  });

  it('a category filter includes its subcategories', async () => {
    const sub = (
      await call(t, a.admin.cookie, 'POST', '/api/observation-categories', { parentId: graffiti, labelSv: 'Klotter på skola', labelEn: 'Graffiti on a school' })
    ).json();
    const onSchool = (await put(member.cookie, newId(), body({ categoryId: sub.id, text: 'Skolans gavel' }))).json();
    const plain = (await put(member.cookie, newId(), body({ text: 'Elskåp' }))).json();
    const byParent = (await call(t, a.admin.cookie, 'GET', `/api/observations?categoryId=${graffiti}&limit=200`)).json().items.map((o: { id: string }) => o.id);
    expect(byParent).toEqual(expect.arrayContaining([onSchool.id, plain.id]));
    const bySub = (await call(t, a.admin.cookie, 'GET', `/api/observations?categoryId=${sub.id}&limit=200`)).json().items.map((o: { id: string }) => o.id);
    expect(bySub).toEqual([onSchool.id]);
    expect((await call(t, a.admin.cookie, 'GET', `/api/observations?categoryId=${newId()}`)).json().items).toEqual([]);
  });

  it('the author edits for a day, a coordinator later; both are audited, and the guard holds', async () => {
    const mine = (await put(member.cookie, newId(), body({ text: 'Lampa trasig' }))).json();
    const edited = await call(t, member.cookie, 'PATCH', `/api/observations/${mine.id}`, { text: 'Två lampor trasiga' });
    expect(edited.json().text).toBe('Två lampor trasiga');
    expect((await call(t, member.cookie, 'PATCH', `/api/observations/${mine.id}`, { text: 'Ring 070-123 45 67' })).statusCode).toBe(422);
    t.ctx.clock.now = () => new Date(Date.now() + 25 * 3_600_000);
    expect((await call(t, member.cookie, 'PATCH', `/api/observations/${mine.id}`, { text: 'Sent' })).json().code).toBe('edit_window_closed');
    expect((await call(t, a.admin.cookie, 'PATCH', `/api/observations/${mine.id}`, { urgency: 'note' })).json().urgency).toBe('note');
    const audit = (await call(t, a.admin.cookie, 'GET', `/api/audit?entityId=${mine.id}`)).json();
    expect(audit.map((e: { action: string }) => e.action)).toEqual(['observation.update', 'observation.update', 'observation.create']);
    expect(audit[0]).toMatchObject({ before: { urgency: 'needs_action' }, after: { urgency: 'note' } });
    const other = await addCrewMember(t, a.associationId);
    expect((await call(t, other.cookie, 'PATCH', `/api/observations/${mine.id}`, { text: 'Kapad' })).statusCode).toBe(404);
    // The author and coordinators read the history; others do not.
    const history = (await call(t, member.cookie, 'GET', `/api/observations/${mine.id}/history`)).json();
    expect(history.map((e: { action: string }) => e.action)).toEqual(['observation.update', 'observation.update', 'observation.create']);
    expect((await call(t, other.cookie, 'GET', `/api/observations/${mine.id}/history`)).statusCode).toBe(404);
  });

  it('partners cannot store or list observations here', async () => {
    const partner = await addMember(t, a.associationId, [], { kind: 'partner', partnerOrganisationId: null });
    expect((await put(partner.cookie, newId(), body())).statusCode).toBe(403);
    expect((await call(t, partner.cookie, 'GET', '/api/observations')).statusCode).toBe(403);
  });
});

describe('the map', () => {
  it('shows each observation when few, and clusters on the server when many, never more than a few hundred markers', async () => {
    const mapper = await addMember(t, a.associationId, ['volunteer']);
    // 600 observations on a 30 × 20 grid around Flemingsberg.
    const rows = Array.from({ length: 600 }, (_, i) => ({
      id: newId(),
      association_id: a.associationId,
      author_member_id: mapper.memberId,
      shift_id: null,
      vehicle_id: null,
      category_id: graffiti,
      urgency: 'note',
      text: null,
      lat: 59.2 + (i % 20) * 0.002,
      lng: 17.9 + Math.floor(i / 20) * 0.003,
      accuracy_m: 10,
      area_id: null,
      address: null,
      observed_at: new Date(Date.now() - i * 60_000).toISOString(),
      handed_to_police_at: null,
      police_reference: null,
      call_112_at: null,
      call_reference: null,
      content_hash: 'x'.repeat(64),
      created_at: new Date().toISOString(),
      updated_at: new Date().toISOString(),
    }));
    for (let i = 0; i < rows.length; i += 100)
      await t.ctx.db
        .insertInto('observations')
        .values(rows.slice(i, i + 100))
        .execute();

    const wide = (await call(t, mapper.cookie, 'GET', '/api/observations/map?bbox=17.8,59.1,18.1,59.3')).json();
    expect(wide.clustered).toBe(true);
    expect(wide.total).toBe(600);
    expect(wide.markers.length).toBeLessThanOrEqual(17 * 13);
    expect(wide.markers.reduce((s: number, m: { count: number }) => s + m.count, 0)).toBe(600);
    // Zoomed in on one corner: a handful, each with its id.
    const near = (await call(t, mapper.cookie, 'GET', '/api/observations/map?bbox=17.899,59.199,17.9045,59.2045')).json();
    expect(near.clustered).toBe(false);
    expect(near.total).toBe(6);
    expect(near.markers.every((m: { id: string | null; count: number }) => m.id && m.count === 1)).toBe(true);
    // Someone else sees none of them; a coordinator sees them all.
    expect((await call(t, member.cookie, 'GET', '/api/observations/map?bbox=17.899,59.199,17.9045,59.2045')).json().total).toBe(0);
    expect((await call(t, a.admin.cookie, 'GET', '/api/observations/map?bbox=17.899,59.199,17.9045,59.2045')).json().total).toBe(6);
    for (const bad of ['18,59,17,60', '17,59,18', 'a,b,c,d', '-181,0,0,1']) {
      const res = await call(t, mapper.cookie, 'GET', `/api/observations/map?bbox=${bad}`);
      expect(res.statusCode, bad).toBe(400);
      expect(res.json().errors[0].field).toBe('querystring.bbox');
    }
  });
});
