import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { type TestApp, type TestAssociation, withTestAssociation } from '../../../../test/app.js';
import { addCar, addCrewMember, addShift, call } from '../../../../test/shifts.js';
import { calendar, fold } from './ical.js';

let t: TestApp;
let a: TestAssociation;
withTestAssociation((app, association) => {
  t = app;
  a = association;
});

const fetchFeed = (url: string) => t.app.inject({ method: 'GET', url: new URL(url).pathname });

describe('calendar feeds', () => {
  it('a member’s feed parses with ical.js, carries the Stockholm zone, and shows changes and cancellations', async () => {
    const car = await addCar(t, a.admin.cookie, 'Bil, "norra"');
    const summer = await addShift(t, a.admin.cookie, car, '2027-06-15', '18:00', '22:00', { note: 'Midsommarveckan; extra koll' });
    const winter = await addShift(t, a.admin.cookie, car, '2027-12-14', '09:00', '13:00');
    const m = await addCrewMember(t, a.associationId);
    for (const s of [summer, winter]) await call(t, m.cookie, 'POST', `/api/shifts/${s.id}/signup`, {});
    t.ctx.clock.now = () => new Date('2027-06-01T10:00:00Z');
    const feed = (await call(t, m.cookie, 'POST', '/api/calendar-feeds', { vehicleId: null })).json();
    expect(feed.url).toMatch(/^http:\/\/localhost:3000\/calendar\/[\w-]{43}\.ics$/);

    const res = await fetchFeed(feed.url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(res.body.split('\r\n').every((line) => Buffer.byteLength(line) <= 75)).toBe(true);
    const cal = new ICAL.Component(ICAL.parse(res.body));
    const tz = cal.getFirstSubcomponent('vtimezone')!;
    ICAL.TimezoneService.register(new ICAL.Timezone(tz));
    const events = cal.getAllSubcomponents('vevent').map((v) => new ICAL.Event(v));
    expect(events).toHaveLength(2);
    const [june, december] = events as [ICAL.Event, ICAL.Event];
    expect(june.uid).toBe(`${summer.id}@localhost`);
    expect(june.startDate.zone?.tzid).toBe('Europe/Stockholm');
    expect(june.startDate.toJSDate().toISOString()).toBe('2027-06-15T16:00:00.000Z');
    expect(december.startDate.toJSDate().toISOString()).toBe('2027-12-14T08:00:00.000Z');
    expect(june.summary).toContain('Bil, "norra"');
    expect(june.description).toContain('Midsommarveckan; extra koll');

    // A change raises the sequence; a cancellation shows as cancelled.
    await call(t, a.admin.cookie, 'PUT', `/api/shifts/${summer.id}`, {
      startDate: '2027-06-15',
      startTime: '19:00',
      endDate: '2027-06-15',
      endTime: '23:00',
      crewMin: 2,
      crewMax: 3,
      areaId: null,
      note: null,
    });
    await call(t, a.admin.cookie, 'POST', `/api/shifts/${winter.id}/cancel`, { reason: 'Julledigt' });
    const after = new ICAL.Component(ICAL.parse((await fetchFeed(feed.url)).body));
    const [changed, cancelled] = after.getAllSubcomponents('vevent');
    expect(changed!.getFirstPropertyValue('sequence')).toBe(1);
    expect(new ICAL.Event(changed!).startDate.toString()).toBe('2027-06-15T19:00:00');
    expect(cancelled!.getFirstPropertyValue('status')).toBe('CANCELLED');
    t.ctx.clock.now = () => new Date();
  });

  it('a car feed holds every shift of that car; a new address revokes the old; revoked and unknown addresses are 404', async () => {
    const car = await addCar(t, a.admin.cookie);
    await addShift(t, a.admin.cookie, car, '2027-01-20');
    const m = await addCrewMember(t, a.associationId);
    t.ctx.clock.now = () => new Date('2027-01-01T10:00:00Z');
    const first = (await call(t, m.cookie, 'POST', '/api/calendar-feeds', { vehicleId: car })).json();
    expect((await fetchFeed(first.url)).body.match(/BEGIN:VEVENT/g)).toHaveLength(1);
    const second = (await call(t, m.cookie, 'POST', '/api/calendar-feeds', { vehicleId: car })).json();
    expect((await fetchFeed(first.url)).statusCode).toBe(404);
    expect((await fetchFeed(second.url)).statusCode).toBe(200);
    expect((await call(t, m.cookie, 'GET', '/api/calendar-feeds')).json().map((f: { id: string }) => f.id)).toEqual([second.id]);
    expect((await call(t, m.cookie, 'DELETE', `/api/calendar-feeds/${second.id}`)).statusCode).toBe(204);
    expect((await fetchFeed(second.url)).statusCode).toBe(404);
    expect((await t.app.inject({ method: 'GET', url: '/calendar/not-a-real-token-at-all-xxxxxxxx.ics' })).statusCode).toBe(404);
    // Someone else's feed cannot be revoked.
    const other = (await call(t, a.admin.cookie, 'POST', '/api/calendar-feeds', {})).json();
    expect((await call(t, m.cookie, 'DELETE', `/api/calendar-feeds/${other.id}`)).statusCode).toBe(404);
    t.ctx.clock.now = () => new Date();
  });

  it('folds long lines without splitting a character', () => {
    const line = `DESCRIPTION:${'å'.repeat(100)}`;
    const folded = fold(line).split('\r\n');
    expect(folded.every((l) => Buffer.byteLength(l) <= 75)).toBe(true);
    expect(folded.map((l, i) => (i === 0 ? l : l.slice(1))).join('')).toBe(line);
  });

  it.each([
    ['CRLF', '\r\n'],
    ['LF', '\n'],
    ['a bare CR', '\r'],
    ['a vertical tab', '\v'],
    ['a form feed', '\f'],
    ['NEL', '\u0085'],
    ['the line separator', '\u2028'],
    ['the paragraph separator', '\u2029'],
  ])('no shift text with %s can split a line or add one', (_name, brk) => {
    const injected = `Samling vid stationen${brk}ATTENDEE:mailto:evil@example.com${brk}END:VEVENT`;
    const body = calendar('Bil 1', [
      {
        uid: 'shift-1',
        sequence: 0,
        startsAt: '2026-12-10T08:00:00.000Z',
        endsAt: '2026-12-10T12:00:00.000Z',
        updatedAt: '2026-12-01T08:00:00.000Z',
        summary: injected,
        description: injected,
        location: injected,
        url: 'https://grannstod.example.se/shifts/1',
        cancelled: false,
      },
    ]);
    // Every content line (after unfolding) starts with a property name; no text made a line of its own.
    const lines = body.replace(/\r\n /g, '').split('\r\n').filter(Boolean);
    expect(lines.every((l) => /^[A-Z-]+[;:]/.test(l))).toBe(true);
    expect(lines.filter((l) => l.startsWith('ATTENDEE'))).toEqual([]);
    expect(body).not.toMatch(/[\r\u0085\u2028\u2029\v\f](?!\n)/);
    const event = new ICAL.Event(new ICAL.Component(ICAL.parse(body)).getFirstSubcomponent('vevent')!);
    expect(event.summary).toBe('Samling vid stationen\nATTENDEE:mailto:evil@example.com\nEND:VEVENT');
    expect(event.attendees).toEqual([]);
  });
});
