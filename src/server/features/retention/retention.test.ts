/**
 * Retention on both databases: admins set periods within bounds and see what
 * the next run takes; a run removes the words, photos, routes, notes, mail
 * bodies, jobs, audit entries and invitations older than their periods and
 * nothing newer, never another association's, and the follow-up's figures are
 * the same afterwards. A photo file goes with its last row only.
 */
import type { Kysely } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { addAssociation, addMember, withTestAssociation, type TestApp, type TestAssociation, type TestMember } from '../../../../test/app.js';
import { call } from '../../../../test/shifts.js';
import { seedAgedData, type AgedData } from '../../../../test/retention-fixture.js';
import { runInstallationRetention, runRetention, sweepUnusedFiles } from './retention.service.js';
import { nextRunAt, queueRetention, RETENTION_RUN } from './retention-schedule.js';

let t: TestApp;
let a: TestAssociation;
let coordinator: TestMember;
let other: TestAssociation;
let mine: AgedData;
let theirs: AgedData;
const now = new Date();

withTestAssociation((app, association) => {
  t = app;
  a = association;
});
beforeAll(async () => {
  coordinator = await addMember(t, a.associationId, ['volunteer', 'coordinator']);
  other = await addAssociation(t, 'Grannstöd Grannen');
  const author = await addMember(t, a.associationId, ['volunteer']);
  const theirAuthor = await addMember(t, other.associationId, ['volunteer']);
  mine = await seedAgedData(t.ctx, a.associationId, author.memberId, now, 'a');
  theirs = await seedAgedData(t.ctx, other.associationId, theirAuthor.memberId, now, 'b');
});

const observation = (id: string) =>
  t.ctx.db.selectFrom('observations').select(['text', 'police_reference', 'category_id', 'observed_at']).where('id', '=', id).executeTakeFirst();
const photos = (id: string) => t.ctx.db.selectFrom('observation_photos').select('sha256').where('observation_id', '=', id).execute();
const shift = (id: string) =>
  t.ctx.db.selectFrom('shifts').select(['note', 'summary', 'briefing_note', 'start_place', 'odometer_end_km']).where('id', '=', id).executeTakeFirst();
const exists = async (table: 'track_segments' | 'jobs' | 'audit_log' | 'invitations', id: string) =>
  Boolean(await t.ctx.db.selectFrom(table).select('id').where('id', '=', id).executeTakeFirst());
const mail = (id: string) => t.ctx.db.selectFrom('mail_outbox').select(['to_address', 'text_body', 'status']).where('id', '=', id).executeTakeFirst();
const dashboard = async () =>
  (
    await call(
      t,
      a.admin.cookie,
      'GET',
      `/api/insights/dashboard?from=${new Date(now.getTime() - 4 * 365 * 86_400_000).toISOString().slice(0, 10)}&to=${now.toISOString().slice(0, 10)}`,
    )
  ).json();

describe('retention periods', () => {
  it('are the defaults until an admin sets them within their bounds, audited; others may not', async () => {
    const first = (await call(t, a.admin.cookie, 'GET', '/api/retention')).json();
    expect(first.kinds.find((k: { kind: string }) => k.kind === 'observation_texts')).toMatchObject({ months: 24, defaultMonths: 24, minMonths: 3 });
    expect(Date.parse(first.nextRunAt)).toBe(nextRunAt(new Date()).getTime());
    const bad = await call(t, a.admin.cookie, 'PUT', '/api/retention', { months: { audit: 2, routes: 6 } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors).toEqual([{ field: 'months.audit', message: expect.any(String) }]);
    expect((await call(t, coordinator.cookie, 'GET', '/api/retention')).statusCode).toBe(403);
    expect((await call(t, coordinator.cookie, 'PUT', '/api/retention', { months: { routes: 6 } })).statusCode).toBe(403);
    const set = await call(t, a.admin.cookie, 'PUT', '/api/retention', { months: { routes: 6 } });
    expect(set.statusCode, set.body).toBe(200);
    expect(set.json().kinds.find((k: { kind: string }) => k.kind === 'routes').months).toBe(6);
    const audit = (await call(t, a.admin.cookie, 'GET', '/api/audit?action=retention.update')).json();
    expect(audit[0]).toMatchObject({ action: 'retention.update' });
    await call(t, a.admin.cookie, 'PUT', '/api/retention', { months: { routes: 12 } });
  });
});

describe('a retention run', () => {
  it('shows beforehand what it will take, then takes what is older than each period and nothing newer', async () => {
    const preview = (await call(t, a.admin.cookie, 'GET', '/api/retention')).json() as { kinds: { kind: string; due: number }[] };
    const due = Object.fromEntries(preview.kinds.map((k) => [k.kind, k.due]));
    expect(due).toMatchObject({ observation_texts: 1, routes: 1, shift_notes: 1, mail_bodies: 1, invitations: 1 });
    // The admin's own audit entries of a moment ago stay; the three-year-old one goes.
    expect(due.audit).toBe(1);
    const before = await dashboard();

    const removed = await runRetention(t.ctx, a.associationId, now);
    expect(removed).toMatchObject({ routes: 1, shift_notes: 1, mail_bodies: 1, jobs: 1, audit: 1, invitations: 1 });

    // Old: words and references gone, photo rows gone, the observation itself stays.
    expect(await observation(mine.old.observation)).toMatchObject({ text: null, police_reference: null });
    expect(await photos(mine.old.observation)).toEqual([]);
    expect(await t.ctx.files.get(mine.old.photo)).toBeNull();
    // A file that a recent observation also carries stays.
    expect(await t.ctx.files.get(mine.sharedPhoto)).not.toBeNull();
    expect(await shift(mine.old.shift)).toEqual({ note: null, summary: null, briefing_note: null, start_place: 'Garaget', odometer_end_km: 1042 });
    expect(await exists('track_segments', mine.old.segment)).toBe(false);
    expect(await mail(mine.old.mail)).toMatchObject({ to_address: '', text_body: '', status: 'sent' });
    // A mail still on its way is never touched.
    expect(await mail(mine.old.pendingMail)).toMatchObject({ to_address: 'veraa@example.se', status: 'pending' });
    expect(await exists('jobs', mine.old.job)).toBe(false);
    expect(await exists('audit_log', mine.old.audit)).toBe(false);
    expect(await exists('invitations', mine.old.invitation)).toBe(false);

    // Recent: all there.
    expect(await observation(mine.recent.observation)).toMatchObject({ text: 'Klotter recent a', police_reference: 'K123456-26' });
    expect(await photos(mine.recent.observation)).toHaveLength(2);
    expect(await t.ctx.files.get(mine.recent.photo)).not.toBeNull();
    expect(await shift(mine.recent.shift)).toMatchObject({ note: 'Samling vid stationen', summary: 'Lugnt pass' });
    for (const [table, id] of [
      ['track_segments', mine.recent.segment],
      ['jobs', mine.recent.job],
      ['audit_log', mine.recent.audit],
      ['invitations', mine.recent.invitation],
    ] as const) {
      expect(await exists(table, id), table).toBe(true);
    }
    expect(await mail(mine.recent.mail)).toMatchObject({ to_address: 'veraa@example.se' });

    // The other association's old data is untouched.
    expect(await observation(theirs.old.observation)).toMatchObject({ text: 'Klotter old b' });
    expect(await exists('track_segments', theirs.old.segment)).toBe(true);
    expect(await t.ctx.files.get(theirs.old.photo)).not.toBeNull();

    // What the follow-up counts is the same.
    const after = await dashboard();
    expect(after.observations).toEqual(before.observations);
    expect(after.shifts).toEqual(before.shifts);
    expect(after.observations.total.value).toBeGreaterThanOrEqual(2);

    // Nothing left to take; a second run takes nothing.
    const again = (await call(t, a.admin.cookie, 'GET', '/api/retention')).json() as {
      kinds: { kind: string; due: number }[];
      lastRun: { finishedAt: string };
    };
    expect(again.kinds.filter((k) => k.kind !== 'audit').every((k) => k.due === 0)).toBe(true);
    expect(again.lastRun.finishedAt).not.toBeNull();
    expect(Object.values(await runRetention(t.ctx, a.associationId, now)).reduce((x, y) => x + y, 0)).toBeLessThanOrEqual(1);
  });

  it('is queued once a night per association, from 03:00 Stockholm time, as durable work', async () => {
    const night = new Date('2026-12-06T01:30:00.000Z'); // 02:30 in Stockholm
    expect(await queueRetention(t.ctx, night)).toBe(0);
    const three = new Date('2026-12-06T02:05:00.000Z'); // 03:05
    const first = await queueRetention(t.ctx, three);
    expect(first).toBeGreaterThanOrEqual(2);
    expect(await queueRetention(t.ctx, new Date('2026-12-06T05:00:00.000Z'))).toBe(0);
    const jobs = await t.ctx.db.selectFrom('jobs').select(['association_id']).where('kind', '=', RETENTION_RUN).execute();
    expect(jobs.filter((j) => j.association_id === a.associationId)).toHaveLength(1);
  });

  it('the installation’s run removes ended sessions, old police events and files nothing refers to', async () => {
    // The test before queued tonight's runs and kicked the job worker: let them finish first, or the
    // installation's run there could take the old police event below before this test's own run does.
    await t.jobWorker.drain();
    const orphan = await t.ctx.files.put(Buffer.from('nothing refers to me'));
    // Files age by the file system's clock (mtime), which a faked process clock (CI's faketime run) does not move:
    // the run is timed a minute after the file's own writing.
    let writtenAt: Date | undefined;
    for await (const f of t.ctx.files.list()) if (f.sha256 === orphan) writtenAt = f.writtenAt;
    const justAfter = new Date(writtenAt!.getTime() + 60_000);
    await t.ctx.db
      .insertInto('police_events')
      .values({
        id: 'old-event',
        occurred_at: '2020-01-01T00:00:00.000Z',
        name: 'Gammal',
        summary: 'x',
        url: '/x',
        type: 'Brand',
        location_name: 'Huddinge',
        lat: 59.2,
        lng: 17.9,
        fetched_at: '2020-01-01T00:00:00.000Z',
      })
      .execute();
    expect(await runInstallationRetention(t.ctx, justAfter)).toBeGreaterThanOrEqual(1);
    expect(await t.ctx.db.selectFrom('police_events').select('id').where('id', '=', 'old-event').executeTakeFirst()).toBeUndefined();
    // A file written a moment ago may be a photo whose row is on its way: only files a day old go.
    expect(await sweepUnusedFiles(t.ctx, justAfter)).toBe(0);
    expect(await sweepUnusedFiles(t.ctx, new Date(writtenAt!.getTime() + 2 * 86_400_000))).toBeGreaterThanOrEqual(1);
    expect(await t.ctx.files.get(orphan)).toBeNull();
    expect(await t.ctx.files.get(mine.recent.photo)).not.toBeNull();
    // Sessions run 30 days: two months on, every one of them has ended and goes (the last thing this file does).
    const sessions = () => (t.ctx.db as unknown as Kysely<Record<string, { id: string }>>).selectFrom('session').select('id').execute();
    expect((await sessions()).length).toBeGreaterThan(0);
    await runInstallationRetention(t.ctx, new Date(now.getTime() + 60 * 86_400_000));
    expect(await sessions()).toEqual([]);
  });
});
