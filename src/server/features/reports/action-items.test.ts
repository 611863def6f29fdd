/**
 * From observation to answer, over real SMTP on loopback: routing by place to
 * two recipients, their mails, the recipient's answer through the link, the
 * volunteer told; SMTP down; links tampered, expired or reused; duplicates;
 * reminders and escalation.
 */
import sharp from 'sharp';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, addMember, createTestApp, sendWaitingMailNow, type TestApp, type TestAssociation, type TestMember } from '../../../../test/app.js';
import { startSmtpSink, type SmtpSink } from '../../../../test/smtp-sink.js';
import { addCar, addShift, call, daysFromNow } from '../../../../test/shifts.js';
import { districtPolygon } from '../../demo/huddinge.js';
import { uuidv7 } from '../../../shared/domain/ids.js';
import { routePending } from './routing-sweep.js';
import { remindAndEscalate } from './sweeps.js';
import { caseNumber } from './item-mail.js';

let sink: SmtpSink;
let t: TestApp;
let a: TestAssociation;
let volunteer: TestMember;
let coordinator: TestMember;
let graffiti: string;
let dumping: string;
let kommunen: string;
let vattenfall: string;
let flemingsbergArea: string;
const FLEMINGSBERG = { lat: 59.219, lng: 17.947 };

beforeAll(async () => {
  sink = await startSmtpSink();
  t = await createTestApp({ SMTP_URL: sink.url }, { fastRetries: true });
  a = await addAssociation(t, 'Grannstöd Huddinge');
  volunteer = await addMember(t, a.associationId, ['volunteer']);
  coordinator = await addMember(t, a.associationId, ['volunteer', 'coordinator']);
  const area = (
    await call(t, a.admin.cookie, 'POST', '/api/areas', { name: 'Flemingsberg', geometry: districtPolygon(FLEMINGSBERG.lat, FLEMINGSBERG.lng) })
  ).json();
  flemingsbergArea = area.id;
  const categories = (await call(t, volunteer.cookie, 'GET', '/api/observation-categories')).json() as { id: string; code: string }[];
  graffiti = categories.find((c) => c.code === 'graffiti')!.id;
  dumping = categories.find((c) => c.code === 'dumping')!.id;
  const recipient = async (name: string, email: string, extra: object = {}) =>
    (await call(t, a.admin.cookie, 'POST', '/api/recipients', { name, kind: 'municipality', channel: 'email', email, responseDays: 2, ...extra })).json()
      .id as string;
  kommunen = await recipient('Huddinge kommun', 'felanmalan@huddinge.example');
  vattenfall = await recipient('Vattenfall', 'klotter@vattenfall.example', {
    kind: 'utility',
    language: 'en',
    contacts: [{ name: 'Vera Vattenfall', role: 'Case handler', email: 'klotter@vattenfall.example', phone: null }],
  });
  for (const [recipientId, categoryId] of [
    [kommunen, graffiti],
    [vattenfall, graffiti],
    [kommunen, dumping],
  ]) {
    const r = await call(t, a.admin.cookie, 'POST', '/api/routing-rules', { categoryId, areaId: area.id, recipientId });
    expect(r.statusCode, r.body + JSON.stringify(area)).toBe(201);
  }
});
afterAll(async () => {
  await t.close();
  await sink.stop();
});
afterEach(() => {
  t.ctx.clock.now = () => new Date();
});

let spot = 0;
/** A new place in Flemingsberg each time, 200 m apart, so tests do not see each other's items as duplicates. */
const observe = async (categoryId = graffiti, extra: object = {}) => {
  spot += 1;
  const id = uuidv7();
  const res = await call(t, volunteer.cookie, 'PUT', `/api/observations/${id}`, {
    categoryId,
    urgency: 'needs_action',
    text: 'Klotter på elskåpet vid busshållplatsen',
    lat: FLEMINGSBERG.lat + (spot % 5) * 0.002,
    lng: FLEMINGSBERG.lng + Math.floor(spot / 5) * 0.004,
    accuracyM: 10,
    observedAt: new Date(Date.now() - 60_000).toISOString(),
    ...extra,
  });
  expect(res.statusCode).toBe(201);
  return id;
};
const itemsOf = async (observationId: string, cookie = coordinator.cookie) =>
  (await call(t, cookie, 'GET', `/api/action-items?observationId=${observationId}`)).json() as {
    id: string;
    state: string;
    recipientName: string;
    externalReference: string | null;
  }[];
const linksIn = (raw: string) =>
  [...raw.replace(/=\r?\n/g, '').matchAll(/http:\/\/localhost:3000\/svar\/([0-9a-f-]{36}\.[A-Za-z0-9_-]{43})/g)].map((m) => m[1]!);
const mailsTo = (address: string) => sink.received.filter((m) => m.to.includes(address));
const answerPage = (token: string) => t.app.inject({ method: 'GET', url: `/svar/${token}` });
const answer = (token: string, form: Record<string, string>) =>
  t.app.inject({
    method: 'POST',
    url: `/svar/${token}`,
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    payload: new URLSearchParams(form).toString(),
  });

async function routeAndSend() {
  await routePending(t.ctx);
  await t.mailWorker.drain();
}

describe('routing, delivery and the recipient’s answer', () => {
  it('routes an observation by its place to two recipients, mails both, and takes an answer through the link', async () => {
    const before = { kommunen: mailsTo('felanmalan@huddinge.example').length, vattenfall: mailsTo('klotter@vattenfall.example').length };
    const obs = await observe();
    await routeAndSend();
    const items = await itemsOf(obs);
    expect(items.map((i) => i.recipientName).sort()).toEqual(['Huddinge kommun', 'Vattenfall']);
    expect(items.every((i) => i.state === 'sent')).toBe(true);

    const toKommunen = mailsTo('felanmalan@huddinge.example').slice(before.kommunen);
    const toVattenfall = mailsTo('klotter@vattenfall.example').slice(before.vattenfall);
    expect(toKommunen).toHaveLength(1);
    expect(toVattenfall).toHaveLength(1);
    // Each in its recipient's language, with the place and a map link.
    expect(toVattenfall[0]!.raw).toContain('Answer this item');
    expect(toKommunen[0]!.raw).toMatch(/Svara p=C3=A5 =C3=A4rendet|Svara på ärendet/);
    expect(toKommunen[0]!.raw).toContain('openstreetmap.org');
    // A shared inbox is greeted plainly; a named contact's own address by name. Never a placeholder.
    expect(toKommunen[0]!.raw).toMatch(/^Hej!\r?$/m);
    expect(toVattenfall[0]!.raw).toMatch(/^Hello Vera Vattenfall!\r?$/m);
    for (const m of [...toKommunen, ...toVattenfall]) expect(m.raw).not.toMatch(/\{\w+\}/);

    const [token] = linksIn(toKommunen[0]!.raw);
    const page = await answerPage(token!);
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toContain('text/html');
    expect(page.body).toContain('Klotter på elskåpet');

    const done = await answer(token!, { state: 'resolved', externalReference: 'KS-2026-1234', note: 'Sanerat.' });
    expect(done.statusCode).toBe(200);
    expect(done.body).toContain('Åtgärdat');
    const kommunenItem = (await itemsOf(obs)).find((i) => i.recipientName === 'Huddinge kommun')!;
    expect(kommunenItem).toMatchObject({ state: 'resolved', externalReference: 'KS-2026-1234' });

    // The volunteer sees it resolved among their own items, and is told by mail.
    const own = await itemsOf(obs, volunteer.cookie);
    expect(own.find((i) => i.id === kommunenItem.id)?.state).toBe('resolved');
    await t.mailWorker.drain();
    // With the recipient's own case number and what they wrote.
    const told = mailsTo(volunteer.email).find((m) => m.raw.includes('KS-2026-1234'));
    expect(told?.raw).toContain('Sanerat.');
    expect(told?.raw).toContain('Huddinge kommun');

    const detail = (await call(t, coordinator.cookie, 'GET', `/api/action-items/${kommunenItem.id}`)).json();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'queued', 'sent', 'answered']);
    expect(detail.events.at(-1)).toMatchObject({ by: 'recipient', state: 'resolved', note: 'Sanerat.' });
  });

  it('refuses tampered, expired and reused links with a clear page, and a link opens only its own item', async () => {
    const obs = await observe();
    await routeAndSend();
    const [token] = linksIn(mailsTo('felanmalan@huddinge.example').at(-1)!.raw);
    const [id, sig] = token!.split('.');
    const flipped = `${id}.${sig![0] === 'A' ? 'B' : 'A'}${sig!.slice(1)}`;
    const tampered = await answerPage(flipped);
    expect(tampered.statusCode).toBe(404);
    expect(tampered.body).toContain('Länken fungerar inte');
    expect((await answer(flipped, { state: 'resolved' })).statusCode).toBe(404);
    expect((await answerPage('not-a-token')).statusCode).toBe(404);

    t.ctx.clock.now = () => new Date(Date.now() + 61 * 86_400_000);
    const expired = await answerPage(token!);
    expect(expired.statusCode).toBe(410);
    expect(expired.body).toContain('Länken har gått ut');
    t.ctx.clock.now = () => new Date();

    // A refused answer (no state) changes nothing and keeps the link.
    const bad = await answer(token!, { externalReference: 'x' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('Välj hur det går');
    expect((await answer(token!, { state: 'acknowledged' })).statusCode).toBe(200);
    const reused = await answer(token!, { state: 'resolved' });
    expect(reused.statusCode).toBe(410);
    expect(reused.body).toContain('redan använd');
    const item = (await itemsOf(obs)).find((i) => i.recipientName === 'Huddinge kommun')!;
    expect(item.state).toBe('acknowledged');
    // The new link, mailed with the thanks, works.
    await t.mailWorker.drain();
    const [next] = linksIn(mailsTo('felanmalan@huddinge.example').at(-1)!.raw);
    expect(next).not.toBe(token);
    expect((await answer(next!, { state: 'in_progress' })).statusCode).toBe(200);
  });

  it('keeps items queued while SMTP is down and sends each once when it returns', async () => {
    await sink.stop();
    const before = mailsTo('felanmalan@huddinge.example').length;
    const observations = [await observe(), await observe()];
    await routeAndSend();
    for (const o of observations) {
      const items = await itemsOf(o);
      expect(items.every((i) => i.state === 'queued')).toBe(true);
    }
    // Coordinators see the failure on the items, with the reason.
    const failing = (await call(t, coordinator.cookie, 'GET', '/api/action-items?state=failed')).json() as { id: string; deliveryError: string | null }[];
    await sink.start();
    const mine = (await itemsOf(observations[0]!)).map((i) => i.id);
    expect(failing.filter((f) => mine.includes(f.id)).every((f) => f.deliveryError?.includes('ECONNREFUSED'))).toBe(true);
    expect(failing.some((f) => mine.includes(f.id))).toBe(true);

    await new Promise((r) => setTimeout(r, 50));
    await t.mailWorker.drain();
    await t.mailWorker.drain();
    expect(mailsTo('felanmalan@huddinge.example').length - before).toBe(2);
    for (const o of observations) expect((await itemsOf(o)).every((i) => i.state === 'sent')).toBe(true);
  });

  it('routes each observation once, however many sweeps run at the same time', async () => {
    const obs = await observe(dumping);
    await Promise.all([routePending(t.ctx), routePending(t.ctx), routePending(t.ctx)]);
    expect(await itemsOf(obs)).toHaveLength(1);
    const mails = await t.ctx.db
      .selectFrom('mail_action_items')
      .innerJoin('action_item_observations', 'action_item_observations.item_id', 'mail_action_items.item_id')
      .select('mail_action_items.mail_id')
      .where('action_item_observations.observation_id', '=', obs)
      .execute();
    expect(mails).toHaveLength(1);
  });

  it('holds an item when an open one of the same category is within 50 m, and joins them on the coordinator’s word', async () => {
    const first = await observe(dumping);
    await routeAndSend();
    const firstItem = (await itemsOf(first))[0]!;
    const row = await t.ctx.db.selectFrom('observations').select(['lat', 'lng']).where('id', '=', first).executeTakeFirstOrThrow();
    const second = uuidv7();
    await call(t, volunteer.cookie, 'PUT', `/api/observations/${second}`, {
      categoryId: dumping,
      urgency: 'needs_action',
      text: null,
      lat: Number(row.lat) + 0.0002,
      lng: Number(row.lng),
      accuracyM: 10,
      observedAt: new Date().toISOString(),
    });
    await routeAndSend();
    const held = (await itemsOf(second))[0]!;
    expect(held.state).toBe('new');
    const candidates = (await call(t, coordinator.cookie, 'GET', `/api/observations/${second}/duplicates`)).json();
    expect(candidates.map((c: { id: string }) => c.id)).toEqual([firstItem.id]);
    expect(candidates[0].distanceM).toBeLessThanOrEqual(50);

    const joined = await call(t, coordinator.cookie, 'POST', `/api/action-items/${firstItem.id}/observations`, { observationId: second });
    expect(joined.statusCode).toBe(200);
    expect(joined.json().observationIds).toEqual([first, second]);
    expect((await call(t, coordinator.cookie, 'GET', `/api/action-items/${held.id}`)).json().state).toBe('duplicate');
  });

  it('reminds the recipient after the deadline, then makes it the coordinators’ task', async () => {
    const obs = await observe(dumping);
    await routeAndSend();
    const item = (await itemsOf(obs))[0]!;
    const before = mailsTo('felanmalan@huddinge.example').length;
    const later = new Date(Date.now() + 3 * 86_400_000);
    t.ctx.clock.now = () => later;
    await remindAndEscalate(t.ctx, later);
    await t.mailWorker.drain();
    const reminder = mailsTo('felanmalan@huddinge.example')
      .slice(before)
      .filter((m) => m.raw.includes(caseNumber(item.id)));
    expect(reminder).toHaveLength(1);
    expect(reminder[0]!.raw).toContain('=C3=A5minnelse');
    // The reminder gives a new deadline, but the item stays overdue by its first one: in the list, its detail and the overdue view.
    const reminded = (await call(t, coordinator.cookie, 'GET', `/api/action-items/${item.id}`)).json();
    expect(Date.parse(reminded.dueAt)).toBeGreaterThan(later.getTime());
    expect(reminded.overdue).toBe(true);
    const overdueView = (await call(t, coordinator.cookie, 'GET', '/api/action-items?state=overdue')).json() as { id: string }[];
    expect(overdueView.map((i) => i.id)).toContain(item.id);

    const muchLater = new Date(Date.now() + 6 * 86_400_000);
    t.ctx.clock.now = () => muchLater;
    await remindAndEscalate(t.ctx, muchLater);
    await remindAndEscalate(t.ctx, muchLater);
    await t.mailWorker.drain();
    expect(mailsTo(coordinator.email).filter((m) => m.raw.replace(/=\r?\n/g, '').includes('har inte svarat')).length).toBeGreaterThanOrEqual(1);
    const detail = (await call(t, coordinator.cookie, 'GET', `/api/action-items/${item.id}`)).json();
    expect(detail.overdue).toBe(true);
    expect(detail.events.map((e: { kind: string }) => e.kind)).toEqual(['created', 'queued', 'sent', 'reminded', 'escalated']);
    const todo = (await call(t, coordinator.cookie, 'GET', '/api/action-items?state=todo')).json() as { id: string }[];
    expect(todo.map((i) => i.id)).toContain(item.id);
  });

  it('refuses bad recipients and rules naming the field, and changes nothing', async () => {
    const noEmail = await call(t, a.admin.cookie, 'POST', '/api/recipients', { name: 'Utan adress', kind: 'other', channel: 'email' });
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json().errors).toEqual([expect.objectContaining({ field: 'email' })]);
    const other = await addAssociation(t, 'Annan förening');
    const foreign = (
      await call(t, other.admin.cookie, 'POST', '/api/recipients', { name: 'Deras', kind: 'other', channel: 'email', email: 'x@example.org' })
    ).json();
    const rule = await call(t, a.admin.cookie, 'POST', '/api/routing-rules', { categoryId: graffiti, recipientId: foreign.id });
    expect(rule.statusCode).toBe(400);
    expect(rule.json().errors).toEqual([expect.objectContaining({ field: 'recipientId' })]);
    const polygon = await call(t, a.admin.cookie, 'POST', '/api/areas', { name: 'Trasig', geometry: { type: 'Polygon', coordinates: [[[17.9, 59.2]]] } });
    expect(polygon.statusCode).toBe(400);
    expect(polygon.json().errors[0].field).toBe('geometry');
    expect(
      (await call(t, coordinator.cookie, 'POST', '/api/recipients', { name: 'X', kind: 'other', channel: 'email', email: 'x@example.org' })).statusCode,
    ).toBe(403);
  });

  it('tries a rule against a point on the map', async () => {
    const res = await call(t, coordinator.cookie, 'GET', `/api/routing/try?categoryId=${graffiti}&lat=${FLEMINGSBERG.lat}&lng=${FLEMINGSBERG.lng}`);
    expect(res.statusCode).toBe(200);
    expect(
      res
        .json()
        .recipients.map((r: { name: string }) => r.name)
        .sort(),
    ).toEqual(['Huddinge kommun', 'Vattenfall']);
    const outside = await call(t, coordinator.cookie, 'GET', `/api/routing/try?categoryId=${graffiti}&lat=59.3&lng=18.1`);
    expect(outside.json().recipients).toEqual([]);
  });
});

describe('photos that follow their observation', () => {
  const png = () =>
    sharp({ create: { width: 24, height: 16, channels: 3, background: '#3a7' } })
      .png()
      .toBuffer();
  const sendPhoto = async (observationId: string) => {
    const res = await t.app.inject({
      method: 'POST',
      url: `/api/observations/${observationId}/photos`,
      headers: { cookie: volunteer.cookie, 'content-type': 'image/png' },
      payload: await png(),
    });
    expect(res.statusCode, res.body).toBe(200);
  };
  const attachmentsIn = (raw: string) => [...raw.matchAll(/Content-Disposition: attachment; filename=([^\r\n;]+)/g)].map((m) => m[1]!);

  it('waits for the photo the phone said would follow, and the recipient gets it with the item', async () => {
    const before = mailsTo('felanmalan@huddinge.example').length;
    const obs = await observe(dumping, { photosToFollow: 1 });
    await routeAndSend();
    expect(await itemsOf(obs)).toEqual([]);
    await sendPhoto(obs);
    await routeAndSend();
    const [item] = await itemsOf(obs);
    expect(item?.state).toBe('sent');
    const mail = mailsTo('felanmalan@huddinge.example')
      .slice(before)
      .find((m) => m.raw.includes(caseNumber(item!.id)))!;
    expect(attachmentsIn(mail.raw)).toHaveLength(1);
  });

  it('routes without the photo once the grace time has passed', async () => {
    const obs = await observe(dumping, { photosToFollow: 1, lat: FLEMINGSBERG.lat, lng: FLEMINGSBERG.lng });
    await routeAndSend();
    expect(await itemsOf(obs)).toEqual([]);
    const later = new Date(Date.now() + 6 * 60_000);
    t.ctx.clock.now = () => later;
    await routeAndSend();
    expect((await itemsOf(obs)).map((i) => i.recipientName)).toEqual(['Huddinge kommun']);
  });

  it('sends a photo that arrives after delivery to the same recipient, as a photo for that case', async () => {
    const obs = await observe(dumping);
    await routeAndSend();
    const [item] = await itemsOf(obs);
    expect(item?.state).toBe('sent');
    const before = mailsTo('felanmalan@huddinge.example').length;
    await sendPhoto(obs);
    await t.jobWorker.drain();
    await t.mailWorker.drain();
    const follow = mailsTo('felanmalan@huddinge.example').slice(before);
    expect(follow).toHaveLength(1);
    expect(follow[0]!.raw.replace(/=\r?\n/g, '')).toContain(caseNumber(item!.id));
    expect(follow[0]!.raw).toMatch(/Subject: .*Bild/);
    expect(attachmentsIn(follow[0]!.raw)).toHaveLength(1);
    const detail = (await call(t, coordinator.cookie, 'GET', `/api/action-items/${item!.id}`)).json();
    expect(detail.events.map((e: { kind: string }) => e.kind)).toContain('photo_sent');
  });
});

describe('changing the proposed routing', () => {
  it('takes back an item before its mail goes out, and refuses once it has', async () => {
    const before = mailsTo('felanmalan@huddinge.example').length;
    // SMTP down, so both mails wait in the outbox for certain.
    await sink.stop();
    const obs = await observe(graffiti, { lat: FLEMINGSBERG.lat - 0.004, lng: FLEMINGSBERG.lng + 0.008 });
    await routePending(t.ctx);
    await t.mailWorker.drain();
    const kommunensItem = (await itemsOf(obs)).find((i) => i.recipientName === 'Huddinge kommun')!;
    const withdrawn = await call(t, coordinator.cookie, 'POST', `/api/action-items/${kommunensItem.id}/withdraw`, { note: 'Kommunen äger inte elskåpet.' });
    expect(withdrawn.statusCode, withdrawn.body).toBe(200);
    expect(withdrawn.json()).toMatchObject({ state: 'withdrawn' });
    expect(withdrawn.json().events.at(-1)).toMatchObject({ kind: 'withdrawn', note: 'Kommunen äger inte elskåpet.' });
    await sink.start();
    await sendWaitingMailNow(t);
    expect(mailsTo('felanmalan@huddinge.example')).toHaveLength(before);
    const items = await itemsOf(obs);
    expect(items.find((i) => i.recipientName === 'Vattenfall')!.state).toBe('sent');

    const late = await call(t, coordinator.cookie, 'POST', `/api/action-items/${items.find((i) => i.recipientName === 'Vattenfall')!.id}/withdraw`, {});
    expect(late.statusCode).toBe(409);
    expect(late.json().errors[0]).toMatchObject({ field: 'state' });
    // A volunteer cannot take items back.
    expect((await call(t, volunteer.cookie, 'POST', `/api/action-items/${kommunensItem.id}/withdraw`, {})).statusCode).toBe(403);
  });
});

describe('re-checks on a later patrol', () => {
  it('shows a resolved graffiti item, from 48 hours on, on the shifts whose area covers it, and takes what the patrol found', async () => {
    const obs = await observe(graffiti, { lat: FLEMINGSBERG.lat + 0.004, lng: FLEMINGSBERG.lng - 0.008 });
    await routeAndSend();
    const item = (await itemsOf(obs)).find((i) => i.recipientName === 'Huddinge kommun')!;
    const resolved = await call(t, coordinator.cookie, 'PATCH', `/api/action-items/${item.id}`, { state: 'resolved', externalReference: 'KS-48' });
    expect(resolved.statusCode).toBe(200);
    const detail = resolved.json() as { recheckDueAt: string; closedAt: string };
    // Graffiti: the municipality's 48 hours.
    expect(Date.parse(detail.recheckDueAt) - Date.parse(detail.closedAt)).toBe(48 * 3_600_000);

    const car = await addCar(t, a.admin.cookie);
    const segeltorp = (await call(t, a.admin.cookie, 'POST', '/api/areas', { name: 'Segeltorp', geometry: districtPolygon(59.2735, 17.944) })).json().id;
    const shift = async (day: number, from: string, to: string, areaId: string | null) =>
      (await addShift(t, a.admin.cookie, car, daysFromNow(day), from, to, { areaId })).id;
    const tooEarly = await shift(1, '18:00', '22:00', flemingsbergArea);
    const covering = await shift(3, '18:00', '22:00', flemingsbergArea);
    const elsewhere = await shift(3, '09:00', '13:00', segeltorp);
    const everywhere = await shift(4, '09:00', '13:00', null);
    // The volunteer rides every one of them; a colleague rides none.
    for (const id of [tooEarly, covering, elsewhere, everywhere]) {
      const seat = await call(t, coordinator.cookie, 'POST', `/api/shifts/${id}/crew`, { memberId: volunteer.memberId, reason: 'Test av omkontroll' });
      expect(seat.statusCode, seat.body).toBe(200);
    }
    const colleague = await addMember(t, a.associationId, ['volunteer']);
    expect((await call(t, colleague.cookie, 'GET', `/api/shifts/${covering}/rechecks`)).statusCode).toBe(404);
    const notCrew = await call(t, colleague.cookie, 'POST', `/api/action-items/${item.id}/recheck`, { result: 'gone', shiftId: covering });
    expect(notCrew.statusCode).toBe(404);
    const noShift = await call(t, volunteer.cookie, 'POST', `/api/action-items/${item.id}/recheck`, { result: 'gone' });
    expect(noShift.json().errors).toEqual([expect.objectContaining({ field: 'shiftId' })]);
    // A shift whose area does not cover the place cannot close it either.
    expect((await call(t, volunteer.cookie, 'POST', `/api/action-items/${item.id}/recheck`, { result: 'gone', shiftId: elsewhere })).statusCode).toBe(404);

    const rechecksOn = async (shiftId: string) =>
      (
        (await call(t, volunteer.cookie, 'GET', `/api/shifts/${shiftId}/rechecks`)).json() as { id: string; recheckDueAt: string; externalReference: string }[]
      ).filter((r) => r.id === item.id);
    expect(await rechecksOn(tooEarly)).toEqual([]);
    expect(await rechecksOn(elsewhere)).toEqual([]);
    expect(await rechecksOn(covering)).toEqual([expect.objectContaining({ id: item.id, externalReference: 'KS-48', recheckDueAt: detail.recheckDueAt })]);
    expect(await rechecksOn(everywhere)).toHaveLength(1);

    const found = await call(t, volunteer.cookie, 'POST', `/api/action-items/${item.id}/recheck`, {
      result: 'still_there',
      note: 'Klottret finns kvar.',
      shiftId: covering,
    });
    expect(found.statusCode).toBe(204);
    expect(await rechecksOn(covering)).toEqual([]);
    const todo = async () => ((await call(t, coordinator.cookie, 'GET', '/api/action-items?state=todo')).json() as { id: string }[]).map((i) => i.id);
    expect(await todo()).toContain(item.id);
    const after = (await call(t, coordinator.cookie, 'GET', `/api/action-items/${item.id}`)).json();
    expect(after.recheckResult).toBe('still_there');
    expect(after.events.at(-1)).toMatchObject({ kind: 'rechecked', note: 'Klottret finns kvar.' });
    // Once a coordinator has acted on it, it leaves the to-do list.
    await new Promise((r) => setTimeout(r, 5));
    await call(t, coordinator.cookie, 'PATCH', `/api/action-items/${item.id}`, { state: 'in_progress', note: 'Kommunen påmind per telefon.' });
    expect(await todo()).not.toContain(item.id);
  });

  it('refuses a re-check without what was found, and one of an item that waits for none', async () => {
    const obs = await observe(dumping, { lat: FLEMINGSBERG.lat - 0.003, lng: FLEMINGSBERG.lng - 0.006 });
    await routeAndSend();
    const [item] = await itemsOf(obs);
    const missing = await call(t, volunteer.cookie, 'POST', `/api/action-items/${item!.id}/recheck`, {});
    expect(missing.statusCode).toBe(400);
    expect(missing.json().errors[0].field).toBe('result');
    expect((await call(t, coordinator.cookie, 'POST', `/api/action-items/${item!.id}/recheck`, { result: 'gone' })).statusCode).toBe(404);
  });
});
